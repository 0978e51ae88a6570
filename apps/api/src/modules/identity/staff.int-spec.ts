import request from 'supertest';
import type { Problem, StaffList } from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { createDesk, createReportProcedure, DossierDriver, type Desk } from '../reports/reports.factories.js';

/**
 * GET /staff (api.md, Staff): the active staff of the caller's own agency with their open load.
 * Ward A has a desk (receptionist, officer, approver), a second officer and a disabled one; ward B
 * its own desk, whose officer holds dossiers too and must never show in A's list.
 */
describe('staff directory (GET /staff)', () => {
  let t: TestApp;
  let drive: DossierDriver;
  let A: Desk;
  let B: Desk;
  let proc: ProcedureVersionView;
  let officer2: TestUser;
  let disabled: TestUser;
  let admin: TestUser;

  const staff = (user: TestUser, query: Record<string, string> = {}) =>
    request(t.http).get('/api/v1/staff').query(query).set('Authorization', bearer(t, user));

  beforeAll(async () => {
    t = await createTestApp();
    drive = new DossierDriver(t);
    A = await createDesk(t);
    B = await createDesk(t);
    proc = await createReportProcedure(t, [A.code, B.code], { processingDays: 5 });
    officer2 = await createUser(t.ds, { roles: ['OFFICER'], agencyCode: A.code, fullName: 'Âu Thị Hai' });
    disabled = await createUser(t.ds, { roles: ['OFFICER'], agencyCode: A.code, fullName: 'Nghỉ Việc' });
    await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    admin = await createUser(t.ds, { roles: ['ADMIN'] });

    // A's officer: two taken (IN_PROCESSING), one approved (still open until returned), one
    // returned (closed); officer2: one. One dossier nobody holds. B's officer: three.
    const a = [];
    for (let i = 0; i < 6; i++) a.push(await drive.counter(A, proc, `2026-11-23T0${8 + (i % 2)}:00`));
    await drive.act(A.officer, a[0], 'assign', '2026-11-23T10:00');
    await drive.act(A.officer, a[1], 'assign', '2026-11-23T10:00');
    await drive.decide(A, a[2], { decide: '2026-11-24T10:00' });
    await drive.decide(A, a[3], { decide: '2026-11-24T10:00' });
    await drive.act(A.receptionist, a[3], 'return_result', '2026-11-24T15:00');
    await drive.act(officer2, a[4], 'assign', '2026-11-24T10:00');
    for (let i = 0; i < 3; i++) {
      const id = await drive.counter(B, proc, '2026-11-23T08:00');
      await drive.act(B.officer, id, 'assign', '2026-11-23T10:00');
    }
  }, 120_000);

  afterAll(() => t.close());

  it('lists the active staff of the caller’s agency with their open load, in name order', async () => {
    const res = await staff(A.receptionist).expect(200);
    const list = res.body as StaffList;
    expect(list.items.map((s) => s.id).sort()).toEqual(
      [A.receptionist.id, A.officer.id, A.approver.id, officer2.id].sort(),
    );
    const load = Object.fromEntries(list.items.map((s) => [s.id, s.openAssigned]));
    // Two in processing and one approved (the returned one no longer counts).
    expect(load[A.officer.id]).toBe(3);
    expect(load[officer2.id]).toBe(1);
    expect(load[A.receptionist.id]).toBe(0);
    expect(load[A.approver.id]).toBe(0);
    expect(list.items[0]).toEqual({ id: officer2.id, fullName: 'Âu Thị Hai', roles: ['OFFICER'], openAssigned: 1 });
    const names = list.items.map((s) => s.fullName);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it('never lists another agency’s staff nor a disabled account', async () => {
    const a = (await staff(A.officer).expect(200)).body as StaffList;
    const ids = a.items.map((s) => s.id);
    for (const other of [B.receptionist, B.officer, B.approver, disabled]) expect(ids).not.toContain(other.id);
    const b = (await staff(B.approver).expect(200)).body as StaffList;
    expect(b.items.map((s) => s.id).sort()).toEqual([B.receptionist.id, B.officer.id, B.approver.id].sort());
    expect(b.items.find((s) => s.id === B.officer.id)?.openAssigned).toBe(3);
  });

  it('filters by role, in any case', async () => {
    const res = await staff(A.approver, { role: 'officer' }).expect(200);
    expect((res.body as StaffList).items.map((s) => s.id).sort()).toEqual([A.officer.id, officer2.id].sort());
  });

  it('refuses a role that is not a staff role, naming it', async () => {
    const res = await staff(A.approver, { role: 'CITIZEN' }).expect(400);
    expect((res.body as Problem).errors?.map((e) => e.field)).toEqual(['role']);
  });

  it('lists nobody for a caller without an agency', async () => {
    const res = await staff(admin).expect(200);
    expect((res.body as StaffList).items).toEqual([]);
  });
});
