import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue and the summary rebuild read the decisions' stored time facts (migration 1765900000000)
 * through the dossier module's views (1765800000000): add the columns there. `CREATE OR REPLACE VIEW`
 * may only append columns, so the new ones come last.
 */
export class TimeFactViews1765950000000 implements MigrationInterface {
  name = 'TimeFactViews1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW dossier_queue_item AS
      SELECT d.id, d.code, d.procedure_code, pv.name AS procedure_name, d.agency_code,
             d.applicant_id, u.full_name AS applicant_name, d.status, d.channel,
             d.submitted_at, d.due_at, d.completed_at, d.assignee_id, asg.full_name AS assignee_name,
             d.decided_outcome
        FROM dossier d
        JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
        JOIN app_user u ON u.id = d.applicant_id
        LEFT JOIN app_user asg ON asg.id = d.assignee_id`);
    await q.query(`
      CREATE OR REPLACE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online,
             decided_outcome, processing_working_days
        FROM dossier`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A view cannot drop columns in place: recreate the earlier shape.
    await q.query(`DROP VIEW dossier_queue_item`);
    await q.query(`DROP VIEW dossier_report_fact`);
    await q.query(`
      CREATE VIEW dossier_queue_item AS
      SELECT d.id, d.code, d.procedure_code, pv.name AS procedure_name, d.agency_code,
             d.applicant_id, u.full_name AS applicant_name, d.status, d.channel,
             d.submitted_at, d.due_at, d.completed_at, d.assignee_id, asg.full_name AS assignee_name
        FROM dossier d
        JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
        JOIN app_user u ON u.id = d.applicant_id
        LEFT JOIN app_user asg ON asg.id = d.assignee_id`);
    await q.query(`
      CREATE VIEW dossier_report_fact AS
      SELECT id, agency_code, procedure_code, channel, sector_code, online_level, status,
             received_at, due_at, completed_at, returned_at, fee, fee_paid_at, fee_paid_online
        FROM dossier`);
  }
}
