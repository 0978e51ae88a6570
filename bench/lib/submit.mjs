import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ApiClient, inPool } from './api-client.mjs';
import { sampleRss, sleep, startApi } from './api-process.mjs';
import { libpqEnv } from './db.mjs';
import { rng, validFormData } from './form-data.mjs';
import { BENCH_DIR } from './paths.mjs';
import { summarizeProfile } from './profile.mjs';
import { buildPgbenchScript, twinId } from './pgbench-script.mjs';
import { startRecordingApi } from './recording.mjs';
import { r1, r2, summarize } from './stats.mjs';

const PASSWORD = 'Bench-Pass-2026!x';
/** Turns per level: API, pgbench, API, pgbench. */
const ROUNDS = 2;
/** Bench citizens' national IDs (0486…); their pgbench twins carry none (makeTwins copies no national ID). */
const CITIZEN_PREFIX = '0486';

/**
 * Submit throughput: the API (autocannon, POST /dossiers/{id}/submit with a fresh
 * Idempotency-Key, each request a different prepared draft with its attachments stored) against
 * pgbench running the same SQL transaction (recorded from the API, see pgbench-script.mjs) on twin
 * drafts, at each concurrency; then the API at half its peak rate, for the latency target.
 *
 * @param {{
 *   url: string,
 *   api: import('./api-process.mjs').ApiProcess,
 *   levels: number[],
 *   requests: (c: number) => number,
 *   halfPeakSeconds: number,
 *   profileDir?: string,
 *   log: (m: string) => void,
 * }} o
 */
