import { JobsService } from '../../jobs/jobs.service.js';
import { mailText, startSmtp, type TestSmtp } from '../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, createWorld, dossierIn, type World } from '../dossiers/dossiers.factories.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { SLA_SWEEP_JOB } from './sla.jobs.js';

jest.setTimeout(120_000);

const local = (s: string) => new Date(`${s}+07:00`);

interface Inbox {
  items: { type: string; dossierId: string | null; title: string; body: string }[];
  unread: number;
}

/**
 * Issue 15's "done when", wired as deployed: the scheduled `sla.sweep` job (run here with the
 * injected clock, as the queue would) alerts the assignee and the approver in their inbox, and
 * the citizen gets the automatic apology in the inbox and by e-mail (the inbox's NotificationsService
 * bound to SLA_NOTIFIER, not a recording stand-in).
 */
describe('the SLA job through the inbox', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://motcua.example.vn' });
    w = await createWorld(t, {}, 'nhung@example.vn');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const inbox = async (user: World['citizen']) => (await as(t, user).get('/notifications?limit=100')).body as Inbox;

  it('alerts the assignee and the approver, and apologises to the citizen once the due time passes', async () => {
    // Received Monday 23/11/2026 09:00, 3 working days: due Thursday 26/11 17:00.
    t.clock.set(local('2026-11-23T09:00:00'));
    const id = await dossierIn(w, 'IN_PROCESSING');
    const jobs = t.app.get(JobsService);

    t.clock.set(local('2026-11-26T09:00:00'));
    await jobs.run(SLA_SWEEP_JOB, {});
    expect((await inbox(w.staff.OFFICER)).items.filter((n) => n.dossierId === id).map((n) => n.type)).toEqual([
      'SLA_DUE_SOON',
    ]);
    expect((await inbox(w.staff.APPROVER)).items.filter((n) => n.dossierId === id)).toEqual([]);

    t.clock.set(local('2026-11-26T17:10:00'));
    await jobs.run(SLA_SWEEP_JOB, {});
    await jobs.run(SLA_SWEEP_JOB, {}); // a second tick repeats nothing
    const officer = (await inbox(w.staff.OFFICER)).items.filter((n) => n.dossierId === id);
    expect(officer.map((n) => n.type).sort()).toEqual(['SLA_DUE_SOON', 'SLA_OVERDUE']);
    const approver = (await inbox(w.staff.APPROVER)).items.filter((n) => n.dossierId === id);
    expect(approver.map((n) => n.type)).toEqual(['SLA_OVERDUE']);
    expect(approver[0].body).toContain('17:00 26/11/2026');

    const citizen = (await inbox(w.citizen)).items.filter((n) => n.dossierId === id && n.type === 'APOLOGY');
    expect(citizen).toHaveLength(1);
    // Three working days after Thursday 26/11: Tuesday 1/12, at 17:00 local.
    expect(citizen[0].body).toContain('17:00 01/12/2026');
    const detail = await as(t, w.citizen).get(`/dossiers/${id}`);
    expect(detail.body).toMatchObject({ appointmentAt: '2026-12-01T10:00:00.000Z', dueAt: '2026-11-26T10:00:00.000Z' });

    await t.app.get(OutboxService).drain();
    const mails = smtp.inbox.filter((m) => m.to.includes('nhung@example.vn'));
    expect(mails.some((m) => mailText(m.raw).includes('17:00 01/12/2026'))).toBe(true);
  });
});
