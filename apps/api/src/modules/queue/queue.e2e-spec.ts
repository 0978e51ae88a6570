import request from 'supertest';
import type { Logger } from 'typeorm';
import { SLA_STATES, type Problem, type QueueItem, type QueuePage } from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { createDesk, createReportProcedure, DossierDriver, type Desk } from '../reports/reports.factories.js';

/**
 * GET /queue on real dossiers: agency P with ward A below it, and ward B elsewhere. A holds 120
 * walk-in dossiers received over two weeks (so many due times, some shared), a few online ones
 * waiting for reception, and decided ones waiting for their result to be returned. "Now" is
 * Friday 2026-11-27 10:00 local.
 */
describe('staff queue (GET /queue)', () => {
  let t: TestApp;
  let drive: DossierDriver;
  let P: Desk;
  let A: Desk;
  let B: Desk;
  let proc: ProcedureVersionView;
  let other: ProcedureVersionView;
  let managerP: TestUser;
  let admin: TestUser;
  let citizen: TestUser;
  const idsA: string[] = [];
  const idsB: string[] = [];
  const submittedA: string[] = [];
  const returnedA: string[] = [];

  const queue = (user: TestUser, query: Record<string, string | number> = {}) =>
    request(t.http).get('/api/v1/queue').query(query).set('Authorization', bearer(t, user));

  /** Every page of a query, following nextCursor. */
  async function allPages(user: TestUser, query: Record<string, string | number> = {}): Promise<QueueItem[]> {
    const items: QueueItem[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 500; guard++) {
      const res = await queue(user, { ...query, ...(cursor ? { cursor } : {}) });
      if (res.status !== 200) throw new Error(`GET /queue answered ${res.status}: ${JSON.stringify(res.body)}`);
      const page = res.body as QueuePage;
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('Too many pages');
  }

  const sortKey = (i: QueueItem) => i.dueAt ?? i.submittedAt!;

  beforeAll(async () => {
    t = await createTestApp();
    drive = new DossierDriver(t);
    P = await createDesk(t, { level: 'CITY' });
    A = await createDesk(t, { parentCode: P.code });
    B = await createDesk(t);
    proc = await createReportProcedure(t, [A.code, B.code], { processingDays: 3 });
    other = await createReportProcedure(t, [A.code], { processingDays: 5 });
    managerP = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: P.code });
    admin = await createUser(t.ds, { roles: ['ADMIN'] });
    citizen = await createUser(t.ds, { fullName: 'Phạm Thị Đào' });

    const days = ['16', '17', '18', '19', '20', '23', '24', '25', '26', '27'];
    for (let i = 0; i < 120; i++) {
      const day = days[i % days.length];
      // Pairs share a receipt time, hence a due time: the id breaks the tie.
      const hour = 8 + (Math.floor(i / 20) % 2);
      const name = i % 10 === 0 ? `Nguyễn Văn Tìm ${i}` : `Lê Thị Hoa ${i}`;
      idsA.push(await drive.counter(A, i % 4 === 0 ? other : proc, `2026-11-${day}T0${hour}:00`, name));
    }
    for (let i = 0; i < 5; i++) idsB.push(await drive.counter(B, proc, `2026-11-2${i}T09:00`, 'Người Khác'));
    for (const day of ['25', '26']) {
      submittedA.push(await drive.submitOnline(citizen, proc, A.code, `2026-11-${day}T08:00`));
    }
    // Decided (early and late), waiting for return; and one returned (out of the default queue).
    await drive.decide(A, idsA[7], { decide: '2026-11-26T10:00' });
    await drive.decide(A, idsA[0], { decide: '2026-11-26T10:00' }, true);
    await drive.decide(A, idsA[8], { decide: '2026-11-26T11:00' });
    await drive.act(A.receptionist, idsA[8], 'return_result', '2026-11-26T15:00');
    returnedA.push(idsA[8]);
    await drive.act(A.officer, idsA[1], 'assign', '2026-11-26T15:00');
    await drive.act(A.officer, idsA[2], 'assign', '2026-11-26T15:00');
    drive.at('2026-11-27T10:00');
    // 125 dossiers through the API, and decisions that sign their result PDF: slow on a busy machine.
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it("gives each desk exactly its agency's waiting dossiers, once, across keyset pages", async () => {
    const items = await allPages(A.receptionist, { limit: 7 });
    const expected = [...idsA.filter((id) => !returnedA.includes(id)), ...submittedA];
    expect(items).toHaveLength(expected.length);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(expected));
    const itemsB = await allPages(B.receptionist);
    expect(new Set(itemsB.map((i) => i.id))).toEqual(new Set(idsB));
  });

  it('gives a manager their subtree (A, not B) and an admin every agency', async () => {
    const mine = await allPages(managerP, { limit: 100 });
    expect(mine.some((i) => idsB.includes(i.id))).toBe(false);
    expect(mine).toHaveLength(idsA.length - returnedA.length + submittedA.length);
    const all = await allPages(admin, { limit: 100 });
    expect(all).toHaveLength(mine.length + idsB.length);
  });

  it('orders oldest due first, a dossier awaiting reception by its submission time, ties by id', async () => {
    const items = await allPages(A.receptionist, { limit: 9 });
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      const order = Date.parse(sortKey(a)) - Date.parse(sortKey(b)) || (a.id < b.id ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
    const waiting = items.filter((i) => i.status === 'SUBMITTED');
    expect(waiting.map((i) => i.id).sort()).toEqual([...submittedA].sort());
    expect(waiting.every((i) => i.dueAt === null && i.sla === null)).toBe(true);
  });

  it('shows each row as api.md lists it', async () => {
    const items = await allPages(A.receptionist, { limit: 100 });
    const assigned = items.find((i) => i.id === idsA[1])!;
    expect(Object.keys(assigned).sort()).toEqual(
      [
        'applicantName',
        'assignee',
        'channel',
        'code',
        'dueAt',
        'id',
        'procedureCode',
        'procedureName',
        'sla',
        'status',
        'submittedAt',
      ].sort(),
    );
    expect(assigned).toMatchObject({
      status: 'IN_PROCESSING',
      channel: 'COUNTER',
      procedureCode: proc.code,
      procedureName: proc.name,
      applicantName: 'Lê Thị Hoa 1',
      assignee: { id: A.officer.id, fullName: A.officer.fullName },
    });
    expect(assigned.code.startsWith(`${A.code}-2611`)).toBe(true);
  });

  it('filters by SLA in SQL exactly as the sla field of each row says', async () => {
    const everything = await allPages(A.receptionist, { limit: 100 });
    const seen = new Set<string>();
    for (const sla of SLA_STATES) {
      const filtered = await allPages(A.receptionist, { sla, limit: 100 });
      const expected = everything.filter((i) => i.sla === sla).map((i) => i.id);
      expect({ sla, ids: filtered.map((i) => i.id).sort() }).toEqual({ sla, ids: expected.sort() });
      if (filtered.length > 0) seen.add(sla);
    }
    // The data covers the open states and the decided ones.
    expect([...seen].sort()).toEqual(['DUE_SOON', 'EARLY', 'LATE', 'ON_TIME', 'OVERDUE']);
  });

  it('filters by status (several at once), procedure and assignee', async () => {
    const submitted = await allPages(A.receptionist, { status: 'SUBMITTED' });
    expect(submitted.map((i) => i.id).sort()).toEqual([...submittedA].sort());
    const decided = await allPages(A.receptionist, { status: 'APPROVED,REJECTED' });
    expect(decided.map((i) => i.id).sort()).toEqual([idsA[0], idsA[7]].sort());
    const returned = await allPages(A.receptionist, { status: 'RETURNED' });
    expect(returned.map((i) => i.id)).toEqual(returnedA);
    const byProcedure = await allPages(A.receptionist, { procedureCode: other.code, limit: 100 });
    expect(byProcedure.length).toBeGreaterThan(0);
    expect(byProcedure.every((i) => i.procedureCode === other.code)).toBe(true);
    // The two taken in processing, and the two decided ones (the officer took them first).
    const mine = await allPages(A.officer, { assignee: 'me' });
    expect(mine.map((i) => i.id).sort()).toEqual([idsA[0], idsA[1], idsA[2], idsA[7]].sort());
    const nobody = await allPages(A.receptionist, { assignee: 'none', limit: 100 });
    expect(nobody.every((i) => i.assignee === null)).toBe(true);
    expect(nobody).toHaveLength(idsA.length - returnedA.length + submittedA.length - 4);
  });

  it('searches by part of the code and by the applicant name with or without diacritics', async () => {
    const [{ code }]: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE id = $1`, [idsA[33]]);
    const byCode = await allPages(A.receptionist, { q: code.slice(-11).toLowerCase() });
    expect(byCode.map((i) => i.id)).toEqual([idsA[33]]);
    const named = idsA.filter((_, i) => i % 10 === 0 && !returnedA.includes(idsA[i]));
    for (const q of ['Nguyễn Văn Tìm', 'nguyen van tim', 'NGUYEN VAN TIM']) {
      const found = await allPages(A.receptionist, { q, limit: 100 });
      expect(found.map((i) => i.id).sort()).toEqual([...named].sort());
    }
    expect(await allPages(A.receptionist, { q: '%' })).toEqual([]);
    expect(await allPages(B.receptionist, { q: 'Tìm' })).toEqual([]);
  });

  it('reads a page in at most 3 SQL statements, whatever its size', async () => {
    const logger = t.ds.logger as Logger & { logQuery: Logger['logQuery'] };
    const original = logger.logQuery.bind(logger);
    const statements: string[] = [];
    logger.logQuery = (query, parameters, runner) => {
      // Authentication's session check (issue 12: revoked sessions end access tokens) is not the page's.
      if (!/\bauth_session\b/.test(query)) statements.push(query);
      original(query, parameters, runner);
    };
    try {
      for (const [user, limit] of [
        [A.receptionist, 5],
        [A.receptionist, 100],
        [managerP, 5],
        [managerP, 100],
      ] as const) {
        statements.length = 0;
        const res = await queue(user, { limit });
        expect(res.status).toBe(200);
        expect((res.body as QueuePage).items).toHaveLength(limit);
        // The page itself, the holiday calendar, and for a manager their subtree.
        expect(statements.length).toBe(user === managerP ? 3 : 2);
        statements.length = 0;
        const next = await queue(user, {
          limit,
          sla: 'OVERDUE',
          q: 'Hoa',
          cursor: (res.body as QueuePage).nextCursor!,
        });
        expect(next.status).toBe(200);
        expect(statements.length).toBeLessThanOrEqual(3);
        expect(statements.some((q) => q.includes('FROM dossier_queue_item d'))).toBe(true);
      }
    } finally {
      logger.logQuery = original;
    }
  });

  it('answers 400 naming the field for bad parameters, 403 to citizens, 401 anonymous', async () => {
    const bad = await queue(A.receptionist, { limit: 0, status: 'DRAFT', sla: 'LATER', cursor: 'nonsense' });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors!.map((e) => e.field).sort()).toEqual(['limit', 'sla', 'status']);
    const cursor = await queue(A.receptionist, { cursor: 'nonsense' });
    expect(cursor.status).toBe(400);
    expect((cursor.body as Problem).errors).toEqual([{ field: 'cursor', message: 'Not a cursor of this list' }]);
    expect((await queue(citizen)).status).toBe(403);
    expect((await request(t.http).get('/api/v1/queue')).status).toBe(401);
  });
});
