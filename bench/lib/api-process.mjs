import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './paths.mjs';

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const RUN_JWT_SECRET = randomBytes(48).toString('base64url');
const RUN_ADMIN_PASSWORD = `Bench-${randomBytes(12).toString('base64url')}`;

/**
 * @typedef {{ pid: number, baseUrl: string, rssKiB(): number | null, stop(): Promise<void> }} ApiProcess
 */

/**
 * Start the built API (`node apps/api/dist/main.js`) on a database, listening on 127.0.0.1 only.
 * @param {{ databaseUrl: string, jobs?: boolean, nodeArgs?: string[], env?: Record<string, string>, log: (m: string) => void }} o
 * @returns {Promise<ApiProcess>}
 */
function benchAuditKey(dataDir) {
  const file = path.join(dataDir, 'audit-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return file;
}

export async function startApi(o) {
  const port = await freePort();
  const dataDir = path.join(BENCH_DIR, '.data/api');
  mkdirSync(dataDir, { recursive: true });
  return spawnApi(
    port,
    {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      // Production refuses published secrets and default passwords: fresh random ones per run, the
      // same for every API process of the run (a token from one is valid on the recording API).
      JWT_SECRET: RUN_JWT_SECRET,
      ADMIN_PASSWORD: RUN_ADMIN_PASSWORD,
      // Production requires the audit chain's key from outside the database: one per bench data folder.
      AUDIT_KEY_FILE: benchAuditKey(dataDir),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: o.databaseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // The job queue (outbox delivery, schedules) runs as deployed unless the caller turns it off.
      JOBS_ENABLED: o.jobs === false ? 'false' : 'true',
      // A part's own settings (the payment gateway of the IPN bench).
      ...(o.env ?? {}),
    },
    o,
    60_000,
  );
}

/**
 * Start the built app as `npm start` does and as the browser e2e do (e2e/src/support/global-setup.ts):
 * its embedded PostgreSQL in a fresh temporary data folder, migrations, the demo catalog and
 * accounts (demo data is refused in production, so NODE_ENV stays development), the web app at `/`.
 * With `history`, `npm run seed -- --history N` first fills the same folder with a year of dossiers,
 * so the dashboard and tracking pages show data. The folder is removed on stop.
 * @param {{ log: (m: string) => void, history?: number }} o
 * @returns {Promise<ApiProcess>}
 */
export async function startDemoApp(o) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-demo-'));
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  const api = await (async () => {
    if (o.history) await seedHistory(env, o.history, o.log);
    // The first start initialises a PostgreSQL cluster and seeds the demo: slow on a busy machine.
    return spawnApi(port, env, o, 180_000);
  })().catch((e) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  return {
    ...api,
    stop: async () => {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `apps/api/dist/database/seed-cli.js --history N` (what `npm run seed` runs) on the demo folder. */
async function seedHistory(env, count, log) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'apps/api/dist/database/seed-cli.js'), '--history', String(count)],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d.toString()));
  child.stderr.on('data', (d) => (output += d.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run seed -- --history ${count} failed (${code}):\n${output.slice(-5000)}`);
  log(`demo history: ${count} dossiers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * @param {number} port
 * @param {Record<string, string | undefined>} env
 * @param {{ nodeArgs?: string[], log: (m: string) => void }} o
 * @param {number} readyMs
 * @returns {Promise<ApiProcess>}
 */
async function spawnApi(port, env, o, readyMs) {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), path.join(REPO_ROOT, 'apps/api/dist/main.js')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyMs;
  for (;;) {
    const code = await Promise.race([exited.then((c) => ({ exited: c })), sleep(200).then(() => null)]);
    if (code) throw new Error(`The API exited (${code.exited}) before it was ready:\n${output}`);
    try {
      const r = await fetch(`${baseUrl}/api/v1/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The API was not ready within ${readyMs / 1000} s:\n${output}`);
    }
  }
  o.log(`API pid ${child.pid} on ${baseUrl}`);
  return {
    pid: /** @type {number} */ (child.pid),
    baseUrl,
    rssKiB: () => rssKiB(/** @type {number} */ (child.pid)),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** VmRSS of a process, in KiB (Linux /proc). */
export function rssKiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Sample a process's RSS every `everyMs` until stopped; returns peak and mean (KiB). */
export function sampleRss(pid, everyMs = 250) {
  const samples = [];
  const t = setInterval(() => {
    const v = rssKiB(pid);
    if (v !== null) samples.push(v);
  }, everyMs);
  return {
    stop() {
      clearInterval(t);
      const v = rssKiB(pid);
      if (v !== null) samples.push(v);
      if (!samples.length) return { peakKiB: null, meanKiB: null, samples: 0 };
      return {
        peakKiB: Math.max(...samples),
        meanKiB: Math.round(samples.reduce((a, b) => a + b, 0) / samples.length),
        samples: samples.length,
      };
    },
  };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
