import { z } from 'zod';
import { agencyCodeSchema, isoDateSchema, procedureCodeSchema, sectorCodeSchema } from './catalog.js';

/**
 * The manager's scorecard (domain.md, "Metrics"; api.md, "Reports"): the formulas as pure
 * functions over summary counts, the response shapes, and the report query parameters.
 *
 * Date bases (domain.md): a period [from, to] counts dossiers by their RECEIPT date (received,
 * online, full-process, ratings, payments), except the decided figures (on-time, late, average
 * processing time), which count dossiers DECIDED in the period. Open and overdue dossiers are
 * counted "now", whatever the period.
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
  /** Decided dossiers filed online under a FULL procedure (digitised proxy, see digitised below). */
  decidedDigitised: number;
  /** Sum over decided dossiers of the working days from receipt to decision. */
  processingDaysSum: number;
  returned: number;
  ratings: number;
  ratingsSatisfied: number;
  /** Received dossiers with a fee that was paid, and those paid online. */
  feePaid: number;
  feePaidOnline: number;
  /** Open dossiers now (OPEN_STATUSES), and those of them past their due time. */
  open: number;
  openOverdue: number;
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
  decidedDigitised: 0,
  processingDaysSum: 0,
  returned: 0,
  ratings: 0,
  ratingsSatisfied: 0,
  feePaid: 0,
  feePaidOnline: 0,
  open: 0,
  openOverdue: 0,
};

export function addCounts(a: SummaryCounts, b: SummaryCounts): SummaryCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof SummaryCounts)[]) out[k] = a[k] + b[k];
  return out;
}

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
  open: z.object({ total: z.number().int(), overdue: z.number().int(), rate: rateSchema }),
  /**
   * Digitised rate, estimated: decided dossiers filed online (every attachment electronic) under a
   * FULL procedure (result delivered electronically), over all decided. We store no paper-scan
   * flag, so counter dossiers count as not digitised.
   */
  digitised: z.object({ count: z.number().int(), rate: rateSchema }),
});
export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

export const reportSummarySchema = z.object({ from: z.string(), to: z.string() }).extend(summaryFiguresSchema.shape);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** Round to 2 decimals (a mean of working days), away from float noise. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
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
    open: { total: c.open, overdue: c.openOverdue, rate: rate(c.openOverdue, c.open) },
    digitised: { count: c.decidedDigitised, rate: rate(c.decidedDigitised, c.decided) },
  };
}

export function reportSummary(from: string, to: string, c: SummaryCounts): ReportSummary {
  return { from, to, ...summaryFigures(c) };
}

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

