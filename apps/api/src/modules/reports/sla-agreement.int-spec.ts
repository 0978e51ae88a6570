import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import {
  assignmentOf,
  availableActions,
  decidedOutcome,
  DOSSIER_STATUSES,
  processingWorkingDays,
  SLA_STATES,
  slaState,
  toLocalDate,
  WorkingCalendar,
  type DossierAction,
  type DossierDto,
  type DossierStatus,
  type QueuePage,
  type ReportSummary,
  type SlaState,
} from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { VALID_FORM } from '../dossiers/dossiers.factories.js';
import { uploadResultDirect } from '../results/results.factories.js';
import { createDesk, createReportProcedure, local } from './reports.factories.js';
import { rebuildSummaries } from './summary-rebuild.js';

/**
 * Issue 13, item 2: one SLA per dossier wherever it is read. Random dossiers are driven through
 * random transitions of the shared table (DOSSIER_TRANSITIONS, via availableActions) and random
 * moves of the test clock (across 17:00, weekends and holidays); then for every dossier
 * GET /dossiers/{id}'s `sla`, its queue row's `sla`, the queue's `sla` filter and dossierClock
 * on the stored row agree; the reports count exactly those states (openOverdue, early, onTime,
 * late, avgProcessingDays); and the summary kept in each transaction equals a rebuild.
 */
const RUNS = 16;
const DOSSIERS = 12;
const STEPS = 90;

const QUEUE_STATUSES = DOSSIER_STATUSES.filter((s) => s !== 'DRAFT').join(',');
const NOTE_ACTIONS: readonly DossierAction[] = [
  'refuse',
  'request_supplement',
  'reject',
  'return_to_officer',
  'supplement',
];

interface Scenario {
  /** Local start: a day offset from 2026-09-01 and minutes into it. */
  startDay: number;
  startMinute: number;
  processingDays: number;
  submits: number[];
  steps: { dossier: number; choice: number; advanceMinutes: number }[];
  finalAdvanceMinutes: number;
}

/** Mostly hours (across 17:00), sometimes a day or a long weekend. */
const minutes = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 * 60 }), weight: 16 },
  { arbitrary: fc.integer({ min: 4 * 60, max: 24 * 60 }), weight: 3 },
  { arbitrary: fc.integer({ min: 24 * 60, max: 3 * 24 * 60 }), weight: 1 },
);

// Unbiased: fast-check's bias toward small values would pick the first candidate (a withdrawal) nearly always.
const scenario: fc.Arbitrary<Scenario> = fc.noBias(
  fc.record({
    startDay: fc.integer({ min: 0, max: 150 }),
    startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    processingDays: fc.integer({ min: 0, max: 15 }),
    submits: fc.array(fc.integer({ min: 0, max: 20 * 60 }), { minLength: DOSSIERS, maxLength: DOSSIERS }),
    steps: fc.array(
      fc.record({
        dossier: fc.integer({ min: 0, max: DOSSIERS - 1 }),
        choice: fc.integer({ min: 0, max: 999_999 }),
        advanceMinutes: minutes,
      }),
      { minLength: STEPS, maxLength: STEPS },
    ),
    finalAdvanceMinutes: fc.integer({ min: 0, max: 12 * 60 }),
  }),
);

