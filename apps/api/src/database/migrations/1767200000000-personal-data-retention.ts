import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statuses with no way out (shared TERMINAL_STATUSES): the dossier is closed. */
const CLOSED_STATUSES = `'NOT_ACCEPTED', 'WITHDRAWN', 'RETURNED'`;

/** Heap pages per backfill batch (as in 1766900000000: a 10M table is not locked in one go). */
const BATCH_PAGES = 50_000;

/**
 * Personal data kept 10 years after a dossier closes, then erased (domain.md, "Personal data";
 * the `retention.sweep` job, modules/retention). The dossier gains:
 * - `closed_at`, when it reached NOT_ACCEPTED, WITHDRAWN or RETURNED. A trigger sets it on every
 *   writer (the workflow, the history seed, the bench's COPY): the return time, else the row's
 *   `updated_at` at that write (the transition's time; a bulk row's last change). Rows closed
 *   before are backfilled from the timeline's closing event.
 * - `personal_data_erased_at`, set by the sweep in the transaction that erases and seals.
 * - a partial index holding only closed, not yet erased dossiers, oldest first: the sweep's
 *   batch is an index range scan that never reads an open dossier.
 * `attachment` and `dossier_event` stay append-only for the API's role (app-role.ts); the sweep
 * deletes a dossier's attachments, and nulls the applicant's name on its timeline events (a column
 * the chain does not seal), through the owner's function below, which refuses unless the dossier is
 * closed and already marked erased in the same transaction (the sweep then seals the erasure).
 * The applicant-name triggers leave an erased dossier without the name.
 */
export class PersonalDataRetention1767200000000 implements MigrationInterface {
  name = 'PersonalDataRetention1767200000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE dossier ADD COLUMN IF NOT EXISTS closed_at timestamptz,
         ADD COLUMN IF NOT EXISTS personal_data_erased_at timestamptz`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.closed_at := coalesce(NEW.returned_at, NEW.updated_at);
        RETURN NEW;
      END
      $$`);
    await q.query(`DROP TRIGGER IF EXISTS dossier_closed_at ON dossier`);
    await q.query(`
      CREATE TRIGGER dossier_closed_at BEFORE INSERT OR UPDATE ON dossier
        FOR EACH ROW WHEN (NEW.closed_at IS NULL AND NEW.status IN (${CLOSED_STATUSES}))
        EXECUTE FUNCTION dossier_closed_at()`);

    // Rows closed before the trigger: the closing event's time (a later rating or refund may have
    // moved updated_at since). Per range of heap pages, idempotent (closed_at IS NULL).
    const [{ pages }] = (await q.query(
      `SELECT (pg_relation_size('dossier') / current_setting('block_size')::int)::int AS pages`,
    )) as { pages: number }[];
    for (let from = 0; from < pages; from += BATCH_PAGES) {
      await q.query(
        `UPDATE dossier d SET closed_at = coalesce(d.returned_at,
              (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = d.status),
              d.updated_at)
          WHERE d.closed_at IS NULL AND d.status IN (${CLOSED_STATUSES})
            AND d.ctid >= format('(%s,0)', $1::int)::tid AND d.ctid < format('(%s,0)', $2::int)::tid`,
        [from, from + BATCH_PAGES],
      );
    }

    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('dossier_retention_due_idx') AND NOT indisvalid) THEN
          DROP INDEX dossier_retention_due_idx;
        END IF;
      END $$`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS dossier_retention_due_idx ON dossier (closed_at)
         WHERE closed_at IS NOT NULL AND personal_data_erased_at IS NULL`,
    );

    await q.query(`
      CREATE OR REPLACE FUNCTION erase_dossier_personal_data(p_dossier uuid)
        RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM 1 FROM dossier
          WHERE id = p_dossier AND status IN (${CLOSED_STATUSES}) AND personal_data_erased_at IS NOT NULL
          FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        -- The applicant's name as it was then, on their own events (not sealed: actor_id is).
        UPDATE dossier_event e SET actor_name = NULL
          FROM dossier d
         WHERE d.id = p_dossier AND e.dossier_id = d.id AND e.actor_id = d.applicant_id AND e.actor_name IS NOT NULL;
        RETURN QUERY DELETE FROM attachment WHERE dossier_id = p_dossier RETURNING sha256;
      END $$`);
    // Only the roles granted it (ensureAppRole, APP_FUNCTIONS) may call it.
    await q.query(`REVOKE ALL ON FUNCTION erase_dossier_personal_data(uuid) FROM PUBLIC`);

    // The timeline stays append-only but for one change: the applicant's unsealed name on the
    // events of an erased dossier, nulled (only by the owner's function above: the API's role has no UPDATE).
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.actor_name IS NOT NULL AND NEW.actor_name IS NULL
           AND (to_jsonb(NEW) - 'actor_name') = (to_jsonb(OLD) - 'actor_name')
           AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = OLD.dossier_id AND d.personal_data_erased_at IS NOT NULL
                          AND d.applicant_id = OLD.actor_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'dossier_event is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);

    // An erased dossier no longer carries its applicant's name, nor gets it back on a rename.
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_applicant_name_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.applicant_name_search := CASE WHEN NEW.personal_data_erased_at IS NULL THEN
          (SELECT lower(f_unaccent(u.full_name)) FROM app_user u WHERE u.id = NEW.applicant_id) END;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_user_name_to_dossiers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE dossier SET applicant_name_search = lower(f_unaccent(NEW.full_name))
         WHERE applicant_id = NEW.id AND personal_data_erased_at IS NULL;
        RETURN NULL;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_user_name_to_dossiers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE dossier SET applicant_name_search = lower(f_unaccent(NEW.full_name)) WHERE applicant_id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_applicant_name_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.applicant_name_search := (SELECT lower(f_unaccent(u.full_name)) FROM app_user u WHERE u.id = NEW.applicant_id);
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_event is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`DROP FUNCTION IF EXISTS erase_dossier_personal_data(uuid)`);
    await q.query(`DROP INDEX IF EXISTS dossier_retention_due_idx`);
    await q.query(`DROP TRIGGER IF EXISTS dossier_closed_at ON dossier`);
    await q.query(`DROP FUNCTION IF EXISTS dossier_closed_at()`);
    await q.query(`ALTER TABLE dossier DROP COLUMN IF EXISTS personal_data_erased_at, DROP COLUMN IF EXISTS closed_at`);
  }
}
