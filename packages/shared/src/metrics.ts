import { z } from 'zod';
import { agencyCodeSchema, procedureCodeSchema, sectorCodeSchema } from './catalog.js';
import { toLocalDate } from './dossier-clock.js';
import { resolveReportPeriod } from './report-period.js';
import { summaryFigures, type SummaryCounts } from './summary-figures.js';

// The period rule, the months of a period, the Decision 766 scorecard and the figures from counts
// need no zod: they live in report-period.ts, scorecard.ts and summary-figures.ts (the dashboard
// reads them alone) and are re-exported here.
export * from './report-period.js';
export * from './scorecard.js';
export * from './summary-figures.js';

/**
 * The manager's scorecard (domain.md, "Metrics"; api.md, "Reports"): the formulas as pure
 * functions over summary counts, the response shapes, and the report query parameters.
 *
 * Date bases (domain.md): a period [from, to] counts dossiers by their RECEIPT date (received,
 * online, full-process, ratings, payments), except the decided figures (on-time, late, average
 * processing time), which count dossiers DECIDED in the period. Open and overdue dossiers are
 * counted "now", whatever the period.
 */

const rateSchema = z.number().min(0).max(1).nullable();

/** The figures of a period (api.md), each rate with its numerator and denominator. */
export const summaryFiguresSchema = z.object({
  /** Dossiers received in the period. */
  received: z.number().int(),
  /** Received with channel ONLINE, over all received. */
  online: z.object({ count: z.number().int(), rate: rateSchema }),
  /** Of the received dossiers of FULL procedures (`total`), those filed ONLINE. */
  fullProcess: z.object({ total: z.number().int(), online: z.number().int(), rate: rateSchema }),
  /** Dossiers decided (APPROVED or REJECTED) in the period. */
  decided: z.number().int(),
  /** Decided EARLY or ON_TIME, over all decided in the period. */
  onTime: z.object({ count: z.number().int(), rate: rateSchema }),
  late: z.number().int(),
  /** Open dossiers past their due time, now. */
  openOverdue: z.number().int(),
  /** Mean working days from receipt to decision of the dossiers decided in the period; null when none. */
  avgProcessingDays: z.number().nullable(),
  /** Ratings of 4 or 5 over all ratings (of dossiers received in the period). */
  satisfaction: z.object({ ratings: z.number().int(), satisfied: z.number().int(), rate: rateSchema }),
  /** Of the received dossiers whose fee was paid (`paid`), those paid online. */
  payment: z.object({ paid: z.number().int(), online: z.number().int(), rate: rateSchema }),
  // ---- Beyond api.md (the team's additions) ----
  /** Decided EARLY (part of onTime.count). */
  early: z.number().int(),
  /** Results returned in the period. */
  returned: z.number().int(),
  /** domain.md's "overdue open" as a fraction: overdue over all open dossiers, now. */
  open: z.object({
    total: z.number().int(),
    overdue: z.number().int(),
    rate: rateSchema,
    /** Of them, waiting for the citizen (SUPPLEMENT_REQUESTED): the citizen's delay, not the agency's. */
    waitingCitizen: z.number().int(),
  }),
  /** api.md, End-to-end figures: of the dossiers of FULL versions returned in the period (`total`), those end-to-end online. */
  endToEnd: z.object({ total: z.number().int(), count: z.number().int(), rate: rateSchema }),
  /**
   * Of the dossiers returned in the period (`total`), those digitised: a signed result file and an
   * uploaded file for every required document (domain.md, "Digitised").
   */
  digitised: z.object({ total: z.number().int(), count: z.number().int(), rate: rateSchema }),
  /** api.md, End-to-end figures: apology letters issued in the period, and those issued by the system. */
  apologies: z.object({ issued: z.number().int(), automatic: z.number().int() }),
});
export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

export const reportSummarySchema = z.object({ from: z.string(), to: z.string() }).extend(summaryFiguresSchema.shape);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

// ---- Per-dossier rules the summary rows are built from ----
// decidedOutcome and processingWorkingDays live in dossier-clock.ts (they read the zone and cut-off).

/** A rating counts as satisfied at 4 or 5 (domain.md). */
export function isSatisfied(score: number): boolean {
  return score >= 4;
}

// ---- Breakdown, public stats ----

export const BREAKDOWN_KEYS = ['agency', 'sector', 'procedure', 'month'] as const;
export type BreakdownBy = (typeof BREAKDOWN_KEYS)[number];
export const PUBLIC_BREAKDOWN_KEYS = ['agency', 'sector', 'month'] as const;
export type PublicBreakdownBy = (typeof PUBLIC_BREAKDOWN_KEYS)[number];

