import type { DossierDto } from '@motcua/shared';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AuditService } from '../audit/audit.service.js';
import { act, as, createWorld, dossierIn, versionOf, type World } from '../dossiers/dossiers.factories.js';
import { RecordingSlaNotifier } from './sla-notifier.js';
import { SlaSweepService } from './sla-sweep.service.js';

jest.setTimeout(120_000);

const local = (s: string) => new Date(`${s}+07:00`);

/**
 * api.md, Notifications and apologies, with the injected clock: a dossier received Monday 23/11/2026
 * 09:00 (3 working days) is due Thursday 26/11 17:00, DUE_SOON from Wednesday 25/11 17:00.
 */
describe('deadlines that act: SLA alerts, apologies, reminders', () => {
  let t: TestApp;
  let w: World;
  let sla: SlaSweepService;
  const notifier = new RecordingSlaNotifier();

  beforeAll(async () => {
    t = await createTestApp({}, { slaNotifier: notifier });
    w = await createWorld(t);
    sla = t.app.get(SlaSweepService);
  });
  afterAll(() => t.close());

  /** Move the clock and run a job as the scheduler would, with the same now. */
  async function at<T>(time: string, job: (now: Date) => Promise<T>): Promise<T> {
    t.clock.set(local(time));
    return job(local(time));
  }

  async function received(status: 'RECEIVED' | 'IN_PROCESSING' | 'SUPPLEMENT_REQUESTED' = 'IN_PROCESSING') {
    t.clock.set(local('2026-11-23T09:00:00'));
    const id = await dossierIn(w, status);
    return id;
  }

  const detail = async (id: string) => (await as(t, w.citizen).get(`/dossiers/${id}`)).body as DossierDto;

  describe('issue_apology', () => {
    const apologise = async (user: World['citizen'], id: string, body: object) =>
      as(t, user).post(`/dossiers/${id}/actions`, {
        action: 'issue_apology',
        version: await versionOf(w, id),
        ...body,
      });

    it('names newDueDate when it is not a working day after dueAt’s day, and note when there is none', async () => {
      const id = await received();
      t.clock.set(local('2026-11-24T10:00:00'));
      const officer = w.staff.OFFICER;
      for (const newDueDate of [undefined, '2026-11-26', '2026-11-25', '2026-11-28', '2026-11-31']) {
        const res = await apologise(officer, id, { note: 'Chờ xác minh', newDueDate });
        expect({ newDueDate, status: res.status }).toEqual({ newDueDate, status: 400 });
        expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['newDueDate']);
      }
      const noNote = await apologise(officer, id, { newDueDate: '2026-11-27' });
      expect(noNote.status).toBe(400);
      expect((noNote.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['note']);
      expect(notifier.of('APOLOGY', id)).toEqual([]);
    });

    it('is the assigned officer’s or an approver’s, on an open dossier only', async () => {
      const id = await received();
      t.clock.set(local('2026-11-24T10:00:00'));
      const body = { note: 'Chờ xác minh', newDueDate: '2026-11-30' };
      expect((await apologise(w.officer2, id, body)).status).toBe(403);
      expect((await apologise(w.staff.RECEPTIONIST, id, body)).status).toBe(403);
      expect((await apologise(w.citizen, id, body)).status).toBe(403);
      expect((await apologise(w.otherStaff.APPROVER, id, body)).status).toBe(404);
      const byApprover = await apologise(w.staff.APPROVER, id, body);
      expect(byApprover.status).toBe(200);
      expect(byApprover.body).toMatchObject({
        appointmentAt: '2026-11-30T10:00:00.000Z',
        dueAt: '2026-11-26T10:00:00.000Z',
        status: 'IN_PROCESSING',
      });
      // Before the due time too (api.md): and the applicant hears of it.
      expect(notifier.of('APOLOGY', id)).toEqual([
        expect.objectContaining({
          userIds: [w.citizen.id],
          params: expect.objectContaining({ appointmentDate: '2026-11-30' }),
        }),
      ]);
      const byOfficer = await apologise(w.staff.OFFICER, id, { note: 'Thêm thời gian', newDueDate: '2026-12-01' });
      expect(byOfficer.status).toBe(200);
      expect((byOfficer.body as DossierDto).appointmentAt).toBe('2026-12-01T10:00:00.000Z');
      // The appointment is sealed on the audit chain: moved without an event, the audit names it.
      const audit = t.app.get(AuditService);
      expect((await audit.auditDossier(id))?.check).toMatchObject({ valid: true });
      await t.ds.query(`UPDATE dossier SET appointment_at = appointment_at + interval '7 days' WHERE id = $1`, [id]);
      try {
        expect((await audit.auditDossier(id))?.check.reason).toBe(
          'dossier differs from the sealed state: appointmentAt',
        );
      } finally {
        await t.ds.query(`UPDATE dossier SET appointment_at = appointment_at - interval '7 days' WHERE id = $1`, [id]);
      }

      const approved = await dossierIn(w, 'APPROVED');
      expect((await apologise(w.staff.APPROVER, approved, body)).status).toBe(409);
    });
  });

  describe('the SLA sweep', () => {
    it('alerts DUE_SOON to the assignee and OVERDUE also to the approvers, each once', async () => {
      const id = await received();
      expect(await at('2026-11-25T16:59:00', (now) => sla.sweepSla(now))).toMatchObject({ dueSoon: 0, overdue: 0 });
      expect(notifier.sent.filter((n) => n.dossierId === id)).toEqual([]);

      await at('2026-11-25T17:00:00', (now) => sla.sweepSla(now));
      expect(notifier.of('SLA_DUE_SOON', id)).toEqual([
        expect.objectContaining({ userIds: [w.staff.OFFICER.id], dossierId: id }),
      ]);
      await at('2026-11-26T09:00:00', (now) => sla.sweepSla(now));
      await at('2026-11-26T17:00:00', (now) => sla.sweepSla(now));
      expect(notifier.of('SLA_DUE_SOON', id)).toHaveLength(1);
      expect(notifier.of('SLA_OVERDUE', id)).toEqual([]);

      await at('2026-11-26T17:00:01', (now) => sla.sweepSla(now));
      await at('2026-11-27T09:00:00', (now) => sla.sweepSla(now));
      const overdue = notifier.of('SLA_OVERDUE', id);
      expect(overdue).toHaveLength(1);
      expect([...overdue[0].userIds].sort()).toEqual([w.staff.OFFICER.id, w.staff.APPROVER.id].sort());
      // Once per dossier per state, by record: a second alert row cannot exist.
      const rows: { state: string }[] = await t.ds.query(
        `SELECT state FROM sla_alert WHERE dossier_id = $1 ORDER BY state`,
        [id],
      );
      expect(rows.map((r) => r.state)).toEqual(['DUE_SOON', 'OVERDUE']);
    });

    it('alerts the agency’s receptionists for a dossier nobody holds', async () => {
      const id = await received('RECEIVED');
      await at('2026-11-25T17:30:00', (now) => sla.sweepSla(now));
      expect(notifier.of('SLA_DUE_SOON', id)).toEqual([
        expect.objectContaining({ userIds: [w.staff.RECEPTIONIST.id] }),
      ]);
    });

    it('never reads a dossier waiting for the citizen, nor alerts or apologises for it', async () => {
      const id = await received('SUPPLEMENT_REQUESTED');
      const [watch]: { next: Date | null }[] = await t.ds.query(
        `SELECT next_check_at AS next FROM sla_watch WHERE dossier_id = $1`,
        [id],
      );
      expect(watch.next).toBeNull();
      await at('2026-12-10T09:00:00', (now) => sla.sweepSla(now));
      await at('2026-12-10T09:00:00', (now) => sla.issueDueApologies(now));
      expect(notifier.of('SLA_DUE_SOON', id)).toEqual([]);
      expect(notifier.of('SLA_OVERDUE', id)).toEqual([]);
      expect(notifier.of('APOLOGY', id)).toEqual([]);
      expect((await detail(id)).sla).toBe('WAITING_CITIZEN');
    });

    it('reads only the rows whose check is due (the partial index), not every open dossier', async () => {
      await received();
      const now = local('2026-11-24T09:00:00');
      const [{ n }]: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM sla_watch WHERE next_check_at <= $1`,
        [now],
      );
      const result = await sla.sweepSla(now);
      expect(result.checked).toBe(n);
      const [{ open }]: { open: number }[] = await t.ds.query(`SELECT count(*)::int AS open FROM sla_watch`);
      expect(open).toBeGreaterThan(n);
    });
  });

  describe('the automatic apology', () => {
    it('issues one for an open dossier past dueAt, 3 working days after it at 17:00, by the system, once', async () => {
      const id = await received();
      expect(await at('2026-11-26T16:00:00', (now) => sla.issueDueApologies(now))).toBe(0);
      // Two runs at once (two processes): one letter.
      const now = local('2026-11-26T17:10:00');
      t.clock.set(now);
      const counts = await Promise.all([sla.issueDueApologies(now), sla.issueDueApologies(now)]);
      expect(await at('2026-11-27T09:00:00', (n) => sla.issueDueApologies(n))).toBe(0);
      const letters: { automatic: boolean }[] = await t.ds.query(
        `SELECT automatic FROM apology_letter WHERE dossier_id = $1`,
        [id],
      );
      expect(letters).toEqual([{ automatic: true }]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      const d = await detail(id);
      // Thursday 26/11 + 3 working days: Fri 27, Mon 30, Tue 1/12 17:00.
      expect(d).toMatchObject({ appointmentAt: '2026-12-01T10:00:00.000Z', dueAt: '2026-11-26T10:00:00.000Z' });
      expect(d.timeline.filter((e) => e.type === 'issue_apology')).toEqual([
        expect.objectContaining({ actor: { fullName: null, role: null } }),
      ]);
      expect(notifier.of('APOLOGY', id)).toHaveLength(1);
      expect((await as(t, w.citizen).get(`/dossiers/${id}/apology.pdf`)).status).toBe(200);
    });

    it('leaves a dossier the staff already apologised for', async () => {
      const id = await received();
      t.clock.set(local('2026-11-26T10:00:00'));
      await act(w, w.staff.OFFICER, id, 'issue_apology', { note: 'Chờ xác minh', newDueDate: '2026-11-30' });
      await at('2026-11-27T10:00:00', (now) => sla.issueDueApologies(now));
      const letters: { automatic: boolean }[] = await t.ds.query(
        `SELECT automatic FROM apology_letter WHERE dossier_id = $1`,
        [id],
      );
      expect(letters).toEqual([{ automatic: false }]);
    });
  });

  describe('supplement reminders', () => {
    it('reminds the applicant after 2 and 5 working days, once each', async () => {
      // Requested Monday 23/11 09:00: reminders Wednesday 25/11 17:00 and Monday 30/11 17:00.
      const id = await received('SUPPLEMENT_REQUESTED');
      await at('2026-11-25T16:59:00', (now) => sla.remindSupplements(now));
      expect(notifier.of('SUPPLEMENT_REMINDER', id)).toEqual([]);
      await at('2026-11-25T17:00:00', (now) => sla.remindSupplements(now));
      await at('2026-11-26T09:00:00', (now) => sla.remindSupplements(now));
      expect(notifier.of('SUPPLEMENT_REMINDER', id)).toEqual([
        expect.objectContaining({ userIds: [w.citizen.id], params: expect.objectContaining({ reminder: 1 }) }),
      ]);
      await at('2026-11-30T17:00:00', (now) => sla.remindSupplements(now));
      await at('2026-12-15T17:00:00', (now) => sla.remindSupplements(now));
      expect(notifier.of('SUPPLEMENT_REMINDER', id).map((n) => n.params?.reminder)).toEqual([1, 2]);
    });
  });

  describe('the demo command', () => {
    it('pushes an open dossier past its due time, on the timeline, and lets the sweep and apology act (ADMIN)', async () => {
      const id = await received();
      const { code } = await detail(id);
      t.clock.set(local('2026-11-24T10:00:00'));
      expect((await as(t, w.staff.MANAGER).post('/sandbox/demo/overdue', { code })).status).toBe(403);
      const res = await as(t, w.staff.ADMIN).post('/sandbox/demo/overdue', { code });
      expect(res.status).toBe(200);
      // The last working day's 17:00 before now: Monday 23/11.
      expect(res.body).toMatchObject({ dueAt: '2026-11-23T10:00:00.000Z', apologies: 1 });
      const d = await detail(id);
      expect(d.sla).toBe('OVERDUE');
      expect(d.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['demo_due_moved', 'issue_apology']));
      expect(notifier.of('SLA_OVERDUE', id)).toHaveLength(1);
      const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
      expect(audit.body).toMatchObject({ valid: true });
    });
  });
});
