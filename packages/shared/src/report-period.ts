import { isCalendarDate } from './form-dates.js';

/**
 * The period rule of every report (summary, breakdown, CSV, live, open data) and the months a
 * period touches. Without zod, so the dashboard checks its period and draws its months without
 * loading a validator (issue 16, item 17); metrics.ts builds the report query schemas on it, and
 * the API applies the same rule again with its clock.
 */

/** Month index (year × 12 + month − 1) of a `YYYY-MM…` string. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * The months `YYYY-MM` a period touches, in order. The API builds its month buckets in SQL; this
 * is for the web's chart, bounded by REPORT_MAX_MONTHS whatever it is given.
 */
export function monthsOf(from: string, to: string): string[] {
  const first = monthIndex(from);
  const count = Math.min(REPORT_MAX_MONTHS, Math.max(0, monthIndex(to) - first + 1));
  return Array.from({ length: count }, (_, i) => {
    const m = first + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

// ---- Report periods: one rule for every report range (summary, breakdown, CSV, live, open data) ----

/** Earliest date a report may name: the summary tables hold nothing older. */
export const REPORT_MIN_DATE = '2000-01-01';
/** Longest period, in years, and most month buckets a report may cover (issue 12: bounded work). */
export const REPORT_MAX_YEARS = 10;
export const REPORT_MAX_MONTHS = 120;

export const REPORT_PERIOD_PROBLEMS = [
  'invalid',
  'tooEarly',
  'tooLate',
  'beforeFrom',
  'tooLong',
  'tooManyMonths',
] as const;
export type ReportPeriodProblem = (typeof REPORT_PERIOD_PROBLEMS)[number];

export interface ReportPeriodError {
  field: 'from' | 'to';
  kind: ReportPeriodProblem;
  message: string;
}

/** The same day `years` later, as a string to compare (29 February gives a day that sorts right). */
function plusYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** The latest date a report may name: one year after today (Vietnam's calendar). */
export function reportLatestDate(today: string): string {
  return plusYears(today, 1);
}

/**
 * The period of a report: both ends optional (to: today, or from when later; from: 1 January of
 * to's year). Each given end must be a real calendar date between REPORT_MIN_DATE and one year
 * after today; then to ≥ from, a span under REPORT_MAX_YEARS years and at most REPORT_MAX_MONTHS
 * months. Returns the period or the bad fields (the API answers 400 naming them).
 */
export function resolveReportPeriod(
  query: { from?: string; to?: string },
  today: string,
): { from: string; to: string } | { errors: ReportPeriodError[] } {
  const errors: ReportPeriodError[] = [];
  const latest = reportLatestDate(today);
  for (const field of ['from', 'to'] as const) {
    const v = query[field];
    if (v === undefined) continue;
    if (!isCalendarDate(v)) errors.push({ field, kind: 'invalid', message: 'Must be a date YYYY-MM-DD' });
    else if (v < REPORT_MIN_DATE)
      errors.push({ field, kind: 'tooEarly', message: `Must not be before ${REPORT_MIN_DATE}` });
    else if (v > latest) errors.push({ field, kind: 'tooLate', message: `Must not be after ${latest}` });
  }
  if (errors.length) return { errors };
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  // A span error names the end the caller gave (to, or from when to was left to its default).
  const field = query.to !== undefined ? 'to' : 'from';
  if (to < from) return { errors: [{ field: 'to', kind: 'beforeFrom', message: 'Must not be before from' }] };
  if (to >= plusYears(from, REPORT_MAX_YEARS)) {
    return {
      errors: [{ field, kind: 'tooLong', message: `The period must be shorter than ${REPORT_MAX_YEARS} years` }],
    };
  }
  if (monthIndex(to) - monthIndex(from) + 1 > REPORT_MAX_MONTHS) {
    return {
      errors: [{ field, kind: 'tooManyMonths', message: `The period may touch at most ${REPORT_MAX_MONTHS} months` }],
    };
  }
  return { from, to };
}
