import { round2 } from './scorecard.js';
// Types only (erased when compiled): the response shapes are zod schemas in metrics.ts, and this
// module must stay free of zod at run time.
import type { ReportSummary, SummaryFigures } from './metrics.js';

/**
 * The figures of a report from its summed counts (domain.md, "Metrics"; api.md, "Reports"), as pure
 * functions that need no zod: the API computes its answers with them, and the dashboard its
 * placeholder cards, without carrying zod (≈ 33 KiB gzipped) to the browser (issue 16, the front
 * end's budget). metrics.ts re-exports them with the schemas.
 */

/** numerator / denominator, in [0, 1]; null when the denominator is 0 (never a bare 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.min(1, Math.max(0, numerator / denominator));
}

/**
 * The counts a report sums from the daily summary rows (and the open-dossier counts), from
 * which every figure is computed. Names say the date basis: received* by receipt day, decided*
 * by decision day.
 */
export interface SummaryCounts {
  received: number;
  receivedOnline: number;
  /** Received dossiers of FULL-online procedures, and those of them filed ONLINE. */
  receivedFull: number;
  receivedFullOnline: number;
  decided: number;
  decidedEarly: number;
  decidedOnTime: number;
  decidedLate: number;
  /** Sum over decided dossiers of the working days from receipt to decision. */
  processingDaysSum: number;
  returned: number;
  /** Returned dossiers of FULL procedure versions, those end-to-end online, and the digitised ones (by return day). */
  returnedFull: number;
  returnedEndToEnd: number;
  returnedDigitised: number;
  ratings: number;
  ratingsSatisfied: number;
  /** Received dossiers with a fee that was paid, and those paid online. */
  feePaid: number;
  feePaidOnline: number;
  /** Apology letters issued in the period (by the letter's local day), and those the system issued. */
  apologiesIssued: number;
  apologiesAutomatic: number;
  /** Open dossiers now (OPEN_STATUSES), and those of them past their due time. */
  open: number;
  openOverdue: number;
  /** Open dossiers waiting for the citizen's supplement (their clock stopped: never overdue). */
  openWaitingCitizen: number;
}

export const ZERO_COUNTS: SummaryCounts = {
  received: 0,
  receivedOnline: 0,
  receivedFull: 0,
  receivedFullOnline: 0,
  decided: 0,
  decidedEarly: 0,
  decidedOnTime: 0,
  decidedLate: 0,
  processingDaysSum: 0,
  returned: 0,
  returnedFull: 0,
  returnedEndToEnd: 0,
  returnedDigitised: 0,
  ratings: 0,
  ratingsSatisfied: 0,
  feePaid: 0,
  feePaidOnline: 0,
  apologiesIssued: 0,
  apologiesAutomatic: 0,
  open: 0,
  openOverdue: 0,
  openWaitingCitizen: 0,
};

export function addCounts(a: SummaryCounts, b: SummaryCounts): SummaryCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof SummaryCounts)[]) out[k] = a[k] + b[k];
  return out;
}

/** Every figure of api.md from the summed counts. */
export function summaryFigures(c: SummaryCounts): SummaryFigures {
  const onTime = c.decidedEarly + c.decidedOnTime;
  return {
    received: c.received,
    online: { count: c.receivedOnline, rate: rate(c.receivedOnline, c.received) },
    fullProcess: {
      total: c.receivedFull,
      online: c.receivedFullOnline,
      rate: rate(c.receivedFullOnline, c.receivedFull),
    },
    decided: c.decided,
    onTime: { count: onTime, rate: rate(onTime, c.decided) },
    late: c.decidedLate,
    openOverdue: c.openOverdue,
    avgProcessingDays: c.decided > 0 ? round2(c.processingDaysSum / c.decided) : null,
    satisfaction: { ratings: c.ratings, satisfied: c.ratingsSatisfied, rate: rate(c.ratingsSatisfied, c.ratings) },
    payment: { paid: c.feePaid, online: c.feePaidOnline, rate: rate(c.feePaidOnline, c.feePaid) },
    early: c.decidedEarly,
    returned: c.returned,
    open: {
      total: c.open,
      overdue: c.openOverdue,
      rate: rate(c.openOverdue, c.open),
      waitingCitizen: c.openWaitingCitizen,
    },
    endToEnd: { total: c.returnedFull, count: c.returnedEndToEnd, rate: rate(c.returnedEndToEnd, c.returnedFull) },
    digitised: { total: c.returned, count: c.returnedDigitised, rate: rate(c.returnedDigitised, c.returned) },
    apologies: { issued: c.apologiesIssued, automatic: c.apologiesAutomatic },
  };
}

export function reportSummary(from: string, to: string, c: SummaryCounts): ReportSummary {
  return { from, to, ...summaryFigures(c) };
}