describe('SLA agreement: dossier, queue and reports read the same time facts', () => {
  let t: TestApp;
  let workflow: DossierWorkflowService;
  let dossiers: DossiersService;
  let calendar: WorkingCalendar;

  const snapshot = async () => ({
    daily: await t.ds.query(
      `SELECT * FROM report_daily
        WHERE received + decided + returned + ratings + fee_paid + fee_paid_online + processing_days_sum <> 0
        ORDER BY day, agency_code, procedure_code, channel, sector_code, online_level`,
    ),
    monthly: await t.ds.query(
      `SELECT * FROM report_monthly WHERE received + decided + returned + processing_days_sum <> 0
        ORDER BY month, agency_code, procedure_code, channel, sector_code, online_level`,
    ),
    open: await t.ds.query(`SELECT * FROM report_open WHERE open_count <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
  });

  beforeAll(async () => {
    t = await createTestApp();
    workflow = t.app.get(DossierWorkflowService);
    dossiers = t.app.get(DossiersService);
    // Days off and a make-up Saturday inside the runs' span, so the calendar is more than weekends.
    const days: [string, 'HOLIDAY' | 'WORKING_DAY'][] = [
      ['2026-09-02', 'HOLIDAY'],
      ['2026-09-03', 'HOLIDAY'],
      ['2026-12-26', 'WORKING_DAY'],
      ['2027-01-01', 'HOLIDAY'],
      ['2027-01-04', 'HOLIDAY'],
    ];
    for (const [date, kind] of days) {
      await t.ds.query(
        `INSERT INTO holiday (date, name, name_en, kind, updated_at) VALUES ($1, 'Nghỉ', 'Day off', $2, now())
         ON CONFLICT DO NOTHING`,
        [date, kind],
      );
    }
    const rows: { date: string; kind: 'HOLIDAY' | 'WORKING_DAY' }[] = await t.ds.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM holiday`,
    );
    calendar = new WorkingCalendar(rows);
  });

  afterAll(async () => {
    await t.close();
  });

  it('agrees on every dossier after random transitions and clock moves', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const desk = await createDesk(t);
        const manager = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: desk.code });
        const procedure = await createReportProcedure(t, [desk.code], {
          processingDays: s.processingDays,
          requiredDocuments: [],
        });
        const start = new Date(Date.parse('2026-09-01') + s.startDay * 86_400_000);
        t.clock.set(local(`${toLocalDate(start)}T00:00`));
        t.clock.advance(s.startMinute * 60_000);
        const from = toLocalDate(t.clock.now());

        // Dossiers filed online at random times.
        const walkers: { id: string; applicant: TestUser; status: DossierStatus; assigneeId: string | null }[] = [];
        for (const gap of s.submits) {
          t.clock.advance(gap * 60_000);
          const applicant = await createUser(t.ds, { fullName: 'Công dân Thử' });
          const draft = await dossiers.createDraft(applicant, {
            procedureCode: procedure.code,
            agencyCode: desk.code,
            formData: VALID_FORM,
          });
          await dossiers.submit(draft.id, applicant, randomUUID(), {});
          walkers.push({ id: draft.id, applicant, status: 'SUBMITTED', assigneeId: null });
        }

        // Random moves of the shared table, by whoever may make them.
        for (const step of s.steps) {
          t.clock.advance(step.advanceMinutes * 60_000);
          const w = walkers[step.dossier];
          // Each allowed (action, actor), the endings that leave the administration (withdraw, refuse) rarer.
          const candidates: [DossierAction, TestUser][] = [];
          for (const actor of [w.applicant, desk.receptionist, desk.officer, desk.approver]) {
            const actions = availableActions(w.status, {
              roles: actor.roles,
              isApplicant: actor === w.applicant,
              assignment: assignmentOf(w.assigneeId, actor.id),
            });
            // `assign` only as the officer taking a free dossier (a hand-over names another officer).
            for (const a of actions) {
              if (a === 'assign' && (w.assigneeId !== null || actor !== desk.officer)) continue;
              // An apology moves no status nor the SLA (dueAt stays); its letters are the sla module's tests.
              if (a === 'issue_apology') continue;
              const weight = a === 'withdraw' || a === 'refuse' ? 1 : 6;
              for (let i = 0; i < weight; i++) candidates.push([a, actor]);
            }
          }
          if (!candidates.length) continue;
          const [action, actor] = candidates[step.choice % candidates.length];
          // Electronic delivery: the decision needs the result document (api.md, Electronic results).
          if (action === 'approve' || action === 'reject') await uploadResultDirect(t, w.id, actor);
          const after = await workflow.applyAction(w.id, action, actor, undefined, {
            note: NOTE_ACTIONS.includes(action) ? 'Ghi chú' : undefined,
          });
          w.status = after.status;
          w.assigneeId = after.assigneeId;
        }
        t.clock.advance(s.finalAdvanceMinutes * 60_000);
        const now = t.clock.now();

        // 1. GET /dossiers/{id}, and dossierClock on the stored row and its time facts.
        const sla = new Map<string, SlaState | null>();
        const outcomes: SlaState[] = [];
        let decided = 0;
        let processingSum = 0;
        for (const w of walkers) {
          const res = await request(t.http)
            .get(`/api/v1/dossiers/${w.id}`)
            .set('Authorization', bearer(t, desk.officer));
          expect(res.status).toBe(200);
          const d = res.body as DossierDto;
          sla.set(w.id, d.sla);
          seen.add(d.sla ?? d.status);
          const [row]: {
            status: DossierStatus;
            receivedAt: Date | null;
            dueAt: Date | null;
            completedAt: Date | null;
            decidedOutcome: string | null;
            processingWorkingDays: number | null;
          }[] = await t.ds.query(
            `SELECT status, received_at AS "receivedAt", due_at AS "dueAt", completed_at AS "completedAt",
                    decided_outcome AS "decidedOutcome", processing_working_days AS "processingWorkingDays"
               FROM dossier WHERE id = $1`,
            [w.id],
          );
          // Recomputed from the times alone, not from the stored outcome.
          expect(d.sla).toBe(
            slaState({ status: row.status, dueAt: row.dueAt, completedAt: row.completedAt }, now, calendar),
          );
          if (row.completedAt) {
            expect(row.decidedOutcome).toBe(decidedOutcome(row.completedAt, row.dueAt));
            expect(row.processingWorkingDays).toBe(processingWorkingDays(row.receivedAt!, row.completedAt, calendar));
            outcomes.push(d.sla!);
            decided++;
            processingSum += row.processingWorkingDays!;
          } else {
            expect(row.decidedOutcome).toBeNull();
          }
        }

        // 2. The queue row's `sla`, and each `sla` filter returns exactly the dossiers in that state.
        const queue = async (query: Record<string, string>) => {
          const res = await request(t.http)
            .get('/api/v1/queue')
            .query({ status: QUEUE_STATUSES, limit: '100', ...query })
            .set('Authorization', bearer(t, desk.receptionist));
          expect(res.status).toBe(200);
          return (res.body as QueuePage).items;
        };
        const rows = await queue({});
        expect(rows).toHaveLength(walkers.length);
        for (const r of rows) expect(r.sla).toBe(sla.get(r.id));
        for (const state of SLA_STATES) {
          const ids = (await queue({ sla: state })).map((r) => r.id).sort();
          const expected = walkers
            .filter((w) => sla.get(w.id) === state)
            .map((w) => w.id)
            .sort();
          expect({ state, ids }).toEqual({ state, ids: expected });
        }

        // 3. The reports count the same states.
        const count = (state: SlaState) => [...sla.values()].filter((x) => x === state).length;
        const decidedAs = (state: SlaState) => outcomes.filter((x) => x === state).length;
        const res = await request(t.http)
          .get('/api/v1/reports/summary')
          .query({ from, to: toLocalDate(now), agencyCode: desk.code })
          .set('Authorization', bearer(t, manager));
        expect(res.status).toBe(200);
        const summary = res.body as ReportSummary;
        expect({
          openOverdue: summary.openOverdue,
          decided: summary.decided,
          early: summary.early,
          onTime: summary.onTime.count,
          late: summary.late,
        }).toEqual({
          openOverdue: count('OVERDUE'),
          decided,
          early: decidedAs('EARLY'),
          onTime: decidedAs('EARLY') + decidedAs('ON_TIME'),
          late: decidedAs('LATE'),
        });
        if (decided === 0) expect(summary.avgProcessingDays).toBeNull();
        else expect(summary.avgProcessingDays).toBeCloseTo(processingSum / decided, 2);

        // 4. The summary kept in each transaction equals a rebuild from the dossier table.
        const incremental = await snapshot();
        await rebuildSummaries(t.ds);
        expect(await snapshot()).toEqual(incremental);
      }),
      { numRuns: RUNS, seed: 13, endOnFailure: true },
    );
    // The walk reached every SLA state, and the statuses without one.
    for (const state of [...SLA_STATES, 'NOT_ACCEPTED', 'WITHDRAWN']) expect(seen).toContain(state);
  }, 120_000);
});
