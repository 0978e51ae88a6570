import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { ensureAppRole } from '../database/app-role.js';
import { APP_DATABASE, ensureDatabase, migrate, withDatabase } from '../database/database.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../database/embedded-postgres.js';

declare global {
  var __MOTCUA_PG__: (RunningPostgres & { dir: string }) | undefined;
}

/**
 * Once per jest run: a PostgreSQL server (DATABASE_URL's, or an embedded one in
 * a fresh temporary folder, so that several runs can go on at once; it starts in
 * under a second) and a template database with every migration
 * applied. Each test file then clones the template (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  let serverUrl: string;
  if (config.databaseUrl) {
    serverUrl = config.databaseUrl;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` (see embedded-postgres.ts)
    const pg = await startEmbeddedPostgres(path.join(dir, 'pg'));
    globalThis.__MOTCUA_PG__ = { ...pg, dir };
    serverUrl = pg.url;
  }
  const template = `${APP_DATABASE}_tpl_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(serverUrl, template);
  await migrate(withDatabase(serverUrl, template));
  // Tests run the app as a restricted role too (its table grants are copied with the template).
  const appRole = `motcua_app_${randomBytes(4).toString('hex')}`;
  const appPassword = randomBytes(16).toString('hex');
  await ensureAppRole(withDatabase(serverUrl, template), appRole, appPassword);
  process.env.MOTCUA_TEST_APP_ROLE = appRole;
  process.env.MOTCUA_TEST_APP_PASSWORD = appPassword;
  process.env.MOTCUA_TEST_SERVER_URL = serverUrl;
  process.env.MOTCUA_TEST_TEMPLATE = template;
}
