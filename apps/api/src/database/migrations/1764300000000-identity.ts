import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users (citizens and staff in one table: a citizen's username is their national ID),
 * hashed refresh tokens in rotation families, login failures for throttling across
 * processes, security events, and the pending OIDC round trips (state, PKCE verifier).
 */
export class Identity1764300000000 implements MigrationInterface {
  name = 'Identity1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username        text NOT NULL,
        national_id     text CHECK (national_id ~ '^[0-9]{12}$'),
        email           text,
        phone           text,
        full_name       text NOT NULL,
        date_of_birth   date,
        -- Null for walk-in applicants registered at the counter and for digital-ID-only citizens.
        password_hash   text,
        roles           text[] NOT NULL CHECK (
                          cardinality(roles) > 0
                          AND roles <@ ARRAY['CITIZEN', 'RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN']
                        ),
        agency_code     text REFERENCES agency(code),
        oidc_sub        text,
        assurance_level integer,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_username_key UNIQUE (username),
        CONSTRAINT app_user_national_id_key UNIQUE (national_id),
        CONSTRAINT app_user_oidc_sub_key UNIQUE (oidc_sub)
      )`);
    // E-mail addresses are compared without case: An@Example.vn and an@example.vn are one.
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_code)`);
    await q.query(`CREATE INDEX app_user_roles_idx ON app_user USING gin (roles)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id   uuid NOT NULL,
        token_hash  text NOT NULL,
        user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);

    await q.query(`
      CREATE TABLE login_failure (
        id   bigserial PRIMARY KEY,
        key  text NOT NULL,
        at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failure_key_at_idx ON login_failure (key, at DESC)`);
    await q.query(`CREATE INDEX login_failure_at_idx ON login_failure (at)`);

    await q.query(`
      CREATE TABLE security_event (
        id          bigserial PRIMARY KEY,
        type        text NOT NULL,
        user_id     uuid REFERENCES app_user(id) ON DELETE SET NULL,
        username    text,
        ip          text,
        user_agent  text,
        detail      jsonb NOT NULL DEFAULT '{}',
        at          timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX security_event_at_idx ON security_event (at DESC)`);
    await q.query(`CREATE INDEX security_event_user_idx ON security_event (user_id, at DESC)`);
    await q.query(`CREATE INDEX security_event_type_idx ON security_event (type, at DESC)`);

    await q.query(`
      CREATE TABLE oidc_login (
        state          text PRIMARY KEY,
        code_verifier  text NOT NULL,
        nonce          text NOT NULL,
        created_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX oidc_login_created_idx ON oidc_login (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_login`);
    await q.query(`DROP TABLE security_event`);
    await q.query(`DROP TABLE login_failure`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
  }
}
