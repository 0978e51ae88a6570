import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Required documents of the dossier's version that have no uploaded attachment (SQL, for the backfill). */
const MISSING_REQUIRED_DOCUMENT = `EXISTS (
  SELECT 1 FROM procedure_version pv, jsonb_array_elements(pv.required_documents) doc
   WHERE pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
     AND COALESCE((doc ->> 'required')::boolean, false)
     AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.dossier_id = d.id AND a.document_code = doc ->> 'code'))`;

const SIGNED_RESULT = `EXISTS (SELECT 1 FROM dossier_result r WHERE r.dossier_id = d.id AND r.signed)`;

const KEY = `agency_code, procedure_code, channel, sector_code, online_level`;

/**
 * End-to-end figures (issue 14): `end_to_end` and `digitised` are fixed at return_result (null
 * before), the summary rows count them by return day, and the report view exposes them. Returned
 * dossiers are backfilled by the same rules (metrics.ts isEndToEnd/isDigitised); the summary rows'
 * new counters, and fee_paid (payments made after receipt were never counted), are recomputed.
 */
export class EndToEndFigures1766200000000 implements MigrationInterface {
  name = 'EndToEndFigures1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier ADD COLUMN end_to_end boolean, ADD COLUMN digitised boolean`);
    await q.query(`
      UPDATE dossier d SET
        end_to_end = d.channel = 'ONLINE' AND d.online_level = 'FULL'
          AND (d.fee_status = 'NONE' OR (d.fee_status = 'PAID' AND d.fee_paid_online IS TRUE))
          AND ${SIGNED_RESULT} AND d.delivery_method IN ('ELECTRONIC', 'POSTAL'),
        digitised = ${SIGNED_RESULT} AND NOT ${MISSING_REQUIRED_DOCUMENT}
       WHERE d.returned_at IS NOT NULL`);
    for (const table of ['report_daily', 'report_monthly']) {
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN returned_end_to_end integer NOT NULL DEFAULT 0,
        ADD COLUMN returned_digitised integer NOT NULL DEFAULT 0`);
    }
    await q.query(`
      UPDATE report_daily r SET returned_end_to_end = x.e, returned_digitised = x.g
        FROM (SELECT vn_local_date(returned_at) AS day, ${KEY},
                     count(*) FILTER (WHERE end_to_end) AS e, count(*) FILTER (WHERE digitised) AS g
                FROM dossier WHERE returned_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6) x
       WHERE (r.day, r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level)
           = (x.day, x.agency_code, x.procedure_code, x.channel, x.sector_code, x.online_level)`);
    await q.query(`
      UPDATE report_daily r SET fee_paid = x.paid, fee_paid_online = x.online
        FROM (SELECT vn_local_date(received_at) AS day, ${KEY},
                     count(*) FILTER (WHERE fee > 0 AND fee_paid_at IS NOT NULL) AS paid,
                     count(*) FILTER (WHERE fee > 0 AND fee_paid_at IS NOT NULL AND fee_paid_online IS TRUE) AS online
                FROM dossier WHERE received_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6) x
       WHERE (r.day, r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level)
           = (x.day, x.agency_code, x.procedure_code, x.channel, x.sector_code, x.online_level)`);
    await q.query(`
      UPDATE report_monthly r SET returned_end_to_end = x.e, returned_digitised = x.g, fee_paid = x.paid,
             fee_paid_online = x.online
        FROM (SELECT date_trunc('month', day)::date AS month, ${KEY}, sum(returned_end_to_end) AS e,
                     sum(returned_digitised) AS g, sum(fee_paid) AS paid, sum(fee_paid_online) AS online
                FROM report_daily GROUP BY 1, 2, 3, 4, 5, 6) x
       WHERE (r.month, r.agency_code, r.procedure_code, r.channel, r.sector_code, r.online_level)
           = (x.month, x.agency_code, x.procedure_code, x.channel, x.sector_code, x.online_level)`);
    // The rebuild reads the dossier module's view: append the new facts (a view may only gain columns at the end).
    await q.query(`
      CREATE OR REPLACE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online,
             decided_outcome, processing_working_days, end_to_end, digitised
        FROM dossier`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW dossier_report_fact`);
    await q.query(`
      CREATE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online,
             decided_outcome, processing_working_days
        FROM dossier`);
    for (const table of ['report_daily', 'report_monthly']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN returned_end_to_end, DROP COLUMN returned_digitised`);
    }
    await q.query(`ALTER TABLE dossier DROP COLUMN end_to_end, DROP COLUMN digitised`);
  }
}
