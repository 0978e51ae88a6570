import { isSatisfied, OPEN_STATUSES, toLocalDate, type DossierStatus } from '@motcua/shared';
import type { DossierSnapshot } from '../dossiers/dossiers.types.js';

/**
 * What one dossier adds to the summary tables, as a pure function of its snapshot. The
 * in-transaction upkeep applies contribution(after) − contribution(before) on each change; the
 * rebuild SQL (summary-rebuild.ts) computes the same sums over `dossier` in one pass. Both read the
 * decision's time facts (decided_outcome, processing_working_days) that the transition stored from
 * dossierClock, so neither knows the calendar; a test holds them equal.
 */

/** Decided: APPROVED or REJECTED (the decision), and RETURNED after either. */
export const DECIDED_STATUSES: readonly DossierStatus[] = ['APPROVED', 'REJECTED', 'RETURNED'];
const OPEN: readonly DossierStatus[] = OPEN_STATUSES;

/** The due time stored for an open dossier that has none yet (not received): never overdue. */
export const NO_DUE_AT = 'infinity';

export interface DailyKey {
  day: string;
  agencyCode: string;
  procedureCode: string;
  channel: string;
  sectorCode: string;
  onlineLevel: string;
}

export interface DailyCounters {
  received: number;
  decided: number;
  decidedEarly: number;
  decidedOnTime: number;
  decidedLate: number;
  processingDaysSum: number;
  returned: number;
  ratings: number;
  ratingsSatisfied: number;
  ratingScoreSum: number;
  feePaid: number;
  feePaidOnline: number;
  /** Returned dossiers (on their return day) that were end-to-end online, and digitised. */
  returnedEndToEnd: number;
  returnedDigitised: number;
  /** Apology letters issued that day (api.md, End-to-end figures), and those the system issued. */
  apologiesIssued: number;
  apologiesAutomatic: number;
}

/** The facts of a dossier its contribution reads (a transition's snapshot, or the report view's row). */
export type CountedFacts = Pick<
  DossierSnapshot,
  | 'status'
  | 'channel'
  | 'agencyCode'
  | 'procedureCode'
  | 'sectorCode'
  | 'onlineLevel'
  | 'fee'
  | 'feePaidAt'
  | 'feePaidOnline'
  | 'feeStatus'
  | 'receivedAt'
  | 'dueAt'
  | 'completedAt'
  | 'returnedAt'
  | 'decidedOutcome'
  | 'processingWorkingDays'
  | 'endToEnd'
  | 'digitised'
>;

export const DAILY_COUNTERS: readonly (keyof DailyCounters)[] = [
  'received',
  'decided',
  'decidedEarly',
  'decidedOnTime',
  'decidedLate',
  'processingDaysSum',
  'returned',
  'ratings',
  'ratingsSatisfied',
  'ratingScoreSum',
  'feePaid',
  'feePaidOnline',
  'returnedEndToEnd',
  'returnedDigitised',
  'apologiesIssued',
  'apologiesAutomatic',
];

export interface OpenKey {
  agencyCode: string;
  procedureCode: string;
  channel: string;
  sectorCode: string;
  onlineLevel: string;
  status: string;
  /** ISO time, or NO_DUE_AT. */
  dueAt: string;
}

const zeroCounters = (): DailyCounters => ({
  received: 0,
  decided: 0,
  decidedEarly: 0,
  decidedOnTime: 0,
  decidedLate: 0,
  processingDaysSum: 0,
  returned: 0,
  ratings: 0,
  ratingsSatisfied: 0,
  ratingScoreSum: 0,
  feePaid: 0,
  feePaidOnline: 0,
  returnedEndToEnd: 0,
  returnedDigitised: 0,
  apologiesIssued: 0,
  apologiesAutomatic: 0,
});

const dailyKeyOf = (s: CountedFacts, at: Date): DailyKey => ({
  day: toLocalDate(at),
  agencyCode: s.agencyCode,
  procedureCode: s.procedureCode,
  channel: s.channel,
  sectorCode: s.sectorCode,
  onlineLevel: s.onlineLevel,
});

const keyString = (k: DailyKey | OpenKey): string => JSON.stringify(Object.values(k));

/** Whether the snapshot counts as decided (its outcome and processing days are counted). */
export function isDecided(s: Pick<DossierSnapshot, 'status' | 'completedAt'>): boolean {
  return s.completedAt !== null && DECIDED_STATUSES.includes(s.status);
}

