import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyed audit chain (issue 12, item 11). Existing events keep their plain sha256 links as chain
 * version 1 (no key is available to a migration, so they cannot be re-linked here); the API seals
 * them once, keyed, on its first start, into audit_legacy_seal (modules/audit/legacy-seal.ts). New events are version 2:
 * an HMAC link that also seals the dossier's state (`state`). Attachments carry their own MAC.
 * A writer that names no version (bulk loaders of demo and bench history) gets 1: such links are
 * reported broken by the audit unless an operator with the key seals them (seed CLI).
 */
export class KeyedAuditChain1765500000000 implements MigrationInterface {
  name = 'KeyedAuditChain1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // ADD COLUMN with a default fills existing rows without an UPDATE (the trigger would refuse one).
    await q.query(`ALTER TABLE dossier_event ADD COLUMN chain_version smallint NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE dossier_event ADD COLUMN state jsonb`);
    await q.query(
      `ALTER TABLE dossier_event ADD CONSTRAINT dossier_event_state_v2 CHECK (chain_version = 1 OR state IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE attachment ADD COLUMN mac text`);
    // One row per dossier with v1 links, written with the key by the API (legacy-seal.ts).
    await q.query(`
      CREATE TABLE audit_legacy_seal (
        dossier_id uuid PRIMARY KEY,
        seq        integer NOT NULL,
        hash       text NOT NULL,
        mac        text NOT NULL,
        sealed_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_legacy_seal`);
    await q.query(`ALTER TABLE attachment DROP COLUMN mac`);
    await q.query(`ALTER TABLE dossier_event DROP CONSTRAINT dossier_event_state_v2`);
    await q.query(`ALTER TABLE dossier_event DROP COLUMN state`);
    await q.query(`ALTER TABLE dossier_event DROP COLUMN chain_version`);
  }
}
