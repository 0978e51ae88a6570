import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, identity: accounts carry whether their national ID is proven (a digital-citizen
 * login), walk-in records made at the counter live apart from accounts (so that whoever
 * registers a national ID does not inherit its counter dossiers), accounts can be disabled,
 * sessions are rows that every access token names, and the racy login_failure table gives way
 * to the shared rate-limit counters.
 */
export class IdentityAssurance1765300000000 implements MigrationInterface {
  name = 'IdentityAssurance1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN verified boolean NOT NULL DEFAULT false,
        ADD COLUMN walk_in boolean NOT NULL DEFAULT false,
        ADD COLUMN disabled_at timestamptz`);
    await q.query(`UPDATE app_user SET verified = true WHERE oidc_sub IS NOT NULL`);
    // Records the counter made (no password, no digital ID) become walk-in records; their username
    // moves aside so that the national ID stays free for the citizen's own account.
    await q.query(`
      UPDATE app_user SET walk_in = true, username = '~walk-in:' || national_id
       WHERE password_hash IS NULL AND oidc_sub IS NULL AND roles = ARRAY['CITIZEN'] AND national_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE app_user
        ADD CONSTRAINT app_user_walk_in_check CHECK (
          NOT walk_in OR (password_hash IS NULL AND oidc_sub IS NULL AND NOT verified AND roles = ARRAY['CITIZEN'])
        )`);
    // One account and at most one walk-in record per national ID.
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_national_id_key`);
    await q.query(`CREATE UNIQUE INDEX app_user_national_id_key ON app_user (national_id) WHERE NOT walk_in`);
    await q.query(`CREATE UNIQUE INDEX app_user_walk_in_national_id_key ON app_user (national_id) WHERE walk_in`);
    // An e-mail noted at the desk must not stop the citizen from registering with it.
    await q.query(`DROP INDEX app_user_email_key`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email)) WHERE NOT walk_in`);

    // A session is a login; its refresh tokens rotate within it and its access tokens name it (sid).
    await q.query(`
      CREATE TABLE auth_session (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id        uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        method         text NOT NULL CHECK (method IN ('password', 'oidc')),
        created_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);
    // Refresh-token families of before become sessions, so that signed-in users stay signed in.
    await q.query(`
      INSERT INTO auth_session (id, user_id, method, created_at, revoked_at, revoked_reason)
      SELECT DISTINCT ON (family_id) family_id, user_id, 'password', created_at, revoked_at,
             CASE WHEN revoked_at IS NOT NULL THEN 'logout' END
        FROM refresh_token ORDER BY family_id, created_at`);
    await q.query(`
      ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_session_fkey
        FOREIGN KEY (family_id) REFERENCES auth_session(id) ON DELETE CASCADE`);

    await q.query(`DROP TABLE login_failure`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        id   bigserial PRIMARY KEY,
        key  text NOT NULL,
        at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failure_key_at_idx ON login_failure (key, at DESC)`);
    await q.query(`CREATE INDEX login_failure_at_idx ON login_failure (at)`);
    await q.query(`ALTER TABLE refresh_token DROP CONSTRAINT refresh_token_session_fkey`);
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP INDEX app_user_email_key`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`DROP INDEX app_user_walk_in_national_id_key`);
    await q.query(`DROP INDEX app_user_national_id_key`);
    await q.query(`UPDATE app_user SET username = national_id WHERE walk_in`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_national_id_key UNIQUE (national_id)`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_walk_in_check`);
    await q.query(`ALTER TABLE app_user DROP COLUMN disabled_at, DROP COLUMN walk_in, DROP COLUMN verified`);
  }
}
