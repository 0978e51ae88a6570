import { randomBytes } from 'node:crypto';
import { withCredentials } from '../database/app-role.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/database.js';

export interface TestDatabase {
  /** As the owner (a superuser on the embedded server): migrations, tamper tests. */
  url: string;
  /** As the restricted role the app runs as. */
  appUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: one per test file, dropped after. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.MOTCUA_TEST_SERVER_URL;
  const template = process.env.MOTCUA_TEST_TEMPLATE;
  if (!server || !template) throw new Error('Test database server not set up: run through jest (globalSetup)');
  const name = `motcua_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(server, name, template);
  const url = withDatabase(server, name);
  const role = process.env.MOTCUA_TEST_APP_ROLE;
  const password = process.env.MOTCUA_TEST_APP_PASSWORD;
  if (!role || !password) throw new Error('Test app role not set up: run through jest (globalSetup)');
  return { url, appUrl: withCredentials(url, role, password), name, drop: () => dropDatabase(server, name) };
}