/** The months `YYYY-MM` a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

// ---- Query parameters ----

/** Longest period a report covers (a wider one is refused: it would read too many rows). */
export const REPORT_MAX_DAYS = 3 * 366;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The period of a report: both ends optional (to: today; from: 1 January of to's year), to ≥ from,
 * at most REPORT_MAX_DAYS. Returns the period or the bad fields.
 */
export function resolveReportPeriod(
  query: { from?: string; to?: string },
  today: string,
): { from: string; to: string } | { errors: { field: string; message: string }[] } {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (to < from) return { errors: [{ field: 'to', message: 'Must not be before from' }] };
  if (daysBetween(from, to) > REPORT_MAX_DAYS) {
    return { errors: [{ field: 'to', message: `At most ${REPORT_MAX_DAYS} days after from` }] };
  }
  return { from, to };
}

/** Refuse a bad period at the schema (400 naming `to`) when both ends are given. */
function checkPeriod(q: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (!q.from || !q.to) return;
  const r = resolveReportPeriod(q, q.to);
  if ('errors' in r) for (const e of r.errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
}

const reportFilterShape = {
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
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
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    by: z.enum(PUBLIC_BREAKDOWN_KEYS).optional(),
  })
  .superRefine(checkPeriod);
export type PublicStatsQuery = z.output<typeof publicStatsQuerySchema>;

// ---- Decision 766/QĐ-TTg scorecard ----

/** The rates of a summary a scorecard group may draw on. */
export type ScorecardInput =
  'published' | 'onTime' | 'openNotOverdue' | 'digitised' | 'fullProcess' | 'online' | 'payment' | 'satisfaction';

export interface ScorecardGroupDef {
  key: 'PUBLICITY' | 'PROGRESS' | 'DIGITISATION' | 'ONLINE_SERVICE' | 'SATISFACTION';
  name: string;
  nameEn: string;
  maxPoints: number;
  /** Our rates that feed the group, with their weight inside it. */
  inputs: readonly { input: ScorecardInput; weight: number }[];
}

/**
 * The five groups of Decision 766/QĐ-TTg (2022), 100 points. ESTIMATE: the decision scores each
 * group from many sub-indicators (catalog publication, national-portal sync, reuse of data, …) that
 * we do not hold; we map each group to the rates we do compute, with the weights below, and score
 * maxPoints × weighted mean of the available rates. "published" is the share of received dossiers
 * whose progress is public (tracking by code, national status codes): every one in MotCua.
 */
export const SCORECARD_766: readonly ScorecardGroupDef[] = [
  {
    key: 'PUBLICITY',
    name: 'Công khai, minh bạch',
    nameEn: 'Publicity and transparency',
    maxPoints: 18,
    inputs: [{ input: 'published', weight: 1 }],
  },
  {
    key: 'PROGRESS',
    name: 'Tiến độ, kết quả giải quyết',
    nameEn: 'Progress and results',
    maxPoints: 20,
    inputs: [
      { input: 'onTime', weight: 3 },
      { input: 'openNotOverdue', weight: 1 },
    ],
  },
  {
    key: 'DIGITISATION',
    name: 'Số hóa hồ sơ',
    nameEn: 'Digitisation',
    maxPoints: 22,
    inputs: [{ input: 'digitised', weight: 1 }],
  },
  {
    key: 'ONLINE_SERVICE',
    name: 'Cung cấp dịch vụ công trực tuyến',
    nameEn: 'Online public services',
    maxPoints: 22,
    inputs: [
      { input: 'fullProcess', weight: 5 },
      { input: 'online', weight: 3 },
      { input: 'payment', weight: 2 },
    ],
  },
  {
    key: 'SATISFACTION',
    name: 'Mức độ hài lòng',
    nameEn: 'Satisfaction',
    maxPoints: 18,
    inputs: [{ input: 'satisfaction', weight: 1 }],
  },
];

export interface ScorecardGroup {
  key: ScorecardGroupDef['key'];
  name: string;
  nameEn: string;
  maxPoints: number;
  inputs: { input: ScorecardInput; weight: number; rate: number | null }[];
  /** Estimated points; null when none of its rates has a denominator yet. */
  points: number | null;
}

export interface Scorecard {
  groups: ScorecardGroup[];
  /** Sum of the groups that could be scored, out of `maxPoints` (theirs). */
  points: number;
  maxPoints: number;
}

export function scorecardInputs(s: SummaryFigures): Record<ScorecardInput, number | null> {
  return {
    published: s.received > 0 ? 1 : null,
    onTime: s.onTime.rate,
    openNotOverdue: s.open.rate === null ? null : 1 - s.open.rate,
    digitised: s.digitised.rate,
    fullProcess: s.fullProcess.rate,
    online: s.online.rate,
    payment: s.payment.rate,
    satisfaction: s.satisfaction.rate,
  };
}

/** The Decision 766 estimate of a summary (see SCORECARD_766). */
export function scorecard766(s: SummaryFigures): Scorecard {
  const rates = scorecardInputs(s);
  const groups = SCORECARD_766.map((g): ScorecardGroup => {
    const inputs = g.inputs.map((i) => ({ ...i, rate: rates[i.input] }));
    const known = inputs.filter((i) => i.rate !== null);
    const weight = known.reduce((sum, i) => sum + i.weight, 0);
    const points =
      weight === 0 ? null : round2((g.maxPoints * known.reduce((sum, i) => sum + i.weight * i.rate!, 0)) / weight);
    return { key: g.key, name: g.name, nameEn: g.nameEn, maxPoints: g.maxPoints, inputs, points };
  });
  const scored = groups.filter((g) => g.points !== null);
  return {
    groups,
    points: round2(scored.reduce((sum, g) => sum + g.points!, 0)),
    maxPoints: scored.reduce((sum, g) => sum + g.maxPoints, 0),
  };
}
