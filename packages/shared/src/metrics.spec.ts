import fc from 'fast-check';
import {
  isDigitised,
  isEndToEnd,
  addCounts,
  breakdownQuerySchema,
  isSatisfied,
  monthsOf,
  publicStatsQuerySchema,
  rate,
  reportQuerySchema,
  reportSummary,
  resolveReportPeriod,
  SCORECARD_766,
  scorecard766,
  summaryFigures,
  ZERO_COUNTS,
  type SummaryCounts,
} from './metrics.js';
import { decidedOutcome, processingWorkingDays } from './dossier-clock.js';
import { WorkingCalendar } from './working-days.js';

const counts = (c: Partial<SummaryCounts>): SummaryCounts => ({ ...ZERO_COUNTS, ...c });

describe('rate', () => {
  it('is null when the denominator is 0, never a bare 0', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
  });

  it('is numerator over denominator', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
  });

  it('stays in [0, 1] for any counts', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (n, d) => {
        const r = rate(Math.min(n, d), d);
        return d === 0 ? r === null : r !== null && r >= 0 && r <= 1;
      }),
    );
  });
});

describe('summaryFigures', () => {
  it('computes every figure of api.md from the counts', () => {
    const s = summaryFigures(
      counts({
        received: 10,
        receivedOnline: 6,
        receivedFull: 5,
        receivedFullOnline: 4,
        decided: 8,
        decidedEarly: 3,
        decidedOnTime: 3,
        decidedLate: 2,
        processingDaysSum: 21,
        returned: 7,
        returnedFull: 4,
        returnedEndToEnd: 3,
        returnedDigitised: 2,
        ratings: 4,
        ratingsSatisfied: 3,
        feePaid: 5,
        feePaidOnline: 2,
        apologiesIssued: 3,
        apologiesAutomatic: 1,
        open: 4,
        openOverdue: 1,
        openWaitingCitizen: 2,
      }),
    );
    expect(s).toEqual({
      received: 10,
      online: { count: 6, rate: 0.6 },
      fullProcess: { total: 5, online: 4, rate: 0.8 },
      decided: 8,
      onTime: { count: 6, rate: 0.75 },
      late: 2,
      openOverdue: 1,
      avgProcessingDays: 2.63,
      satisfaction: { ratings: 4, satisfied: 3, rate: 0.75 },
      payment: { paid: 5, online: 2, rate: 0.4 },
      early: 3,
      returned: 7,
      open: { total: 4, overdue: 1, rate: 0.25, waitingCitizen: 2 },
      endToEnd: { total: 4, count: 3, rate: 0.75 },
      digitised: { total: 7, count: 2, rate: 2 / 7 },
      apologies: { issued: 3, automatic: 1 },
    });
  });

  it('gives zero counts and null rates for an empty period', () => {
    const s = reportSummary('2026-01-01', '2026-01-31', ZERO_COUNTS);
    expect(s).toMatchObject({
      from: '2026-01-01',
      to: '2026-01-31',
      received: 0,
      online: { count: 0, rate: null },
      fullProcess: { total: 0, online: 0, rate: null },
      onTime: { count: 0, rate: null },
      avgProcessingDays: null,
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      payment: { paid: 0, online: 0, rate: null },
      open: { total: 0, overdue: 0, rate: null },
    });
  });

  it('adds counts field by field', () => {
    expect(addCounts(counts({ received: 1, open: 2 }), counts({ received: 3, decided: 1 }))).toEqual(
      counts({ received: 4, open: 2, decided: 1 }),
    );
  });
});

describe('per-dossier rules', () => {
  const cal = new WorkingCalendar([{ date: '2026-12-01', kind: 'HOLIDAY' }]);
  // Due Friday 2026-11-27 17:00 local = 10:00Z.
  const due = new Date('2026-11-27T10:00:00Z');

  it('classes a decision before the due day as early, on it as on time, after dueAt as late', () => {
    expect(decidedOutcome(new Date('2026-11-26T08:00:00Z'), due)).toBe('EARLY');
    expect(decidedOutcome(new Date('2026-11-27T02:00:00Z'), due)).toBe('ON_TIME');
    expect(decidedOutcome(new Date('2026-11-27T10:00:00Z'), due)).toBe('ON_TIME');
    expect(decidedOutcome(new Date('2026-11-27T10:00:01Z'), due)).toBe('LATE');
  });

  it('counts processing working days from the receipt day (17:00 cut-off) to the decision day', () => {
    // Received Thursday 26/11 09:00 local, decided the same day: 0.
    expect(processingWorkingDays(new Date('2026-11-26T02:00:00Z'), new Date('2026-11-26T08:00:00Z'), cal)).toBe(0);
    // Received Thursday 09:00, decided Wednesday 2/12: Fri, Mon, (Tue 1/12 holiday), Wed = 3.
    expect(processingWorkingDays(new Date('2026-11-26T02:00:00Z'), new Date('2026-12-02T03:00:00Z'), cal)).toBe(3);
    // Received Thursday 18:00 local counts from Friday: decided Friday = 0, Monday = 1.
    expect(processingWorkingDays(new Date('2026-11-26T11:00:00Z'), new Date('2026-11-27T03:00:00Z'), cal)).toBe(0);
    expect(processingWorkingDays(new Date('2026-11-26T11:00:00Z'), new Date('2026-11-30T03:00:00Z'), cal)).toBe(1);
    // Received Thursday 18:00, decided Thursday 19:00: never negative.
    expect(processingWorkingDays(new Date('2026-11-26T11:00:00Z'), new Date('2026-11-26T12:00:00Z'), cal)).toBe(0);
  });

  it('counts 4 and 5 as satisfied', () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });
});

