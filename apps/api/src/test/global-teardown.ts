import { dropDatabase } from '../database/database.js';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.MOTCUA_TEST_SERVER_URL;
  const template = process.env.MOTCUA_TEST_TEMPLATE;
  if (server && template) await dropDatabase(server, template).catch(() => undefined);
  await globalThis.__MOTCUA_PG__?.stop();
}
