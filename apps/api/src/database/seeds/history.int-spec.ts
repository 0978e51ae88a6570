import {
  computeDueAt,
  decidedOutcome,
  isSatisfied,
  OPEN_STATUSES,
  processingWorkingDays,
  reportSummary,
  toLocalDate,
  WorkingCalendar,
  ZERO_COUNTS,
  type SummaryCounts,
} from '@motcua/shared';
import { createUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { verifyChain } from '../../modules/audit/hash-chain.js';
import { CatalogService } from '../../modules/catalog/catalog.service.js';
import { DossierEventsRepository } from '../../modules/dossiers/dossier-events.repository.js';
import { ReportsService } from '../../modules/reports/reports.service.js';
import { runDemoSeeds } from './demo-seed.js';
import { generateHistory, type HistoryResult } from './history.js';

interface Row {
  id: string;
  code: string;
  agency_code: string;
  sector_code: string;
  procedure_code: string;
  channel: string;
  online_level: string;
  status: string;
  processing_days: number;
  fee: number;
  fee_paid_at: Date | null;
  fee_paid_online: boolean | null;
  fee_status: string;
  delivery_method: string;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  completed_at: Date | null;
  returned_at: Date | null;
  end_to_end: boolean | null;
  digitised: boolean | null;
  version: number;
  last_event_seq: number;
  last_event_hash: string | null;
  score: number | null;
}

/**
 * The demo history generator on the demo catalog: realistic, consistent dossiers (due dates by the
 * working-day rules, hash-chained timelines, unique codes), and report summaries equal to figures
 * computed straight from the dossier rows.
 */
describe('history generator', () => {
  let t: TestApp;
  let result: HistoryResult;
  let rows: Row[];
  let calendar: WorkingCalendar;
  const now = new Date('2026-11-27T04:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(now);
    await runDemoSeeds(t.ds, () => undefined);
    result = await generateHistory(t.ds, { count: 3000, to: '2026-11-27', seed: 'test', now });
    rows = await t.ds.query(`SELECT d.*, r.score FROM dossier d LEFT JOIN dossier_rating r ON r.dossier_id = d.id`);
    calendar = await t.app.get(CatalogService).getWorkingCalendar();
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('writes the dossiers, their timelines and ratings, and rebuilds the summaries', () => {
    expect(result.dossiers).toBe(3000);
    expect(rows).toHaveLength(3000);
    expect(result.events).toBeGreaterThan(3000 * 4);
    expect(result.ratings).toBeGreaterThan(100);
    expect(result.summary!.dailyRows).toBeGreaterThan(100);
  });

  it('mixes channels, outcomes and statuses like a real year', () => {
    const share = (f: (r: Row) => boolean, of: Row[] = rows) => of.filter(f).length / of.length;
    expect(share((r) => r.channel === 'ONLINE')).toBeGreaterThan(0.5);
    expect(share((r) => r.channel === 'ONLINE')).toBeLessThan(0.7);
    const decided = rows.filter((r) => r.completed_at);
    const late = share((r) => decidedOutcome(r.completed_at!, r.due_at) === 'LATE', decided);
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.2);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['SUBMITTED', 'NOT_ACCEPTED', 'RECEIVED', 'IN_PROCESSING', 'RETURNED', 'APPROVED', 'WITHDRAWN']) {
      expect(statuses).toContain(s);
    }
    expect(rows.every((r) => r.submitted_at.getTime() <= now.getTime())).toBe(true);
    expect(toLocalDate(rows.reduce((a, r) => (r.submitted_at < a ? r.submitted_at : a), now))).toBe('2025-11-28');
  });

  it('fixes endToEnd on returned dossiers only, for a believable end-to-end rate (Da Nang: 58.89 % in 2024)', () => {
    const returnedFull = rows.filter((r) => r.returned_at && r.online_level === 'FULL');
    const rate = returnedFull.filter((r) => r.end_to_end).length / returnedFull.length;
    expect(rate).toBeGreaterThan(0.5);
    expect(rate).toBeLessThan(0.7);
    expect(rows.filter((r) => !r.returned_at).every((r) => r.end_to_end === null)).toBe(true);
    // End-to-end needs a fee that is none or paid online.
    expect(returnedFull.filter((r) => r.end_to_end && r.fee > 0).every((r) => r.fee_paid_online)).toBe(true);
  });

  it('writes the payment behind every paid fee and a signed result for every decided FULL dossier', async () => {
    const payments: { dossierId: string; provider: string; amount: number; status: string }[] = await t.ds.query(
      `SELECT dossier_id AS "dossierId", provider, amount, status FROM payment`,
    );
    const paid = rows.filter((r) => r.fee_paid_at);
    expect(result.payments).toBe(paid.length);
    expect(payments).toHaveLength(paid.length);
    const byDossier = new Map(payments.map((p) => [p.dossierId, p]));
    for (const r of paid) {
      expect(byDossier.get(r.id)).toMatchObject({
        provider: r.fee_paid_online ? 'vnpay' : 'counter',
        amount: r.fee,
        status: 'PAID',
      });
    }
    const results: { dossierId: string; signed: boolean; signedAt: Date; code: string; history: boolean }[] =
      await t.ds.query(
        `SELECT dossier_id AS "dossierId", signed, signed_at AS "signedAt", verification_code AS code, history
           FROM dossier_result`,
      );
    const decidedFull = rows.filter((r) => r.completed_at && r.online_level === 'FULL');
    expect(result.results).toBe(decidedFull.length);
    const resultOf = new Map(results.map((x) => [x.dossierId, x]));
    for (const r of decidedFull) {
      const x = resultOf.get(r.id)!;
      expect(x).toMatchObject({ signed: true, history: true, signedAt: r.completed_at });
      expect(x.code).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    }
    expect(new Set(results.map((x) => x.code)).size).toBe(results.length);
    // endToEnd is earned from these rows: every end-to-end dossier has a signed result and, with a fee, an online payment.
    for (const r of rows.filter((x) => x.end_to_end)) {
      expect(resultOf.get(r.id)?.signed).toBe(true);
      expect(r.delivery_method).toBe('ELECTRONIC');
      if (r.fee > 0) expect(byDossier.get(r.id)?.provider).toBe('vnpay');
    }
  });

  it('sets due dates by the working-day rules and decisions after receipt', () => {
    for (const r of rows.filter((x) => x.received_at)) {
      expect(r.due_at).toEqual(computeDueAt(r.received_at!, r.processing_days, calendar));
      if (r.completed_at) expect(r.completed_at.getTime()).toBeGreaterThan(r.received_at!.getTime());
    }
  });

  it('gives unique codes continuing each agency day, and the code counters after them', async () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows.every((r) => /^[0-9A-Z.]+-\d{6}-\d{4,}$/.test(r.code) && r.code.startsWith(`${r.agency_code}-`))).toBe(
      true,
    );
    const [{ behind }]: { behind: number }[] = await t.ds.query(
      `SELECT count(*)::int AS behind FROM dossier d
         JOIN dossier_code_seq s ON s.agency_code = d.agency_code AND s.day = vn_local_date(d.submitted_at)
        WHERE split_part(d.code, '-', 3)::int > s.last_seq`,
    );
    expect(behind).toBe(0);
  });

  it('writes hash-chained timelines that the audit check accepts, ending in the dossier status', async () => {
    const sample = rows.filter((_, i) => i % 50 === 0);
    for (const d of sample) {
      const events = await t.app.get(DossierEventsRepository).findByDossier(d.id);
      expect(
        verifyChain(
          events.map((e) => ({ ...e, dossierId: d.id })),
          { lastHash: d.last_event_hash },
        ),
      ).toEqual({
        valid: true,
        firstInvalidIndex: null,
      });
      expect(events.at(-1)!.toStatus).toBe(d.status);
      expect(d.version).toBe(events.length + 1);
      expect(d.last_event_seq).toBe(events.length);
    }
  });

  /** The report figures straight from the dossier rows, by domain.md's table. */
  function direct(from: string, to: string, keep: (r: Row) => boolean): SummaryCounts {
    const c = { ...ZERO_COUNTS };
    const inPeriod = (at: Date | null) => at !== null && toLocalDate(at) >= from && toLocalDate(at) <= to;
    for (const r of rows.filter(keep)) {
      if (inPeriod(r.received_at)) {
        c.received++;
        if (r.channel === 'ONLINE') c.receivedOnline++;
        if (r.online_level === 'FULL') c.receivedFull++;
        if (r.online_level === 'FULL' && r.channel === 'ONLINE') c.receivedFullOnline++;
        // A fee owed back (withdrawn after receipt) is not a payment the reports count.
        const kept = r.fee > 0 && r.fee_paid_at && !['REFUND_DUE', 'REFUNDED'].includes(r.fee_status);
        if (kept) c.feePaid++;
        if (kept && r.fee_paid_online) c.feePaidOnline++;
        if (r.score !== null) {
          c.ratings++;
          if (isSatisfied(r.score)) c.ratingsSatisfied++;
        }
      }
      if (['APPROVED', 'REJECTED', 'RETURNED'].includes(r.status) && inPeriod(r.completed_at)) {
        c.decided++;
        const outcome = decidedOutcome(r.completed_at!, r.due_at);
        if (outcome === 'EARLY') c.decidedEarly++;
        if (outcome === 'ON_TIME') c.decidedOnTime++;
        if (outcome === 'LATE') c.decidedLate++;
        c.processingDaysSum += processingWorkingDays(r.received_at!, r.completed_at!, calendar);
      }
      if (inPeriod(r.returned_at)) {
        c.returned++;
        if (r.online_level === 'FULL') c.returnedFull++;
        if (r.end_to_end) c.returnedEndToEnd++;
        if (r.digitised) c.returnedDigitised++;
      }
      if ((OPEN_STATUSES as readonly string[]).includes(r.status)) {
        c.open++;
        // Waiting for the citizen is counted apart, never as the agency's own delay (issue 15).
        if (r.status === 'SUPPLEMENT_REQUESTED') c.openWaitingCitizen++;
        else if (r.due_at && r.due_at.getTime() < now.getTime()) c.openOverdue++;
      }
    }
    return c;
  }

  it('reads the same summary from the summary rows as a direct count over the dossiers', async () => {
    const admin = await createUser(t.ds, { roles: ['ADMIN'] });
    const reports = t.app.get(ReportsService);
    const [agency] = rows.map((r) => r.agency_code).sort();
    const [sector] = rows.map((r) => r.sector_code).sort();
    const cases: { query: Record<string, string>; keep: (r: Row) => boolean }[] = [
      { query: { from: '2025-11-01', to: '2026-11-30' }, keep: () => true },
      { query: { from: '2026-03-01', to: '2026-03-31' }, keep: () => true },
      { query: { from: '2026-01-01', to: '2026-11-27', agencyCode: agency }, keep: (r) => r.agency_code === agency },
      { query: { from: '2026-01-01', to: '2026-06-30', sectorCode: sector }, keep: (r) => r.sector_code === sector },
    ];
    for (const { query, keep } of cases) {
      const summary = await reports.summary(admin, query);
      expect(summary).toEqual(reportSummary(query.from, query.to, direct(query.from, query.to, keep)));
    }
    expect((await reports.summary(admin, cases[0].query)).received).toBeGreaterThan(2500);
  });
});
