import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An apology letter's PDF names the applicant, so the retention sweep (domain.md, "Personal data";
 * docs/architecture.md, "Retention") erases it with the rest of the dossier's personal data. The
 * letter's row stays: the reports count letters issued (`apology_fact`), and their figures must not
 * change. `erased_at` marks a row whose file is gone: the letter is no longer served, and its file
 * is no longer referenced (the file sweep may delete it).
 */
export class ApologyLetterErasure1767300000000 implements MigrationInterface {
  name = 'ApologyLetterErasure1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE apology_letter ADD COLUMN IF NOT EXISTS erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE apology_letter DROP COLUMN erased_at`);
  }
}
