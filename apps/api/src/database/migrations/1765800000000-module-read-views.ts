import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The views through which a module reads another module's tables (architecture.md, "Data access"):
 * each is owned by the module whose tables it reads and names only the columns the reader needs.
 * Plain views, inlined by the planner, so the readers' indexes (the queue's partial and trigram
 * indexes) still apply.
 * - catalog: `agency_label`, `sector_label`, `procedure_label` (code → name) for report breakdowns;
 *   `calendar_exception` (the holiday calendar) for the summary rebuild.
 * - dossiers: `dossier_queue_item` (a dossier with the names the staff queue shows) and
 *   `dossier_report_fact`, `dossier_rating_fact` (the facts the summary rebuild counts).
 */
export class ModuleReadViews1765800000000 implements MigrationInterface {
  name = 'ModuleReadViews1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW agency_label AS SELECT code, name FROM agency`);
    await q.query(`CREATE VIEW sector_label AS SELECT code, name FROM sector`);
    await q.query(`CREATE VIEW procedure_label AS SELECT code, name FROM procedure`);
    await q.query(`CREATE VIEW calendar_exception AS SELECT date, kind FROM holiday`);
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
    await q.query(`CREATE VIEW dossier_rating_fact AS SELECT dossier_id, score FROM dossier_rating`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [
      'dossier_rating_fact',
      'dossier_report_fact',
      'dossier_queue_item',
      'calendar_exception',
      'procedure_label',
      'sector_label',
      'agency_label',
    ]) {
      await q.query(`DROP VIEW IF EXISTS ${view}`);
    }
  }
}
