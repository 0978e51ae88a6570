import { localDateTime, toLocalDate } from './dossier-clock.js';
import { DATA_RETENTION_YEARS } from './retention-period.js';
import { dayNumber, fromDayNumber } from './working-days.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The same day `years` later, `YYYY-MM-DD`; a 29 February lands on 28 February in a common year
 * (Civil Code 2015, art. 148: a period in years ends on the corresponding day, or the month's last).
 */
export function addLocalYears(date: string, years: number): string {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date YYYY-MM-DD: ${date}`);
  dayNumber(date);
  const year = Number(m[1]) + years;
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/**
 * The last local day (Asia/Ho_Chi_Minh) a dossier closed at `closedAt` is kept: the period counts
 * from the day after the closing (Civil Code 2015, art. 147) and ends with the anniversary's day.
 */
export function retentionLastDay(closedAt: Date, years: number = DATA_RETENTION_YEARS): string {
  return addLocalYears(toLocalDate(closedAt), years);
}

/** Whether the personal data of a dossier closed at `closedAt` is due for erasure at `now`. */
export function isRetentionOver(closedAt: Date, now: Date, years: number = DATA_RETENTION_YEARS): boolean {
  return retentionLastDay(closedAt, years) < toLocalDate(now);
}

/**
 * The instant such that a dossier closed strictly before it is due for erasure at `now`, and no
 * other: the start of the local day after the latest closing day whose period ended before today.
 * One bound for an index range scan (closed_at < bound), equal to `isRetentionOver` for every instant.
 */
export function retentionCutoff(now: Date, years: number = DATA_RETENTION_YEARS): Date {
  const yesterday = fromDayNumber(dayNumber(toLocalDate(now)) - 1);
  // Going back `years` from yesterday clamps 29 February too; the day after may still end by yesterday.
  let last = addLocalYears(yesterday, -years);
  const next = fromDayNumber(dayNumber(last) + 1);
  if (addLocalYears(next, years) <= yesterday) last = next;
  return localDateTime(fromDayNumber(dayNumber(last) + 1));
}
