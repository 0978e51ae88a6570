import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import {
  breakdownRow,
  monthsOf,
  OPEN_STATUSES,
  reportSummary,
  toLocalDate,
  ZERO_COUNTS,
} from '../../packages/shared/dist/index.js';
import { ApiClient } from './api-client.mjs';
import { httpSeries, interleave, sqlSeries } from './measure.mjs';
import { DEMO_PASSWORD } from './queue.mjs';
import { startRecordingApi } from './recording.mjs';
import { r1, summarize } from './stats.mjs';

const DECIDED = ['APPROVED', 'REJECTED', 'RETURNED'];
const list = (xs) => xs.map((x) => `'${x}'`).join(', ');

/**
 * The naive dashboard: every figure computed per request by scanning `dossier` (and
 * `dossier_rating`) with GROUP BY, under the same rules as the summary rows (domain.md, Metrics;
 * reports/summary-contribution.ts): received, ratings and fees by the local day of receipt;
 * decided (APPROVED, REJECTED, RETURNED with a decision time) by the day of decision, with the
 * outcome and working days its decision stored (decided_outcome, processing_working_days: the
 * naive query scans rows, it does not redo the calendar); returned by the day of return;
 * open dossiers now. `$1` from, `$2` to, `$3` now, `$4` agency codes (null: all).
 */
function naiveSql(by) {
  const key = (day) => (by === 'month' ? `to_char(${day}, 'YYYY-MM')` : `''`);
  const openKey = by === 'month' ? `to_char(vn_local_date(d.due_at), 'YYYY-MM')` : `''`;
  return `
    WITH d AS (SELECT * FROM dossier WHERE status <> 'DRAFT' AND ($4::text[] IS NULL OR agency_code = ANY($4::text[]))),
    c AS (
      SELECT ${key('vn_local_date(d.received_at)')} AS k,
             1 AS received, (d.channel = 'ONLINE')::int AS received_online, (d.online_level = 'FULL')::int AS received_full,
             (d.online_level = 'FULL' AND d.channel = 'ONLINE')::int AS received_full_online,
             0 AS decided, 0 AS early, 0 AS on_time, 0 AS late, 0 AS digitised, 0 AS pdays, 0 AS returned,
             0 AS ratings, 0 AS satisfied,
             (d.fee > 0 AND d.fee_paid_at IS NOT NULL)::int AS fee_paid,
             (d.fee > 0 AND d.fee_paid_at IS NOT NULL AND d.fee_paid_online IS TRUE)::int AS fee_paid_online,
             0 AS open, 0 AS open_overdue
        FROM d WHERE d.received_at IS NOT NULL AND vn_local_date(d.received_at) BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT ${key('vn_local_date(d.completed_at)')}, 0, 0, 0, 0, 1,
             (d.decided_outcome IS NOT DISTINCT FROM 'EARLY')::int,
             (d.decided_outcome IS NULL OR d.decided_outcome = 'ON_TIME')::int,
             (d.decided_outcome IS NOT DISTINCT FROM 'LATE')::int,
             (d.online_level = 'FULL' AND d.channel = 'ONLINE')::int,
             COALESCE(d.processing_working_days, 0), 0, 0, 0, 0, 0, 0, 0
        FROM d
       WHERE d.completed_at IS NOT NULL AND d.status IN (${list(DECIDED)})
         AND vn_local_date(d.completed_at) BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT ${key('vn_local_date(d.returned_at)')}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
        FROM d WHERE d.returned_at IS NOT NULL AND vn_local_date(d.returned_at) BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT ${key('vn_local_date(d.received_at)')}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (r.score >= 4)::int, 0, 0, 0, 0
        FROM dossier_rating r JOIN d ON d.id = r.dossier_id
       WHERE d.received_at IS NOT NULL AND vn_local_date(d.received_at) BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT ${openKey}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (d.due_at < $3::timestamptz AND d.status <> 'SUPPLEMENT_REQUESTED')::int
        FROM d WHERE d.status IN (${list(OPEN_STATUSES)})${by === 'month' ? ' AND d.due_at IS NOT NULL' : ''}
    )
    SELECT k AS key,
           sum(received)::float8 AS "received", sum(received_online)::float8 AS "receivedOnline",
           sum(received_full)::float8 AS "receivedFull", sum(received_full_online)::float8 AS "receivedFullOnline",
           sum(decided)::float8 AS "decided", sum(early)::float8 AS "decidedEarly", sum(on_time)::float8 AS "decidedOnTime",
           sum(late)::float8 AS "decidedLate", sum(digitised)::float8 AS "decidedDigitised",
           sum(pdays)::float8 AS "processingDaysSum", sum(returned)::float8 AS "returned",
           sum(ratings)::float8 AS "ratings", sum(satisfied)::float8 AS "ratingsSatisfied",
           sum(fee_paid)::float8 AS "feePaid", sum(fee_paid_online)::float8 AS "feePaidOnline",
           sum(open)::float8 AS "open", sum(open_overdue)::float8 AS "openOverdue"
      FROM c GROUP BY k ORDER BY k`;
}

