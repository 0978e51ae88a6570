import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type request from 'supertest';
import type { Logger } from 'typeorm';
import {
  actionActor,
  actionOfMove,
  automaticApologyDate,
  DOSSIER_MOVES,
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  moveRoles,
  type DossierDto,
  type DossierMove,
  type DossierStatus,
  type Role,
  type Transition,
} from '@motcua/shared';
import { createUser, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { CatalogService } from '../catalog/catalog.service.js';
import {
  act,
  as,
  createWorld,
  dossierIn,
  fieldsOf,
  stateOf,
  uploadResult,
  versionOf,
  type World,
} from './dossiers.factories.js';
import { DossierTransitionHooks } from './dossier-transition-hooks.js';
import type { DossierTransitionChange } from './dossiers.types.js';

jest.setTimeout(180_000);

/**
 * Every row of the shared table made through a dossier's own routes: [from, move, transition].
 * The counter's `counter_submit` is made only by POST /counter/dossiers (counter.e2e-spec.ts).
 */
const ROWS = (
  Object.entries(DOSSIER_TRANSITIONS) as [DossierStatus, Partial<Record<DossierMove, Transition>>][]
).flatMap(([from, row]) =>
  (Object.entries(row) as [DossierMove, Transition][])
    .filter(([, tr]) => !tr.channel)
    .map(([action, tr]) => ({ from, action, tr })),
);
const ROUTE_MOVES = DOSSIER_MOVES.filter((m) => m !== 'counter_submit');

interface Persona {
  name: string;
  user: (w: World) => TestUser;
}

const PERSONAS: Persona[] = [
  { name: 'the applicant', user: (w) => w.citizen },
  { name: 'another citizen', user: (w) => w.otherCitizen },
  ...(['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const).map((r) => ({
    name: r,
    user: (w: World) => w.staff[r],
  })),
  { name: 'a second OFFICER of the agency', user: (w) => w.officer2 },
  ...(['RECEPTIONIST', 'OFFICER', 'APPROVER'] as const).map((r) => ({
    name: `${r} of another agency`,
    user: (w: World) => w.otherStaff[r],
  })),
];

/**
 * Make a move through its route, as api.md has it: `take` is `assign` with no assignee (the
 * caller), `hand_over` is `assign` naming another officer (the second officer of the agency).
 */
async function attempt(
  w: World,
  user: TestUser,
  id: string,
  move: DossierMove,
  extra: { note?: string; assigneeId?: string; version?: number } = {},
): Promise<request.Response> {
  const api = as(w.t, user);
  if (move === 'submit') return api.post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
  if (move === 'withdraw') return api.post(`/dossiers/${id}/withdraw`, extra.note ? { note: extra.note } : {});
  if (move === 'supplement') {
    return api.post(`/dossiers/${id}/supplement`, { note: extra.note ?? 'Đã bổ sung giấy chứng sinh' });
  }
  const colleague = user.id === w.officer2.id ? w.staff.OFFICER : w.officer2;
  const assigneeId = move === 'hand_over' ? (extra.assigneeId ?? colleague.id) : extra.assigneeId;
  return api.post(`/dossiers/${id}/actions`, {
    action: actionOfMove(move),
    version: extra.version ?? (await versionOf(w, id)),
    note: extra.note ?? 'Ghi chú của cán bộ',
    ...(assigneeId ? { assigneeId } : {}),
    ...(move === 'issue_apology' ? { newDueDate: await apologyDate(w, id) } : {}),
  });
}

/** A valid new appointment for an apology: two working days after the dossier's due day (none: any date). */
async function apologyDate(w: World, id: string): Promise<string> {
  const [{ dueAt }]: { dueAt: Date | null }[] = await w.t.ds.query(
    `SELECT due_at AS "dueAt" FROM dossier WHERE id = $1`,
    [id],
  );
  const calendar = await w.t.app.get(CatalogService).getWorkingCalendar();
  return dueAt ? automaticApologyDate(dueAt, 2, calendar) : '2030-01-02';
}

/** The status a persona must get for an action it may not take (403 role, 404 scope). */
function refusalFor(persona: Persona, w: World, action: DossierMove): number {
  const user = persona.user(w);
  const isCitizen = user.roles.includes('CITIZEN');
  if (actionActor(action) === 'applicant') return isCitizen ? 404 : 403;
  if (isCitizen) return 403;
  const staffRoute: Role[] = ['RECEPTIONIST', 'OFFICER', 'APPROVER'];
  if (!user.roles.some((r) => staffRoute.includes(r))) return 403; // MANAGER, ADMIN: the route refuses
  if (user.agencyCode !== w.agency.code) return 404; // outside the scope, before anything else
  // A receptionist or approver taking for themself: they must name an officer (400 naming assigneeId).
  if (action === 'take' && !user.roles.includes('OFFICER')) return 400;
  return 403; // in scope, but the table gives the role no such move (or the dossier is not theirs)
}