export async function benchSubmit(o) {
  const c = new ApiClient(o.api.baseUrl);
  const users = Math.max(...o.levels);
  const warmup = Math.min(200, Math.max(64, o.requests(8)));
  const plan = o.levels.map((n) => ({ connections: n, amount: roundTo(o.requests(n), n * ROUNDS) }));
  // Draft 0 is the one the recorder watches; then warm-up and the levels (the half-peak run's
  // drafts are prepared once the peak is known).
  const total = 1 + warmup + plan.reduce((s, p) => s + p.amount, 0);

  // ---- citizens and drafts, through the API ----
  const procs = await loadProcedures(c);
  const citizens = [];
  for (let i = 0; i < users; i++) citizens.push(`${CITIZEN_PREFIX}${String(i + 1).padStart(8, '0')}`);
  await inPool(citizens, 4, (nid, i) => c.register(nid, `Công Dân Thử ${i + 1}`, PASSWORD));
  let tokens = await loginAll(c, citizens);
  const ids = await userIds(o.url, citizens);

  const r = rng(8);
  const prepare = async (count) => {
    const out = new Array(count);
    let done = 0;
    await inPool(out, 12, async (_, i) => {
      const p = pickWeighted(procs, r());
      const agency = p.agencyCodes[Math.floor(r() * p.agencyCodes.length)];
      const owner = i % users;
      const id = await c.createDraft(tokens[owner], p.code, agency, validFormData(p.formSchema, r));
      for (const d of p.requiredDocuments) if (d.required) await c.attach(tokens[owner], id, d.code);
      out[i] = { id, owner };
      if (++done % 2000 === 0) o.log(`  … ${done} drafts`);
    });
    return out;
  };
  const t0 = performance.now();
  const drafts = await prepare(total);
  const prepSeconds = (performance.now() - t0) / 1000;
  o.log(`${total} drafts with attachments prepared through the API in ${prepSeconds.toFixed(1)} s`);

  // ---- pgbench twins: the same drafts and attachments under twin ids and owners ----
  const runHex = (Date.now() % 0xfffffff).toString(16).padStart(7, '0');
  const prefixes = { dossier: `b${runHex}`, user: `c${runHex}` };
  await makeTwins(o.url, ids, drafts, prefixes);

  // ---- record one submit, build the pgbench script ----
  const recorded = await recordSubmit(o.url, drafts[0], ids[drafts[0].owner], tokens[drafts[0].owner], o.log);
  const built = await buildPgbenchScript({
    url: o.url,
    statements: recorded.statements,
    dossierId: drafts[0].id,
    userId: ids[drafts[0].owner],
    key: recorded.key,
    code: recorded.answer.code,
    dossierPrefix: prefixes.dossier,
    userPrefix: prefixes.user,
  });
  const workDir = path.join(BENCH_DIR, '.data/pgbench');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const scriptPath = path.join(workDir, 'submit.pgbench.sql');
  writeFileSync(scriptPath, built.script);
  const pgb = (args) => runPgbench(o.url, workDir, scriptPath, built.defines, users, args);
  // Twin 0 checks the script: one transaction must submit it like the API did.
  await pgb({ clients: 1, transactions: 1, base: 0 });
  await checkTwinSubmitted(o.url, twinId(prefixes.dossier, 0));
  o.log(`pgbench script: ${built.statements.length} statements (${scriptPath}); checked on one twin draft`);

  // ---- warm-up (JIT, pools), not measured ----
  let next = 1;
  await runAutocannon(o.api.baseUrl, drafts.slice(next, next + warmup), tokens, 8, {});
  next += warmup;

  // ---- the levels ----
  const levels = [];
  const rss = sampleRss(o.api.pid);
  for (const p of plan) {
    tokens = await loginAll(c, citizens);
    await settle(o.url);
    // API and pgbench in alternating turns, so that load from elsewhere falls on both.
    const apiRuns = [];
    const pgRuns = [];
    const share = p.amount / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      await settle(o.url);
      apiRuns.push(await runAutocannon(o.api.baseUrl, drafts.slice(next, next + share), tokens, p.connections, {}));
      await settle(o.url);
      // pgbench submits the twins of the same drafts.
      pgRuns.push(await pgb({ clients: p.connections, transactions: share / p.connections, base: next, log: true }));
      next += share;
    }
    const apiRun = mergeApiRuns(apiRuns);
    const pgRun = mergePgRuns(pgRuns);
    const ratio = pgRun.tps ? r2(apiRun.rps / pgRun.tps) : null;
    levels.push({ connections: p.connections, api: apiRun, pgbench: pgRun, ratio });
    o.log(
      `  c=${p.connections}: API ${apiRun.rps}/s p95 ${apiRun.latency.p95} ms (${apiRun.errors} errors) · ` +
        `pgbench ${pgRun.tps}/s p95 ${pgRun.latency.p95} ms · ratio ${ratio}`,
    );
  }
  const memory = rss.stop();

  // ---- half of the API's peak, open-loop (autocannon's rate), for the p95 target ----
  const peakApi = levels.reduce((a, b) => (b.api.rps > a.api.rps ? b : a));
  const peakPg = levels.reduce((a, b) => (b.pgbench.tps > a.pgbench.tps ? b : a));
  const rate = Math.max(1, Math.floor(peakApi.api.rps / 2));
  const amount = Math.max(rate * o.halfPeakSeconds, 50);
  const halfConnections = Math.min(32, Math.max(4, Math.ceil(rate / 20)));
  tokens = await loginAll(c, citizens);
  const halfDrafts = await prepare(amount);
  tokens = await loginAll(c, citizens);
  await settle(o.url);
  const half = await runAutocannon(o.api.baseUrl, halfDrafts, tokens, halfConnections, {
    overallRate: rate,
  });
  o.log(`  half of peak (${rate}/s asked, ${halfConnections} connections): ${half.rps}/s, p95 ${half.latency.p95} ms`);

  // ---- optional: where the API's CPU goes under submit load (a separate, profiled process) ----
  let profile = null;
  if (o.profileDir) {
    const n = roundTo(Math.max(1000, o.requests(8)), 8);
    const profileDrafts = await prepare(n);
    tokens = await loginAll(c, citizens);
    rmSync(o.profileDir, { recursive: true, force: true });
    mkdirSync(o.profileDir, { recursive: true });
    const profiled = await startApi({
      databaseUrl: o.url,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`],
      log: o.log,
    });
    let runResult;
    try {
      await settle(o.url);
      runResult = await runAutocannon(profiled.baseUrl, profileDrafts, tokens, 8, {});
    } finally {
      await profiled.stop();
    }
    profile = { connections: 8, requests: runResult.requests, rps: runResult.rps, ...summarizeProfile(o.profileDir) };
    o.log(
      `  profiled API (c=8, ${runResult.rps}/s): ${profile.byPackage
        ?.slice(0, 6)
        .map((g) => `${g.name} ${g.share}%`)
        .join(', ')}`,
    );
  }

  return {
    citizens: users,
    drafts: { prepared: total + amount, seconds: r1(prepSeconds), perSecond: r1(total / prepSeconds) },
    statements: built.statements,
    pgbenchScript: path.relative(BENCH_DIR, scriptPath),
    levels,
    peak: {
      api: { connections: peakApi.connections, rps: peakApi.api.rps, latency: peakApi.api.latency },
      pgbench: { connections: peakPg.connections, tps: peakPg.pgbench.tps, latency: peakPg.pgbench.latency },
      ratio: r2(peakApi.api.rps / peakPg.pgbench.tps),
    },
    halfPeak: { rate, connections: halfConnections, ...withoutTimes(half) },
    rssUnderLoad: memory,
    profile,
  };
}

// ---------------------------------------------------------------------------------------------

function withoutTimes({ times: _times, ok: _ok, ...rest }) {
  return rest;
}

function roundTo(n, multiple) {
  return Math.max(multiple, Math.round(n / multiple) * multiple);
}

export async function loadProcedures(c) {
  const list = await c.request('GET', '/procedures?pageSize=100');
  const procs = [];
  for (const item of list.body.items) {
    const p = await c.procedure(item.code);
    if (!p.agencyCodes?.length) continue;
    p.weight = p.processingDays <= 1 ? 6 : p.processingDays <= 3 ? 4 : p.processingDays <= 7 ? 2 : 1;
    procs.push(p);
  }
  const total = procs.reduce((s, p) => s + p.weight, 0);
  let acc = 0;
  for (const p of procs) p.hi = acc += p.weight / total;
  return procs;
}

export function pickWeighted(procs, x) {
  return procs.find((p) => x < p.hi) ?? procs[procs.length - 1];
}

async function loginAll(c, citizens) {
  const tokens = new Array(citizens.length);
  await inPool(citizens, 4, async (nid, i) => {
    tokens[i] = await c.login(nid, PASSWORD);
  });
  return tokens;
}

async function userIds(url, nationalIds) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT national_id, id FROM app_user WHERE national_id = ANY($1)`, [
      nationalIds,
    ]);
    const byNid = new Map(rows.map((x) => [x.national_id, x.id]));
    return nationalIds.map((n) => byNid.get(n));
  } finally {
    await client.end();
  }
}

