import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-time claim code printed on a counter receipt (issue 12): kept only as its sha256,
 * spent once, by the citizen who brings the receipt into their account.
 */
export class CounterClaim1765310000000 implements MigrationInterface {
  name = 'CounterClaim1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE counter_claim (
        dossier_id  uuid PRIMARY KEY REFERENCES dossier(id) ON DELETE CASCADE,
        code_hash   text NOT NULL,
        created_at  timestamptz NOT NULL,
        claimed_at  timestamptz,
        claimed_by  uuid REFERENCES app_user(id),
        CONSTRAINT counter_claim_code_hash_key UNIQUE (code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE counter_claim`);
  }
}