/**
 * One row of a breakdown: `key` is the agency, sector or procedure code, or `YYYY-MM`. For a month
 * row, openOverdue (a "now" figure) counts the dossiers overdue now whose due date fell in it.
 */
export const breakdownRowSchema = z.object({ key: z.string(), label: z.string() }).extend(summaryFiguresSchema.shape);
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(BREAKDOWN_KEYS),
  rows: z.array(breakdownRowSchema),
});
export type BreakdownResponse = z.infer<typeof breakdownResponseSchema>;

/** GET /public/stats: aggregate figures only (open data), never a dossier or a person. */
export const publicStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(PUBLIC_BREAKDOWN_KEYS).nullable(),
  summary: summaryFiguresSchema,
  rows: z.array(breakdownRowSchema),
  generatedAt: z.string(),
});
export type PublicStats = z.infer<typeof publicStatsSchema>;

/** A breakdown row from its key, label and counts. */
export function breakdownRow(key: string, label: string, c: SummaryCounts): BreakdownRow {
  return { key, label, ...summaryFigures(c) };
}

/**
 * The period rule at the schema, so a bad range is a 400 before any database work. "Today" is
 * the machine's, in Vietnam; the API applies the same rule again with its clock.
 */
function checkPeriod(q: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx): void {
  // A non-string end (a repeated parameter) already has its issue from the shape.
  if (![q.from, q.to].every((v) => v === undefined || typeof v === 'string')) return;
  const r = resolveReportPeriod(q as { from?: string; to?: string }, toLocalDate(new Date()));
  if ('errors' in r) for (const e of r.errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
}

/** The range every report shares; checkPeriod checks `from` and `to` (format, bounds, span). */
const reportRangeShape = {
  from: z.string().optional(),
  to: z.string().optional(),
};

const reportFilterShape = {
  ...reportRangeShape,
  agencyCode: agencyCodeSchema.optional(),
  sectorCode: sectorCodeSchema.optional(),
  procedureCode: procedureCodeSchema.optional(),
};

/** Query strings are not strict: an unknown parameter (a cache-buster) is ignored. */
export const reportQuerySchema = z.object(reportFilterShape).superRefine(checkPeriod);
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const breakdownQuerySchema = z
  .object({ ...reportFilterShape, by: z.enum(BREAKDOWN_KEYS) })
  .superRefine(checkPeriod);
export type BreakdownQuery = z.output<typeof breakdownQuerySchema>;

export const publicStatsQuerySchema = z
  .object({ ...reportRangeShape, by: z.enum(PUBLIC_BREAKDOWN_KEYS).optional() })
  .superRefine(checkPeriod);
export type PublicStatsQuery = z.output<typeof publicStatsQuerySchema>;

// ---- End-to-end online and digitised (api.md, "End-to-end figures"; domain.md) ----

/** What `endToEnd` and `digitised` are decided from, at return_result. */
export interface ReturnFacts {
  channel: string;
  /** The procedure VERSION's online level, copied on the dossier when it was created. */
  onlineLevel: string;
  feeStatus: string;
  feePaidOnline: boolean | null;
  deliveryMethod: string;
  /** The dossier has a result document signed by the agency (dossier_result.signed). */
  resultSigned: boolean;
  /** Every document the version requires has an uploaded attachment (a stored file, by sha256). */
  requiredDocumentsStored: boolean;
}

/**
 * End-to-end online ("toàn trình"): filed ONLINE under a FULL version, fee none or paid online,
 * result signed and delivered ELECTRONIC or POSTAL.
 */
export function isEndToEnd(f: ReturnFacts): boolean {
  const feeOk = f.feeStatus === 'NONE' || (f.feeStatus === 'PAID' && f.feePaidOnline === true);
  return (
    f.channel === 'ONLINE' &&
    f.onlineLevel === 'FULL' &&
    feeOk &&
    f.resultSigned &&
    (f.deliveryMethod === 'ELECTRONIC' || f.deliveryMethod === 'POSTAL')
  );
}

/** Digitised: every required document stored as an uploaded file and the result a signed electronic file. */
export function isDigitised(f: Pick<ReturnFacts, 'resultSigned' | 'requiredDocumentsStored'>): boolean {
  return f.resultSigned && f.requiredDocumentsStored;
}