const countsOf = (row) => {
  if (!row) return ZERO_COUNTS;
  const out = {};
  for (const k of Object.keys(ZERO_COUNTS)) out[k] = Number(row[k]);
  return out;
};
const monthLabel = (key) => `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`;

/** The naive answer, shaped as the API's (the shared formulas applied to the naive counts). */
async function naiveAnswer(client, kind, period, agencyCodes, now) {
  const by = kind === 'summary' ? 'total' : 'month';
  const { rows } = await client.query(naiveSql(by), [period.from, period.to, now, agencyCodes]);
  if (kind === 'summary') return reportSummary(period.from, period.to, countsOf(rows[0]));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    from: period.from,
    to: period.to,
    by: 'month',
    rows: monthsOf(period.from, period.to).map((m) => breakdownRow(m, monthLabel(m), countsOf(byKey.get(m)))),
  };
}

/**
 * GET /reports/summary and /reports/breakdown?by=month over HTTP (the summary tables) against
 * the naive GROUP BY over `dossier`, for the whole city and for one ward over the last 365 days;
 * the answers must be equal (the bench fails otherwise).
 * @param {{ url: string, api: import('./api-process.mjs').ApiProcess, naiveRuns: number, budgetMs: number, log: (m: string) => void }} o
 */
export async function benchDashboard(o) {
  const c = new ApiClient(o.api.baseUrl);
  const token = await c.login('quanly.thanhpho', DEMO_PASSWORD);
  const today = toLocalDate(new Date());
  const from = toLocalDate(new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000));
  const period = { from, to: today };
  const client = new pg.Client({ connectionString: o.url });
  await client.connect();
  const cases = [
    { name: 'summary, whole city, 365 days', kind: 'summary', agency: null },
    { name: 'breakdown by month, whole city, 365 days', kind: 'breakdown', agency: null },
    { name: 'summary, one ward, 365 days', kind: 'summary', agency: '000.30.01.H17' },
  ];
  const rec = await startRecordingApi(o.url);
  const recToken = await new ApiClient(rec.baseUrl).login('quanly.thanhpho', DEMO_PASSWORD);
  const results = [];
  try {
    for (const k of cases) {
      const qs = new URLSearchParams({ from, to: today, ...(k.agency ? { agencyCode: k.agency } : {}) });
      if (k.kind === 'breakdown') qs.set('by', 'month');
      const path = `/reports/${k.kind}?${qs}`;
      const agencyCodes = await subtree(client, k.agency ?? '000.00.00.H17');

      // Equality first: the API's answer and the naive one, at the same "now".
      let equal = false;
      let api;
      let naive;
      for (let attempt = 0; attempt < 2 && !equal; attempt++) {
        const now = new Date();
        api = (await c.request('GET', path, { token })).body;
        naive = await naiveAnswer(client, k.kind, period, agencyCodes, now);
        equal = isDeepStrictEqual(api, naive);
      }
      if (!equal) {
        throw new Error(
          `Dashboard answers differ for "${k.name}":\nAPI:   ${JSON.stringify(api)}\nnaive: ${JSON.stringify(naive)}`,
        );
      }

      const { statements } = await rec.record(() =>
        new ApiClient(rec.baseUrl).request('GET', path, { token: recToken }),
      );
      const m = await interleave(
        { http: httpSeries(o.api.baseUrl, `/api/v1${path}`, token), raw: sqlSeries(o.url, statements) },
        { budgetMs: o.budgetMs },
      );
      const { http, raw } = m;
      const naiveTimes = [];
      const sql = naiveSql(k.kind === 'summary' ? 'total' : 'month');
      for (let i = 0; i < o.naiveRuns; i++) {
        const t = performance.now();
        await client.query(sql, [from, today, new Date(), agencyCodes]);
        naiveTimes.push(performance.now() - t);
      }
      const naiveStats = summarize(naiveTimes);
      const speedup = http.p50 ? r1(naiveStats.p50 / http.p50) : null;
      results.push({
        name: k.name,
        path,
        equal,
        received: k.kind === 'summary' ? api.received : api.rows.reduce((s, r) => s + r.received, 0),
        http,
        summaryTablesSql: raw,
        naiveSql: naiveStats,
        speedupP50: speedup,
      });
      o.log(
        `  ${k.name}: HTTP p50 ${http.p50} / p95 ${http.p95} ms · naive GROUP BY p50 ${naiveStats.p50} ms · ×${speedup} · equal`,
      );
    }
  } finally {
    await rec.stop();
    await client.end();
  }
  return { period, cases: results };
}

async function subtree(client, code) {
  const { rows } = await client.query(
    `WITH RECURSIVE t AS (SELECT code FROM agency WHERE code = $1
       UNION ALL SELECT a.code FROM agency a JOIN t ON a.parent_code = t.code)
     SELECT array_agg(code ORDER BY code) AS codes FROM t`,
    [code],
  );
  return rows[0].codes;
}
