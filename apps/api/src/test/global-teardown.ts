import { rmSync } from 'node:fs';
import { dropDatabase } from '../database/database.js';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.MOTCUA_TEST_SERVER_URL;
  const template = process.env.MOTCUA_TEST_TEMPLATE;
  if (server && template) await dropDatabase(server, template).catch(() => undefined);
  const pg = globalThis.__MOTCUA_PG__;
  if (pg) {
    await pg.stop();
    rmSync(pg.dir, { recursive: true, force: true });
  }
}