/**
 * A fee counts as paid while it is kept: one owed back or given back (REFUND_DUE, REFUNDED) leaves
 * the payment counters (api.md, End-to-end figures: `payment` counts real payments).
 */
export function isCountedPaid(s: Pick<CountedFacts, 'fee' | 'feePaidAt' | 'feeStatus'>): boolean {
  return s.fee > 0 && s.feePaidAt !== null && s.feeStatus !== 'REFUND_DUE' && s.feeStatus !== 'REFUNDED';
}

/** Changes to the summary rows, merged by key (one upsert per key, in a stable order). */
export class SummaryDelta {
  private readonly daily = new Map<string, { key: DailyKey; counters: DailyCounters }>();
  private readonly open = new Map<string, { key: OpenKey; count: number }>();

  /** Add (sign 1) or take away (sign −1) a dossier's contribution. */
  addDossier(s: CountedFacts, sign: 1 | -1): this {
    if (s.receivedAt) {
      const paid = isCountedPaid(s);
      this.addDaily(dailyKeyOf(s, s.receivedAt), sign, {
        received: 1,
        feePaid: paid ? 1 : 0,
        feePaidOnline: paid && s.feePaidOnline === true ? 1 : 0,
      });
    }
    if (isDecided(s)) {
      // A decided row without its facts (none is written so) counts ON_TIME and 0 days, as the rebuild does.
      const outcome = s.decidedOutcome ?? 'ON_TIME';
      this.addDaily(dailyKeyOf(s, s.completedAt!), sign, {
        decided: 1,
        decidedEarly: outcome === 'EARLY' ? 1 : 0,
        decidedOnTime: outcome === 'ON_TIME' ? 1 : 0,
        decidedLate: outcome === 'LATE' ? 1 : 0,
        processingDaysSum: s.processingWorkingDays ?? 0,
      });
    }
    if (s.returnedAt) {
      this.addDaily(dailyKeyOf(s, s.returnedAt), sign, {
        returned: 1,
        returnedEndToEnd: s.endToEnd === true ? 1 : 0,
        returnedDigitised: s.digitised === true ? 1 : 0,
      });
    }
    if (OPEN.includes(s.status)) {
      const key: OpenKey = {
        agencyCode: s.agencyCode,
        procedureCode: s.procedureCode,
        channel: s.channel,
        sectorCode: s.sectorCode,
        onlineLevel: s.onlineLevel,
        status: s.status,
        dueAt: s.dueAt ? s.dueAt.toISOString() : NO_DUE_AT,
      };
      const id = keyString(key);
      const entry = this.open.get(id) ?? { key, count: 0 };
      entry.count += sign;
      this.open.set(id, entry);
    }
    return this;
  }

  /** An apology letter, counted on the local day it was issued (an event, never taken back). */
  addApology(s: CountedFacts, at: Date, automatic: boolean): this {
    this.addDaily(dailyKeyOf(s, at), 1, { apologiesIssued: 1, apologiesAutomatic: automatic ? 1 : 0 });
    return this;
  }

  /** A rating, counted on the day the dossier was received (domain.md: the period is by receipt date). */
  addRating(s: DossierSnapshot, score: number): this {
    if (s.receivedAt) {
      this.addDaily(dailyKeyOf(s, s.receivedAt), 1, {
        ratings: 1,
        ratingsSatisfied: isSatisfied(score) ? 1 : 0,
        ratingScoreSum: score,
      });
    }
    return this;
  }

  /** Daily changes that are not all zero, sorted by key (a stable lock order between transactions). */
  dailyRows(): { key: DailyKey; counters: DailyCounters }[] {
    return [...this.daily.entries()]
      .filter(([, v]) => DAILY_COUNTERS.some((c) => v.counters[c] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }

  openRows(): { key: OpenKey; count: number }[] {
    return [...this.open.entries()]
      .filter(([, v]) => v.count !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }

  isEmpty(): boolean {
    return this.dailyRows().length === 0 && this.openRows().length === 0;
  }

  private addDaily(key: DailyKey, sign: 1 | -1, counters: Partial<DailyCounters>): void {
    const id = keyString(key);
    const entry = this.daily.get(id) ?? { key, counters: zeroCounters() };
    for (const [k, v] of Object.entries(counters) as [keyof DailyCounters, number][]) entry.counters[k] += sign * v;
    this.daily.set(id, entry);
  }
}