/** Clone the bench citizens and every draft (with its attachments) under pgbench's ids. */
async function makeTwins(url, citizenIds, drafts, prefixes) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO app_user (id, username, full_name, email, date_of_birth, password_hash, roles, created_at, updated_at)
       SELECT t.twin, 'pgb-' || $3 || '-' || t.i, u.full_name, 'pgb-' || $3 || '-' || t.i || '@bench.example.vn',
              u.date_of_birth, u.password_hash, u.roles, u.created_at, u.updated_at
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(src, twin, i)
         JOIN app_user u ON u.id = t.src`,
      [citizenIds, citizenIds.map((_, i) => twinId(prefixes.user, i)), prefixes.user],
    );
    const cols = async (table, skip) => {
      const { rows } = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      return rows.map((x) => x.column_name).filter((x) => !skip.includes(x));
    };
    const dCols = await cols('dossier', ['id', 'applicant_id']);
    const aCols = await cols('attachment', ['id', 'dossier_id', 'uploaded_by']);
    const src = drafts.map((d) => d.id);
    const twin = drafts.map((_, n) => twinId(prefixes.dossier, n));
    const owner = drafts.map((d) => twinId(prefixes.user, d.owner));
    await client.query(
      `INSERT INTO dossier (id, applicant_id, ${dCols.join(', ')})
       SELECT m.twin, m.owner, ${dCols.map((x) => `d.${x}`).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS m(src, twin, owner) JOIN dossier d ON d.id = m.src`,
      [src, twin, owner],
    );
    await client.query(
      `INSERT INTO attachment (dossier_id, uploaded_by, ${aCols.join(', ')})
       SELECT m.twin, m.owner, ${aCols.map((x) => `a.${x}`).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS m(src, twin, owner) JOIN attachment a ON a.dossier_id = m.src`,
      [src, twin, owner],
    );
    await client.query('ANALYZE dossier, attachment, app_user');
  } finally {
    await client.end();
  }
}

/** Submit draft 0 through the recording API: the statements of one submit. */
async function recordSubmit(url, draft, userId, token, log) {
  const rec = await startRecordingApi(url);
  try {
    const c = new ApiClient(rec.baseUrl);
    const key = `bench-record-${Date.now()}`;
    const { result: answer, statements } = await rec.record(() => c.submit(token, draft.id, key));
    const conns = new Set(statements.map((s) => s.conn));
    if (conns.size !== 1) {
      throw new Error(`The recorded submit used ${conns.size} connections; the pgbench script assumes one`);
    }
    log(`recorded one API submit: ${statements.length} statements (user ${userId.slice(0, 8)}…)`);
    return { statements, key, answer };
  } finally {
    await rec.stop();
  }
}

async function checkTwinSubmitted(url, id) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT d.status, d.code, d.version, d.last_event_seq,
              (SELECT count(*)::int FROM dossier_event e WHERE e.dossier_id = d.id) AS events,
              (SELECT count(*)::int FROM idempotency_key k
                WHERE k.user_id = d.applicant_id AND k.key = 'pgb-0' AND k.response IS NOT NULL) AS answers
         FROM dossier d WHERE d.id = $1`,
      [id],
    );
    const d = rows[0];
    if (!d || d.status !== 'SUBMITTED' || !d.code || d.events !== 1 || d.answers !== 1) {
      throw new Error(`The pgbench script did not submit its draft like the API: ${JSON.stringify(d)}`);
    }
  } finally {
    await client.end();
  }
}

