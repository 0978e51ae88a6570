import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE_STATUSES = `'SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL',
  'APPROVED', 'REJECTED'`;

/** Heap pages per backfill batch (8 KiB each: ≈ 400 MB, about 600k dossiers at 10M). */
const BATCH_PAGES = 50_000;

/**
 * Queue search by applicant name (issue 16, item 15): at 10M dossiers "nguyen van an" took 136 ms
 * in SQL, the name being read through a join to app_user and every dossier of every matching
 * applicant fetched and sorted. The dossier now carries its applicant's name unaccented and in lower
 * case (unaccent first: the C locale's lower() folds ASCII only), kept at write time by triggers (a
 * dossier inserted or given another applicant; a user renamed), and a trigram index over it for the
 * queue's statuses answers a substring search without diacritics from the index.
 *
 * Not one transaction (migrations run at start): the backfill commits per range of heap pages so a
 * 10M table is not locked nor rewritten in one go, and the index is built CONCURRENTLY. Every step
 * is idempotent, so a start interrupted half-way resumes where it stopped.
 */
export class ApplicantNameSearch1766900000000 implements MigrationInterface {
  name = 'ApplicantNameSearch1766900000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier ADD COLUMN IF NOT EXISTS applicant_name_search text`);
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_applicant_name_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.applicant_name_search := (SELECT lower(f_unaccent(u.full_name)) FROM app_user u WHERE u.id = NEW.applicant_id);
        RETURN NEW;
      END
      $$`);
    await q.query(`DROP TRIGGER IF EXISTS dossier_applicant_name_search ON dossier`);
    await q.query(`
      CREATE TRIGGER dossier_applicant_name_search BEFORE INSERT ON dossier
        FOR EACH ROW EXECUTE FUNCTION dossier_applicant_name_search()`);
    // Also any update of a row the backfill has not reached yet, so no row is left without its name.
    await q.query(`DROP TRIGGER IF EXISTS dossier_applicant_name_search_update ON dossier`);
    await q.query(`
      CREATE TRIGGER dossier_applicant_name_search_update BEFORE UPDATE ON dossier
        FOR EACH ROW WHEN (NEW.applicant_name_search IS NULL OR OLD.applicant_id IS DISTINCT FROM NEW.applicant_id)
        EXECUTE FUNCTION dossier_applicant_name_search()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_user_name_to_dossiers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE dossier SET applicant_name_search = lower(f_unaccent(NEW.full_name)) WHERE applicant_id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`DROP TRIGGER IF EXISTS app_user_name_to_dossiers ON app_user`);
    await q.query(`
      CREATE TRIGGER app_user_name_to_dossiers AFTER UPDATE OF full_name ON app_user
        FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name) EXECUTE FUNCTION app_user_name_to_dossiers()`);

    // Backfill the rows written before the triggers, one range of heap pages per statement (a TID
    // range scan reads only those pages); a row moved by its update into a later range is skipped there,
    // and a row another process updates meanwhile gets its name from the update trigger.
    const [{ pages }] = (await q.query(
      `SELECT (pg_relation_size('dossier') / current_setting('block_size')::int)::int AS pages`,
    )) as { pages: number }[];
    for (let from = 0; from < pages; from += BATCH_PAGES) {
      await q.query(
        `UPDATE dossier d SET applicant_name_search = lower(f_unaccent(u.full_name))
           FROM app_user u
          WHERE u.id = d.applicant_id AND d.applicant_name_search IS NULL
            AND d.ctid >= format('(%s,0)', $1::int)::tid AND d.ctid < format('(%s,0)', $2::int)::tid`,
        [from, from + BATCH_PAGES],
      );
    }

    // An interrupted CONCURRENTLY build leaves an invalid index behind: drop it and build again.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('dossier_queue_name_trgm_idx') AND NOT indisvalid) THEN
          DROP INDEX dossier_queue_name_trgm_idx;
        END IF;
      END $$`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS dossier_queue_name_trgm_idx ON dossier
         USING gin (applicant_name_search gin_trgm_ops) WHERE status IN (${ACTIVE_STATUSES})`,
    );

    // The queue reads the dossier module's view: append the column (a view may only gain columns at the end).
    await q.query(`
      CREATE OR REPLACE VIEW dossier_queue_item AS
      SELECT d.id, d.code, d.procedure_code, pv.name AS procedure_name, d.agency_code,
             d.applicant_id, u.full_name AS applicant_name, d.status, d.channel,
             d.submitted_at, d.due_at, d.completed_at, d.assignee_id, asg.full_name AS assignee_name,
             d.decided_outcome, d.applicant_name_search
        FROM dossier d
        JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
        JOIN app_user u ON u.id = d.applicant_id
        LEFT JOIN app_user asg ON asg.id = d.assignee_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW dossier_queue_item`);
    await q.query(`
      CREATE VIEW dossier_queue_item AS
      SELECT d.id, d.code, d.procedure_code, pv.name AS procedure_name, d.agency_code,
             d.applicant_id, u.full_name AS applicant_name, d.status, d.channel,
             d.submitted_at, d.due_at, d.completed_at, d.assignee_id, asg.full_name AS assignee_name,
             d.decided_outcome
        FROM dossier d
        JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
        JOIN app_user u ON u.id = d.applicant_id
        LEFT JOIN app_user asg ON asg.id = d.assignee_id`);
    await q.query(`DROP INDEX IF EXISTS dossier_queue_name_trgm_idx`);
    await q.query(`DROP TRIGGER IF EXISTS app_user_name_to_dossiers ON app_user`);
    await q.query(`DROP FUNCTION IF EXISTS app_user_name_to_dossiers()`);
    await q.query(`DROP TRIGGER IF EXISTS dossier_applicant_name_search_update ON dossier`);
    await q.query(`DROP TRIGGER IF EXISTS dossier_applicant_name_search ON dossier`);
    await q.query(`DROP FUNCTION IF EXISTS dossier_applicant_name_search()`);
    await q.query(`ALTER TABLE dossier DROP COLUMN IF EXISTS applicant_name_search`);
  }
}
