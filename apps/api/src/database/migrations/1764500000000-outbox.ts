import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a status change writes its side effects (e-mail, live
 * feed, national-portal sync) here in its own transaction; a worker sends them after.
 */
export class Outbox1764500000000 implements MigrationInterface {
  name = 'Outbox1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id           bigserial PRIMARY KEY,
        type         text NOT NULL,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts     integer NOT NULL DEFAULT 0,
        last_error   text,
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
