import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TIME_ZONE } from '@motcua/shared';

/**
 * `vn_local_date(timestamptz)`, the one SQL function for a local day (month buckets, report days,
 * dossier-code days), now reads the zone by name from dossierClock's TIME_ZONE instead of a fixed
 * offset: SQL and TypeScript take the zone from one place.
 * `timezone(text, timestamptz)` with a constant zone is IMMUTABLE, so indexes may still use it.
 */
export class LocalDateZone1765700000000 implements MigrationInterface {
  name = 'LocalDateZone1765700000000';

  async up(q: QueryRunner): Promise<void> {
    const [known] = (await q.query(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [TIME_ZONE])) as unknown[];
    if (!known || !/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(TIME_ZONE)) {
      throw new Error(`PostgreSQL does not know the time zone ${TIME_ZONE}`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION vn_local_date(timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT ($1 AT TIME ZONE '${TIME_ZONE}')::date $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION vn_local_date(timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT (($1 AT TIME ZONE 'UTC') + make_interval(hours => 7))::date $$`);
  }
}