/** Let autovacuum and the last commits settle between runs (a checkpoint too, so neither side pays for the other's). */
export async function settle(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
  await sleep(1000);
}

/**
 * POST /dossiers/{id}/submit once per draft with `connections` keep-alive connections.
 * @returns {Promise<{ requests: number, seconds: number, rps: number, errors: number, firstError: string | null, latency: ReturnType<typeof summarize> }>}
 */
export async function runAutocannon(baseUrl, drafts, tokens, connections, extra) {
  let next = 0;
  const run = `${Date.now().toString(36)}`;
  const times = [];
  let firstError = null;
  const instance = autocannon({
    url: baseUrl,
    connections,
    amount: drafts.length,
    timeout: 30,
    ...extra,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const d = drafts[next++ % drafts.length];
          return {
            ...req,
            path: `/api/v1/dossiers/${d.id}/submit`,
            headers: {
              authorization: `Bearer ${tokens[d.owner]}`,
              'idempotency-key': `bench-${run}-${d.id}`,
              'content-type': 'application/json',
            },
            body: '{}',
          };
        },
        onResponse: (status, body) => {
          if (status >= 300 && firstError === null) firstError = `${status} ${String(body).slice(0, 300)}`;
        },
      },
    ],
  });
  // Elapsed time from the first request sent to the last answer: autocannon's own `duration`
  // ends on its next 1 s tick after the last answer, which undercounts short runs' rate.
  let first = Infinity;
  let last = 0;
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    const now = performance.now();
    times.push(responseTime);
    first = Math.min(first, now - responseTime);
    last = Math.max(last, now);
  });
  const result = await instance;
  const non2xx = result.non2xx + result.errors + result.timeouts;
  const seconds = last > first ? (last - first) / 1000 : result.duration;
  return {
    requests: result.requests.total,
    ok: result['2xx'] ?? result.requests.total - non2xx,
    seconds: r2(seconds),
    rps: r1((result['2xx'] ?? result.requests.total - non2xx) / seconds),
    errors: non2xx,
    firstError,
    latency: summarize(times),
    times,
  };
}

