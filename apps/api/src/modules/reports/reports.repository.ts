import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ZERO_COUNTS, type SummaryCounts } from '@motcua/shared';
import type { CountedFacts, SummaryDelta } from './summary-contribution.js';
import { DAILY_COLUMNS, REPORTS_CHANNEL, rebuildSummaries, type RebuildResult } from './summary-rebuild.js';

/**
 * INSERT … ON CONFLICT that adds the counters of `rows` (period, the five key columns, then
 * DAILY_COLUMNS) to those of report_daily or report_monthly.
 */
function addCounters(table: 'report_daily' | 'report_monthly', period: 'day' | 'month', rows: string): string {
  const keys = `${period}, agency_code, procedure_code, channel, sector_code, online_level`;
  const sums = DAILY_COLUMNS.split(/,\s*/)
    .map((c) => `${c} = r.${c} + EXCLUDED.${c}`)
    .join(',\n           ');
  return `INSERT INTO ${table} AS r (${keys}, ${DAILY_COLUMNS})
         ${rows}
         ON CONFLICT (${keys}) DO UPDATE SET
           ${sums}
         RETURNING 1`;
}

/** How report rows are grouped: one total, or one row per agency, sector, procedure or month. */
export type ReportGrouping = 'total' | 'agency' | 'sector' | 'procedure' | 'month';

export interface ReportFilter {
  from: string;
  to: string;
  /** null: every agency. */
  agencyCodes: string[] | null;
  sectorCode?: string;
  procedureCode?: string;
  /** "Now", for the open-overdue count. */
  now: Date;
  /** By agency: a row for every agency of `agencyCodes` (null: of the catalog), zeros included; else the agencies with data. */
  everyAgency?: boolean;
}

export interface CountsRow extends SummaryCounts {
  key: string;
  /** The agency, sector or procedure name; null for months and the total. */
  name: string | null;
}

const DAILY_KEY: Record<ReportGrouping, string> = {
  total: `''`,
  agency: 'r.agency_code',
  sector: 'r.sector_code',
  procedure: 'r.procedure_code',
  month: `to_char(r.day, 'YYYY-MM')`,
};

/** A "now" figure has no day: by month, open dossiers count in the month they are (or were) due. */
const OPEN_KEY: Record<ReportGrouping, string> = {
  total: `''`,
  agency: 'r.agency_code',
  sector: 'r.sector_code',
  procedure: 'r.procedure_code',
  month: `to_char(vn_local_date(r.due_at), 'YYYY-MM')`,
};

const NAME_JOIN: Record<ReportGrouping, string> = {
  total: '',
  // The catalog's label views (migration 1765800000000), not its tables.
  agency: 'LEFT JOIN agency_label l ON l.code = k.key',
  sector: 'LEFT JOIN sector_label l ON l.code = k.key',
  procedure: 'LEFT JOIN procedure_label l ON l.code = k.key',
  month: '',
};

/**
 * By month, one row for every month the period touches, empty ones too, made set-based in SQL
 * (the period is at most REPORT_MAX_MONTHS months, checked by the shared schema); open rows due
 * in months outside the period drop out.
 */
const MONTH_BUCKETS = `(SELECT to_char(m, 'YYYY-MM') AS key
           FROM generate_series(date_trunc('month', $1::date), $2::date, interval '1 month') m) b
         LEFT JOIN k ON k.key = b.key`;

const n = (expr: string) => `COALESCE(${expr}, 0)::float8`;

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The whole months inside [from, to], as [first day of the first, last day of the last], or null
 * when there is none: those are read from report_monthly, the days around them from report_daily.
 */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const startMonth = from.slice(0, 7);
  const first = from.endsWith('-01') ? from : nextMonth(startMonth);
  const last = to === lastDayOfMonth(to.slice(0, 7)) ? to : previousMonthEnd(to.slice(0, 7));
  return first <= last ? { first, last } : null;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

function previousMonthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

