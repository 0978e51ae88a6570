import { toLocalDate } from './dossier-clock.js';

/**
 * The dates of an application form that its page needs before any validation: today in Vietnam,
 * a date field's bounds on that day, and the calendar-date check. Without zod, so the web's form
 * renders (the date picker's min/max) before the validator is loaded, and the dashboard's period
 * is checked without zod at all (issue 16, items 16 and 17).
 */

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today as YYYY-MM-DD in Vietnam, the users' calendar (the zone lives in dossier-clock.ts). */
export function todayInVietnam(now: Date = new Date()): string {
  return toLocalDate(now);
}

/** A date field's bound: a calendar date, or `today` (Asia/Ho_Chi_Minh) read at each check (api.md). */
export const DATE_BOUND_TODAY = 'today';

/** A date field's bound as a date on `today` (YYYY-MM-DD, the service's zone). */
export function resolveDateBound(bound: string | number | undefined, today: string): string | undefined {
  if (typeof bound !== 'string') return undefined;
  return bound === DATE_BOUND_TODAY ? today : bound;
}
