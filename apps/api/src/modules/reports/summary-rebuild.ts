import type { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@motcua/shared';
import { DECIDED_STATUSES, NO_DUE_AT } from './summary-contribution.js';

/** The NOTIFY channel of summary changes: every API process LISTENs, for the SSE live feed. */
export const REPORTS_CHANNEL = 'motcua_reports';
/** The payload of a NOTIFY after a rebuild (every agency changed). */
export const ALL_AGENCIES = '*';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Working days as a cumulative index over the days the data spans: n(day) = working days up to
 * and including `day` (Monday to Friday, minus HOLIDAY, plus WORKING_DAY rows of the calendar).
 * Then workingDaysBetween(a, b) = n(b) − n(a), and the first working day on or after d has index
 * n(d − 1) + 1: the SQL twin of WorkingCalendar.
 */
const CALENDAR_CTE = `
  bounds AS (
    SELECT min(vn_local_date(received_at)) - 2 AS lo, max(vn_local_date(completed_at)) + 1 AS hi
      FROM dossier_report_fact WHERE completed_at IS NOT NULL AND received_at IS NOT NULL
  ),
  cal AS (
    SELECT g::date AS day,
           sum(CASE WHEN h.kind = 'HOLIDAY' THEN 0
                    WHEN h.kind = 'WORKING_DAY' THEN 1
                    WHEN extract(isodow FROM g) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY g) AS n
      FROM bounds, generate_series(bounds.lo, bounds.hi, interval '1 day') AS g
      LEFT JOIN calendar_exception h ON h.date = g::date
  )`;

/**
 * processingWorkingDays in SQL: from the working day the receipt counts toward (the next one when
 * received at or after 17:00 local, or on a day off) to the local day of the decision, at least 0.
 * With d0 = receipt day (+1 from 17:00): n(decision day) − (n(d0 − 1) + 1).
 */
const PROCESSING_DAYS = `greatest(0, c_end.n - c_start.n - 1)`;
const RECEIPT_D0 = `vn_local_date(d.received_at)
  + CASE WHEN ((d.received_at AT TIME ZONE 'UTC') + interval '7 hours')::time >= time '17:00' THEN 1 ELSE 0 END`;

/** One row per counted fact, in the daily table's columns; summed by key below. */
const CONTRIBUTIONS = `
  SELECT vn_local_date(d.received_at) AS day, d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         1 AS received, 0 AS decided, 0 AS decided_early, 0 AS decided_on_time, 0 AS decided_late,
         0 AS processing_days_sum, 0 AS returned, 0 AS ratings, 0 AS ratings_satisfied, 0 AS rating_score_sum,
         (d.fee > 0 AND d.fee_paid_at IS NOT NULL)::int AS fee_paid,
         (d.fee > 0 AND d.fee_paid_at IS NOT NULL AND d.fee_paid_online IS TRUE)::int AS fee_paid_online
    FROM dossier_report_fact d WHERE d.received_at IS NOT NULL
  UNION ALL
  SELECT vn_local_date(d.completed_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 1,
         (d.completed_at <= d.due_at AND vn_local_date(d.completed_at) < vn_local_date(d.due_at))::int,
         (d.due_at IS NULL OR (d.completed_at <= d.due_at AND vn_local_date(d.completed_at) >= vn_local_date(d.due_at)))::int,
         (d.completed_at > d.due_at)::int,
         COALESCE(${PROCESSING_DAYS}, 0), 0, 0, 0, 0, 0, 0
    FROM dossier_report_fact d
    LEFT JOIN cal c_end ON c_end.day = vn_local_date(d.completed_at)
    LEFT JOIN cal c_start ON c_start.day = (${RECEIPT_D0}) - 1
   WHERE d.completed_at IS NOT NULL AND d.status IN (${list(DECIDED_STATUSES)})
  UNION ALL
  SELECT vn_local_date(d.returned_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
    FROM dossier_report_fact d WHERE d.returned_at IS NOT NULL
  UNION ALL
  SELECT vn_local_date(d.received_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 0, 0, 0, 0, 0, 0, 1, (r.score >= 4)::int, r.score, 0, 0
    FROM dossier_rating_fact r JOIN dossier_report_fact d ON d.id = r.dossier_id
   WHERE d.received_at IS NOT NULL`;

export const DAILY_COLUMNS = `received, decided, decided_early, decided_on_time, decided_late, processing_days_sum,
  returned, ratings, ratings_satisfied, rating_score_sum, fee_paid, fee_paid_online`;
const DAILY_KEY = `day, agency_code, procedure_code, channel, sector_code, online_level`;

export interface RebuildResult {
  dailyRows: number;
  openRows: number;
}

type Queryable = Pick<EntityManager, 'query'>;

async function rebuildIn(m: Queryable): Promise<RebuildResult> {
  // Writers (the in-transaction upkeep) wait for the rebuild and then apply their change on top
  // of it; readers keep reading the old rows until commit (DELETE, not TRUNCATE).
  await m.query(`LOCK TABLE report_daily, report_monthly, report_open IN SHARE ROW EXCLUSIVE MODE`);
  await m.query(`DELETE FROM report_daily`);
  await m.query(`DELETE FROM report_monthly`);
  await m.query(`DELETE FROM report_open`);
  const [daily]: { n: number }[] = await m.query(`
    WITH ${CALENDAR_CTE},
    ins AS (
    INSERT INTO report_daily (${DAILY_KEY}, ${DAILY_COLUMNS})
    SELECT ${DAILY_KEY},
           sum(received), sum(decided), sum(decided_early), sum(decided_on_time), sum(decided_late),
           sum(processing_days_sum), sum(returned), sum(ratings), sum(ratings_satisfied), sum(rating_score_sum),
           sum(fee_paid), sum(fee_paid_online)
      FROM (${CONTRIBUTIONS}) c
     GROUP BY ${DAILY_KEY}
    RETURNING 1)
    SELECT count(*)::int AS n FROM ins`);
  await m.query(`
    INSERT INTO report_monthly (month, agency_code, procedure_code, channel, sector_code, online_level, ${DAILY_COLUMNS})
    SELECT date_trunc('month', day)::date, agency_code, procedure_code, channel, sector_code, online_level,
           sum(received), sum(decided), sum(decided_early), sum(decided_on_time), sum(decided_late),
           sum(processing_days_sum), sum(returned), sum(ratings), sum(ratings_satisfied), sum(rating_score_sum),
           sum(fee_paid), sum(fee_paid_online)
      FROM report_daily
     GROUP BY 1, 2, 3, 4, 5, 6`);
  const [open]: { n: number }[] = await m.query(`
    WITH ins AS (
    INSERT INTO report_open (agency_code, procedure_code, channel, sector_code, online_level, status, due_at, open_count)
    SELECT agency_code, procedure_code, channel, sector_code, online_level, status,
           COALESCE(due_at, '${NO_DUE_AT}'::timestamptz), count(*)
      FROM dossier_report_fact
     WHERE status IN (${list(OPEN_STATUSES)})
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    RETURNING 1)
    SELECT count(*)::int AS n FROM ins`);
  await m.query(`SELECT pg_notify($1, $2)`, [REPORTS_CHANNEL, ALL_AGENCIES]);
  return { dailyRows: daily.n, openRows: open.n };
}

/**
 * Recompute the summary tables from the dossier module's views `dossier_report_fact` and
 * `dossier_rating_fact` and the catalog's `calendar_exception` (migration 1765800000000), in one transaction (its own,
 * or the caller's manager). Run after loading data in bulk (the history generator), after a
 * restore, or after a holiday-calendar change that should reach past processing times.
 */
export async function rebuildSummaries(db: DataSource | EntityManager): Promise<RebuildResult> {
  return db.transaction((m) => rebuildIn(m));
}
