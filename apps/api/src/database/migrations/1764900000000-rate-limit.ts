import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API process (issue 12: limits live in PostgreSQL, not in
 * process memory). One row per rule, key and fixed window; the limiter weighs the previous window
 * to approximate a sliding one.
 */
export class RateLimit1764900000000 implements MigrationInterface {
  name = 'RateLimit1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_counter (
        rule text NOT NULL,
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (rule, key, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_counter_window_idx ON rate_limit_counter (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_counter`);
  }
}
