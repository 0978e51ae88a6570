import pg from 'pg';
import PgBoss from 'pg-boss';

/** The job queue's own schema on the app's database (docs/architecture.md "Jobs"). */
export const JOBS_SCHEMA = 'pgboss';

/**
 * As the database owner, at migrate time (under migrate()'s advisory lock): install pg-boss's
 * schema, or bring it to this pg-boss version, with pg-boss's own plans, so that the API's
 * restricted role never needs CREATE. Queue creation makes a partition table (pg-boss 10): its
 * function runs as the owner (SECURITY DEFINER, fixed search_path) and only the app role may call it.
 */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOBS_SCHEMA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
    application_name: 'motcua-migrate',
  });
  const errors: Error[] = [];
  boss.on('error', (e: Error) => errors.push(e));
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  if (errors.length) throw errors[0];
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (const fn of ['create_queue(text, json)', 'delete_queue(text)']) {
      await client.query(`ALTER FUNCTION ${JOBS_SCHEMA}.${fn} SECURITY DEFINER SET search_path = pg_catalog, pg_temp`);
      await client.query(`REVOKE ALL ON FUNCTION ${JOBS_SCHEMA}.${fn} FROM PUBLIC`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Inside ensureAppRole's transaction: the app role may read and write the queue's tables and
 * create queues, nothing else there (no CREATE, no DROP; delete_queue stays the owner's).
 */
export async function grantJobSchema(client: pg.ClientBase, role: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [JOBS_SCHEMA]);
  if (!found.rowCount) return;
  const r = client.escapeIdentifier(role);
  await client.query(`GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${r}`);
  await client.query(`REVOKE CREATE ON SCHEMA ${JOBS_SCHEMA} FROM ${r}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${r}`);
  // Partitions that create_queue (running as the owner) adds later get the same grants.
  await client.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
  );
  await client.query(`GRANT EXECUTE ON FUNCTION ${JOBS_SCHEMA}.create_queue(text, json) TO ${r}`);
}
