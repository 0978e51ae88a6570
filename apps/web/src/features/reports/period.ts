import { toLocalDate } from '@motcua/shared/dossier-clock';
import { isCalendarDate } from '@motcua/shared/form-dates';
// The zod-free modules: the period is checked without loading any validator (issue 16, item 17).
import { REPORT_MIN_DATE, resolveReportPeriod, type ReportPeriodProblem } from '@motcua/shared/report-period';

/** The dashboard's periods: the running month, quarter or year to today, or dates of one's own. */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** `rejected`: the API refused a period this page let through (its clock differs from the browser's). */
export type PeriodProblem = { field: 'from' | 'to'; kind: 'required' | 'rejected' | ReportPeriodProblem };

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in Vietnam, `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  return toLocalDate(now);
}

/** A preset period, from its first day to today. */
export function presetPeriod(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const firstMonth = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  return { kind, from: `${y}-${pad(firstMonth)}-01`, to: today };
}

/**
 * The period the address asks for (`?period=…&from=…&to=…`): a preset by default, or the custom
 * dates checked by the rule the API applies (packages/shared resolveReportPeriod).
 */
export function periodFromSearch(
  search: URLSearchParams,
  today: string,
): { period: Period; problems: PeriodProblem[] } {
  const kind = search.get('period');
  if (kind !== 'custom') {
    const preset = kind === 'quarter' || kind === 'year' ? kind : 'month';
    return { period: presetPeriod(preset, today), problems: [] };
  }
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const problems: PeriodProblem[] = [];
  if (!from) problems.push({ field: 'from', kind: 'required' });
  else if (!isCalendarDate(from)) problems.push({ field: 'from', kind: 'invalid' });
  if (!to) problems.push({ field: 'to', kind: 'required' });
  else if (!isCalendarDate(to)) problems.push({ field: 'to', kind: 'invalid' });
  if (!problems.length) {
    const r = resolveReportPeriod({ from, to }, today);
    if ('errors' in r) for (const e of r.errors) problems.push({ field: e.field, kind: e.kind });
  }
  if (problems.length) return { period: { ...presetPeriod('month', today), kind: 'custom' }, problems };
  return { period: { kind: 'custom', from, to }, problems };
}

/**
 * The months of the trend chart: the period's own when it spans a year or more, else the twelve
 * months ending with the period's last, so a month or a quarter still shows its trend.
 */
export function trendRange(period: Period): { from: string; to: string } {
  const y = Number(period.to.slice(0, 4));
  const m = Number(period.to.slice(5, 7));
  const startIndex = y * 12 + (m - 1) - 11;
  const start = `${Math.floor(startIndex / 12)}-${pad((startIndex % 12) + 1)}-01`;
  // Never before the earliest date the API accepts.
  const first = start < period.from ? start : period.from;
  return { from: first < REPORT_MIN_DATE ? REPORT_MIN_DATE : first, to: period.to };
}

/**
 * The period fields an API answer refused (a 400 naming `from` or `to`), so the page shows them
 * at the fields instead of failing.
 */
export function periodProblemsOf(error: unknown): PeriodProblem[] {
  const e = error as { problem?: { status?: number; errors?: { field: string }[] } } | null;
  if (e?.problem?.status !== 400 || !e.problem.errors) return [];
  return e.problem.errors
    .filter((x): x is { field: 'from' | 'to' } => x.field === 'from' || x.field === 'to')
    .map((x) => ({ field: x.field, kind: 'rejected' }));
}

/** "2026-07" → "07/2026". */
export function monthLabel(key: string): string {
  return `${key.slice(5, 7)}/${key.slice(0, 4)}`;
}
