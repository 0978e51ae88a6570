import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_RECEIVED = `('RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL')`;

/**
 * Deadlines that act (issue 15; api.md, Notifications and apologies):
 * - `dossier.appointment_at`: the new appointment of the last apology letter (dueAt never moves for it);
 * - the sla module's tables: `apology_letter` (one row per letter issued; an automatic one at most
 *   once per dossier, by a unique index), `sla_watch` (one row per open received dossier, kept at
 *   every transition, with the instant its SLA state next changes: the sweep reads only rows due,
 *   through partial indexes, never every open dossier), `sla_alert` and `supplement_reminder`
 *   (each alert or reminder once, by primary key);
 * - report counters of apologies issued, and the read view the reports' rebuild counts them from.
 * Existing open dossiers are watched from now: their first sweep sets the exact next check.
 */
export class SlaApologies1766600000000 implements MigrationInterface {
  name = 'SlaApologies1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier ADD COLUMN appointment_at timestamptz`);
    await q.query(`
      CREATE TABLE apology_letter (
        id             uuid PRIMARY KEY,
        dossier_id     uuid NOT NULL REFERENCES dossier(id),
        letter_number  text NOT NULL,
        issued_at      timestamptz NOT NULL,
        automatic      boolean NOT NULL,
        issued_by      uuid REFERENCES app_user(id),
        reason         text NOT NULL,
        original_due_at timestamptz NOT NULL,
        appointment_at timestamptz NOT NULL,
        sha256         text NOT NULL,
        size           integer NOT NULL,
        signed         boolean NOT NULL,
        signer         text
      )`);
    await q.query(`CREATE INDEX apology_letter_dossier_idx ON apology_letter (dossier_id, issued_at DESC)`);
    // Two sweeps running together issue one automatic letter: the second insert conflicts.
    await q.query(`CREATE UNIQUE INDEX apology_letter_automatic_once ON apology_letter (dossier_id) WHERE automatic`);
    await q.query(`
      CREATE TABLE sla_watch (
        dossier_id      uuid PRIMARY KEY REFERENCES dossier(id),
        agency_code     text NOT NULL,
        assignee_id     uuid,
        applicant_id    uuid NOT NULL,
        due_at          timestamptz NOT NULL,
        running         boolean NOT NULL,
        apologised      boolean NOT NULL DEFAULT false,
        next_check_at   timestamptz,
        supplement_requested_at timestamptz,
        reminders_sent  integer NOT NULL DEFAULT 0,
        next_reminder_at timestamptz
      )`);
    await q.query(`CREATE INDEX sla_watch_next_check_idx ON sla_watch (next_check_at) WHERE next_check_at IS NOT NULL`);
    await q.query(`CREATE INDEX sla_watch_unapologised_idx ON sla_watch (due_at) WHERE running AND NOT apologised`);
    await q.query(
      `CREATE INDEX sla_watch_next_reminder_idx ON sla_watch (next_reminder_at) WHERE next_reminder_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE sla_alert (
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        state      text NOT NULL CHECK (state IN ('DUE_SOON', 'OVERDUE')),
        alerted_at timestamptz NOT NULL,
        PRIMARY KEY (dossier_id, state)
      )`);
    await q.query(`
      CREATE TABLE supplement_reminder (
        dossier_id   uuid NOT NULL REFERENCES dossier(id),
        requested_at timestamptz NOT NULL,
        n            integer NOT NULL,
        sent_at      timestamptz NOT NULL,
        PRIMARY KEY (dossier_id, requested_at, n)
      )`);
    await q.query(`
      INSERT INTO sla_watch (dossier_id, agency_code, assignee_id, applicant_id, due_at, running, apologised,
                             next_check_at, supplement_requested_at, next_reminder_at)
      SELECT id, agency_code, assignee_id, applicant_id, due_at, status <> 'SUPPLEMENT_REQUESTED', false,
             CASE WHEN status <> 'SUPPLEMENT_REQUESTED' THEN now() END,
             supplement_requested_at, CASE WHEN status = 'SUPPLEMENT_REQUESTED' THEN now() END
        FROM dossier WHERE status IN ${OPEN_RECEIVED} AND due_at IS NOT NULL`);
    for (const table of ['report_daily', 'report_monthly']) {
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN apologies_issued integer NOT NULL DEFAULT 0,
        ADD COLUMN apologies_automatic integer NOT NULL DEFAULT 0`);
    }
    // The reports' rebuild counts letters through the sla module's view, by the letter's local day.
    await q.query(`CREATE VIEW apology_fact AS SELECT dossier_id, issued_at, automatic FROM apology_letter`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW apology_fact`);
    for (const table of ['report_daily', 'report_monthly']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN apologies_issued, DROP COLUMN apologies_automatic`);
    }
    await q.query(`DROP TABLE supplement_reminder`);
    await q.query(`DROP TABLE sla_alert`);
    await q.query(`DROP TABLE sla_watch`);
    await q.query(`DROP TABLE apology_letter`);
    await q.query(`ALTER TABLE dossier DROP COLUMN appointment_at`);
  }
}
