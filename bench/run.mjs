#!/usr/bin/env node
// MotCua benchmarks: `npm run bench -- [options]` from the repository root (after a build).
// See bench/README.md for what each part measures and against which baseline.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { rssKiB, sleep, startApi } from './lib/api-process.mjs';
import { benchDashboard } from './lib/dashboard.mjs';
import { benchLive } from './lib/live.mjs';
import { databaseExists, freshDatabase, startServer, withDatabase } from './lib/db.mjs';
import { lighthouseStatus, measureFrontend } from './lib/frontend.mjs';
import { generate } from './lib/generate.mjs';
import { BENCH_DIR, RESULTS_DIR } from './lib/paths.mjs';
import { benchQueue } from './lib/queue.mjs';
import { benchSubmit } from './lib/submit.mjs';
import { benchCluster } from './lib/cluster.mjs';

const PARTS = ['generate', 'frontend', 'queue', 'submit', 'dashboard', 'live', 'cluster'];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rows: { type: 'string' },
    only: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    'db-url': { type: 'string' },
    'db-name': { type: 'string' },
    events: { type: 'string' },
    levels: { type: 'string' },
    'submit-requests': { type: 'string' },
    'half-peak-seconds': { type: 'string' },
    'budget-ms': { type: 'string' },
    'naive-runs': { type: 'string' },
    'profile-api': { type: 'boolean', default: false },
    streams: { type: 'string' },
    'live-submits': { type: 'string' },
    'cluster-connections': { type: 'string' },
    'cluster-submits': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [options]
  --quick                 100k dossiers, short runs (a smoke run, a few minutes)
  --rows N                dossiers to generate (default 1000000; 10000000 for national scale)
  --only a,b              parts: ${PARTS.join(', ')} (memory is measured with submit)
  --reuse                 keep the bench database when it already holds N generated dossiers
  --db-url URL            PostgreSQL server (127.0.0.1 only); default BENCH_DATABASE_URL, else the embedded one
  --db-name NAME          database to (re)create (default motcua_bench_<rows>)
  --events full|none      timeline events for generated dossiers (default full up to 2M rows, none above)
  --levels 1,8,32,64      submit concurrencies
  --submit-requests N     submits per level for 8+ connections (1 connection: a third); default 4000, quick 300
  --half-peak-seconds S   length of the half-peak latency run (default 15, quick 5)
  --budget-ms MS          time budget per latency series of queue/dashboard (default 10000, quick 3000)
  --naive-runs N          runs of each naive dashboard query (default 3; 2 above 2M rows)
  --profile-api           also profile a separate API process (node --cpu-prof) under submit load (c=8)
  --streams N             open /reports/live streams for the live part (default 500)
  --live-submits N        submits per condition (with / without streams) in the live part (default 200, quick 100)
  --cluster-connections N connections of the cluster part, all on one process or half on each of two (default 16)
  --cluster-submits N     submits per run of the cluster part (default 2000, quick 400)
Each option may also be given as BENCH_<NAME> (BENCH_ROWS, BENCH_ONLY, BENCH_QUICK=1, BENCH_DB_URL…).`);
  process.exit(0);
}

/** An option from the command line, else from BENCH_<NAME> (turbo passes BENCH_* through). */
const opt = (name) => args[name] ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
const quick = args.quick || ['1', 'true', 'yes'].includes(process.env.BENCH_QUICK ?? '');
const rows = Number(opt('rows') ?? (quick ? 100_000 : 1_000_000));
const only = new Set((opt('only') ?? PARTS.join(',')).split(',').map((s) => s.trim()));
for (const p of only) if (!PARTS.includes(p) && p !== 'memory') throw new Error(`Unknown part ${p}`);
if (only.has('memory')) only.add('submit');
const events = (opt('events') ?? (rows <= 2_000_000 ? 'full' : 'none')) !== 'none';
const levels = (opt('levels') ?? '1,8,32,64').split(',').map(Number);
const submitRequests = Number(opt('submit-requests') ?? (quick ? 300 : 4000));
const halfPeakSeconds = Number(opt('half-peak-seconds') ?? (quick ? 5 : 15));
const budgetMs = Number(opt('budget-ms') ?? (quick ? 3000 : 10_000));
const naiveRuns = Number(opt('naive-runs') ?? (rows > 2_000_000 ? 2 : 3));
const reuse = args.reuse || ['1', 'true', 'yes'].includes(process.env.BENCH_REUSE ?? '');
const profileApi = args['profile-api'] || ['1', 'true', 'yes'].includes(process.env.BENCH_PROFILE_API ?? '');
const liveStreams = Number(opt('streams') ?? 500);
const liveSubmits = Number(opt('live-submits') ?? (quick ? 100 : 200));
const clusterConnections = Number(opt('cluster-connections') ?? 16);
const clusterSubmits = Number(opt('cluster-submits') ?? (quick ? 400 : 2000));
const dbName = opt('db-name') ?? `motcua_bench_${rows}`;
const started = new Date();

const t0 = performance.now();
const log = (m) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${m}`);
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** @type {Record<string, any>} */
const results = {
  date: started.toISOString(),
  mode: quick ? 'quick' : 'full',
  rows,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: load(),
  },
  parts: {},
  phases: [],
};

