import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12. Each dossier gets an unguessable tracking token, printed in the receipt's QR code,
 * that opens the public timeline: two v4 UUIDs from PostgreSQL's strong random source, 244
 * random bits, kept as a column so the receipt can be printed again. Attachments get an index
 * by uploader, for the per-user storage quota, and by content, for the sweeper of orphaned files.
 */
export class TrackingTokenUploadQuota1765400000000 implements MigrationInterface {
  name = 'TrackingTokenUploadQuota1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier ADD COLUMN tracking_token text NOT NULL
        DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`);
    await q.query(`CREATE INDEX attachment_uploaded_by_idx ON attachment (uploaded_by)`);
    await q.query(`CREATE INDEX attachment_sha256_idx ON attachment (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attachment_sha256_idx`);
    await q.query(`DROP INDEX attachment_uploaded_by_idx`);
    await q.query(`ALTER TABLE dossier DROP COLUMN tracking_token`);
  }
}
