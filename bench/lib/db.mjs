import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BENCH_DIR, REPO_ROOT } from './paths.mjs';

const api = (p) => import(path.join(REPO_ROOT, 'apps/api/dist', p));

/**
 * @typedef {{ kind: 'embedded' | 'external', serverUrl: string, version: string, settings: Record<string, string>, stop(): Promise<void> }} BenchServer
 */

/**
 * The PostgreSQL server the bench runs on: the one at `url` (any database of it), or the API's
 * embedded PostgreSQL (what `npm start` uses) with its data in bench/.data/pg. Only loopback
 * addresses are accepted: a benchmark floods its target.
 * @param {string | undefined} url
 * @param {(m: string) => void} log
 * @returns {Promise<BenchServer>}
 */
export async function startServer(url, log) {
  if (url) {
    const host = new URL(url).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
      throw new Error(`The bench only targets 127.0.0.1 (got ${host})`);
    }
    return { kind: 'external', serverUrl: url, ...(await describe(url)), stop: async () => undefined };
  }
  const { startEmbeddedPostgres } = await api('database/embedded-postgres.js');
  const dir = path.join(BENCH_DIR, '.data/pg');
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  const t0 = performance.now();
  const running = await startEmbeddedPostgres(dir, (m) => {
    // Not the autovacuum a DROP INDEX cancels, nor the sessions ended by the server's shutdown.
    if (/ERROR|FATAL|PANIC/.test(m) && !/canceling autovacuum task|due to administrator command/.test(m)) {
      log(`postgres: ${m}`);
    }
  });
  log(`embedded PostgreSQL on port ${running.port} (${Math.round(performance.now() - t0)} ms)`);
  return { kind: 'embedded', serverUrl: running.url, ...(await describe(running.url)), stop: () => running.stop() };
}

/** @param {string} url */
async function describe(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT name, setting, unit FROM pg_settings
        WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather',
                       'synchronous_commit', 'fsync', 'max_connections', 'effective_cache_size', 'jit')`,
    );
    /** @type {Record<string, string>} */
    const settings = {};
    for (const r of rows) {
      settings[r.name] =
        r.unit === '8kB'
          ? `${Math.round((Number(r.setting) * 8) / 1024)}MB`
          : r.unit === 'kB'
            ? `${Math.round(Number(r.setting) / 1024)}MB`
            : r.setting;
    }
    return { version: settings.server_version, settings };
  } finally {
    await c.end();
  }
}

/** The same server with another database name. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Drop and create the bench database, then migrate it with the API's own migrate() and load the
 * demo catalog and accounts (the API's seeds).
 * @returns {Promise<string>} the database's URL
 */
export async function freshDatabase(serverUrl, name, log) {
  const { dropDatabase, ensureDatabase, migrate, seedDemo } = await api('database/database.js');
  await dropDatabase(serverUrl, name);
  await ensureDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  const t0 = performance.now();
  await migrate(url);
  await seedDemo(url, () => undefined);
  log(`database ${name}: migrated and seeded in ${Math.round(performance.now() - t0)} ms`);
  return url;
}

/** Whether a database exists on the server. */
export async function databaseExists(serverUrl, name) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await c.end();
  }
}

/** Run `fn` with a connected client, closed afterwards. */
export async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** libpq environment for pgbench / psql from a URL. */
export function libpqEnv(url) {
  const u = new URL(url);
  return {
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password || ''),
    PGDATABASE: u.pathname.slice(1),
  };
}
