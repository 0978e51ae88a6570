import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { breakdownRow, ZERO_COUNTS } from '@motcua/shared';
import type { BreakdownResponse, BreakdownRow, Problem, PublicStats, ReportSummary } from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { ReportsLiveService } from './reports-live.service.js';
import { createDesk, createReportProcedure, DossierDriver, local, type Desk } from './reports.factories.js';
import { rebuildSummaries } from './summary-rebuild.js';

/**
 * Every figure of the summary and breakdowns on a known set of dossiers, moved through the real
 * API with the clock set at each step. Agencies: P (a parent) with wards W1 and W2 below it, and
 * X elsewhere (out of the managers' scope). Procedures: FULL (3 working days, free) at W1, W2 and
 * X; PARTIAL (5 working days, 50,000 VND) at W1. "Now" is Tuesday 2026-12-01 10:00 local; the
 * period is November 2026.
 *
 * W1's dossiers:
 *  I  online FULL, received Fri 30/10, approved Mon 2/11 (due Wed 4/11): EARLY, 1 working day
 *  A  online FULL, received Mon 2/11, approved Tue 3/11 (due Thu 5/11): EARLY, 1 day; returned; rated 5
 *  B  online FULL, received Mon 9/11, approved Thu 12/11 16:00 (due that day 17:00): ON_TIME, 3 days; returned; rated 3
 *  C  counter FULL, received Mon 16/11, rejected Fri 20/11 (due Thu 19/11): LATE, 4 days; returned
 *  D  online PARTIAL, fee paid online, received Mon 23/11 (due Mon 30/11 17:00), in processing: overdue now
 *  E  counter PARTIAL, received Tue 24/11 (due Tue 1/12 17:00): open, due soon
 *  F  online PARTIAL, fee paid at the desk, received Wed 25/11 (due Wed 2/12): open
 *  G  online FULL, submitted Fri 27/11, not received: open, not received
 *  H  online FULL, submitted and refused Fri 27/11: nowhere
 *  J  online FULL, received Mon 30/11, withdrawn the same day: received only
 * W2: K online FULL, received Tue 10/11, approved Mon 16/11 (due Fri 13/11): LATE, 4 days; returned; rated 4.
 * X:  L online FULL, received Thu 5/11, approved Fri 6/11: EARLY, 1 day.
 */
