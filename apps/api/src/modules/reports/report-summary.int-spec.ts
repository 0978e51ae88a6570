import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { automaticApologyDate, type DossierAction, type DossierStatus } from '@motcua/shared';
import { createUser, randomNationalId, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { CounterService } from '../dossiers/counter.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { VALID_FORM } from '../dossiers/dossiers.factories.js';
import { createDesk, createReportProcedure, local, type Desk } from './reports.factories.js';
import { rebuildSummaries } from './summary-rebuild.js';
import { uploadResultDirect } from '../results/results.factories.js';
import { PaymentsService } from '../payments/payments.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { SlaSweepService } from '../sla/sla-sweep.service.js';

interface Walker {
  id: string;
  desk: Desk;
  applicant: TestUser;
  status: DossierStatus;
  done: boolean;
  /** The procedure has a fee, and it was paid. */
  fee?: boolean;
  paid?: boolean;
}

/** The next step of a dossier's random walk: an action with its weight, or a stop. */
const NEXT: Partial<Record<DossierStatus, [DossierAction | 'rate' | 'stop', number][]>> = {
  SUBMITTED: [
    ['receive', 8],
    ['refuse', 1],
    ['withdraw', 1],
  ],
  RECEIVED: [
    ['assign', 8],
    ['withdraw', 1],
    ['stop', 1],
  ],
  IN_PROCESSING: [
    ['submit_for_approval', 6],
    ['request_supplement', 3],
    ['stop', 1],
  ],
  SUPPLEMENT_REQUESTED: [
    ['supplement', 7],
    ['withdraw', 2],
    ['stop', 1],
  ],
  PENDING_APPROVAL: [
    ['approve', 6],
    ['reject', 2],
    ['return_to_officer', 2],
  ],
  APPROVED: [
    ['return_result', 8],
    ['stop', 2],
  ],
  REJECTED: [
    ['return_result', 8],
    ['stop', 2],
  ],
  RETURNED: [
    ['rate', 6],
    ['stop', 4],
  ],
};

/**
 * The summary rows kept in each change's transaction equal a rebuild from the dossier table,
 * after a seeded random walk of 120 dossiers (online and walk-in, two agencies, a FULL and a
 * PARTIAL procedure with a fee) through the real workflow service, over five weeks of a moving
 * clock, including concurrent changes to the same summary rows.
 */
describe('report summary upkeep (incremental = rebuild)', () => {
  let t: TestApp;
  let workflow: DossierWorkflowService;
  let dossiers: DossiersService;
  let counter: CounterService;
  let payments: PaymentsService;
  let sla: SlaSweepService;
  let desks: Desk[];
  let procedures: ProcedureVersionView[];
  const walkers: Walker[] = [];

  const snapshot = async () => ({
    daily: await t.ds.query(
      `SELECT * FROM report_daily
        WHERE received + decided + returned + ratings + fee_paid + fee_paid_online + processing_days_sum
              + returned_end_to_end + returned_digitised + apologies_issued <> 0
        ORDER BY day, agency_code, procedure_code, channel, sector_code, online_level`,
    ),
    open: await t.ds.query(`SELECT * FROM report_open WHERE open_count <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
  });

  beforeAll(async () => {
    t = await createTestApp();
    workflow = t.app.get(DossierWorkflowService);
    sla = t.app.get(SlaSweepService);
    dossiers = t.app.get(DossiersService);
    counter = t.app.get(CounterService);
    payments = t.app.get(PaymentsService);
    desks = [await createDesk(t), await createDesk(t)];
    const codes = desks.map((d) => d.code);
    procedures = [
      await createReportProcedure(t, codes, { onlineLevel: 'FULL', processingDays: 2, fee: 0, requiredDocuments: [] }),
      await createReportProcedure(t, codes, {
        onlineLevel: 'PARTIAL',
        processingDays: 4,
        fee: 30_000,
        requiredDocuments: [],
        sectorCode: 'RPT_OTHER',
      }),
    ];
  });

  afterAll(async () => {
    await t.close();
  });

  // A staff apology's new date: two working days after the due day (api.md, Notifications and apologies).
  const apologyDate = async (id: string): Promise<string> => {
    const [{ dueAt }]: { dueAt: Date }[] = await t.ds.query(`SELECT due_at AS "dueAt" FROM dossier WHERE id = $1`, [
      id,
    ]);
    return automaticApologyDate(dueAt, 2, await t.app.get(CatalogService).getWorkingCalendar());
  };

  it('agrees with a rebuild after a random walk of many dossiers through applyAction', async () => {
    const rng = fc.sample(fc.integer({ min: 0, max: 999_999 }), { numRuns: 20_000, seed: 7 });
    let k = 0;
    const rand = () => rng[k++ % rng.length] / 1_000_000;
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
    t.clock.set(local('2026-10-05T08:00'));

    for (let i = 0; i < 120; i++) {
      const desk = pick(desks);
      const procedure = pick(procedures);
      t.clock.advance(Math.floor(rand() * 3 * 3_600_000));
      if (rand() < 0.6) {
        const applicant = await createUser(t.ds, { fullName: `Công dân ${i}` });
        const draft = await dossiers.createDraft(applicant, {
          procedureCode: procedure.code,
          agencyCode: desk.code,
          formData: VALID_FORM,
        });
        await dossiers.submit(draft.id, applicant, randomUUID(), {});
        const paid = procedure.fee > 0 && rand() < 0.4;
        if (paid) {
          await t.ds.query(
            `UPDATE dossier SET fee_status = 'PAID', fee_paid_at = $2, fee_paid_online = $3 WHERE id = $1`,
            [draft.id, t.clock.now(), rand() < 0.6],
          );
        }
        walkers.push({ id: draft.id, desk, applicant, status: 'SUBMITTED', done: false, fee: procedure.fee > 0, paid });
      } else {
        const nationalId = randomNationalId();
        const dto = await counter.intake(
          { procedureCode: procedure.code, applicant: { nationalId, fullName: `Khách ${i}` }, formData: VALID_FORM },
          desk.receptionist,
        );
        const [{ id: applicantId }]: { id: string }[] = await t.ds.query(
          `SELECT id FROM app_user WHERE national_id = $1`,
          [nationalId],
        );
        const applicant = { id: applicantId, fullName: `Khách ${i}`, roles: ['CITIZEN'], agencyCode: null } as TestUser;
        walkers.push({ id: dto.id, desk, applicant, status: 'RECEIVED', done: false, fee: procedure.fee > 0 });
      }
    }

    // Twenty receipts at once at one desk and day: the same summary rows, no deadlock, none lost.
    const waiting = walkers.filter((w) => w.status === 'SUBMITTED' && w.desk === desks[0]).slice(0, 20);
    await Promise.all(waiting.map((w) => workflow.applyAction(w.id, 'receive', w.desk.receptionist, undefined)));
    for (const w of waiting) w.status = 'RECEIVED';

    const reached = new Set<string>();
    let staffApologies = 0;
    for (let round = 0; round < 30 && walkers.some((w) => !w.done); round++) {
      t.clock.advance((6 + Math.floor(rand() * 30)) * 3_600_000);
      // The scheduler's automatic apology (api.md), once, when open dossiers first pass their due time
      // (each letter is a PDF rendered and signed: once keeps the walk's time bounded).
      if (!reached.has('AUTOMATIC_APOLOGY')) {
        const [{ n }]: { n: number }[] = await t.ds.query(
          `SELECT count(*)::int AS n FROM sla_watch WHERE running AND NOT apologised AND due_at < $1`,
          [t.clock.now()],
        );
        if (n > 0 && (await sla.issueDueApologies(t.clock.now())) > 0) reached.add('AUTOMATIC_APOLOGY');
      }
      for (const w of walkers.filter((x) => !x.done)) {
        const options = NEXT[w.status];
        if (!options) {
          w.done = true;
          continue;
        }
        const total = options.reduce((s, [, weight]) => s + weight, 0);
        let r = rand() * total;
        const [step] = options.find(([, weight]) => (r -= weight) < 0) ?? options[0];
        if (step === 'stop') {
          w.done = true;
          continue;
        }
        // A fee paid at the desk while the dossier is handled: not a transition, still counted (payment.paid).
        if (w.fee && !w.paid && !['NOT_ACCEPTED', 'WITHDRAWN'].includes(w.status) && rand() < 0.3) {
          await payments.recordCounter(w.id, `BL-${w.id.slice(0, 8)}`, w.desk.receptionist);
          w.paid = true;
          reached.add('PAID_AT_DESK');
        }
        if (step === 'rate') {
          await dossiers.rate(w.id, w.applicant, { score: 1 + Math.floor(rand() * 5) });
          reached.add('RATED');
          w.done = true;
          continue;
        }
        // A staff apology now and then (a handful in all), before the dossier's step.
        if (staffApologies < 4 && ['IN_PROCESSING', 'PENDING_APPROVAL'].includes(w.status) && rand() < 0.1) {
          await workflow.applyAction(w.id, 'issue_apology', w.desk.officer, undefined, {
            note: 'Chờ xác minh',
            newDueDate: await apologyDate(w.id),
          });
          staffApologies++;
          reached.add('STAFF_APOLOGY');
        }
        const actor =
          step === 'withdraw' || step === 'supplement'
            ? w.applicant
            : ['receive', 'refuse', 'return_result'].includes(step)
              ? w.desk.receptionist
              : ['approve', 'reject', 'return_to_officer'].includes(step)
                ? w.desk.approver
                : w.desk.officer;
        const needsNote = ['refuse', 'request_supplement', 'reject', 'return_to_officer', 'supplement'].includes(step);
        // Electronic delivery: the decision needs the result document (api.md, Electronic results).
        if (step === 'approve' || step === 'reject') await uploadResultDirect(t, w.id, actor);
        const after = await workflow.applyAction(w.id, step, actor, undefined, {
          note: needsNote ? 'Ghi chú' : undefined,
        });
        w.status = after.status;
        reached.add(after.status);
      }
    }
    for (const s of [
      'NOT_ACCEPTED',
      'WITHDRAWN',
      'SUPPLEMENT_REQUESTED',
      'APPROVED',
      'REJECTED',
      'RETURNED',
      'RATED',
      'PAID_AT_DESK',
      'STAFF_APOLOGY',
      'AUTOMATIC_APOLOGY',
    ]) {
      expect(reached).toContain(s);
    }

    const incremental = await snapshot();
    expect(incremental.daily.length).toBeGreaterThan(50);
    expect(incremental.open.length).toBeGreaterThan(0);
    const [{ late }]: { late: number }[] = await t.ds.query(`SELECT sum(decided_late)::int AS late FROM report_daily`);
    expect(late).toBeGreaterThan(0);
    const [sums]: { e2e: number; notE2e: number; paidAtDesk: number }[] = await t.ds.query(
      `SELECT sum(returned_end_to_end)::int AS e2e, sum(returned - returned_end_to_end)::int AS "notE2e",
              sum(fee_paid - fee_paid_online)::int AS "paidAtDesk" FROM report_daily`,
    );
    expect(sums.e2e).toBeGreaterThan(0);
    expect(sums.notE2e).toBeGreaterThan(0);
    expect(sums.paidAtDesk).toBeGreaterThan(0);
    // Paid fees of refused or withdrawn dossiers became REFUND_DUE and left the payment counters.
    const [fees]: { refundDue: number; kept: number; counted: number }[] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM dossier WHERE fee_status = 'REFUND_DUE') AS "refundDue",
              (SELECT count(*)::int FROM dossier WHERE fee_status = 'PAID' AND received_at IS NOT NULL) AS kept,
              (SELECT sum(fee_paid)::int FROM report_daily) AS counted`,
    );
    expect(fees.refundDue).toBeGreaterThan(0);
    expect(fees.counted).toBe(fees.kept);
    const [apologies]: { issued: number; automatic: number }[] = await t.ds.query(
      `SELECT sum(apologies_issued)::int AS issued, sum(apologies_automatic)::int AS automatic FROM report_daily`,
    );
    expect(apologies.automatic).toBeGreaterThan(0);
    expect(apologies.issued).toBeGreaterThan(apologies.automatic);
    await rebuildSummaries(t.ds);
    expect(await snapshot()).toEqual(incremental);
  }, 300_000);
});
