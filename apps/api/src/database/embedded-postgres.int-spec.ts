import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformFileSync } from '@swc/core';
import pg from 'pg';

/**
 * The launcher really run in child processes (as `npm start` runs it), killed with SIGKILL
 * and started again on the same data folder.
 */

const SOURCE = path.join(__dirname, 'embedded-postgres.ts');
let work: string;
let runner: string;
const children = new Set<ChildProcess>();

interface Launched {
  child: ChildProcess;
  url: string;
  clusterDir: string;
  output: () => string;
}

/** Start the launcher in a child process on `dataDir`; resolves once its server answers. */
function launch(dataDir: string): Promise<Launched> {
  const child = spawn(process.execPath, [runner, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as { url: string; clusterDir: string }), output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}):\n${output}`)));
  });
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

async function stop(l: Launched): Promise<void> {
  const exited = new Promise((r) => l.child.once('exit', r));
  l.child.kill('SIGTERM');
  await exited;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

const postmasterPid = (clusterDir: string) =>
  Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'motcua-launcher-'));
  chmodSync(work, 0o755); // as root, PostgreSQL runs as `postgres`
  // The module under test as plain ESM; import.meta.url kept at the source so node_modules resolve.
  const { code } = transformFileSync(SOURCE, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
  });
  writeFileSync(
    path.join(work, 'embedded-postgres.mjs'),
    code.replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(SOURCE).href)),
  );
  runner = path.join(work, 'run.mjs');
  writeFileSync(
    runner,
    `import { startEmbeddedPostgres } from './embedded-postgres.mjs';
const pg = await startEmbeddedPostgres(process.argv[2], () => undefined, (m) => console.error(m));
console.log(JSON.stringify({ url: pg.url, clusterDir: pg.clusterDir }));
process.once('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
setInterval(() => undefined, 60_000);
`,
  );
});

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(work, { recursive: true, force: true });
});

describe('embedded PostgreSQL launcher', () => {
  it('recovers by itself after kill -9 of the app: the orphaned server is stopped and no data is lost', async () => {
    const dataDir = path.join(work, 'crash', 'pg');
    const first = await launch(dataDir);
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the crash')`);
    const orphan = postmasterPid(first.clusterDir);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(processAlive(orphan)).toBe(true); // the crash this rule is about: a server without its app

    const second = await launch(dataDir);
    expect(second.output()).toContain(`Stopping the orphaned PostgreSQL ${orphan}`);
    expect(processAlive(orphan)).toBe(false);
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'written before the crash' }]);
    await stop(second);
    expect(existsSync(path.join(second.clusterDir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(`${dataDir}.launcher.pid`)).toBe(false);
  });

  it('starts over a stale postmaster.pid whose process is gone', async () => {
    const dataDir = path.join(work, 'stale', 'pg');
    const first = await launch(dataDir);
    await query(first.url, `CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)`);
    const lockFile = path.join(first.clusterDir, 'postmaster.pid');
    const lock = readFileSync(lockFile, 'utf8');
    await stop(first);
    // A pid that is surely not running now: a child that has exited.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.once('exit', r));
    writeFileSync(lockFile, lock.replace(/^\d+/, String(gone.pid)));

    const second = await launch(dataDir);
    expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await stop(second);
  });

  it('joins the server of a running app rather than failing on its lock, and leaves it running', async () => {
    const dataDir = path.join(work, 'shared', 'pg');
    const first = await launch(dataDir);
    const second = await launch(dataDir);
    expect(second.url).toBe(first.url);
    expect(second.output()).toMatch(/already run by process \d+/);
    await stop(second);
    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await stop(first);
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (asRoot ? it : it.skip)(
    'as root, keeps a cluster wanted in a 0700 folder where `postgres` reaches it, across restarts',
    async () => {
      const privateDir = mkdtempSync(path.join(work, 'private-'));
      chmodSync(privateDir, 0o700);
      const dataDir = path.join(privateDir, 'pg');
      const first = await launch(dataDir);
      try {
        expect(first.clusterDir).not.toBe(dataDir);
        expect(readFileSync(`${dataDir}.location`, 'utf8').trim()).toBe(first.clusterDir);
        await query(first.url, `CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)`);
        await stop(first);
        const second = await launch(dataDir);
        expect(second.clusterDir).toBe(first.clusterDir);
        expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
        await stop(second);
      } finally {
        rmSync(path.dirname(first.clusterDir), { recursive: true, force: true });
      }
    },
  );
});