const phase = async (name, fn) => {
  const before = load();
  const p0 = performance.now();
  log(`── ${name} (load average ${before.join(' ')})`);
  try {
    return await fn();
  } finally {
    results.phases.push({
      name,
      seconds: Math.round((performance.now() - p0) / 100) / 10,
      loadAverageBefore: before,
      loadAverageAfter: load(),
    });
  }
};

const server = await startServer(opt('db-url') ?? process.env.BENCH_DATABASE_URL, log);
results.database = { kind: server.kind, version: server.version, settings: server.settings, name: dbName };
let api = null;
let failure = null;
try {
  // ---- data ----
  const url = withDatabase(server.serverUrl, dbName);
  const reusable = (reuse || !only.has('generate')) && (await generatedRows(server.serverUrl, dbName)) === rows;
  if (reusable) {
    log(`reusing database ${dbName} (${rows.toLocaleString('en')} generated dossiers)`);
    results.parts.generate = { reused: true, ...(await readMeta(url)) };
  } else {
    results.parts.generate = await phase(`generate ${rows.toLocaleString('en')} dossiers`, async () => {
      await freshDatabase(server.serverUrl, dbName, log);
      const g = await generate(url, { count: rows, now: new Date(), events, log });
      await writeMeta(url, { rows, events, generatedAt: new Date().toISOString(), ...g });
      log(
        `COPY: ${g.copy.rows.toLocaleString('en')} rows in ${g.copy.seconds} s = ${g.copy.rowsPerSec.toLocaleString('en')} rows/s ` +
          `(${g.copy.dossiersPerSec.toLocaleString('en')} dossiers/s, ${g.copy.mbPerSec} MB/s); indexes ${g.indexesSeconds} s; ` +
          `summary rebuild ${g.summary.seconds} s (${g.summary.dailyRows} daily rows)`,
      );
      return g;
    });
  }

  // ---- front end (static files) ----
  if (only.has('frontend')) {
    results.parts.frontend = await phase('front end', async () => ({
      ...measureFrontend(),
      lighthouse: await lighthouseStatus(),
    }));
  }

  // ---- the API ----
  if (only.has('queue') || only.has('submit') || only.has('dashboard') || only.has('live')) {
    api = await startApi({ databaseUrl: url, log });
    await sleep(2000);
    results.parts.memory = { idleAfterStartKiB: rssKiB(api.pid) };
  }
  if (only.has('queue')) {
    results.parts.queue = await phase('queue', () => benchQueue({ url, api, budgetMs, log }));
  }
  if (only.has('submit')) {
    results.parts.submit = await phase('submit', () =>
      benchSubmit({
        url,
        api,
        levels,
        requests: (c) => (c === 1 ? Math.ceil(submitRequests / 3) : submitRequests),
        halfPeakSeconds,
        profileDir: profileApi ? path.join(BENCH_DIR, '.data/profile') : undefined,
        log,
      }),
    );
    await sleep(3000);
    results.parts.memory.underSubmitLoad = results.parts.submit.rssUnderLoad;
    results.parts.memory.idleAfterLoadKiB = rssKiB(api.pid);
  }
  if (only.has('dashboard')) {
    results.parts.dashboard = await phase('dashboard', () => benchDashboard({ url, api, naiveRuns, budgetMs, log }));
  }
  if (only.has('live')) {
    results.parts.live = await phase(`submit with ${liveStreams} live streams`, () =>
      benchLive({ url, api, streams: liveStreams, submits: liveSubmits, log }),
    );
  }
  if (only.has('cluster')) {
    // Its own two processes: the single API above stops first, so that it takes no CPU.
    if (api) await api.stop();
    api = null;
    results.parts.cluster = await phase('two API processes against one (submit)', () =>
      benchCluster({ url, connections: clusterConnections, requests: clusterSubmits, log }),
    );
  }
} catch (e) {
  failure = e;
} finally {
  if (api) await api.stop();
  await server.stop();
}

