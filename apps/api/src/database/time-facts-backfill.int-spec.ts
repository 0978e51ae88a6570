import request from 'supertest';
import { bearer, createUser } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createDesk, createReportProcedure, DossierDriver } from '../modules/reports/reports.factories.js';
import { uploadResultDirect } from '../modules/results/results.factories.js';
import { backfillTimeFacts } from './migrations/1765900000000-dossier-time-facts.js';

const FACTS = `SELECT id, paused_working_days AS paused, decided_outcome AS outcome, processing_working_days AS days
  FROM dossier ORDER BY id`;

/**
 * The time-facts migration backfills rows written before it in TypeScript (dossierClock on the
 * holiday calendar), not in SQL: after erasing the facts, the backfill gives back exactly what
 * the transitions wrote, the working days paused included (from the timeline's supplement pairs).
 */
describe('time facts backfill (migration 1765900000000)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('recomputes the outcome, the processing and the paused working days the transitions stored', async () => {
    const drive = new DossierDriver(t);
    const desk = await createDesk(t);
    const proc = await createReportProcedure(t, [desk.code], { processingDays: 3 });
    const citizen = await createUser(t.ds, { fullName: 'Phạm Văn Bù' });
    // Received Mon 16/11 09:00, due Thu 19/11; waited Tue 17/11 → Mon 23/11 (4 working days): decided early.
    const paused = await drive.submitOnline(citizen, proc, desk.code, '2026-11-16T08:00');
    await drive.act(desk.receptionist, paused, 'receive', '2026-11-16T09:00');
    await drive.act(desk.officer, paused, 'assign', '2026-11-16T10:00');
    await drive.act(desk.officer, paused, 'request_supplement', '2026-11-17T10:00', 'Thiếu giấy tờ');
    drive.at('2026-11-23T09:00');
    const supplied = await request(t.http)
      .post(`/api/v1/dossiers/${paused}/supplement`)
      .set('Authorization', bearer(t, citizen))
      .send({ note: 'Đã bổ sung' });
    expect(supplied.status).toBe(200);
    await drive.act(desk.officer, paused, 'submit_for_approval', '2026-11-24T09:00');
    // Electronic delivery: the decision needs the result document (api.md, Electronic results).
    await uploadResultDirect(t, paused, desk.approver);
    await drive.act(desk.approver, paused, 'approve', '2026-11-24T10:00');
    // Late: received Mon 16/11 18:00 (counts from Tue), decided Mon 23/11.
    const late = await drive.counter(desk, proc, '2026-11-16T18:00');
    await drive.decide(desk, late, { decide: '2026-11-23T11:00' });
    // Still open, waiting for a supplement: no outcome, no completed pause.
    const open = await drive.counter(desk, proc, '2026-11-18T09:00');
    await drive.act(desk.officer, open, 'assign', '2026-11-18T10:00');
    await drive.act(desk.officer, open, 'request_supplement', '2026-11-18T11:00', 'Thiếu giấy tờ');

    const written: { id: string; paused: number; outcome: string | null; days: number | null }[] =
      await t.ds.query(FACTS);
    const byId = new Map(written.map((r) => [r.id, r]));
    expect(byId.get(paused)).toMatchObject({ paused: 4, outcome: 'EARLY', days: 6 });
    expect(byId.get(late)).toMatchObject({ paused: 0, outcome: 'LATE', days: 4 });
    expect(byId.get(open)).toMatchObject({ paused: 0, outcome: null, days: null });

    await t.ds.query(
      `UPDATE dossier SET paused_working_days = 0, decided_outcome = NULL, processing_working_days = NULL`,
    );
    const q = t.ds.createQueryRunner();
    try {
      await backfillTimeFacts(q);
    } finally {
      await q.release();
    }
    expect(await t.ds.query(FACTS)).toEqual(written);
  });
});
