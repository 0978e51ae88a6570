import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE_STATUSES = `'SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL',
  'APPROVED', 'REJECTED'`;

/**
 * The staff directory (api.md, Staff) shows each officer's open load: the dossiers module's read
 * view of how many open dossiers (the queue's default statuses) each user holds, so identity
 * never reads the dossier table (architecture.md, Data access). A filter on assignee_id is pushed
 * into the GROUP BY and served by dossier_queue_assignee_idx.
 */
export class AssignedLoadView1766900000001 implements MigrationInterface {
  name = 'AssignedLoadView1766900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW dossier_assigned_load AS
      SELECT assignee_id, count(*)::int AS open_assigned
        FROM dossier
       WHERE assignee_id IS NOT NULL AND status IN (${ACTIVE_STATUSES})
       GROUP BY assignee_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW dossier_assigned_load`);
  }
}
