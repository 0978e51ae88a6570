import pg from 'pg';
import type { AppConfig } from '../config/config.js';
import { readOrCreateSecret } from '../config/secrets.js';
import { grantJobSchema } from '../jobs/job-schema.js';

/** The role the API's pool connects as: it owns nothing, so it can neither ALTER nor disable triggers. */
export const APP_ROLE = 'motcua_app';

/**
 * Tables the API may only read and append to: the timeline and attachments the audit chain seals,
 * the seal of the chains from before the key, and the login audit (security events). Without
 * UPDATE, DELETE or TRUNCATE the append-only trigger is a second line, not the only one.
 */
export const APPEND_ONLY_TABLES = ['dossier_event', 'attachment', 'security_event', 'audit_legacy_seal'];

/**
 * Owner's functions (SECURITY DEFINER) the API may call: the narrow ways around an append-only
 * table (a draft's unsealed attachment, migration 1766700000000; a closed dossier's attachments
 * once its retention is over, migration 1767200000000).
 */
export const APP_FUNCTIONS = ['remove_draft_attachment(uuid, uuid, uuid)', 'erase_dossier_personal_data(uuid)'];

/** The same URL with another user and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * As the owner of the database at `ownerUrl`: create (or update) the login role when a password
 * is given, then grant it exactly what the API needs on every table there is now: read and write
 * on ordinary tables, read and INSERT only on the append-only ones, nothing on the migrations
 * table. Idempotent; run after every migration (new tables get their grants at the next start).
 */
export async function ensureAppRole(ownerUrl: string, role: string, password?: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    await client.query('BEGIN');
    // GRANTs from several processes starting together would collide on the catalog rows. The
    // migration lock first: another process's migrate() may be altering the job queue's
    // create_queue (installJobSchema), the pg_proc row the grant below updates too ("tuple
    // concurrently updated", seen in cluster.int-spec.ts). Same order in every process.
    await client.query('SELECT pg_advisory_xact_lock(7142001)');
    await client.query('SELECT pg_advisory_xact_lock(7142002)');
    if (password !== undefined) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD ${client.escapeLiteral(password)}`;
      await client.query(exists.rowCount ? `ALTER ROLE ${r} WITH ${attrs}` : `CREATE ROLE ${r} WITH ${attrs}`);
    }
    const [{ db }] = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows;
    const tables = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`,
      )
    ).rows.map((t) => t.name);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(db)} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${r}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    for (const t of APPEND_ONLY_TABLES.filter((name) => tables.includes(name))) {
      await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${client.escapeIdentifier(t)} FROM ${r}`);
    }
    if (tables.includes('migrations')) await client.query(`REVOKE ALL ON migrations FROM ${r}`);
    for (const fn of APP_FUNCTIONS) {
      const exists = await client.query<{ ok: boolean }>('SELECT to_regprocedure($1) IS NOT NULL AS ok', [fn]);
      if (exists.rows[0].ok) await client.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${r}`);
    }
    await grantJobSchema(client, role);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * The URL the API's pool uses, after granting the restricted role what it needs. Embedded
 * database: the launcher's superuser creates `motcua_app` with a password kept in
 * DATA_DIR/secrets. DATABASE_URL with DATABASE_APP_URL: that role gets the grants. DATABASE_URL
 * alone: `motcua_app` is created if the owner may (CREATEROLE); otherwise production refuses to
 * start, and development runs as the owner with a warning (AuditService checks again at start).
 */
export async function prepareAppDatabaseUrl(
  config: AppConfig,
  ownerUrl: string,
  log: (m: string) => void,
): Promise<string> {
  if (config.databaseAppUrl) {
    const user = decodeURIComponent(new URL(config.databaseAppUrl).username);
    await ensureAppRole(ownerUrl, user);
    return config.databaseAppUrl;
  }
  const password = readOrCreateSecret(config.dataDir, 'db-app-password');
  try {
    await ensureAppRole(ownerUrl, APP_ROLE, password);
    return withCredentials(ownerUrl, APP_ROLE, password);
  } catch (e) {
    if (!config.databaseUrl || config.env === 'production') throw e;
    log(
      `Could not create the restricted role ${APP_ROLE} (${e instanceof Error ? e.message : String(e)}); ` +
        'the API runs as the database owner, which can alter the audit tables. Set DATABASE_APP_URL.',
    );
    return ownerUrl;
  }
}

export interface RolePrivileges {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Owns, or is a member of the owner of, the timeline table. */
  ownsAudit: boolean;
  /** May UPDATE, DELETE or TRUNCATE the timeline. */
  mayRewriteAudit: boolean;
}

/** What the connected role may do to the audit tables (the API refuses to start in production if too much). */
export async function rolePrivileges(query: (sql: string) => Promise<unknown[]>): Promise<RolePrivileges> {
  const [row] = (await query(
    `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            pg_has_role(current_user, c.relowner, 'USAGE') AS "ownsAudit",
            has_table_privilege('dossier_event', 'UPDATE') OR has_table_privilege('dossier_event', 'DELETE')
              OR has_table_privilege('dossier_event', 'TRUNCATE') AS "mayRewriteAudit"
       FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.oid = 'dossier_event'::regclass`,
  )) as RolePrivileges[];
  return row;
}
