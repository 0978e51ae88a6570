import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (api.md, "Notifications and apologies"): one `notification` row per user and event,
 * read newest first by a keyset on (created_at, id); per-user channel preferences; and the two
 * read views the notifications module reads other modules through (architecture.md, "Data
 * access"): `user_contact` (identity's, where to send) and `dossier_label` (dossiers', the code).
 */
export class Notifications1766500000000 implements MigrationInterface {
  name = 'Notifications1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type        text NOT NULL CHECK (type IN ('STATUS_CHANGED', 'SUPPLEMENT_REQUESTED', 'FEE_DUE', 'RESULT_READY',
                                                  'APOLOGY', 'SLA_DUE_SOON', 'SLA_OVERDUE', 'SUPPLEMENT_REMINDER')),
        dossier_id  uuid REFERENCES dossier(id) ON DELETE CASCADE,
        params      jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL,
        read_at     timestamptz
      )`);
    // The list's keyset (newest first) and the unread count, both per user.
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id        uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        email_updates  boolean NOT NULL,
        sms_updates    boolean NOT NULL,
        sms_agreed     boolean NOT NULL,
        updated_at     timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE VIEW user_contact AS
      SELECT id, full_name, email, phone, roles, walk_in, disabled_at FROM app_user`);
    await q.query(`CREATE VIEW dossier_label AS SELECT id, code FROM dossier`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS dossier_label`);
    await q.query(`DROP VIEW IF EXISTS user_contact`);
    await q.query(`DROP TABLE IF EXISTS notification_preference`);
    await q.query(`DROP TABLE IF EXISTS notification`);
  }
}