results.seconds = Math.round((performance.now() - t0) / 1000);
results.machine.loadAverageAtEnd = load();
results.targets = targets(results);
if (failure) results.failure = String(failure?.stack ?? failure);
mkdirSync(RESULTS_DIR, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
for (const f of ['latest.json', `${results.mode}-${rows}-${stamp}.json`]) {
  writeFileSync(path.join(RESULTS_DIR, f), `${JSON.stringify(results, null, 2)}\n`);
}
printTable(results);
console.log(`\nwritten: bench/results/latest.json (${results.seconds} s)`);
if (failure) {
  console.error('\nBENCH FAILED:', failure);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------

async function generatedRows(serverUrl, name) {
  if (!(await databaseExists(serverUrl, name))) return null;
  const meta = await readMeta(withDatabase(serverUrl, name)).catch(() => null);
  return meta?.rows ?? null;
}

async function writeMeta(url, meta) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE TABLE IF NOT EXISTS bench_meta (id int PRIMARY KEY, meta jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_meta VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET meta = EXCLUDED.meta`, [meta]);
  } finally {
    await c.end();
  }
}

async function readMeta(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: r } = await c.query(`SELECT meta FROM bench_meta WHERE id = 1`);
    return r[0]?.meta ?? null;
  } finally {
    await c.end();
  }
}

function targets(r) {
  const out = [];
  const s = r.parts.submit;
  if (s) {
    out.push({
      target: 'submit throughput ≥ 0.5 × raw SQL (pgbench, same transaction)',
      value: s.peak.ratio,
      met: s.peak.ratio >= 0.5,
    });
    out.push({
      target: 'submit p95 ≤ 50 ms at half of peak load',
      value: s.halfPeak.latency.p95,
      met: s.halfPeak.latency.p95 !== null && s.halfPeak.latency.p95 <= 50,
    });
  }
  const q = r.parts.queue;
  if (q) {
    out.push({
      target: `queue page p95 ≤ 25 ms over HTTP (10M dossiers; measured at ${r.rows.toLocaleString('en')})`,
      value: q.worstHttpP95,
      met: q.worstHttpP95 <= 25,
    });
  }
  const d = r.parts.dashboard;
  if (d) {
    const worst = Math.max(...d.cases.map((c) => c.http.p95));
    const slowest = Math.min(...d.cases.map((c) => c.speedupP50));
    out.push({
      target: `dashboard ≤ 50 ms (10M; measured at ${r.rows.toLocaleString('en')}), p95 over HTTP`,
      value: worst,
      met: worst <= 50,
    });
    out.push({ target: 'dashboard ≥ 50× faster than the naive GROUP BY (p50)', value: slowest, met: slowest >= 50 });
    out.push({ target: 'dashboard numbers identical to the naive query', value: 'equal', met: true });
  }
  const l = r.parts.live;
  if (l) {
    out.push({
      target: `submit p50 with ${l.streams} live streams ≤ 1.5 × without`,
      value: l.ratioP50,
      met: l.ratioP50 <= 1.5 && l.refusedStreams === 0,
    });
  }
  const f = r.parts.frontend;
  if (f) {
    const worst = Math.max(...f.pages.map((p) => p.jsKiB?.gzip ?? 0));
    out.push({ target: 'citizen pages initial JS ≤ 150 KiB gzipped', value: worst, met: worst <= 150 });
    out.push({
      target: 'Lighthouse mobile performance ≥ 95, accessibility 100',
      value: 'npm run bench:lighthouse',
      met: null,
    });
  }
  return out;
}

function printTable(r) {
  const rowsOut = [];
  const add = (part, what, value, baseline = '', note = '') => rowsOut.push([part, what, value, baseline, note]);
  const g = r.parts.generate;
  if (g?.copy) {
    add('data', 'COPY rows/s', g.copy.rowsPerSec.toLocaleString('en'), '', `${g.copy.rows.toLocaleString('en')} rows`);
    add(
      'data',
      'dossiers',
      (g.dossiers ?? r.rows).toLocaleString('en'),
      '',
      `events ${g.events?.toLocaleString('en')}`,
    );
    add('data', 'indexes / summary rebuild', `${g.indexesSeconds} s / ${g.summary.seconds} s`);
  }
  const cl = r.parts.cluster;
  if (cl) {
    add(
      'cluster',
      `submit req/s, c=${cl.connections}: two processes`,
      cl.twoProcesses.rps,
      `one process ${cl.oneProcess.rps}`,
      `×${cl.speedup}${cl.oneProcess.errors + cl.twoProcesses.errors ? `, ${cl.oneProcess.errors + cl.twoProcesses.errors} errors` : ''}`,
    );
  }
  const s = r.parts.submit;
  if (s) {
    for (const l of s.levels) {
      add(
        'submit',
        `c=${l.connections} req/s (p50/p95/p99 ms)`,
        `${l.api.rps} (${l.api.latency.p50}/${l.api.latency.p95}/${l.api.latency.p99})`,
        `pgbench ${l.pgbench.tps} (${l.pgbench.latency.p50}/${l.pgbench.latency.p95}/${l.pgbench.latency.p99})`,
        `ratio ${l.ratio}${l.api.errors ? `, ${l.api.errors} errors` : ''}`,
      );
    }
    add('submit', 'peak ratio API / pgbench', s.peak.ratio, '', `${s.peak.api.rps} vs ${s.peak.pgbench.tps}`);
    add(
      'submit',
      `half peak (${s.halfPeak.rate}/s) p95 ms`,
      s.halfPeak.latency.p95,
      '',
      `p99 ${s.halfPeak.latency.p99}`,
    );
    if (s.profile?.byPackage) {
      const top = s.profile.byPackage.slice(0, 4).map((g) => `${g.name} ${g.share}%`);
      add('submit', 'API CPU profile (c=8), top', top.slice(0, 2).join(', '), top.slice(2).join(', '));
    }
  }
  const m = r.parts.memory;
  if (m) {
    const mib = (k) => (k ? `${Math.round(k / 1024)} MiB` : 'n/a');
    add(
      'memory',
      'API RSS idle / under load (peak)',
      `${mib(m.idleAfterStartKiB)} / ${mib(m.underSubmitLoad?.peakKiB)}`,
      '',
      `idle after ${mib(m.idleAfterLoadKiB)}`,
    );
  }
  const q = r.parts.queue;
  if (q) {
    for (const sc of q.scenarios) {
      add('queue', `${sc.name} p95 ms`, sc.http.p95, `raw SQL ${sc.rawSql.p95}`, `${sc.rows} rows`);
      if (sc.deep) {
        add(
          'queue',
          `  page ${sc.deep.page}: keyset HTTP p95 ms`,
          sc.deep.keysetHttp.p95,
          `OFFSET ${sc.deep.offsetSql.p95} / no queue idx ${sc.deep.offsetSqlWithoutQueueIndexes.p95}`,
        );
      }
    }
  }
  const d = r.parts.dashboard;
  if (d) {
    for (const c of d.cases) {
      add(
        'dashboard',
        `${c.name} p50/p95 ms`,
        `${c.http.p50}/${c.http.p95}`,
        `naive ${c.naiveSql.p50}`,
        `×${c.speedupP50}, equal`,
      );
    }
  }
  const l = r.parts.live;
  if (l) {
    add(
      'live',
      `submit c=1 p50/p95 ms, ${l.streams} streams`,
      `${l.with.p50}/${l.with.p95}`,
      `none ${l.without.p50}/${l.without.p95}`,
      `×${l.ratioP50}, ${l.summaryEventsPerStreamPerSubmit} events/stream/submit`,
    );
  }
  const f = r.parts.frontend;
  if (f) {
    add(
      'web',
      'shell JS / CSS KiB gz',
      `${f.shell.jsKiB.gzip} / ${f.shell.cssKiB.gzip}`,
      '',
      `raw ${f.shell.jsKiB.raw}`,
    );
    for (const p of f.pages)
      add('web', `${p.name} JS / CSS KiB gz`, `${p.jsKiB?.gzip} / ${p.cssKiB?.gzip}`, '', `raw ${p.jsKiB?.raw}`);
    add('web', 'Lighthouse', 'separate run', '', 'npm run bench:lighthouse');
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rowsOut.map((x) => String(x[i]).length), 4));
  console.log(
    `\nMotCua bench, ${r.rows.toLocaleString('en')} dossiers, ${r.database.kind} PostgreSQL ${r.database.version}`,
  );
  for (const x of rowsOut) console.log(x.map((v, i) => String(v).padEnd(widths[i])).join('  '));
  console.log('\nTargets:');
  for (const t of r.targets) console.log(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.target}: ${t.value}`);
}
