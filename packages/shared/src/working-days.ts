import type { HolidayKind } from './catalog.js';

/**
 * Working days and due dates (domain.md, "Time limits in working days"). Vietnam has one time
 * zone, UTC+7, without daylight saving, so local time is a fixed offset; no tz database needed.
 * A local day is written `YYYY-MM-DD`.
 */

export const VIETNAM_UTC_OFFSET_HOURS = 7;
/** The working day ends at 17:00 local: due dates fall then, later receipts count from the next day. */
export const END_OF_WORKING_DAY_HOUR = 17;

const DAY_MS = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
const END_OF_DAY_MS = END_OF_WORKING_DAY_HOUR * 3_600_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One row of the holiday calendar: a weekday off, or a compensating working Saturday. */
export interface CalendarEntry {
  date: string;
  kind: HolidayKind;
}

/** A local day or an instant (taken as the local day it falls on). */
export type DayLike = string | Date;

/** Days since 1970-01-01 of a local `YYYY-MM-DD`. */
function dayNumber(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date YYYY-MM-DD: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`No such day: ${date}`);
  return ms / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The local day (Asia/Ho_Chi_Minh) an instant falls on. */
export function toLocalDate(instant: Date): string {
  return fromDayNumber(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS));
}

/** The instant of hh:00 local on a local day. */
export function localDateTime(date: string, hour = 0, minute = 0): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS + hour * 3_600_000 + minute * 60_000);
}

/** 17:00 local of a local day: when a due date falls. */
export function endOfWorkingDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS + END_OF_DAY_MS);
}

function dayOf(d: DayLike): number {
  return typeof d === 'string' ? dayNumber(d) : Math.floor((d.getTime() + OFFSET_MS) / DAY_MS);
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

  isWorkingDay(day: DayLike): boolean {
    return this.isWorking(dayOf(day));
  }

  /**
   * The n-th working day after `day` (n ≥ 1). n = 0 is `day` itself when it is a working day,
   * else the next working day. Always a working day.
   */
  addWorkingDays(day: DayLike, n: number): string {
    return fromDayNumber(this.add(dayOf(day), n));
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayLike): string {
    return this.addWorkingDays(day, 1);
  }

  /**
   * Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is
   * before `from`. For n ≥ 1, workingDaysBetween(d, addWorkingDays(d, n)) = n.
   */
  workingDaysBetween(from: DayLike, to: DayLike): number {
    const a = dayOf(from);
    const b = dayOf(to);
    if (b < a) return -this.countBetween(b, a) || 0; // never -0
    return this.countBetween(a, b);
  }

  /**
   * The working day an instant counts toward: its own day before 17:00 on a working day, else
   * the next working day (a receipt at 17:00 or later, or on a day off).
   */
  effectiveWorkingDay(instant: Date): string {
    return fromDayNumber(this.effectiveDay(instant));
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

  private effectiveDay(instant: Date): number {
    const local = instant.getTime() + OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const msOfDay = local - day * DAY_MS;
    if (this.isWorking(day) && msOfDay < END_OF_DAY_MS) return day;
    return this.add(day, 1);
  }
}

/**
 * When a dossier received at `receivedAt` is due (domain.md): 17:00 local of the working day that
 * is `processingDays` working days after the day of receipt. A receipt at or after 17:00, or on a
 * day off, counts as received on the next working day. processingDays 0 (same day) is 17:00 of
 * the (effective) day of receipt.
 */
export function computeDueAt(receivedAt: Date, processingDays: number, calendar: WorkingCalendar): Date {
  const start = calendar.effectiveWorkingDay(receivedAt);
  return endOfWorkingDay(calendar.addWorkingDays(start, processingDays));
}

/**
 * The working days a dossier waited for a supplement, from `pausedFrom` to `resumedAt`: each
 * instant is taken as the working day it counts toward (same 17:00 cut-off as a receipt), and the
 * wait is the number of working days between them. So a request and a supplement on the same
 * working day cost nothing; a supplement on the next working day, however early, moves the due
 * date one day (a started day counts in full, in the applicant's favour).
 */
export function workingDaysWaited(pausedFrom: Date, resumedAt: Date, calendar: WorkingCalendar): number {
  if (resumedAt.getTime() <= pausedFrom.getTime()) return 0;
  return calendar.workingDaysBetween(calendar.effectiveWorkingDay(pausedFrom), calendar.effectiveWorkingDay(resumedAt));
}

/** The clock stop of SUPPLEMENT_REQUESTED: dueAt moves later by workingDaysWaited, to 17:00. */
export function extendDueAt(dueAt: Date, pausedFrom: Date, resumedAt: Date, calendar: WorkingCalendar): Date {
  const waited = workingDaysWaited(pausedFrom, resumedAt, calendar);
  if (waited === 0) return dueAt;
  return endOfWorkingDay(calendar.addWorkingDays(toLocalDate(dueAt), waited));
}

export const OPEN_SLA_STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE'] as const;
export const DECIDED_SLA_STATES = ['EARLY', 'ON_TIME', 'LATE'] as const;
export const SLA_STATES = ['EARLY', 'ON_TIME', 'DUE_SOON', 'OVERDUE', 'LATE'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/**
 * SLA state (domain.md). Open dossier (`completedAt` null): OVERDUE after dueAt; DUE_SOON when at
 * most one working day is left (from 17:00 of the working day before the due day); else ON_TIME.
 * Decided dossier: LATE after dueAt; EARLY when decided on a local day before the due day; else
 * ON_TIME. No dueAt yet (not received) → null.
 */
export function slaState(
  dossier: { dueAt: Date | null; completedAt: Date | null },
  now: Date,
  calendar: WorkingCalendar,
): SlaState | null {
  const { dueAt, completedAt } = dossier;
  if (!dueAt) return null;
  if (completedAt) {
    if (completedAt.getTime() > dueAt.getTime()) return 'LATE';
    return toLocalDate(completedAt) < toLocalDate(dueAt) ? 'EARLY' : 'ON_TIME';
  }
  if (now.getTime() > dueAt.getTime()) return 'OVERDUE';
  return calendar.effectiveWorkingDay(now) >= toLocalDate(dueAt) ? 'DUE_SOON' : 'ON_TIME';
}
