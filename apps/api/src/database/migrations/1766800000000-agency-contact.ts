import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where and when a citizen can go (issue 16, item 7): the office's street address, phone and
 * opening hours (vi and en), shown on the procedure page beside the handling agency.
 */
export class AgencyContact1766800000000 implements MigrationInterface {
  name = 'AgencyContact1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency
      ADD COLUMN address text,
      ADD COLUMN phone text,
      ADD COLUMN opening_hours text,
      ADD COLUMN opening_hours_en text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency
      DROP COLUMN address, DROP COLUMN phone, DROP COLUMN opening_hours, DROP COLUMN opening_hours_en`);
  }
}
