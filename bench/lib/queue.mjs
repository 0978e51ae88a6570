import pg from 'pg';
import { ApiClient } from './api-client.mjs';
import { httpSeries, interleave, sqlSeries } from './measure.mjs';
import { startRecordingApi } from './recording.mjs';

export const DEMO_PASSWORD = 'Demo@123456';
const LIMIT = 50;

/** Staff queues of several agencies and filters (demo accounts of the seed). */
const SCENARIOS = [
  { name: 'ward desk: waiting (default)', user: 'tiepnhan.haichau', query: '', deep: 20 },
  { name: 'ward desk: overdue', user: 'tiepnhan.haichau', query: 'sla=OVERDUE' },
  { name: 'ward officer: assigned to me', user: 'chuyenvien.haichau', query: 'assignee=me' },
  { name: 'department officer: waiting', user: 'chuyenvien.tuphap', query: '' },
  { name: 'city manager: whole city', user: 'quanly.thanhpho', query: '', deep: 200 },
  { name: 'city manager: one procedure', user: 'quanly.thanhpho', query: 'procedureCode=1.001193' },
  { name: 'city manager: returned (status filter)', user: 'quanly.thanhpho', query: 'status=RETURNED', deep: 200 },
  { name: 'city manager: search by name', user: 'quanly.thanhpho', query: 'q=nguyen%20van%20an' },
];

/**
 * GET /queue?limit=50 over HTTP (one request at a time) for each scenario, against the very
 * statements the API ran for it (recorded) in raw SQL; and for the deep pages, the keyset page
 * over HTTP against the same query paged with OFFSET, with and without the queue's indexes
 * (dropped inside a transaction that is rolled back). Compared series run in alternating turns.
 * @param {{ url: string, api: import('./api-process.mjs').ApiProcess, budgetMs: number, log: (m: string) => void }} o
 */
export async function benchQueue(o) {
  const c = new ApiClient(o.api.baseUrl);
  const tokens = {};
  for (const s of SCENARIOS) tokens[s.user] ??= await c.login(s.user, DEMO_PASSWORD);

  // The statements of each scenario's first page, and the cursor of its deep page.
  const rec = await startRecordingApi(o.url);
  const recorded = [];
  try {
    const rc = new ApiClient(rec.baseUrl);
    const recTokens = {};
    for (const s of SCENARIOS) recTokens[s.user] ??= await rc.login(s.user, DEMO_PASSWORD);
    for (const s of SCENARIOS) {
      const path = `/queue?${s.query ? `${s.query}&` : ''}limit=${LIMIT}`;
      const { result, statements } = await rec.record(() => rc.request('GET', path, { token: recTokens[s.user] }));
      let deep = null;
      if (s.deep) {
        // Follow the cursor to the deep page (or the last full one).
        let cursor = result.body.nextCursor;
        let page = 1;
        while (cursor && page + 1 < s.deep) {
          const next = await rc.request('GET', `${path}&cursor=${encodeURIComponent(cursor)}`, {
            token: recTokens[s.user],
          });
          if (!next.body.nextCursor) break;
          cursor = next.body.nextCursor;
          page++;
        }
        if (cursor) deep = { page: page + 1, path: `${path}&cursor=${encodeURIComponent(cursor)}` };
      }
      recorded.push({ ...s, path, statements, rows: result.body.items.length, deep });
    }
  } finally {
    await rec.stop();
  }

  const queueIndexes = await keysetIndexes(o.url);
  const results = [];
  for (const s of recorded) {
    const page = pageStatement(s.statements);
    // HTTP, the recorded statements, and the page statement alone, in alternating turns.
    const m = await interleave(
      {
        http: httpSeries(o.api.baseUrl, `/api/v1${s.path}`, tokens[s.user]),
        raw: sqlSeries(o.url, s.statements),
        rawPage: sqlSeries(o.url, [page]),
      },
      { budgetMs: o.budgetMs },
    );
    const plan = await explain(o.url, page);
    const out = {
      name: s.name,
      user: s.user,
      path: s.path,
      rows: s.rows,
      statements: s.statements.length,
      http: m.http,
      rawSql: m.raw,
      rawPageSql: m.rawPage,
      plan,
      deep: null,
    };
    if (s.deep) {
      const offset = (s.deep.page - 1) * LIMIT;
      const offsetStmt = withOffset(page, offset);
      const d = await interleave(
        {
          keyset: httpSeries(o.api.baseUrl, `/api/v1${s.deep.path}`, tokens[s.user]),
          offset: sqlSeries(o.url, [offsetStmt], { max: 100 }),
          offsetNoIndex: sqlSeries(o.url, [offsetStmt], {
            max: 100,
            setup: ['BEGIN', ...queueIndexes.map((i) => `DROP INDEX ${i}`)],
            teardown: ['ROLLBACK'],
          }),
        },
        { budgetMs: o.budgetMs },
      );
      out.deep = {
        page: s.deep.page,
        offset,
        keysetHttp: d.keyset,
        offsetSql: d.offset,
        offsetSqlWithoutQueueIndexes: d.offsetNoIndex,
        droppedIndexes: queueIndexes,
      };
    }
    results.push(out);
    o.log(
      `  ${s.name}: HTTP p95 ${m.http.p95} ms · raw SQL p95 ${m.raw.p95} ms` +
        (out.deep
          ? ` · page ${out.deep.page}: keyset HTTP p95 ${out.deep.keysetHttp?.p95} ms, OFFSET p95 ${out.deep.offsetSql.p95} ms, OFFSET without queue indexes p95 ${out.deep.offsetSqlWithoutQueueIndexes.p95} ms`
          : ''),
    );
  }
  return { limit: LIMIT, scenarios: results, worstHttpP95: Math.max(...results.map((r) => r.http.p95 ?? 0)) };
}

/** The page query: the statement that reads the dossier module's view `dossier_queue_item`. */
function pageStatement(statements) {
  const s = statements.find((x) => /FROM dossier_queue_item d/.test(x.sql));
  if (!s) throw new Error('No queue page statement recorded');
  return s;
}

/** The same page query, paged with OFFSET instead of a keyset. */
function withOffset(stmt, offset) {
  const sql = stmt.sql.replace(/LIMIT (\$\d+)\s*$/, (_, limit) => `LIMIT ${limit} OFFSET ${offset}`);
  if (sql === stmt.sql) throw new Error('Unexpected queue SQL: no trailing LIMIT');
  return { sql, params: stmt.params };
}

/** The indexes built for the queue's order (their definitions use due_at). */
async function keysetIndexes(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'dossier' AND indexdef LIKE '%due_at%' ORDER BY 1`,
    );
    return rows.map((r) => r.indexname);
  } finally {
    await c.end();
  }
}

/** The plan's top lines, to see which index a query used. */
async function explain(url, stmt) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`EXPLAIN ${stmt.sql}`, stmt.params);
    return rows
      .map((r) => r['QUERY PLAN'])
      .filter((l) => /Scan|Sort|Limit/.test(l))
      .slice(0, 6)
      .map((l) => l.trim());
  } finally {
    await c.end();
  }
}
