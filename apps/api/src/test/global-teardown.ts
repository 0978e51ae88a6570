import pgLib from 'pg';
import { rmSync } from 'node:fs';
import { dropDatabase } from '../database/database.js';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.MOTCUA_TEST_SERVER_URL;
  const template = process.env.MOTCUA_TEST_TEMPLATE;
  if (server && template) await dropDatabase(server, template).catch(() => undefined);
  const role = process.env.MOTCUA_TEST_APP_ROLE;
  if (server && role && !globalThis.__MOTCUA_PG__) {
    // On a shared server only: an embedded one goes away whole. Fails harmlessly if a test database is left.
    const client = new pgLib.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`).catch(() => undefined);
    await client.end();
  }
  const pg = globalThis.__MOTCUA_PG__;
  if (pg) {
    await pg.stop();
    rmSync(pg.dir, { recursive: true, force: true });
  }
}
