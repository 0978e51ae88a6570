import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies as a tree (city → departments, wards, communes): every other table refers to one. */
export class Agency1764210000000 implements MigrationInterface {
  name = 'Agency1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        name_en     text,
        level       text NOT NULL CHECK (level IN ('CITY', 'DEPARTMENT', 'WARD', 'COMMUNE')),
        parent_code text REFERENCES agency(code),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agency_parent_idx ON agency (parent_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency`);
  }
}