function mayTake(persona: Persona, w: World, tr: Transition, assigneeId: string | null): boolean {
  const user = persona.user(w);
  if (tr.actor === 'applicant') return user.id === w.citizen.id;
  const assignment = assigneeOf(assigneeId, user.id);
  // An assignment rule binds only its roles (an approver apologises for any dossier of the agency).
  const binds = tr.assignmentBinds;
  const free = binds !== undefined && tr.roles.some((r) => user.roles.includes(r) && !binds.includes(r));
  return (
    user.agencyCode === w.agency.code &&
    tr.roles.some((r) => user.roles.includes(r)) &&
    (!tr.assignment || free || tr.assignment.includes(assignment))
  );
}

function assigneeOf(assigneeId: string | null, userId: string): 'none' | 'self' | 'other' {
  if (!assigneeId) return 'none';
  return assigneeId === userId ? 'self' : 'other';
}

describe('the workflow: every transition and every refusal, through the API', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-workflow-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('covers every status and move of the shared table', () => {
    expect(new Set(ROWS.map((r) => r.action))).toEqual(new Set(ROUTE_MOVES));
    expect(ROWS).toHaveLength(21);
  });

  describe('every allowed transition, by each role the table allows', () => {
    // No officer holds a received dossier: an officer's move on their own dossier has no case there.
    const ownOnly = (tr: Transition, role: Role, from: DossierStatus) =>
      from === 'RECEIVED' &&
      !!tr.assignment &&
      !tr.assignment.includes('none') &&
      (tr.assignmentBinds ?? tr.roles).includes(role);
    const cases = ROWS.flatMap(({ from, action, tr }) =>
      tr.roles.filter((role) => !ownOnly(tr, role, from)).map((role) => ({ from, action, tr, role })),
    );
    it.each(cases)('$from --$action--> by $role', async ({ from, action, tr, role }) => {
      const id = await dossierIn(w, from);
      // Electronic delivery: the decision needs the result document (api.md, Electronic results).
      if (action === 'approve' || action === 'reject') await uploadResult(w, id);
      const user = tr.actor === 'applicant' ? w.citizen : w.staff[role as 'RECEPTIONIST' | 'OFFICER' | 'APPROVER'];
      const before = await stateOf(w, id);
      const res = await attempt(w, user, id, action);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(tr.to);
      // The answer is built from the row the transition returned, not a second read: it must be
      // exactly what reading the dossier gives (names, assignee, timeline, actions included).
      if (action !== 'submit') expect(res.body).toEqual((await as(t, user).get(`/dossiers/${id}`)).body);
      expect(await stateOf(w, id)).toEqual({ status: tr.to, version: before.version + 1, events: before.events + 1 });
      const [event] = await t.ds.query(
        `SELECT type, from_status, to_status, actor_id, actor_role FROM dossier_event WHERE dossier_id = $1 ORDER BY seq DESC LIMIT 1`,
        [id],
      );
      expect(event).toEqual({
        type: actionOfMove(action),
        from_status: from,
        to_status: tr.to,
        actor_id: user.id,
        actor_role: role,
      });
    });
  });

  describe('every action refused to every other role (403) or outside the scope (404), nothing changed', () => {
    it.each(ROWS)('$from --$action--> by anyone else', async ({ from, action, tr }) => {
      const id = await dossierIn(w, from);
      const before = await stateOf(w, id);
      const got: string[] = [];
      const want: string[] = [];
      const [{ assignee_id: assigneeId }] = await t.ds.query(`SELECT assignee_id FROM dossier WHERE id = $1`, [id]);
      for (const persona of PERSONAS.filter((p) => !mayTake(p, w, tr, assigneeId as string | null))) {
        const res = await attempt(w, persona.user(w), id, action);
        got.push(`${persona.name}: ${res.status}`);
        want.push(`${persona.name}: ${refusalFor(persona, w, action)}`);
      }
      expect(got).toEqual(want);
      expect(await stateOf(w, id)).toEqual(before);
    });
  });

  describe('every action from every status that does not allow it: 409, nothing changed', () => {
    it.each([...DOSSIER_STATUSES])('from %s', async (status) => {
      const id = await dossierIn(w, status);
      const before = await stateOf(w, id);
      const allowed = Object.keys(DOSSIER_TRANSITIONS[status]);
      const got: string[] = [];
      const want: string[] = [];
      for (const action of ROUTE_MOVES.filter((a) => !allowed.includes(a))) {
        const applicant = actionActor(action) === 'applicant';
        const role = moveRoles(action)[0] as 'RECEPTIONIST' | 'OFFICER' | 'APPROVER';
        const res = await attempt(w, applicant ? w.citizen : w.staff[role], id, action);
        got.push(`${action}: ${res.status}`);
        // A draft is the citizen's alone: staff do not see it at all. From IN_PROCESSING on, the
        // dossier is w.staff.OFFICER's: taking it again is nothing to do (409).
        want.push(`${action}: ${status === 'DRAFT' && !applicant ? 404 : 409}`);
      }
      expect(got).toEqual(want);
      expect(await stateOf(w, id)).toEqual(before);
    });
  });

  it('requires a note where the table says so (400 naming note), blank counts as none', async () => {
    const cases: [DossierStatus, DossierMove, TestUser][] = [
      ['SUBMITTED', 'refuse', w.staff.RECEPTIONIST],
      ['RECEIVED', 'hand_over', w.staff.RECEPTIONIST],
      ['IN_PROCESSING', 'hand_over', w.staff.APPROVER],
      ['IN_PROCESSING', 'request_supplement', w.staff.OFFICER],
      ['PENDING_APPROVAL', 'reject', w.staff.APPROVER],
      ['PENDING_APPROVAL', 'return_to_officer', w.staff.APPROVER],
      ['SUPPLEMENT_REQUESTED', 'supplement', w.citizen],
    ];
    for (const [status, action, user] of cases) {
      const id = await dossierIn(w, status);
      const before = await stateOf(w, id);
      const res = await attempt(w, user, id, action, { note: '   ' });
      expect([action, res.status, res.body.errors]).toEqual([
        action,
        400,
        [{ field: 'note', message: expect.any(String) }],
      ]);
      expect(await stateOf(w, id)).toEqual(before);
    }
  });

  it('answers a stale version 409 and changes nothing', async () => {
    const id = await dossierIn(w, 'SUBMITTED');
    const before = await stateOf(w, id);
    const res = await attempt(w, w.staff.RECEPTIONIST, id, 'receive', { version: before.version - 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(await stateOf(w, id)).toEqual(before);
  });

  it('answers an action from the row the transition wrote: the dossier is read once per request', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    const logger = t.ds.logger as Logger & { logQuery: Logger['logQuery'] };
    const original = logger.logQuery.bind(logger);
    const statements: string[] = [];
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      original(query, parameters, runner);
    };
    try {
      const res = await attempt(w, w.staff.OFFICER, id, 'submit_for_approval');
      expect(res.status).toBe(200);
    } finally {
      logger.logQuery = original;
    }
    const reads = statements.filter((q) => /^\s*SELECT\b[\s\S]*\bFROM dossier d\b/.test(q));
    expect(reads).toHaveLength(1);
    expect(statements.some((q) => /UPDATE dossier SET[\s\S]*RETURNING/.test(q))).toBe(true);
  });

  describe('assign, and officers acting only on their own dossiers', () => {
    it('takes the dossier for the calling officer, with no note', async () => {
      const id = await dossierIn(w, 'RECEIVED');
      const res = await attempt(w, w.staff.OFFICER, id, 'take', { note: '' });
      expect(res.status).toBe(200);
      expect(res.body.assignee).toEqual({ id: w.staff.OFFICER.id, fullName: w.staff.OFFICER.fullName });
    });

    it('needs an assignee when the caller is not an officer (400), who must be an officer of the agency (422)', async () => {
      const id = await dossierIn(w, 'RECEIVED');
      const version = await versionOf(w, id);
      const none = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/actions`, { action: 'assign', version });
      expect(none.status).toBe(400);
      expect(none.body.errors[0].field).toBe('assigneeId');
      for (const assigneeId of [w.staff.APPROVER.id, w.otherStaff.OFFICER.id, w.citizen.id, randomUUID()]) {
        const res = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/actions`, {
          action: 'assign',
          version,
          assigneeId,
          note: 'Phân công xử lý',
        });
        expect([assigneeId, res.status, res.body.errors?.[0]?.field]).toEqual([assigneeId, 422, 'assigneeId']);
      }
      expect((await stateOf(w, id)).status).toBe('RECEIVED');
    });

    it('reassigns a dossier in processing to another officer, with the note on the timeline', async () => {
      const id = await dossierIn(w, 'IN_PROCESSING');
      const res = await attempt(w, w.staff.APPROVER, id, 'hand_over', {
        assigneeId: w.officer2.id,
        note: 'Cán bộ thụ lý nghỉ phép',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'IN_PROCESSING', assignee: { id: w.officer2.id } });
      const timeline = (res.body as DossierDto).timeline;
      expect(timeline[timeline.length - 1]).toMatchObject({ type: 'assign', note: 'Cán bộ thụ lý nghỉ phép' });
    });

    it('refuses a handover without a note (400 naming note), to the desk and the approver alike', async () => {
      for (const [status, user] of [
        ['RECEIVED', w.staff.RECEPTIONIST],
        ['IN_PROCESSING', w.staff.RECEPTIONIST],
        ['IN_PROCESSING', w.staff.APPROVER],
      ] as const) {
        const id = await dossierIn(w, status);
        const before = await stateOf(w, id);
        const res = await as(t, user).post(`/dossiers/${id}/actions`, {
          action: 'assign',
          version: before.version,
          assigneeId: w.officer2.id,
        });
        expect([status, user.roles[0], res.status, fieldsOf(res)]).toEqual([status, user.roles[0], 400, ['note']]);
        expect(await stateOf(w, id)).toEqual(before);
      }
    });

    it('refuses a second officer who takes over, or submits for approval, a colleague’s dossier (403), nothing changed', async () => {
      const id = await dossierIn(w, 'IN_PROCESSING');
      const before = await stateOf(w, id);
      const cases: [string, object][] = [
        ['take over', { action: 'assign' }],
        ['take over, naming themself', { action: 'assign', assigneeId: w.officer2.id }],
        ['submit for approval', { action: 'submit_for_approval' }],
        ['request a supplement', { action: 'request_supplement', note: 'Bổ sung' }],
      ];
      for (const [what, body] of cases) {
        const res = await as(t, w.officer2).post(`/dossiers/${id}/actions`, { ...body, version: before.version });
        expect([what, res.status, res.body.code]).toEqual([what, 403, 'NOT_ASSIGNEE']);
      }
      // Handing it on to a third officer is not an officer's move at all.
      const third = await createUser(t.ds, { roles: ['OFFICER'], agencyCode: w.agency.code, fullName: 'Cán bộ 3' });
      const hand = await as(t, w.officer2).post(`/dossiers/${id}/actions`, {
        action: 'assign',
        version: before.version,
        assigneeId: third.id,
        note: 'Chuyển cho đồng nghiệp',
      });
      expect([hand.status, hand.body.code]).toEqual([403, 'ACTION_FORBIDDEN']);
      expect(await stateOf(w, id)).toEqual(before);
      const seen = await as(t, w.officer2).get(`/dossiers/${id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.availableActions).toEqual([]);
    });

    it('refuses the assigned officer handing their dossier to a colleague (403), and taking it again (409)', async () => {
      const id = await dossierIn(w, 'IN_PROCESSING');
      const version = await versionOf(w, id);
      const hand = await as(t, w.staff.OFFICER).post(`/dossiers/${id}/actions`, {
        action: 'assign',
        version,
        assigneeId: w.officer2.id,
        note: 'Nhờ đồng nghiệp xử lý',
      });
      expect([hand.status, hand.body.code]).toEqual([403, 'ACTION_FORBIDDEN']);
      const again = await as(t, w.staff.OFFICER).post(`/dossiers/${id}/actions`, { action: 'assign', version });
      expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
      const seen = await as(t, w.staff.OFFICER).get(`/dossiers/${id}`);
      expect(seen.body.availableActions).toEqual(['request_supplement', 'submit_for_approval', 'issue_apology']);
    });

    it('lets a second officer act once an approver has handed the dossier to them', async () => {
      const id = await dossierIn(w, 'IN_PROCESSING');
      await act(w, w.staff.APPROVER, id, 'assign', { assigneeId: w.officer2.id, note: 'Điều chuyển' });
      const first = await as(t, w.staff.OFFICER).get(`/dossiers/${id}`);
      expect(first.body.availableActions).toEqual([]);
      const res = await attempt(w, w.officer2, id, 'submit_for_approval');
      expect([res.status, res.body.status]).toEqual([200, 'PENDING_APPROVAL']);
    });
  });

  describe('in-transaction hooks', () => {
    it('hands each change with before and after to the hooks, and a failing hook rolls the change back', async () => {
      const hooks = t.app.get(DossierTransitionHooks);
      const seen: DossierTransitionChange[] = [];
      let fail = false;
      hooks.register(async (m, change) => {
        seen.push(change);
        // The hook sees the change inside its transaction.
        const [row] = await m.query(`SELECT status FROM dossier WHERE id = $1`, [change.after.id]);
        expect(row.status).toBe(change.after.status);
        if (fail) throw new Error('summary table unavailable');
      });
      const id = await dossierIn(w, 'SUBMITTED');
      expect(seen.at(-1)).toMatchObject({
        action: 'submit',
        actor: { id: w.citizen.id, role: 'CITIZEN' },
        before: { status: 'DRAFT', code: null },
        after: { status: 'SUBMITTED', agencyCode: w.agency.code, onlineLevel: 'FULL', channel: 'ONLINE' },
      });
      fail = true;
      const before = await stateOf(w, id);
      const res = await attempt(w, w.staff.RECEPTIONIST, id, 'receive');
      fail = false;
      expect(res.status).toBe(500);
      expect(await stateOf(w, id)).toEqual(before);
    });
  });
});
