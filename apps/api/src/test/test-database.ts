import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/database.js';

export interface TestDatabase {
  url: string;
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
  return { url: withDatabase(server, name), name, drop: () => dropDatabase(server, name) };
}
