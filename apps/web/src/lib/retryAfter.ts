import type { TFunction } from './i18n';
import { ApiError } from './api';
import { formatDateTime, formatTime, sameLocalDay } from './format';

/** A 429's wait in seconds (its Retry-After, or the problem's `retryAfter`); null for any other failure. */
export function retryAfterSeconds(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.status !== 429) return null;
  const s = Number(e.problem.retryAfter);
  // No figure given: a minute, the shortest window of our limits.
  return s > 0 ? Math.ceil(s) : 60;
}

/** "42 giây" / "9 phút": seconds under a minute, whole minutes (rounded up) from then on. */
export function waitText(t: TFunction, seconds: number): string {
  return seconds < 60
    ? t('errors.wait.seconds', { count: seconds })
    : t('errors.wait.minutes', { count: Math.ceil(seconds / 60) });
}

/** The local time one may try again: "10:42" the same day in Vietnam, with the date otherwise. */
export function tryAgainTime(at: Date, now: Date): string {
  return sameLocalDay(at, now) ? formatTime(at) : formatDateTime(at);
}
