import type { AppConfig } from '../config/config.js';
import { APP_DATABASE, ensureDatabase, withDatabase } from './database.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

// Kept apart from database.ts: only the process entry points (main.ts, seed-cli.ts) start a server.

export interface ResolvedDatabase {
  url: string;
  embedded: RunningPostgres | null;
}

/** DATABASE_URL when set; else the embedded PostgreSQL in DATA_DIR/pg, started now. */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(
    `${config.dataDir}/pg`,
    (m) => {
      if (/ERROR|FATAL|PANIC/.test(m)) log(m);
    },
    log,
  );
  await ensureDatabase(embedded.url, APP_DATABASE);
  return { url: withDatabase(embedded.url, APP_DATABASE), embedded };
}
