import { toLocalDate } from './dossier-clock.js';

/**
 * The dates of an application form that its page needs before any validation: today in Vietnam and
 * a date field's bounds on that day. Without zod, so the web's form renders (the date picker's
 * min/max) before the validator is loaded (issue 16, item 16).
 */

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
