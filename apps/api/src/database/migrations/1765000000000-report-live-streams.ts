import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open `/reports/live` streams, so the per-user cap holds across API processes (issue 12: stream
 * caps live in PostgreSQL). Each process refreshes its rows' heartbeat; rows of a crashed process
 * stop being refreshed and no longer count once stale.
 */
export class ReportLiveStreams1765000000000 implements MigrationInterface {
  name = 'ReportLiveStreams1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_live_stream (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        process_id text NOT NULL,
        opened_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX report_live_stream_user_idx ON report_live_stream (user_id)`);
    await q.query(`CREATE INDEX report_live_stream_process_idx ON report_live_stream (process_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_live_stream`);
  }
}