/** The summary tables: their in-transaction upkeep, their rebuild, and the report reads. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Apply a change to the summary rows in one statement (inside the caller's transaction), and
   * NOTIFY the live feeds, delivered when the transaction commits. Rows are upserted in the
   * delta's sorted key order so concurrent transactions lock them in the same order.
   */
  async applyDelta(m: EntityManager, delta: SummaryDelta, agencyCode: string): Promise<void> {
    const daily = delta.dailyRows();
    const open = delta.openRows();
    const col = <T>(rows: T[], f: (r: T) => unknown) => rows.map(f);
    const params: unknown[] = [
      col(daily, (r) => r.key.day),
      col(daily, (r) => r.key.agencyCode),
      col(daily, (r) => r.key.procedureCode),
      col(daily, (r) => r.key.channel),
      col(daily, (r) => r.key.sectorCode),
      col(daily, (r) => r.key.onlineLevel),
      col(daily, (r) => r.counters.received),
      col(daily, (r) => r.counters.decided),
      col(daily, (r) => r.counters.decidedEarly),
      col(daily, (r) => r.counters.decidedOnTime),
      col(daily, (r) => r.counters.decidedLate),
      col(daily, (r) => r.counters.processingDaysSum),
      col(daily, (r) => r.counters.returned),
      col(daily, (r) => r.counters.ratings),
      col(daily, (r) => r.counters.ratingsSatisfied),
      col(daily, (r) => r.counters.ratingScoreSum),
      col(daily, (r) => r.counters.feePaid),
      col(daily, (r) => r.counters.feePaidOnline),
      col(daily, (r) => r.counters.returnedEndToEnd),
      col(daily, (r) => r.counters.returnedDigitised),
      col(daily, (r) => r.counters.apologiesIssued),
      col(daily, (r) => r.counters.apologiesAutomatic),
      col(open, (r) => r.key.agencyCode),
      col(open, (r) => r.key.procedureCode),
      col(open, (r) => r.key.channel),
      col(open, (r) => r.key.sectorCode),
      col(open, (r) => r.key.onlineLevel),
      col(open, (r) => r.key.status),
      col(open, (r) => r.key.dueAt),
      col(open, (r) => r.count),
      REPORTS_CHANNEL,
      agencyCode,
    ];
    // One array per report_daily column ($1–$22: the key, then DAILY_COLUMNS in order).
    const dailyArrays = `unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
           $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::bigint[], $13::int[], $14::int[],
           $15::int[], $16::int[], $17::int[], $18::int[], $19::int[], $20::int[], $21::int[], $22::int[])`;
    const monthlyRows = `SELECT date_trunc('month', d)::date, a, p, c, s, o, sum(n1), sum(n2), sum(n3), sum(n4), sum(n5),
                sum(n6), sum(n7), sum(n8), sum(n9), sum(n10), sum(n11), sum(n12), sum(n13), sum(n14), sum(n15), sum(n16)
           FROM ${dailyArrays} AS u(d, a, p, c, s, o, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16)
          GROUP BY 1, 2, 3, 4, 5, 6
          ORDER BY 1, 2, 3, 4, 5, 6`;
    const rows: { emptied: number }[] = await m.query(
      `WITH daily AS (
         ${addCounters('report_daily', 'day', `SELECT * FROM ${dailyArrays}`)}
       ), monthly AS (
         ${addCounters('report_monthly', 'month', monthlyRows)}
       ), open AS (
         INSERT INTO report_open AS r (agency_code, procedure_code, channel, sector_code, online_level, status, due_at,
           open_count)
         SELECT * FROM unnest($23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[],
           $29::timestamptz[], $30::int[])
         ON CONFLICT (agency_code, procedure_code, channel, sector_code, online_level, status, due_at)
           DO UPDATE SET open_count = r.open_count + EXCLUDED.open_count
         RETURNING r.open_count
       )
       SELECT pg_notify($31, $32) AS notified, (SELECT count(*)::int FROM open WHERE open_count = 0) AS emptied`,
      params,
    );
    // Drop the open rows that reached zero, so the table holds only what is open.
    if (rows[0].emptied > 0) {
      await m.query(
        `DELETE FROM report_open r
          USING unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
                AS k(agency_code, procedure_code, channel, sector_code, online_level, status, due_at)
          WHERE r.open_count = 0
            AND (r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level, r.status, r.due_at)
              = (k.agency_code, k.procedure_code, k.channel, k.sector_code, k.online_level, k.status, k.due_at)`,
        params.slice(22, 29),
      );
    }
  }

  /** A dossier's facts as the summary counts them, from the dossier module's report view. */
  async findCountedFacts(m: EntityManager, dossierId: string): Promise<CountedFacts | null> {
    const rows: CountedFacts[] = await m.query(
      `SELECT status, channel, agency_code AS "agencyCode", procedure_code AS "procedureCode",
              sector_code AS "sectorCode", online_level AS "onlineLevel", fee, fee_paid_at AS "feePaidAt",
              fee_paid_online AS "feePaidOnline", fee_status AS "feeStatus", received_at AS "receivedAt", due_at AS "dueAt",
              completed_at AS "completedAt", returned_at AS "returnedAt", decided_outcome AS "decidedOutcome",
              processing_working_days AS "processingWorkingDays", end_to_end AS "endToEnd", digitised
         FROM dossier_report_fact WHERE id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  rebuild(): Promise<RebuildResult> {
    return rebuildSummaries(this.ds);
  }

  /**
   * The counts of a period, grouped: received/ratings/fees by receipt day, decided by decision
   * day (the daily rows carry each on its own day), open ones now. One statement.
   */
  async findCounts(f: ReportFilter, by: ReportGrouping): Promise<CountsRow[]> {
    const months = wholeMonths(f.from, f.to);
    // $4..$5: the whole months; none: a range that holds no day.
    const params: unknown[] = [f.from, f.to, f.now, months?.first ?? '9999-12-31', months?.last ?? '0001-01-01'];
    const filters: string[] = [];
    if (f.agencyCodes) {
      params.push(f.agencyCodes);
      filters.push(`r.agency_code = ANY($${params.length}::text[])`);
    }
    if (f.sectorCode) {
      params.push(f.sectorCode);
      filters.push(`r.sector_code = $${params.length}`);
    }
    if (f.procedureCode) {
      params.push(f.procedureCode);
      filters.push(`r.procedure_code = $${params.length}`);
    }
    const and = filters.map((x) => ` AND ${x}`).join('');
    // By agency, every agency of the scope has its row, zeros included (issue 16: a ward without
    // dossiers was missing): the catalog's label view drives, the counts join to it.
    let agencyBuckets = '';
    const agencyRows = by === 'agency' && f.everyAgency === true;
    if (agencyRows) {
      params.push(f.agencyCodes);
      agencyBuckets = `(SELECT l.code AS key, l.name FROM agency_label l
                         WHERE $${params.length}::text[] IS NULL OR l.code = ANY($${params.length}::text[])) l
         LEFT JOIN k ON k.key = l.key`;
    }
    const openMonth = by === 'month' ? ` AND r.due_at <> 'infinity'` : '';
    const counters = `received, decided, decided_early, decided_on_time, decided_late, processing_days_sum, returned,
      ratings, ratings_satisfied, fee_paid, fee_paid_online, returned_end_to_end, returned_digitised, apologies_issued,
      apologies_automatic, channel, online_level, agency_code, sector_code, procedure_code`;
    const rows: Record<string, string | number | null>[] = await this.ds.query(
      `WITH src AS (
         SELECT r.day, ${counters} FROM report_daily r
          WHERE r.day BETWEEN $1::date AND $2::date AND NOT (r.day BETWEEN $4::date AND $5::date)${and}
         UNION ALL
         SELECT r.month, ${counters} FROM report_monthly r
          WHERE r.month BETWEEN $4::date AND $5::date${and}
       ), daily AS (
         SELECT ${DAILY_KEY[by]} AS dkey,
                sum(r.received) AS received,
                sum(r.received) FILTER (WHERE r.channel = 'ONLINE') AS received_online,
                sum(r.received) FILTER (WHERE r.online_level = 'FULL') AS received_full,
                sum(r.received) FILTER (WHERE r.online_level = 'FULL' AND r.channel = 'ONLINE') AS received_full_online,
                sum(r.decided) AS decided,
                sum(r.decided_early) AS decided_early,
                sum(r.decided_on_time) AS decided_on_time,
                sum(r.decided_late) AS decided_late,
                sum(r.processing_days_sum) AS processing_days_sum,
                sum(r.returned) AS returned,
                sum(r.returned) FILTER (WHERE r.online_level = 'FULL') AS returned_full,
                sum(r.returned_end_to_end) AS returned_end_to_end,
                sum(r.returned_digitised) AS returned_digitised,
                sum(r.ratings) AS ratings,
                sum(r.ratings_satisfied) AS ratings_satisfied,
                sum(r.fee_paid) AS fee_paid,
                sum(r.fee_paid_online) AS fee_paid_online,
                sum(r.apologies_issued) AS apologies_issued,
                sum(r.apologies_automatic) AS apologies_automatic
           FROM src r
          GROUP BY 1
       ), open AS (
         SELECT ${OPEN_KEY[by]} AS okey,
                sum(r.open_count) AS open,
                sum(r.open_count) FILTER (WHERE r.due_at < $3::timestamptz AND r.status <> 'SUPPLEMENT_REQUESTED') AS open_overdue,
                sum(r.open_count) FILTER (WHERE r.status = 'SUPPLEMENT_REQUESTED') AS open_waiting
           FROM report_open r
          WHERE true${and}${openMonth}
          GROUP BY 1
       ), k AS (
         SELECT COALESCE(d.dkey, o.okey) AS key, d.*, o.open, o.open_overdue, o.open_waiting
           FROM daily d FULL JOIN open o ON o.okey = d.dkey
       )
       SELECT ${by === 'month' ? 'b.key' : agencyRows ? 'l.key' : 'k.key'} AS key,
              ${by === 'total' || by === 'month' ? 'NULL' : 'l.name'} AS name,
              ${n('k.received')} AS "received", ${n('k.received_online')} AS "receivedOnline",
              ${n('k.received_full')} AS "receivedFull", ${n('k.received_full_online')} AS "receivedFullOnline",
              ${n('k.decided')} AS "decided", ${n('k.decided_early')} AS "decidedEarly",
              ${n('k.decided_on_time')} AS "decidedOnTime", ${n('k.decided_late')} AS "decidedLate",
              ${n('k.processing_days_sum')} AS "processingDaysSum",
              ${n('k.returned')} AS "returned", ${n('k.returned_full')} AS "returnedFull",
              ${n('k.returned_end_to_end')} AS "returnedEndToEnd", ${n('k.returned_digitised')} AS "returnedDigitised", ${n('k.ratings')} AS "ratings",
              ${n('k.ratings_satisfied')} AS "ratingsSatisfied", ${n('k.fee_paid')} AS "feePaid",
              ${n('k.fee_paid_online')} AS "feePaidOnline", ${n('k.apologies_issued')} AS "apologiesIssued",
              ${n('k.apologies_automatic')} AS "apologiesAutomatic", ${n('k.open')} AS "open",
              ${n('k.open_overdue')} AS "openOverdue", ${n('k.open_waiting')} AS "openWaitingCitizen"
         FROM ${by === 'month' ? MONTH_BUCKETS : agencyRows ? agencyBuckets : `k ${NAME_JOIN[by]}`}
        ORDER BY 1`,
      params,
    );
    return rows.map((r) => {
      const out = { key: String(r.key), name: r.name === null ? null : String(r.name) } as CountsRow;
      for (const k of Object.keys(ZERO_COUNTS) as (keyof SummaryCounts)[]) out[k] = Number(r[k]);
      return out;
    });
  }

  /** Codes that exist, for 404s on a report filter. */
  async findExisting(kind: 'agency' | 'sector' | 'procedure', code: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM ${kind} WHERE code = $1`, [code]);
    return rows.length > 0;
  }
}
