import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The result document of a dossier (issue 14): one per dossier, uploaded unsigned before the
 * decision and signed by it (or signed at upload after it). `sha256` is the file served now
 * (the signed one once signed); `verification_code` (≥ 128 random bits, base64url) is the
 * public verification link's key, fixed at upload so the QR code can carry it.
 */
export class DossierResult1766100000000 implements MigrationInterface {
  name = 'DossierResult1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_result (
        id                uuid PRIMARY KEY,
        dossier_id        uuid NOT NULL UNIQUE REFERENCES dossier(id),
        file_name         text NOT NULL,
        size              bigint NOT NULL CHECK (size > 0),
        sha256            char(64) NOT NULL,
        original_sha256   char(64) NOT NULL,
        signed            boolean NOT NULL DEFAULT false,
        signed_at         timestamptz,
        signer            text,
        verification_code text NOT NULL UNIQUE CHECK (length(verification_code) >= 22),
        uploaded_by       uuid NOT NULL REFERENCES app_user(id),
        uploaded_at       timestamptz NOT NULL,
        revoked_at        timestamptz,
        CHECK (signed = (signed_at IS NOT NULL)),
        CHECK (NOT signed OR signer IS NOT NULL)
      )`);
    // POST /verify looks a file up by its hash.
    await q.query(`CREATE INDEX dossier_result_sha256 ON dossier_result (sha256) WHERE signed`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_result`);
  }
}
