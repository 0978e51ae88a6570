#!/usr/bin/env node
// The SLA sweep at scale (issue 15): one sweep with 10,000 dossiers due among N generated ones,
// run by the API's own SlaSweepService (in process, on the bench database), its p95 over several
// runs, and the rows it reads (pg_stat_user_tables deltas, EXPLAIN ANALYZE BUFFERS) against what a
// scan of every open dossier would read. Usage: node sla.mjs [--rows 1000000] [--due 10000] [--runs 15] [--reuse]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { firstCheckAtOf, topUpWatch } from './lib/sla-watch-fill.mjs';
import { freshDatabase, startServer, withDatabase, databaseExists } from './lib/db.mjs';
import { generate } from './lib/generate.mjs';
import { BENCH_DIR, REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: process.env.BENCH_ROWS ?? '1000000' },
    due: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '15' },
    reuse: { type: 'boolean', default: false },
    'db-url': { type: 'string' },
  },
});
const rows = Number(args.rows);
const due = Number(args.due);
const runs = Number(args.runs);
const dbName = `motcua_bench_sla_${rows}`;
const t0 = performance.now();
const log = (m) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${m}`);
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const server = await startServer(args['db-url'] ?? process.env.BENCH_DATABASE_URL, log);
const url = withDatabase(server.serverUrl, dbName);
const result = {
  date: new Date().toISOString(),
  rows,
  due,
  runs,
  machine: { cpus: os.cpus().length, loadAverageAtStart: load() },
};
let app = null;
try {
  const now = new Date();
  const exists = await databaseExists(server.serverUrl, dbName);
  if (!(args.reuse && exists)) {
    await freshDatabase(server.serverUrl, dbName, log);
    const g0 = performance.now();
    await generate(url, { count: rows, now, events: false, log });
    result.generateSeconds = Math.round((performance.now() - g0) / 100) / 10;
    log(`generated ${rows.toLocaleString('en')} dossiers in ${result.generateSeconds} s`);
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // ---- the watch rows, as the transition hook keeps them (dossierClock's first check per open dossier) ----
    const watched = await firstCheckAtOf(db, now);
    result.watched = watched;
    log(
      `sla_watch: ${watched.rows.toLocaleString('en')} open received dossiers (${watched.running.toLocaleString('en')} running)`,
    );
    result.toppedUp = await topUpWatch(db, due - watched.running);
    if (result.toppedUp) log(`sla_watch: ${result.toppedUp} more rows watched so that ${due} can be due`);
    const { rows: pick } = await db.query(
      `SELECT dossier_id AS id FROM sla_watch WHERE running ORDER BY dossier_id LIMIT $1`,
      [due],
    );
    const dueIds = pick.map((r) => r.id);
    result.dueActual = dueIds.length;
    // Everything else is checked later than now; the 10,000 cross into OVERDUE now (the sweep's heaviest case: every one alerts).
    await db.query(
      `UPDATE sla_watch SET next_check_at = greatest(next_check_at, $1::timestamptz + interval '1 day') WHERE next_check_at IS NOT NULL`,
      [now],
    );
    await db.query(`VACUUM ANALYZE sla_watch`);

    // ---- the API's service, in process, on this database ----
    const { loadConfig } = await import(path.join(REPO_ROOT, 'apps/api/dist/config/config.js'));
    const { createApp } = await import(path.join(REPO_ROOT, 'apps/api/dist/bootstrap.js'));
    const { SlaSweepService } = await import(path.join(REPO_ROOT, 'apps/api/dist/modules/sla/sla-sweep.service.js'));
    const dataDir = path.join(BENCH_DIR, '.data/sla-api');
    mkdirSync(dataDir, { recursive: true });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
      // The sweep is called here, not by the job queue.
      JOBS_ENABLED: 'false',
      WEB_DIST: '/nonexistent',
    });
    app = await createApp({ config, databaseUrl: url });
    await app.init();
    const sweep = app.get(SlaSweepService);

    const stat = async () => {
      await db.query(`SELECT pg_stat_force_next_flush()`).catch(() => undefined);
      const { rows: s } = await db.query(
        `SELECT relname, seq_scan::bigint AS seq, seq_tup_read::bigint AS "seqRead",
                COALESCE(idx_scan, 0)::bigint AS idx, COALESCE(idx_tup_fetch, 0)::bigint AS "idxFetch"
           FROM pg_stat_user_tables WHERE relname IN ('sla_watch', 'dossier')`,
      );
      return Object.fromEntries(s.map((r) => [r.relname, r]));
    };
    const times = [];
    const reads = [];
    for (let i = 0; i < runs; i++) {
      // Reset, untimed: the same 10,000 due again, no alert yet, an empty outbox.
      await db.query(
        `UPDATE sla_watch SET next_check_at = $2::timestamptz - interval '1 minute', due_at = $2::timestamptz - interval '1 hour'
          WHERE dossier_id = ANY($1::uuid[])`,
        [dueIds, now],
      );
      await db.query(`DELETE FROM sla_alert`);
      await db.query(`DELETE FROM outbox`);
      const before = await stat();
      const s0 = performance.now();
      const out = await sweep.sweepSla(now);
      const ms = performance.now() - s0;
      const after = await stat();
      const delta = (t, k) => Number(after[t][k]) - Number(before[t][k]);
      times.push(ms);
      reads.push({
        checked: out.checked,
        overdue: out.overdue,
        slaWatchSeqScans: delta('sla_watch', 'seq'),
        slaWatchSeqRowsRead: delta('sla_watch', 'seqRead'),
        slaWatchIndexRowsFetched: delta('sla_watch', 'idxFetch'),
        dossierSeqRowsRead: delta('dossier', 'seqRead'),
        dossierIndexRowsFetched: delta('dossier', 'idxFetch'),
      });
      log(`sweep ${i + 1}/${runs}: ${Math.round(ms)} ms, ${out.checked} read, ${out.overdue} OVERDUE alerts`);
    }
    result.sweepMs = summarize(times);
    result.reads = reads.at(-1);
    // The sweep's claim query alone, as the planner runs it (rolled back).
    await db.query(
      `UPDATE sla_watch SET next_check_at = $2::timestamptz - interval '1 minute' WHERE dossier_id = ANY($1::uuid[])`,
      [dueIds, now],
    );
    await db.query('BEGIN');
    const { rows: plan } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT dossier_id, agency_code, assignee_id, due_at FROM sla_watch
        WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT 1000 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    await db.query('ROLLBACK');
    result.claimPlan = plan.map((p) => p['QUERY PLAN']);
    // What a scan of every open dossier would read instead (the approach the issue rules out).
    const { rows: naive } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id, due_at FROM dossier
        WHERE status IN ('RECEIVED', 'IN_PROCESSING', 'PENDING_APPROVAL') AND due_at IS NOT NULL`,
    );
    result.openScanPlan = naive.map((p) => p['QUERY PLAN']);
    const { rows: sizes } = await db.query(
      `SELECT (SELECT count(*) FROM dossier)::int AS dossiers,
              (SELECT count(*) FROM dossier WHERE status IN ('RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL'))::int AS open`,
    );
    result.sizes = sizes[0];
  } finally {
    await db.end();
  }
  result.machine.loadAverageAtEnd = load();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `sla-${rows}-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(
    JSON.stringify(
      { rows, due: result.dueActual, sweepMs: result.sweepMs, reads: result.reads, sizes: result.sizes },
      null,
      2,
    ),
  );
  console.log(result.claimPlan.join('\n'));
  console.log(result.openScanPlan.join('\n'));
  log(`results in ${path.relative(REPO_ROOT, file)}`);
} finally {
  await app?.close();
  await server.stop();
}
