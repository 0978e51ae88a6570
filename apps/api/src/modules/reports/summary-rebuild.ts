import type { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@motcua/shared';
import { DECIDED_STATUSES, NO_DUE_AT } from './summary-contribution.js';

/** The NOTIFY channel of summary changes: every API process LISTENs, for the SSE live feed. */
export const REPORTS_CHANNEL = 'motcua_reports';
/** The payload of a NOTIFY after a rebuild (every agency changed). */
export const ALL_AGENCIES = '*';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** summary-contribution.ts isCountedPaid, in SQL: a refunded fee is not a payment. */
const COUNTED_PAID = `d.fee > 0 AND d.fee_paid_at IS NOT NULL AND d.fee_status NOT IN ('REFUND_DUE', 'REFUNDED')`;

/**
 * One row per counted fact, in the daily table's columns; summed by key below. A decision counts
 * by the time facts its transition stored (decided_outcome, processing_working_days): no calendar
 * and no cut-off here, only vn_local_date for the day buckets.
 */
const CONTRIBUTIONS = `
  SELECT vn_local_date(d.received_at) AS day, d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         1 AS received, 0 AS decided, 0 AS decided_early, 0 AS decided_on_time, 0 AS decided_late,
         0 AS processing_days_sum, 0 AS returned, 0 AS ratings, 0 AS ratings_satisfied, 0 AS rating_score_sum,
         (${COUNTED_PAID})::int AS fee_paid,
         (${COUNTED_PAID} AND d.fee_paid_online IS TRUE)::int AS fee_paid_online,
         0 AS returned_end_to_end, 0 AS returned_digitised, 0 AS apologies_issued, 0 AS apologies_automatic
    FROM dossier_report_fact d WHERE d.received_at IS NOT NULL
  UNION ALL
  SELECT vn_local_date(d.completed_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 1,
         (d.decided_outcome IS NOT DISTINCT FROM 'EARLY')::int,
         (d.decided_outcome IS NULL OR d.decided_outcome = 'ON_TIME')::int,
         (d.decided_outcome IS NOT DISTINCT FROM 'LATE')::int,
         COALESCE(d.processing_working_days, 0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM dossier_report_fact d
   WHERE d.completed_at IS NOT NULL AND d.status IN (${list(DECIDED_STATUSES)})
  UNION ALL
  SELECT vn_local_date(d.returned_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, (d.end_to_end IS TRUE)::int, (d.digitised IS TRUE)::int, 0, 0
    FROM dossier_report_fact d WHERE d.returned_at IS NOT NULL
  UNION ALL
  SELECT vn_local_date(d.received_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 0, 0, 0, 0, 0, 0, 1, (r.score >= 4)::int, r.score, 0, 0, 0, 0, 0, 0
    FROM dossier_rating_fact r JOIN dossier_report_fact d ON d.id = r.dossier_id
   WHERE d.received_at IS NOT NULL
  UNION ALL
  SELECT vn_local_date(l.issued_at), d.agency_code, d.procedure_code, d.channel, d.sector_code, d.online_level,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, l.automatic::int
    FROM apology_fact l JOIN dossier_report_fact d ON d.id = l.dossier_id`;

export const DAILY_COLUMNS = `received, decided, decided_early, decided_on_time, decided_late, processing_days_sum,
  returned, ratings, ratings_satisfied, rating_score_sum, fee_paid, fee_paid_online, returned_end_to_end,
  returned_digitised, apologies_issued, apologies_automatic`;
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
    WITH ins AS (
    INSERT INTO report_daily (${DAILY_KEY}, ${DAILY_COLUMNS})
    SELECT ${DAILY_KEY},
           sum(received), sum(decided), sum(decided_early), sum(decided_on_time), sum(decided_late),
           sum(processing_days_sum), sum(returned), sum(ratings), sum(ratings_satisfied), sum(rating_score_sum),
           sum(fee_paid), sum(fee_paid_online), sum(returned_end_to_end), sum(returned_digitised),
           sum(apologies_issued), sum(apologies_automatic)
      FROM (${CONTRIBUTIONS}) c
     GROUP BY ${DAILY_KEY}
    RETURNING 1)
    SELECT count(*)::int AS n FROM ins`);
  await m.query(`
    INSERT INTO report_monthly (month, agency_code, procedure_code, channel, sector_code, online_level, ${DAILY_COLUMNS})
    SELECT date_trunc('month', day)::date, agency_code, procedure_code, channel, sector_code, online_level,
           sum(received), sum(decided), sum(decided_early), sum(decided_on_time), sum(decided_late),
           sum(processing_days_sum), sum(returned), sum(ratings), sum(ratings_satisfied), sum(rating_score_sum),
           sum(fee_paid), sum(fee_paid_online), sum(returned_end_to_end), sum(returned_digitised),
           sum(apologies_issued), sum(apologies_automatic)
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
 * `dossier_rating_fact` (migrations 1765800000000, 1765950000000) and the sla module's `apology_fact`, in one transaction (its own, or
 * the caller's manager). Run after loading data in bulk (the history generator) or after a restore.
 * It reads the decisions' stored time facts, so a later holiday-calendar change does not reach past
 * processing times.
 */
export async function rebuildSummaries(db: DataSource | EntityManager): Promise<RebuildResult> {
  return db.transaction((m) => rebuildIn(m));
}
