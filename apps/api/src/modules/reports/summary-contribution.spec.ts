import type { DossierSnapshot } from '../dossiers/dossiers.types.js';
import { NO_DUE_AT, SummaryDelta } from './summary-contribution.js';

const base: DossierSnapshot = {
  id: 'd1',
  code: 'A-261102-0001',
  status: 'SUBMITTED',
  channel: 'ONLINE',
  agencyCode: 'A',
  procedureCode: 'P',
  procedureVersion: 1,
  sectorCode: 'S',
  onlineLevel: 'FULL',
  processingDays: 3,
  fee: 0,
  feePaidAt: null,
  feePaidOnline: null,
  feeStatus: 'NONE',
  applicantId: 'u1',
  assigneeId: null,
  submittedAt: new Date('2026-11-02T01:00:00Z'),
  receivedAt: null,
  dueAt: null,
  completedAt: null,
  returnedAt: null,
  supplementRequestedAt: null,
  pausedWorkingDays: 0,
  decidedOutcome: null,
  processingWorkingDays: null,
  endToEnd: null,
  digitised: null,
  appointmentAt: null,
};
const key = { agencyCode: 'A', procedureCode: 'P', channel: 'ONLINE', sectorCode: 'S', onlineLevel: 'FULL' };
const received = {
  ...base,
  status: 'RECEIVED' as const,
  receivedAt: new Date('2026-11-02T02:00:00Z'),
  dueAt: new Date('2026-11-05T10:00:00Z'),
};

describe('summary contribution of a change', () => {
  it('moves an open dossier from "not received" to its due time on receipt, and counts the receipt', () => {
    const delta = new SummaryDelta().addDossier(base, -1).addDossier(received, 1);
    expect(delta.dailyRows()).toEqual([
      {
        key: { day: '2026-11-02', ...key },
        counters: expect.objectContaining({ received: 1, decided: 0, feePaid: 0 }),
      },
    ]);
    expect(delta.openRows()).toEqual([
      { key: { ...key, status: 'RECEIVED', dueAt: '2026-11-05T10:00:00.000Z' }, count: 1 },
      { key: { ...key, status: 'SUBMITTED', dueAt: NO_DUE_AT }, count: -1 },
    ]);
  });

  it('counts a decision on its own day with its stored outcome and processing days, and leaves the open rows', () => {
    const decided = {
      ...received,
      status: 'APPROVED' as const,
      completedAt: new Date('2026-11-06T02:00:00Z'),
      decidedOutcome: 'LATE' as const,
      processingWorkingDays: 4,
    };
    const pending = { ...received, status: 'PENDING_APPROVAL' as const };
    const delta = new SummaryDelta().addDossier(pending, -1).addDossier(decided, 1);
    expect(delta.dailyRows()).toEqual([
      {
        key: { day: '2026-11-06', ...key },
        counters: expect.objectContaining({ decided: 1, decidedLate: 1, decidedEarly: 0, processingDaysSum: 4 }),
      },
    ]);
    expect(delta.openRows()).toEqual([
      { key: { ...key, status: 'PENDING_APPROVAL', dueAt: '2026-11-05T10:00:00.000Z' }, count: -1 },
    ]);
  });

  it('is empty for a change that counts nothing (an assignment keeps the dossier open, due the same)', () => {
    const before = { ...received, status: 'IN_PROCESSING' as const };
    const after = { ...before, assigneeId: 'o1' };
    expect(new SummaryDelta().addDossier(before, -1).addDossier(after, 1).isEmpty()).toBe(true);
  });

  it('counts a paid fee with the receipt, and a rating on the receipt day', () => {
    const paid = {
      ...received,
      fee: 20_000,
      feePaidAt: received.receivedAt,
      feePaidOnline: true,
      feeStatus: 'PAID' as const,
    };
    const rows = new SummaryDelta().addDossier(paid, 1).addRating(paid, 4).dailyRows();
    expect(rows[0].counters).toMatchObject({
      received: 1,
      feePaid: 1,
      feePaidOnline: 1,
      ratings: 1,
      ratingsSatisfied: 1,
      ratingScoreSum: 4,
    });
  });

  it('takes a fee owed back out of the payment counters (REFUND_DUE, REFUNDED), keeping the receipt', () => {
    const paid = {
      ...received,
      fee: 20_000,
      feePaidAt: received.receivedAt,
      feePaidOnline: true,
      feeStatus: 'PAID' as const,
    };
    for (const feeStatus of ['REFUND_DUE', 'REFUNDED'] as const) {
      const rows = new SummaryDelta()
        .addDossier(paid, -1)
        .addDossier({ ...paid, feeStatus }, 1)
        .dailyRows();
      expect(rows).toHaveLength(1);
      expect(rows[0].counters).toMatchObject({ received: 0, feePaid: -1, feePaidOnline: -1 });
    }
  });

  it('reads the time facts the transition stored, never the calendar (a changed fact changes the count)', () => {
    const decided = {
      ...received,
      status: 'RETURNED' as const,
      completedAt: received.dueAt,
      returnedAt: received.dueAt,
      decidedOutcome: 'EARLY' as const,
      processingWorkingDays: 7,
    };
    const row = new SummaryDelta()
      .addDossier(decided, 1)
      .dailyRows()
      .find((r) => r.counters.decided === 1);
    expect(row?.counters).toMatchObject({ decided: 1, decidedEarly: 1, decidedOnTime: 0, processingDaysSum: 7 });
  });
});
