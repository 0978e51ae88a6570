import pg from 'pg';
import { DataSource } from 'typeorm';
import { installJobSchema } from '../jobs/job-schema.js';
import { MIGRATIONS } from './migrations/index.js';
import { runDemoSeeds } from './seeds/demo-seed.js';

export const APP_DATABASE = 'motcua';

/** Create a database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const ident = client.escapeIdentifier(name);
      await client.query(
        template
          ? `CREATE DATABASE ${ident} TEMPLATE ${client.escapeIdentifier(template)}`
          : `CREATE DATABASE ${ident}`,
      );
    }
  } finally {
    await client.end();
  }
}

/** The same server's URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function createDataSource(url: string, entities: Function[] = []): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
  });
}

/**
 * Run pending migrations, then install or upgrade the job queue's schema (pgboss), under an
 * advisory lock, so that several API processes starting together against one database migrate it once.
 */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    // The lock belongs to one session: hold it on a dedicated query runner.
    const lock = ds.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(7142001)');
      const done = await ds.runMigrations({ transaction: 'each' });
      // The job queue's schema follows pg-boss's own versions, not ours: installed or upgraded here.
      await installJobSchema(url);
      return done.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(7142001)').catch(() => undefined);
      await lock.release();
    }
  } finally {
    await ds.destroy();
  }
}

/** Load the demo data (idempotent) on its own short-lived connection. */
export async function seedDemo(url: string, log: (m: string) => void): Promise<void> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await runDemoSeeds(ds, log);
  } finally {
    await ds.destroy();
  }
}