/** Several autocannon runs as one: requests over the summed time, latencies pooled. */
function mergeApiRuns(runs) {
  const seconds = runs.reduce((s, x) => s + x.seconds, 0);
  const ok = runs.reduce((s, x) => s + x.ok, 0);
  return {
    requests: runs.reduce((s, x) => s + x.requests, 0),
    seconds: r2(seconds),
    rps: r1(ok / seconds),
    errors: runs.reduce((s, x) => s + x.errors, 0),
    firstError: runs.find((x) => x.firstError)?.firstError ?? null,
    latency: summarize(runs.flatMap((x) => x.times)),
  };
}

/** Several pgbench runs as one: transactions over the summed time (without connection set-up), latencies pooled. */
function mergePgRuns(runs) {
  const transactions = runs.reduce((s, x) => s + (x.transactions ?? 0), 0);
  const seconds = runs.reduce((s, x) => s + (x.tps ? (x.transactions ?? 0) / x.tps : 0), 0);
  return {
    transactions,
    failed: runs.reduce((s, x) => s + x.failed, 0),
    seconds: r2(seconds),
    tps: seconds ? r1(transactions / seconds) : null,
    latency: summarize(runs.flatMap((x) => x.times)),
  };
}

/**
 * pgbench on the generated script: `clients` connections (threads: at most 2, the core count),
 * `transactions` each, transaction numbers from `base`. With `log`, per-transaction latencies
 * from pgbench's log files give the percentiles.
 */
async function runPgbench(url, workDir, scriptPath, defines, users, o) {
  const logDir = path.join(workDir, `log-${o.base}`);
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const args = [
    '-n',
    '-M',
    'extended',
    '-c',
    String(o.clients),
    '-j',
    String(Math.min(o.clients, 2)),
    '-t',
    String(o.transactions),
    '-D',
    `base=${o.base}`,
    '-D',
    `clients=${o.clients}`,
    '-D',
    `users=${users}`,
    '-D',
    'k=-1',
    ...Object.entries(defines).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    '-f',
    scriptPath,
  ];
  if (o.log) args.push('-l', `--log-prefix=${path.join(logDir, 'tx')}`);
  const out = await run('pgbench', args, { ...process.env, ...libpqEnv(url) });
  if (out.code !== 0) throw new Error(`pgbench failed (${out.code}):\n${out.stderr}\n${out.stdout}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out.stdout);
  const failed = /number of failed transactions: (\d+)/.exec(out.stdout);
  const done = /number of transactions actually processed: (\d+)/.exec(out.stdout);
  const latencies = [];
  if (o.log) {
    for (const f of readdirSync(logDir)) {
      for (const line of readFileSync(path.join(logDir, f), 'utf8').split('\n')) {
        const parts = line.split(' ');
        if (parts.length >= 6) latencies.push(Number(parts[2]) / 1000);
      }
    }
  }
  return {
    transactions: done ? Number(done[1]) : null,
    failed: failed ? Number(failed[1]) : 0,
    tps: tps ? Number(tps[1]) : null,
    latency: summarize(latencies),
    times: latencies,
  };
}

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
