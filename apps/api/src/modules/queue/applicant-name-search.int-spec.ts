import request from 'supertest';
import type { QueuePage } from '@motcua/shared';
import { bearer } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createDesk, createReportProcedure, DossierDriver, type Desk } from '../reports/reports.factories.js';

/**
 * Queue search by applicant name reads the dossier's own folded copy of the name (migration
 * 1766900000000): it must be written with the dossier and follow a renamed applicant, and the
 * trigram index must exist for the queue's statuses (the plan at 10M depends on it: bench/README.md).
 */
describe('queue search by applicant name (applicant_name_search)', () => {
  let t: TestApp;
  let drive: DossierDriver;
  let A: Desk;
  let ids: string[];

  const search = async (q: string) => {
    const res = await request(t.http)
      .get('/api/v1/queue')
      .query({ q, limit: 100 })
      .set('Authorization', bearer(t, A.receptionist))
      .expect(200);
    return (res.body as QueuePage).items.map((i) => i.id).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    drive = new DossierDriver(t);
    A = await createDesk(t);
    const proc = await createReportProcedure(t, [A.code]);
    ids = [
      await drive.counter(A, proc, '2026-11-23T08:00', 'Đặng Thị Ánh'),
      await drive.counter(A, proc, '2026-11-23T08:30', 'Nguyễn Văn An'),
      await drive.counter(A, proc, '2026-11-23T09:00', 'Nguyễn Văn Anh'),
    ];
  }, 60_000);

  afterAll(() => t.close());

  it('stores the name unaccented and in lower case at insert', async () => {
    const rows: { name: string }[] = await t.ds.query(
      `SELECT applicant_name_search AS name FROM dossier WHERE id = ANY($1::uuid[]) ORDER BY submitted_at`,
      [ids],
    );
    expect(rows.map((r) => r.name)).toEqual(['dang thi anh', 'nguyen van an', 'nguyen van anh']);
  });

  it('finds a substring with or without diacritics, in any case', async () => {
    expect(await search('nguyen van an')).toEqual([ids[1], ids[2]].sort());
    expect(await search('NGUYỄN VĂN ANH')).toEqual([ids[2]]);
    expect(await search('đặng thi')).toEqual([ids[0]]);
    expect(await search('van a')).toEqual([ids[1], ids[2]].sort());
    expect(await search('100%')).toEqual([]);
  });

  it('follows a renamed applicant', async () => {
    const [{ applicantId }]: { applicantId: string }[] = await t.ds.query(
      `SELECT applicant_id AS "applicantId" FROM dossier WHERE id = $1`,
      [ids[0]],
    );
    await t.ds.query(`UPDATE app_user SET full_name = 'Võ Thị Ánh' WHERE id = $1`, [applicantId]);
    expect(await search('dang thi')).toEqual([]);
    expect(await search('vo thi anh')).toEqual([ids[0]]);
  });

  it('has the trigram index over the queue’s statuses', async () => {
    const [index]: { def: string }[] = await t.ds.query(
      `SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'dossier_queue_name_trgm_idx'`,
    );
    expect(index.def).toMatch(/USING gin \(applicant_name_search gin_trgm_ops\) WHERE \(status = ANY/);
  });
});
