import fc from 'fast-check';
import pg from 'pg';
import { TIME_ZONE, toLocalDate } from '@motcua/shared';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';

/** vn_local_date, the one SQL function for a local day, agrees with dossierClock's toLocalDate. */
describe('vn_local_date (SQL) and toLocalDate (dossierClock)', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('reads the zone by the name dossierClock uses, not a fixed offset', async () => {
    const { rows } = await client.query<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'vn_local_date'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].src).toContain(`'${TIME_ZONE}'`);
    expect(rows[0].src).not.toMatch(/interval/i);
  });

  it('gives the same local day for any instant, 1950-2100, the session zone whatever it is', async () => {
    await client.query(`SET TIME ZONE 'America/New_York'`);
    const instants = fc.sample(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), 500);
    // Around local midnight, where a wrong offset shows; and 1970, when Saigon was UTC+8.
    for (const day of ['2026-02-13', '2026-12-31', '1970-06-01']) {
      for (const s of [-1, 0, 1]) instants.push(Date.parse(`${day}T17:00:00Z`) + s * 1000);
      for (const s of [-1, 0, 1]) instants.push(Date.parse(`${day}T16:00:00Z`) + s * 1000);
    }
    const { rows } = await client.query<{ day: string }>(
      `SELECT to_char(vn_local_date(t), 'YYYY-MM-DD') AS day FROM unnest($1::timestamptz[]) WITH ORDINALITY AS x(t, i) ORDER BY i`,
      [instants.map((ms) => new Date(ms).toISOString())],
    );
    expect(rows.map((r) => r.day)).toEqual(instants.map((ms) => toLocalDate(new Date(ms))));
  });
});
