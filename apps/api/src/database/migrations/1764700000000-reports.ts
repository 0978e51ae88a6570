import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff queue's default statuses (QUEUE_DEFAULT_STATUSES): open, or decided and not yet returned. */
const ACTIVE_STATUSES = `'SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL',
  'APPROVED', 'REJECTED'`;
/** The queue's order: oldest due first; a dossier not yet received (no due date) by its submission time. */
const SORT_KEY = `(COALESCE(due_at, submitted_at))`;

const KEY_COLUMNS = `agency_code          text NOT NULL,
        procedure_code       text NOT NULL,
        channel              text NOT NULL,
        sector_code          text NOT NULL,
        online_level         text NOT NULL`;
const COUNTER_COLUMNS = `received             integer NOT NULL DEFAULT 0,
        decided              integer NOT NULL DEFAULT 0,
        decided_early        integer NOT NULL DEFAULT 0,
        decided_on_time      integer NOT NULL DEFAULT 0,
        decided_late         integer NOT NULL DEFAULT 0,
        processing_days_sum  bigint NOT NULL DEFAULT 0,
        returned             integer NOT NULL DEFAULT 0,
        ratings              integer NOT NULL DEFAULT 0,
        ratings_satisfied    integer NOT NULL DEFAULT 0,
        rating_score_sum     integer NOT NULL DEFAULT 0,
        fee_paid             integer NOT NULL DEFAULT 0,
        fee_paid_online      integer NOT NULL DEFAULT 0`;

/**
 * Reports and the staff queue.
 *
 * `report_daily`: one row per local day × agency × procedure × channel (with the procedure's
 * sector and online level as filed), holding the counters every report figure is computed from.
 * Each counter is dated by its own basis (domain.md, Metrics): received, ratings and fees by the
 * day of receipt; decided/early/on time/late and the processing days by the day of decision;
 * returned by the day of return. A report sums these rows, never scanning `dossier`.
 *
 * `report_monthly`: the same, by month, so a long period reads a dozen rows per key.
 *
 * `report_open`: open dossiers now, counted per agency × procedure × channel × status × due time
 * (`infinity` when not yet received). "Open overdue" is a "now" figure: the sum of the counts
 * whose due time is past, read from a small table whatever the size of `dossier` (the other way,
 * an index over open dossiers, would still visit every open dossier of the scope per report).
 *
 * All three are kept current in the transaction of each status change (DossierTransitionHooks) and can
 * be rebuilt from `dossier` and `dossier_rating` (rebuildSummaries).
 */
export class Reports1764700000000 implements MigrationInterface {
  name = 'Reports1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Vietnam has one fixed offset (UTC+7, no daylight saving): no time-zone database needed,
    // and IMMUTABLE so that indexes may use it.
    await q.query(`
      CREATE FUNCTION vn_local_date(timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT (($1 AT TIME ZONE 'UTC') + interval '7 hours')::date $$`);

    await q.query(`
      CREATE TABLE report_daily (
        day                  date NOT NULL,
        ${KEY_COLUMNS},
        ${COUNTER_COLUMNS},
        PRIMARY KEY (day, agency_code, procedure_code, channel, sector_code, online_level)
      )`);
    // The same counters rolled up by month (`month` is its first day): a period's whole months are
    // read here, only its partial edge months from report_daily, so a year is ~12 rows per key.
    await q.query(`
      CREATE TABLE report_monthly (
        month                date NOT NULL,
        ${KEY_COLUMNS},
        ${COUNTER_COLUMNS},
        PRIMARY KEY (month, agency_code, procedure_code, channel, sector_code, online_level)
      )`);

    await q.query(`
      CREATE TABLE report_open (
        agency_code     text NOT NULL,
        procedure_code  text NOT NULL,
        channel         text NOT NULL,
        sector_code     text NOT NULL,
        online_level    text NOT NULL,
        status          text NOT NULL,
        due_at          timestamptz NOT NULL,
        -- No CHECK (>= 0): INSERT … ON CONFLICT checks the proposed row (a −1 delta) before the conflict.
        open_count      integer NOT NULL,
        PRIMARY KEY (agency_code, procedure_code, channel, sector_code, online_level, status, due_at)
      )`);

    // ---- The staff queue (GET /queue): keyset on (sort key, id) ----
    // One agency's waiting dossiers in order (reception desk, officers, approvers).
    await q.query(
      `CREATE INDEX dossier_queue_sort_agency_idx ON dossier (agency_code, ${SORT_KEY}, id) WHERE status IN (${ACTIVE_STATUSES})`,
    );
    // Several agencies (a manager's subtree, an admin): read in order, filter by agency.
    await q.query(
      `CREATE INDEX dossier_queue_sort_idx ON dossier (${SORT_KEY}, id) WHERE status IN (${ACTIVE_STATUSES})`,
    );
    // A status filter outside the default (returned, refused, withdrawn): in order within the status.
    await q.query(`CREATE INDEX dossier_status_sort_idx ON dossier (status, ${SORT_KEY}, id) WHERE status <> 'DRAFT'`);
    // Search by part of a code; by the applicant's name without diacritics.
    await q.query(`CREATE INDEX dossier_code_trgm_idx ON dossier USING gin (code gin_trgm_ops) WHERE code IS NOT NULL`);
    await q.query(
      `CREATE INDEX app_user_full_name_trgm_idx ON app_user USING gin (lower(f_unaccent(full_name)) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_full_name_trgm_idx`);
    await q.query(`DROP INDEX dossier_code_trgm_idx`);
    await q.query(`DROP INDEX dossier_status_sort_idx`);
    await q.query(`DROP INDEX dossier_queue_sort_idx`);
    await q.query(`DROP INDEX dossier_queue_sort_agency_idx`);
    await q.query(`DROP TABLE report_open`);
    await q.query(`DROP TABLE report_monthly`);
    await q.query(`DROP TABLE report_daily`);
    await q.query(`DROP FUNCTION vn_local_date(timestamptz)`);
  }
}
