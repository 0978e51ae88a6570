import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = `agency_code, procedure_code, channel, sector_code, online_level`;
/** A fee owed back (or given back) is no longer a payment the reports count (api.md, End-to-end figures). */
const COUNTED_PAID = `fee > 0 AND fee_paid_at IS NOT NULL AND fee_status NOT IN ('REFUND_DUE', 'REFUNDED')`;

/**
 * Closing the online loop (issue 14): a result template per procedure version (null: none), the
 * revocation of an issued result (when, by whom, why), history results of `seed --history` (no
 * file behind them), and refunds taken out of the payment counters: the report view gains
 * `fee_status` and the summary rows' fee counters are recomputed by the same rule.
 */
export class CloseOnlineLoop1766300000000 implements MigrationInterface {
  name = 'CloseOnlineLoop1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procedure_version ADD COLUMN result_template jsonb`);
    await q.query(`
      ALTER TABLE dossier_result
        ADD COLUMN revoked_by uuid REFERENCES app_user(id),
        ADD COLUMN revoked_reason text,
        ADD COLUMN history boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE OR REPLACE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online,
             decided_outcome, processing_working_days, end_to_end, digitised, fee_status
        FROM dossier`);
    await q.query(`
      UPDATE report_daily r SET fee_paid = x.paid, fee_paid_online = x.online
        FROM (SELECT vn_local_date(received_at) AS day, ${KEY},
                     count(*) FILTER (WHERE ${COUNTED_PAID}) AS paid,
                     count(*) FILTER (WHERE ${COUNTED_PAID} AND fee_paid_online IS TRUE) AS online
                FROM dossier WHERE received_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6) x
       WHERE (r.day, r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level)
           = (x.day, x.agency_code, x.procedure_code, x.channel, x.sector_code, x.online_level)`);
    await q.query(`
      UPDATE report_monthly r SET fee_paid = x.paid, fee_paid_online = x.online
        FROM (SELECT date_trunc('month', day)::date AS month, ${KEY}, sum(fee_paid) AS paid,
                     sum(fee_paid_online) AS online
                FROM report_daily GROUP BY 1, 2, 3, 4, 5, 6) x
       WHERE (r.month, r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level)
           = (x.month, x.agency_code, x.procedure_code, x.channel, x.sector_code, x.online_level)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW dossier_report_fact`);
    await q.query(`
      CREATE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online,
             decided_outcome, processing_working_days, end_to_end, digitised
        FROM dossier`);
    await q.query(`
      ALTER TABLE dossier_result DROP COLUMN history, DROP COLUMN revoked_reason, DROP COLUMN revoked_by`);
    await q.query(`ALTER TABLE procedure_version DROP COLUMN result_template`);
  }
}
