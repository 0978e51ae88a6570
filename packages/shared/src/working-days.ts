import type { HolidayKind } from './catalog.js';

/**
 * The working-day calendar as pure arithmetic on local days written `YYYY-MM-DD` (domain.md, "Time
 * limits in working days"). It knows no time zone and no cut-off: turning an instant into the day it
 * counts toward is dossier-clock.ts's job, the one module that knows both.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One row of the holiday calendar: a weekday off, or a compensating working Saturday. */
export interface CalendarEntry {
  date: string;
  kind: HolidayKind;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD`; RangeError for anything that is not a real day. */
export function dayNumber(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date YYYY-MM-DD: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`No such day: ${date}`);
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Monday to Friday minus the calendar's HOLIDAY days, plus its WORKING_DAY days (the Saturdays
 * the government makes up for a bridging day off).
 */
export class WorkingCalendar {
  private readonly exceptions = new Map<number, HolidayKind>();

  constructor(entries: readonly CalendarEntry[] = []) {
    for (const e of entries) this.exceptions.set(dayNumber(e.date), e.kind);
  }

  isWorkingDay(day: string): boolean {
    return this.isWorking(dayNumber(day));
  }

  /**
   * The n-th working day after `day` (n ≥ 1). n = 0 is `day` itself when it is a working day,
   * else the next working day. Always a working day.
   */
  addWorkingDays(day: string, n: number): string {
    return fromDayNumber(this.add(dayNumber(day), n));
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: string): string {
    return this.addWorkingDays(day, 1);
  }

  /**
   * Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is
   * before `from`. For n ≥ 1, workingDaysBetween(d, addWorkingDays(d, n)) = n.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return -this.countBetween(b, a) || 0; // never -0
    return this.countBetween(a, b);
  }

  private isWorking(n: number): boolean {
    const kind = this.exceptions.get(n);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'WORKING_DAY') return true;
    const weekday = new Date(n * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  private add(start: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be ≥ 0: ${n}`);
    let d = start;
    if (n === 0) {
      while (!this.isWorking(d)) d++;
      return d;
    }
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorking(d)) left--;
    }
    return d;
  }

  private countBetween(a: number, b: number): number {
    let count = 0;
    for (let d = a + 1; d <= b; d++) if (this.isWorking(d)) count++;
    return count;
  }
}