describe('report periods', () => {
  it('defaults to the year of today up to today', () => {
    expect(resolveReportPeriod({}, '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-11-27' });
    expect(resolveReportPeriod({ to: '2025-03-31' }, '2026-11-27')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(resolveReportPeriod({ from: '2026-06-01' }, '2026-11-27')).toEqual({ from: '2026-06-01', to: '2026-11-27' });
  });

  it('refuses to before from, naming `to`', () => {
    expect(resolveReportPeriod({ from: '2026-02-01', to: '2026-01-31' }, '2026-11-27')).toEqual({
      errors: [{ field: 'to', kind: 'beforeFrom', message: 'Must not be before from' }],
    });
  });

  it('bounds every report range: 2000-01-01 to one year after today, under 10 years, at most 120 months', () => {
    const kinds = (q: { from?: string; to?: string }) => {
      const r = resolveReportPeriod(q, '2026-11-27');
      return 'errors' in r ? r.errors.map((e) => `${e.field}:${e.kind}`) : [];
    };
    expect(kinds({ to: '9999-12-31' })).toEqual(['to:tooLate']);
    expect(kinds({ to: '2027-11-27' })).toEqual([]);
    expect(kinds({ to: '2027-11-28' })).toEqual(['to:tooLate']);
    expect(kinds({ from: '1999-12-31', to: '2000-01-31' })).toEqual(['from:tooEarly']);
    expect(kinds({ from: '2026-02-30' })).toEqual(['from:invalid']);
    // Only `from` given: `to` is today, and the span error names `from`.
    expect(kinds({ from: '2000-01-01' })).toEqual(['from:tooLong']);
    expect(kinds({ from: '2010-01-01', to: '2020-06-30' })).toEqual(['to:tooLong']);
    expect(kinds({ from: '2015-01-01', to: '2024-12-31' })).toEqual([]);
    // Under ten years, but 121 month buckets (January 2015 to January 2025).
    expect(kinds({ from: '2015-01-15', to: '2025-01-14' })).toEqual(['to:tooManyMonths']);
  });

  it('validates the report query', () => {
    expect(
      reportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-12-31', agencyCode: '000.30.01.H17' }).success,
    ).toBe(true);
    const bad = reportQuerySchema.safeParse({ from: '2026-02-30', to: 'x', agencyCode: 'bad code' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['agencyCode', 'from', 'to']);
    const reversed = reportQuerySchema.safeParse({ from: '2026-05-01', to: '2026-04-01' });
    expect(reversed.error!.issues.map((i) => i.path.join('.'))).toEqual(['to']);
    // Year 9999 alone is refused at the schema, before any database work.
    const farFuture = publicStatsQuerySchema.safeParse({ to: '9999-12-31', by: 'month' });
    expect(farFuture.error!.issues.map((i) => i.path.join('.'))).toEqual(['to']);
  });

  it('requires `by` for a breakdown and limits the public breakdowns', () => {
    expect(breakdownQuerySchema.safeParse({}).success).toBe(false);
    expect(breakdownQuerySchema.safeParse({ by: 'procedure' }).success).toBe(true);
    expect(breakdownQuerySchema.safeParse({ by: 'user' }).success).toBe(false);
    expect(publicStatsQuerySchema.safeParse({ by: 'procedure' }).success).toBe(false);
    expect(publicStatsQuerySchema.safeParse({ by: 'month' }).success).toBe(true);
  });

  it('lists the months a period touches', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsOf('2000-01-01', '9999-12-31')).toHaveLength(120);
  });
});

