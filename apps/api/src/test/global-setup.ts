import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../config/config.js';
import { APP_DATABASE, ensureDatabase, migrate, withDatabase } from '../database/database.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../database/embedded-postgres.js';

declare global {
  var __MOTCUA_PG__: RunningPostgres | undefined;
}

/**
 * Once per jest run: a PostgreSQL server (DATABASE_URL's, or an embedded one
 * with its own data folder) and a template database with every migration
 * applied. Each test file then clones the template (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  let serverUrl: string;
  if (config.databaseUrl) {
    serverUrl = config.databaseUrl;
  } else {
    const pg = await startEmbeddedPostgres(path.join(REPO_ROOT, '.data', 'pg-test'));
    globalThis.__MOTCUA_PG__ = pg;
    serverUrl = pg.url;
  }
  const template = `${APP_DATABASE}_tpl_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(serverUrl, template);
  await migrate(withDatabase(serverUrl, template));
  process.env.MOTCUA_TEST_SERVER_URL = serverUrl;
  process.env.MOTCUA_TEST_TEMPLATE = template;
}