describe('reports (summary, breakdown, CSV, live feed, open data)', () => {
  let t: TestApp;
  let drive: DossierDriver;
  let P: Desk;
  let W1: Desk;
  let W2: Desk;
  let X: Desk;
  let full: ProcedureVersionView;
  let partial: ProcedureVersionView;
  let managerW1: TestUser;
  let managerP: TestUser;
  let admin: TestUser;
  let citizen: TestUser;
  let citizen2: TestUser;
  let emptyBefore: ReportSummary;
  const ids: Record<string, string> = {};
  const NOV = { from: '2026-11-01', to: '2026-11-30' };

  const get = (user: TestUser | null, path: string, query: Record<string, string> = {}) => {
    const r = request(t.http).get(`/api/v1${path}`).query(query);
    return user ? r.set('Authorization', bearer(t, user)) : r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    drive = new DossierDriver(t);
    P = await createDesk(t, { level: 'CITY', name: 'Thành phố Thử' });
    W1 = await createDesk(t, { parentCode: P.code, name: 'Phường Một' });
    W2 = await createDesk(t, { parentCode: P.code, name: 'Phường Hai' });
    X = await createDesk(t, { name: 'Phường Ngoài' });
    full = await createReportProcedure(t, [W1.code, W2.code, X.code], {
      name: 'Thủ tục toàn trình',
      sectorCode: 'RPT_FULL',
      onlineLevel: 'FULL',
      processingDays: 3,
      fee: 0,
    });
    partial = await createReportProcedure(t, [W1.code], {
      name: 'Thủ tục một phần',
      sectorCode: 'RPT_PARTIAL',
      onlineLevel: 'PARTIAL',
      processingDays: 5,
      fee: 50_000,
    });
    managerW1 = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: W1.code });
    managerP = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: P.code });
    admin = await createUser(t.ds, { roles: ['ADMIN'] });
    citizen = await createUser(t.ds, { fullName: 'Nguyễn Thị Hồng Nhung' });
    citizen2 = await createUser(t.ds, { fullName: 'Trần Văn Bình' });

    drive.at('2026-12-01T10:00');
    emptyBefore = (await get(managerW1, '/reports/summary', NOV)).body as ReportSummary;

    ids.I = await drive.submitOnline(citizen, full, W1.code, '2026-10-30T08:00');
    await drive.decide(W1, ids.I, { receive: '2026-10-30T09:00', decide: '2026-11-02T10:00' });

    ids.A = await drive.submitOnline(citizen, full, W1.code, '2026-11-02T08:00');
    await drive.decide(W1, ids.A, { receive: '2026-11-02T09:00', decide: '2026-11-03T10:00' });
    await drive.act(W1.receptionist, ids.A, 'return_result', '2026-11-03T15:00');
    await drive.rate(citizen, ids.A, 5, '2026-11-04T08:00');

    ids.B = await drive.submitOnline(citizen, full, W1.code, '2026-11-09T08:00');
    await drive.decide(W1, ids.B, { receive: '2026-11-09T09:00', decide: '2026-11-12T16:00' });
    await drive.act(W1.receptionist, ids.B, 'return_result', '2026-11-13T09:00');
    await drive.rate(citizen, ids.B, 3, '2026-11-13T10:00');

    ids.K = await drive.submitOnline(citizen, full, W2.code, '2026-11-10T08:00');
    await drive.decide(W2, ids.K, { receive: '2026-11-10T09:00', decide: '2026-11-16T10:00' });
    await drive.act(W2.receptionist, ids.K, 'return_result', '2026-11-16T11:00');
    await drive.rate(citizen, ids.K, 4, '2026-11-16T12:00');

    ids.L = await drive.submitOnline(citizen, full, X.code, '2026-11-05T08:00');
    await drive.decide(X, ids.L, { receive: '2026-11-05T09:00', decide: '2026-11-06T10:00' });

    ids.C = await drive.counter(W1, full, '2026-11-16T09:00');
    await drive.decide(W1, ids.C, { decide: '2026-11-20T10:00' }, true);
    await drive.act(W1.receptionist, ids.C, 'return_result', '2026-11-20T11:00');

    ids.D = await drive.submitOnline(citizen2, partial, W1.code, '2026-11-23T08:00');
    await drive.markFeePaid(ids.D, '2026-11-23T08:30', true);
    await drive.act(W1.receptionist, ids.D, 'receive', '2026-11-23T09:00');
    await drive.act(W1.officer, ids.D, 'assign', '2026-11-24T09:00');

    ids.E = await drive.counter(W1, partial, '2026-11-24T09:00');

    ids.F = await drive.submitOnline(citizen2, partial, W1.code, '2026-11-25T08:00');
    await drive.markFeePaid(ids.F, '2026-11-25T08:30', false);
    await drive.act(W1.receptionist, ids.F, 'receive', '2026-11-25T09:00');

    ids.G = await drive.submitOnline(citizen, full, W1.code, '2026-11-27T08:00');

    ids.H = await drive.submitOnline(citizen, full, W1.code, '2026-11-27T08:30');
    await drive.act(W1.receptionist, ids.H, 'refuse', '2026-11-27T09:00', 'Sai thủ tục');

    ids.J = await drive.submitOnline(citizen2, full, W1.code, '2026-11-30T08:00');
    await drive.act(W1.receptionist, ids.J, 'receive', '2026-11-30T09:00');
    await drive.withdraw(citizen2, ids.J, '2026-11-30T10:00');

    drive.at('2026-12-01T10:00');
  });

  afterAll(async () => {
    await t.close();
  });

  const W1_NOV: Omit<ReportSummary, 'from' | 'to'> = {
    received: 7,
    online: { count: 5, rate: 5 / 7 },
    fullProcess: { total: 4, online: 3, rate: 0.75 },
    decided: 4,
    onTime: { count: 3, rate: 0.75 },
    late: 1,
    openOverdue: 1,
    avgProcessingDays: 2.25,
    satisfaction: { ratings: 2, satisfied: 1, rate: 0.5 },
    payment: { paid: 2, online: 1, rate: 0.5 },
    early: 2,
    returned: 3,
    open: { total: 4, overdue: 1, rate: 0.25, waitingCitizen: 0 },
    // A and B end-to-end; C filed at the counter (its documents on paper).
    endToEnd: { total: 3, count: 2, rate: 2 / 3 },
    digitised: { total: 3, count: 2, rate: 2 / 3 },
    apologies: { issued: 0, automatic: 0 },
  };

  it('answers zero figures and null rates before any dossier', () => {
    expect(emptyBefore).toEqual({
      ...NOV,
      received: 0,
      online: { count: 0, rate: null },
      fullProcess: { total: 0, online: 0, rate: null },
      decided: 0,
      onTime: { count: 0, rate: null },
      late: 0,
      openOverdue: 0,
      avgProcessingDays: null,
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      payment: { paid: 0, online: 0, rate: null },
      early: 0,
      returned: 0,
      open: { total: 0, overdue: 0, rate: null, waitingCitizen: 0 },
      endToEnd: { total: 0, count: 0, rate: null },
      digitised: { total: 0, count: 0, rate: null },
      apologies: { issued: 0, automatic: 0 },
    });
  });

  it("gives a ward's manager every figure of the ward", async () => {
    const res = await get(managerW1, '/reports/summary', NOV);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...NOV, ...W1_NOV });
  });

  it("gives the parent's manager the figures of the whole subtree, and of one ward on request", async () => {
    const res = await get(managerP, '/reports/summary', NOV);
    expect(res.body).toEqual({
      ...NOV,
      received: 8,
      online: { count: 6, rate: 0.75 },
      fullProcess: { total: 5, online: 4, rate: 0.8 },
      decided: 5,
      onTime: { count: 3, rate: 0.6 },
      late: 2,
      openOverdue: 1,
      avgProcessingDays: 2.6,
      satisfaction: { ratings: 3, satisfied: 2, rate: 2 / 3 },
      payment: { paid: 2, online: 1, rate: 0.5 },
      early: 2,
      returned: 4,
      open: { total: 4, overdue: 1, rate: 0.25, waitingCitizen: 0 },
      endToEnd: { total: 4, count: 3, rate: 0.75 },
      digitised: { total: 4, count: 3, rate: 0.75 },
      apologies: { issued: 0, automatic: 0 },
    });
    const ward = await get(managerP, '/reports/summary', { ...NOV, agencyCode: W1.code });
    expect(ward.body).toEqual({ ...NOV, ...W1_NOV });
  });

  it('gives an admin every agency, and any one of them', async () => {
    const all = (await get(admin, '/reports/summary', NOV)).body as ReportSummary;
    expect([all.received, all.decided, all.early, all.late]).toEqual([9, 6, 3, 2]);
    const x = (await get(admin, '/reports/summary', { ...NOV, agencyCode: X.code })).body as ReportSummary;
    expect(x).toMatchObject({ received: 1, decided: 1, early: 1, onTime: { count: 1, rate: 1 }, avgProcessingDays: 1 });
  });

  it('counts received by receipt date and decided by decision date', async () => {
    const oct = (await get(managerW1, '/reports/summary', { from: '2026-10-01', to: '2026-10-31' })).body;
    expect(oct).toMatchObject({ received: 1, decided: 0, online: { count: 1, rate: 1 } });
    const day = (await get(managerW1, '/reports/summary', { from: '2026-11-02', to: '2026-11-02' })).body;
    // I decided and A received on Monday 2/11.
    expect(day).toMatchObject({ received: 1, decided: 1, early: 1, avgProcessingDays: 1 });
  });

  it('filters by sector and procedure', async () => {
    const bySector = (await get(managerW1, '/reports/summary', { ...NOV, sectorCode: 'RPT_PARTIAL' })).body;
    const byProcedure = (await get(managerW1, '/reports/summary', { ...NOV, procedureCode: partial.code })).body;
    expect(bySector).toEqual(byProcedure);
    expect(byProcedure).toMatchObject({
      received: 3,
      online: { count: 2, rate: 2 / 3 },
      decided: 0,
      payment: { paid: 2, online: 1, rate: 0.5 },
      open: { total: 3, overdue: 1, rate: 1 / 3, waitingCitizen: 0 },
    });
  });

  it('keeps period figures at zero for an empty period; open dossiers are counted now', async () => {
    const res = await get(managerW1, '/reports/summary', { from: '2025-01-01', to: '2025-01-31' });
    expect(res.body).toEqual({
      from: '2025-01-01',
      to: '2025-01-31',
      received: 0,
      online: { count: 0, rate: null },
      fullProcess: { total: 0, online: 0, rate: null },
      decided: 0,
      onTime: { count: 0, rate: null },
      late: 0,
      openOverdue: 1,
      avgProcessingDays: null,
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      payment: { paid: 0, online: 0, rate: null },
      early: 0,
      returned: 0,
      open: { total: 4, overdue: 1, rate: 0.25, waitingCitizen: 0 },
      endToEnd: { total: 0, count: 0, rate: null },
      digitised: { total: 0, count: 0, rate: null },
      apologies: { issued: 0, automatic: 0 },
    });
  });

  it('answers 404 for an agency outside the manager scope or unknown, 400 for a bad period', async () => {
    for (const agencyCode of [P.code, W2.code, X.code, '999.99.99.H17']) {
      expect((await get(managerW1, '/reports/summary', { ...NOV, agencyCode })).status).toBe(404);
    }
    expect((await get(managerP, '/reports/breakdown', { ...NOV, by: 'agency', agencyCode: X.code })).status).toBe(404);
    expect((await get(managerW1, '/reports/summary', { ...NOV, sectorCode: 'NO_SUCH' })).status).toBe(404);
    expect((await get(managerW1, '/reports/summary', { ...NOV, procedureCode: 'NO.SUCH' })).status).toBe(404);
    const bad = await get(managerW1, '/reports/summary', { from: '2026-11-31', to: '2026-10-01' });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors!.map((e) => e.field)).toContain('from');
    const reversed = await get(managerW1, '/reports/summary', { from: '2026-11-02', to: '2026-11-01' });
    expect((reversed.body as Problem).errors).toEqual([{ field: 'to', message: 'Must not be before from' }]);
    expect((await get(managerW1, '/reports/breakdown', NOV)).status).toBe(400);
  });

  it('refuses reports to citizens and desk staff (403) and to anonymous callers (401)', async () => {
    expect((await get(citizen, '/reports/summary')).status).toBe(403);
    expect((await get(W1.receptionist, '/reports/breakdown', { by: 'agency' })).status).toBe(403);
    expect((await get(null, '/reports/summary')).status).toBe(401);
  });

  const row = (rows: BreakdownRow[], key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`No row ${key} in ${rows.map((r) => r.key).join(', ')}`);
    return found;
  };

  it("breaks the parent's subtree down by agency, with every figure", async () => {
    const res = await get(managerP, '/reports/breakdown', { ...NOV, by: 'agency' });
    expect(res.status).toBe(200);
    const body = res.body as BreakdownResponse;
    expect(body).toMatchObject({ ...NOV, by: 'agency' });
    // Every agency of the scope, the parent without dossiers too (issue 16), its figures zero.
    expect(body.rows.map((r) => r.key).sort()).toEqual([P.code, W1.code, W2.code].sort());
    expect(row(body.rows, P.code)).toEqual(breakdownRow(P.code, 'Thành phố Thử', ZERO_COUNTS));
    expect(row(body.rows, W1.code)).toEqual({ key: W1.code, label: 'Phường Một', ...W1_NOV });
    expect(row(body.rows, W2.code)).toEqual({
      key: W2.code,
      label: 'Phường Hai',
      received: 1,
      online: { count: 1, rate: 1 },
      fullProcess: { total: 1, online: 1, rate: 1 },
      decided: 1,
      onTime: { count: 0, rate: 0 },
      late: 1,
      openOverdue: 0,
      avgProcessingDays: 4,
      satisfaction: { ratings: 1, satisfied: 1, rate: 1 },
      payment: { paid: 0, online: 0, rate: null },
      early: 0,
      returned: 1,
      open: { total: 0, overdue: 0, rate: null, waitingCitizen: 0 },
      endToEnd: { total: 1, count: 1, rate: 1 },
      digitised: { total: 1, count: 1, rate: 1 },
      apologies: { issued: 0, automatic: 0 },
    });
  });

  it('lists every agency of the scope with zeros in a period without dossiers, and only those', async () => {
    const res = await get(managerP, '/reports/breakdown', { from: '2026-01-01', to: '2026-01-31', by: 'agency' });
    expect(res.status).toBe(200);
    const body = res.body as BreakdownResponse;
    expect(body.rows.map((r) => r.key).sort()).toEqual([P.code, W1.code, W2.code].sort());
    for (const r of body.rows) {
      // Open dossiers are a figure of now, not of the period: compare the period's counters only.
      expect({ ...r, openOverdue: 0, open: null }).toEqual({
        ...breakdownRow(r.key, r.label, ZERO_COUNTS),
        open: null,
      });
    }
    const ward = (await get(managerW1, '/reports/breakdown', { ...NOV, by: 'agency' })).body as BreakdownResponse;
    expect(ward.rows.map((r) => r.key)).toEqual([W1.code]);
  });

  it('breaks a ward down by procedure and by sector, with every figure', async () => {
    const fullRow = {
      received: 4,
      online: { count: 3, rate: 0.75 },
      fullProcess: { total: 4, online: 3, rate: 0.75 },
      decided: 4,
      onTime: { count: 3, rate: 0.75 },
      late: 1,
      openOverdue: 0,
      avgProcessingDays: 2.25,
      satisfaction: { ratings: 2, satisfied: 1, rate: 0.5 },
      payment: { paid: 0, online: 0, rate: null },
      early: 2,
      returned: 3,
      open: { total: 1, overdue: 0, rate: 0, waitingCitizen: 0 },
      endToEnd: { total: 3, count: 2, rate: 2 / 3 },
      digitised: { total: 3, count: 2, rate: 2 / 3 },
      apologies: { issued: 0, automatic: 0 },
    };
    const partialRow = {
      received: 3,
      online: { count: 2, rate: 2 / 3 },
      fullProcess: { total: 0, online: 0, rate: null },
      decided: 0,
      onTime: { count: 0, rate: null },
      late: 0,
      openOverdue: 1,
      avgProcessingDays: null,
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      payment: { paid: 2, online: 1, rate: 0.5 },
      early: 0,
      returned: 0,
      open: { total: 3, overdue: 1, rate: 1 / 3, waitingCitizen: 0 },
      endToEnd: { total: 0, count: 0, rate: null },
      digitised: { total: 0, count: 0, rate: null },
      apologies: { issued: 0, automatic: 0 },
    };
    const byProcedure = (await get(managerW1, '/reports/breakdown', { ...NOV, by: 'procedure' }))
      .body as BreakdownResponse;
    expect(byProcedure.rows).toHaveLength(2);
    expect(row(byProcedure.rows, full.code)).toEqual({ key: full.code, label: 'Thủ tục toàn trình', ...fullRow });
    expect(row(byProcedure.rows, partial.code)).toEqual({
      key: partial.code,
      label: 'Thủ tục một phần',
      ...partialRow,
    });
    const bySector = (await get(managerW1, '/reports/breakdown', { ...NOV, by: 'sector' })).body as BreakdownResponse;
    expect(bySector.rows).toHaveLength(2);
    expect(row(bySector.rows, 'RPT_FULL')).toEqual({ key: 'RPT_FULL', label: 'Lĩnh vực RPT_FULL', ...fullRow });
    expect(row(bySector.rows, 'RPT_PARTIAL')).toEqual({
      key: 'RPT_PARTIAL',
      label: 'Lĩnh vực RPT_PARTIAL',
      ...partialRow,
    });
  });

  it('breaks a ward down by month, every month of the period; open dossiers by the month they fall due', async () => {
    const res = await get(managerW1, '/reports/breakdown', { from: '2026-10-01', to: '2026-11-30', by: 'month' });
    const body = res.body as BreakdownResponse;
    expect(body.rows.map((r) => [r.key, r.label])).toEqual([
      ['2026-10', 'Tháng 10/2026'],
      ['2026-11', 'Tháng 11/2026'],
    ]);
    expect(body.rows[0]).toEqual({
      key: '2026-10',
      label: 'Tháng 10/2026',
      received: 1,
      online: { count: 1, rate: 1 },
      fullProcess: { total: 1, online: 1, rate: 1 },
      decided: 0,
      onTime: { count: 0, rate: null },
      late: 0,
      openOverdue: 0,
      avgProcessingDays: null,
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      payment: { paid: 0, online: 0, rate: null },
      early: 0,
      returned: 0,
      open: { total: 0, overdue: 0, rate: null, waitingCitizen: 0 },
      endToEnd: { total: 0, count: 0, rate: null },
      digitised: { total: 0, count: 0, rate: null },
      apologies: { issued: 0, automatic: 0 },
    });
    // D fell due on 30/11 and is overdue; E and F fall due in December, G has no due date yet.
    expect(body.rows[1]).toEqual({
      key: '2026-11',
      label: 'Tháng 11/2026',
      ...W1_NOV,
      open: { total: 1, overdue: 1, rate: 1, waitingCitizen: 0 },
    });
  });

  it('exports the breakdown as CSV with a BOM, a bilingual header and one line per row', async () => {
    const res = await get(managerP, '/reports/breakdown.csv', { ...NOV, by: 'agency' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bao-cao-agency-${NOV.from}-${NOV.to}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
    // The header, W1, W2 and the parent P (no dossiers of its own: zeros, empty rates).
    expect(lines).toHaveLength(4);
    expect(lines[0].startsWith('Mã (Key),Tên (Name),Tiếp nhận (Received),Trực tuyến (Online),')).toBe(true);
    expect(lines).toContain(
      `${W1.code},Phường Một,7,5,0.7143,4,3,0.75,4,2,3,0.75,1,4,1,0,2.25,2,1,0.5,2,1,0.5,3,3,2,0.6667,2,0.6667,0,0`,
    );
    expect(lines).toContain(`${W2.code},Phường Hai,1,1,1,1,1,1,1,0,0,0,1,0,0,0,4,1,1,1,0,0,,1,1,1,1,1,1,0,0`);
    expect(lines).toContain(`${P.code},Thành phố Thử,0,0,,0,0,,0,0,0,,0,0,0,0,,0,0,,0,0,,0,0,0,,0,,0,0`);
  });

  it('publishes aggregate open data without login, cacheable and without personal data', async () => {
    const res = await get(null, '/public/stats', { ...NOV, by: 'agency' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.body as PublicStats;
    expect(body).toMatchObject({ ...NOV, by: 'agency' });
    expect(body.summary).toMatchObject({ received: 9, decided: 6 });
    expect(body.rows.map((r) => r.key).sort()).toEqual([W1.code, W2.code, X.code].sort());
    const text = JSON.stringify(body);
    for (const secret of [citizen.fullName, citizen2.fullName, citizen.nationalId!, ...Object.values(ids)]) {
      expect(text).not.toContain(secret);
    }
    const codes: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE code IS NOT NULL`);
    for (const { code } of codes) expect(text).not.toContain(code);
    expect((await get(null, '/public/stats', { by: 'procedure' })).status).toBe(400);
  });

  it('keeps the summary rows equal to a rebuild from the dossier table', async () => {
    const snapshot = async () => ({
      daily: await t.ds.query(
        `SELECT * FROM report_daily
          WHERE received + decided + returned + ratings + fee_paid + fee_paid_online <> 0
          ORDER BY day, agency_code, procedure_code, channel, sector_code, online_level`,
      ),
      monthly: await t.ds.query(
        `SELECT * FROM report_monthly
          WHERE received + decided + returned + ratings + fee_paid + fee_paid_online + processing_days_sum <> 0
          ORDER BY month, agency_code, procedure_code, channel, sector_code, online_level`,
      ),
      open: await t.ds.query(`SELECT * FROM report_open WHERE open_count <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
    });
    const incremental = await snapshot();
    expect(incremental.daily.length).toBeGreaterThan(10);
    await rebuildSummaries(t.ds);
    expect(await snapshot()).toEqual(incremental);
  });

  it('streams a summary on connect and again after a change in scope (SSE)', async () => {
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    const port = (t.http.address() as AddressInfo).port;
    const live = t.app.get(ReportsLiveService);
    const events: ReportSummary[] = [];
    const comments: string[] = [];
    let waiting: (() => void) | null = null;
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => {
        if (done()) resolve();
        else waiting = () => done() && resolve();
      });
    const nextEvent = (count: number) => until(() => events.length >= count);
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/reports/live?from=${NOV.from}&to=2026-12-31`,
          headers: { authorization: bearer(t, managerW1) },
        },
        resolve,
      );
      req.on('error', reject);
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: summary\n')) events.push(JSON.parse(block.split('\ndata: ')[1]) as ReportSummary);
        if (block.startsWith(': ')) comments.push(block.slice(2));
      }
      waiting?.();
    });

    await nextEvent(1);
    expect(events[0]).toMatchObject({ from: NOV.from, to: '2026-12-31', received: 7, open: { total: 4 } });

    // Outside the manager's scope: no event; then the receipt of G in W1: one.
    const other = await drive.submitOnline(citizen, full, X.code, '2026-12-01T10:05');
    await drive.act(X.receptionist, other, 'receive', '2026-12-01T10:06');
    await drive.act(W1.receptionist, ids.G, 'receive', '2026-12-01T10:10');
    await nextEvent(2);
    expect(events[1]).toMatchObject({ received: 8, open: { total: 4 } });

    live.beat();
    await until(() => comments.includes('heartbeat'));
    expect(events).toHaveLength(2);

    res.destroy();
    while (live.size > 0) await new Promise((r) => setImmediate(r));
    expect(live.size).toBe(0);
    await new Promise<void>((resolve) => t.http.close(() => resolve()));
  });

  it('documents the report, open-data and queue routes in the OpenAPI document', async () => {
    const doc = (await request(t.http).get('/api/docs-json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    for (const path of ['summary', 'breakdown', 'breakdown.csv', 'live']) {
      expect(doc.paths[`/api/v1/reports/${path}`]?.get).toBeDefined();
    }
    expect(doc.paths['/api/v1/reports/breakdown'].get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['by', 'from', 'to', 'agencyCode', 'sectorCode', 'procedureCode']),
    );
    expect(doc.paths['/api/v1/public/stats']?.get).toBeDefined();
    expect(doc.paths['/api/v1/queue'].get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'sla', 'procedureCode', 'assignee', 'q', 'cursor', 'limit']),
    );
  });

  it('reads the local times of the scenario as Vietnam time', () => {
    expect(local('2026-11-02T09:00').toISOString()).toBe('2026-11-02T02:00:00.000Z');
  });
});