describe('Decision 766 scorecard', () => {
  it('has the five groups weighing 100 points', () => {
    expect(SCORECARD_766.map((g) => [g.key, g.maxPoints])).toEqual([
      ['PUBLICITY', 18],
      ['PROGRESS', 20],
      ['DIGITISATION', 22],
      ['ONLINE_SERVICE', 22],
      ['SATISFACTION', 18],
    ]);
    expect(SCORECARD_766.reduce((s, g) => s + g.maxPoints, 0)).toBe(100);
  });

  it('scores each group from the rates that feed it, weighted', () => {
    const card = scorecard766(
      summaryFigures(
        counts({
          received: 10,
          receivedOnline: 5,
          receivedFull: 4,
          receivedFullOnline: 2,
          decided: 4,
          decidedOnTime: 4,
          returned: 4,
          returnedDigitised: 1,
          ratings: 2,
          ratingsSatisfied: 1,
          open: 2,
          openOverdue: 1,
        }),
      ),
    );
    const points = Object.fromEntries(
      card.groups.map((g) => [g.key, g.score.kind === 'scored' ? g.score.points : g.score.kind]),
    );
    expect(points).toEqual({
      PUBLICITY: 18,
      // 20 × (3 × 1 + 1 × 0.5) / 4
      PROGRESS: 17.5,
      DIGITISATION: 5.5,
      // payment has no denominator: 22 × (5 × 0.5 + 3 × 0.5) / 8
      ONLINE_SERVICE: 11,
      SATISFACTION: 9,
    });
    expect(card.total).toEqual({ kind: 'scored', points: 61, maxPoints: 100 });
  });

  it('scores online services with the end-to-end rate too, once FULL dossiers were returned', () => {
    const base = { received: 10, receivedOnline: 5, receivedFull: 4, receivedFullOnline: 2, returned: 4 };
    const card = scorecard766(summaryFigures(counts({ ...base, returnedFull: 4, returnedEndToEnd: 3 })));
    const online = card.groups.find((g) => g.key === 'ONLINE_SERVICE')!;
    expect(online.inputs.find((i) => i.input === 'endToEnd')).toEqual({ input: 'endToEnd', weight: 5, rate: 0.75 });
    // 22 × (5 × 0.5 + 5 × 0.75 + 3 × 0.5) / 13
    expect(online.score).toMatchObject({ kind: 'scored', points: 13.12 });
  });

  it('says no data, never full points, when none of a group’s rates has a denominator', () => {
    const card = scorecard766(summaryFigures(ZERO_COUNTS));
    expect(card.groups.map((g) => g.score.kind)).toEqual(['noData', 'noData', 'noData', 'noData', 'noData']);
    expect(card.total).toEqual({ kind: 'noData', maxPoints: 0 });
  });

  it('does not score progress from open dossiers alone (issue 16: 20/20 with nothing decided)', () => {
    // Nothing received or decided in the period; two dossiers open now, none overdue.
    const card = scorecard766(summaryFigures(counts({ open: 2, openOverdue: 0 })));
    const progress = card.groups.find((g) => g.key === 'PROGRESS')!;
    expect(progress.score).toEqual({ kind: 'noData', maxPoints: 20 });
    expect(progress.inputs.map((i) => i.rate)).toEqual([null, 1]);
    expect(card.total.kind).toBe('noData');
    // Once something is decided, the open figure weighs in again: 20 × (3 × 0 + 1 × 1) / 4.
    const decided = scorecard766(summaryFigures(counts({ decided: 1, decidedLate: 1, open: 2 })));
    expect(decided.groups.find((g) => g.key === 'PROGRESS')!.score).toEqual({
      kind: 'scored',
      points: 5,
      maxPoints: 20,
    });
  });

  it('scores the other groups and totals only the scored ones when some have no data', () => {
    const card = scorecard766(summaryFigures(counts({ received: 4, receivedOnline: 1 })));
    expect(card.groups.map((g) => g.score.kind)).toEqual(['scored', 'noData', 'noData', 'scored', 'noData']);
    // PUBLICITY 18, ONLINE_SERVICE 22 × 0.25 (only `online` known) = 5.5.
    expect(card.total).toEqual({ kind: 'scored', points: 23.5, maxPoints: 40 });
  });
});

describe('end-to-end online (api.md, End-to-end figures)', () => {
  const full = {
    channel: 'ONLINE',
    onlineLevel: 'FULL',
    feeStatus: 'NONE',
    feePaidOnline: null,
    deliveryMethod: 'ELECTRONIC',
    resultSigned: true,
    requiredDocumentsStored: true,
  };
  it('holds only for ONLINE, FULL, fee none or paid online, signed, delivered ELECTRONIC or POSTAL', () => {
    expect(isEndToEnd(full)).toBe(true);
    expect(isEndToEnd({ ...full, deliveryMethod: 'POSTAL' })).toBe(true);
    expect(isEndToEnd({ ...full, feeStatus: 'PAID', feePaidOnline: true })).toBe(true);
    expect(isEndToEnd({ ...full, feeStatus: 'PAID', feePaidOnline: false })).toBe(false);
    expect(isEndToEnd({ ...full, feeStatus: 'UNPAID' })).toBe(false);
    expect(isEndToEnd({ ...full, feeStatus: 'REFUND_DUE', feePaidOnline: true })).toBe(false);
    expect(isEndToEnd({ ...full, channel: 'COUNTER' })).toBe(false);
    expect(isEndToEnd({ ...full, onlineLevel: 'PARTIAL' })).toBe(false);
    expect(isEndToEnd({ ...full, resultSigned: false })).toBe(false);
    expect(isEndToEnd({ ...full, deliveryMethod: 'COUNTER' })).toBe(false);
  });
  it('digitised: a signed result and every required document stored as a file, whatever the channel', () => {
    expect(isDigitised(full)).toBe(true);
    expect(isDigitised({ ...full, requiredDocumentsStored: false })).toBe(false);
    expect(isDigitised({ ...full, resultSigned: false })).toBe(false);
  });
});
