import type { DossierStatus } from './dossier-status.js';
import { dayNumber, fromDayNumber, type WorkingCalendar } from './working-days.js';

/**
 * The dossier clock (domain.md, "Time limits in working days"): the ONE module that knows the time
 * zone and the 17:00 cut-off. Everything that turns an instant into a working day, a due time or an
 * SLA state is here, as pure functions of an injected calendar and an injected `now`; SQL reads the
 * same zone through the `vn_local_date` function its migration creates from TIME_ZONE.
 */

/** The zone every local day and hour of the service is read in, by name (the tz database's rules). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The working day ends at 17:00 local: due times fall then, later receipts count from the next day. */
export const END_OF_WORKING_DAY_HOUR = 17;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const END_OF_DAY_MS = END_OF_WORKING_DAY_HOUR * HOUR_MS;

// ---- The zone: local days and hours through Intl, by the zone's name ----

// Made on first use, not when the module loads: the first Intl formatter with a time zone loads
// the zone data, tens of milliseconds on a phone, and every page of the web imports this module.
let zoneFormatter: Intl.DateTimeFormat | undefined;
function zoneFormat(): Intl.DateTimeFormat {
  return (zoneFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }));
}

/** The zone's offset from UTC at an instant (ms), as Intl reads the zone's rules. */
function zoneOffsetExact(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of zoneFormat().formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The offset per UTC day, memoised: formatToParts costs microseconds and the bench generator asks
 * millions of times. A day whose two ends share an offset has no change inside it (zones change
 * at most twice a year); a day with a change is left to the exact reading (null).
 */
const offsetByDay = new Map<number, number | null>();

/**
 * Since 13 June 1975 (16:00 UTC) Vietnam has kept UTC+7 with no summer time: the zone data's
 * last rule for Asia/Ho_Chi_Minh. From then on the offset is that constant, read without Intl:
 * the first zone-aware Intl formatter loads the zone data, tens of milliseconds on a phone before
 * any date can be shown (Lighthouse, issue 16). dossier-clock.spec.ts checks the constant against
 * Intl for every day from then to 2100, so a change in the zone data fails the tests, not a deadline.
 * Earlier instants (birth dates of old records) are read from Intl.
 */
export const ZONE_FIXED_SINCE_MS = Date.UTC(1975, 5, 12, 16);
export const ZONE_FIXED_OFFSET_MS = 7 * HOUR_MS;

function zoneOffset(ms: number): number {
  if (ms >= ZONE_FIXED_SINCE_MS) return ZONE_FIXED_OFFSET_MS;
  const day = Math.floor(ms / DAY_MS);
  let cached = offsetByDay.get(day);
  if (cached === undefined) {
    const start = zoneOffsetExact(day * DAY_MS);
    cached = start === zoneOffsetExact(day * DAY_MS + DAY_MS - 1) ? start : null;
    if (offsetByDay.size > 50_000) offsetByDay.clear();
    offsetByDay.set(day, cached);
  }
  return cached ?? zoneOffsetExact(ms);
}

/** Local wall-clock time of an instant as ms since 1970-01-01T00:00 local. */
function localMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return ms + zoneOffset(ms);
}

/**
 * The zone's offset from UTC at an instant, in ms, read from the zone by name. For bulk arithmetic
 * that cannot afford Intl per row (the bench's generator): read once, at the range's instant.
 */
export function zoneOffsetMs(instant: Date): number {
  return zoneOffset(instant.getTime());
}

/** The local day (Asia/Ho_Chi_Minh) an instant falls on, `YYYY-MM-DD`. */
export function toLocalDate(instant: Date): string {
  return fromDayNumber(Math.floor(localMs(instant) / DAY_MS));
}

/** An instant's local calendar date and time of day, for documents that write them out. */
export function toLocalParts(instant: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const local = new Date(localMs(instant));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** "17:00 27/11/2026": an instant as local time and date, the way notices, SMS and letters write it. */
export function localDateTimeWords(instant: Date): string {
  const p = toLocalParts(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** The instant of hh:mm local on a local day. */
export function localDateTime(date: string, hour = 0, minute = 0): Date {
  const wall = dayNumber(date) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  // The offset is the one in force at the instant itself: read at a first guess, then again.
  const guess = wall - zoneOffset(wall);
  return new Date(wall - zoneOffset(guess));
}

/** 17:00 local of a local day: when a due time falls. */
export function endOfWorkingDay(date: string): Date {
  return localDateTime(date, END_OF_WORKING_DAY_HOUR);
}

// ---- The cut-off: which working day an instant counts toward ----

/**
 * The working day an instant counts toward (the receipt day): its own local day before 17:00 on a
 * working day, else the next working day (a receipt at 17:00 or later, or on a day off).
 */
export function receiptDay(instant: Date, calendar: WorkingCalendar): string {
  const local = localMs(instant);
  const day = fromDayNumber(Math.floor(local / DAY_MS));
  const msOfDay = local - Math.floor(local / DAY_MS) * DAY_MS;
  if (calendar.isWorkingDay(day) && msOfDay < END_OF_DAY_MS) return day;
  return calendar.addWorkingDays(day, 1);
}

// ---- Due time, pause and resume ----

/**
 * When a dossier received at `receivedAt` is due: 17:00 local of the working day that is
 * `processingDays` working days after the receipt day. processingDays 0 (same day) is 17:00 of
 * the receipt day itself.
 */
export function computeDueAt(receivedAt: Date, processingDays: number, calendar: WorkingCalendar): Date {
  return endOfWorkingDay(calendar.addWorkingDays(receiptDay(receivedAt, calendar), processingDays));
}

/**
 * The working days a dossier waited for a supplement, from `pausedFrom` to `resumedAt`: each
 * instant is taken as the working day it counts toward (same 17:00 cut-off as a receipt), and the
 * wait is the number of working days between them. So a request and a supplement on the same
 * working day cost nothing; a supplement on the next working day, however early, moves the due
 * time one day (a started day counts in full, in the applicant's favour).
 */
export function workingDaysWaited(pausedFrom: Date, resumedAt: Date, calendar: WorkingCalendar): number {
  if (resumedAt.getTime() <= pausedFrom.getTime()) return 0;
  return calendar.workingDaysBetween(receiptDay(pausedFrom, calendar), receiptDay(resumedAt, calendar));
}

/** The due time moved later by `days` working days, still 17:00 of a working day. */
export function moveDueAt(dueAt: Date, days: number, calendar: WorkingCalendar): Date {
  if (days === 0) return dueAt;
  return endOfWorkingDay(calendar.addWorkingDays(toLocalDate(dueAt), days));
}

/** The clock stop of SUPPLEMENT_REQUESTED: dueAt moves later by workingDaysWaited, to 17:00. */
export function extendDueAt(dueAt: Date, pausedFrom: Date, resumedAt: Date, calendar: WorkingCalendar): Date {
  return moveDueAt(dueAt, workingDaysWaited(pausedFrom, resumedAt, calendar), calendar);
}

/** The clock of one dossier: its due time, and since when it is stopped (null: running). */
export interface ClockState {
  dueAt: Date | null;
  pausedSince: Date | null;
}

/** request_supplement: the clock stops now (an already stopped clock keeps its first stop). */
export function pause(state: ClockState, now: Date): ClockState {
  return { dueAt: state.dueAt, pausedSince: state.pausedSince ?? now };
}

/** supplement: the clock runs again and the due time moves by the working days waited. */
export function resume(state: ClockState, now: Date, calendar: WorkingCalendar): ClockState {
  if (!state.pausedSince || !state.dueAt) return { dueAt: state.dueAt, pausedSince: null };
  return { dueAt: extendDueAt(state.dueAt, state.pausedSince, now, calendar), pausedSince: null };
}

// ---- SLA state, decided outcome, processing time ----

export const OPEN_SLA_STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'WAITING_CITIZEN'] as const;
export const DECIDED_SLA_STATES = ['EARLY', 'ON_TIME', 'LATE'] as const;
export const SLA_STATES = ['EARLY', 'ON_TIME', 'DUE_SOON', 'OVERDUE', 'WAITING_CITIZEN', 'LATE'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const DECIDED_OUTCOMES = DECIDED_SLA_STATES;
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];

/** Statuses with no SLA state: not yet filed, or left the administration without a decision. */
export const NO_SLA_STATUSES = ['DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN'] as const satisfies readonly DossierStatus[];
/** The status that stops the agency's clock. */
export const CLOCK_PAUSED_STATUS = 'SUPPLEMENT_REQUESTED' satisfies DossierStatus;

/**
 * SLA state of a decided dossier: LATE after dueAt; EARLY when decided on a local day before the
 * due day; else ON_TIME. A missing dueAt (never received, not expected for a decided dossier)
 * counts ON_TIME, as the summary SQL does.
 */
export function decidedOutcome(completedAt: Date, dueAt: Date | null): DecidedOutcome {
  if (!dueAt) return 'ON_TIME';
  if (completedAt.getTime() > dueAt.getTime()) return 'LATE';
  return toLocalDate(completedAt) < toLocalDate(dueAt) ? 'EARLY' : 'ON_TIME';
}

/**
 * The SLA state now (domain.md). None before receipt (no dueAt) or for a dossier that left without
 * a decision (refused, withdrawn). Decided (completedAt set): decidedOutcome. SUPPLEMENT_REQUESTED:
 * WAITING_CITIZEN, whatever the time (the agency's clock is stopped). Otherwise OVERDUE after
 * dueAt; DUE_SOON when at most one working day is left (from 17:00 of the working day before the
 * due day); else ON_TIME. A decided dossier's outcome is the one stored at the decision when given
 * (the `decided_outcome` time fact), so every reader shows what the reports counted.
 */
export function slaState(
  dossier: {
    status: DossierStatus;
    dueAt: Date | null;
    completedAt: Date | null;
    decidedOutcome?: DecidedOutcome | null;
  },
  now: Date,
  calendar: WorkingCalendar,
): SlaState | null {
  const { status, dueAt, completedAt } = dossier;
  if ((NO_SLA_STATUSES as readonly DossierStatus[]).includes(status) || !dueAt) return null;
  if (completedAt) return dossier.decidedOutcome ?? decidedOutcome(completedAt, dueAt);
  if (status === CLOCK_PAUSED_STATUS) return 'WAITING_CITIZEN';
  if (now.getTime() > dueAt.getTime()) return 'OVERDUE';
  return receiptDay(now, calendar) >= toLocalDate(dueAt) ? 'DUE_SOON' : 'ON_TIME';
}

/**
 * The first instant of DUE_SOON for open dossiers due before it: the start of the local day after
 * the working day `now` counts toward. An open, running dossier is DUE_SOON now exactly when
 * now ≤ dueAt < dueSoonBefore(now) (for SQL filters, which compare times only).
 */
export function dueSoonBefore(now: Date, calendar: WorkingCalendar): Date {
  return localDateTime(fromDayNumber(dayNumber(receiptDay(now, calendar)) + 1));
}

/**
 * The first instant a running dossier due at `dueAt` is DUE_SOON (slaState): 17:00 local of the last
 * working day before its due day, when the receipt day of `now` becomes the due day.
 */
export function dueSoonFrom(dueAt: Date, calendar: WorkingCalendar): Date {
  let day = dayNumber(toLocalDate(dueAt)) - 1;
  // A calendar never has more than a few weeks off in a row; the bound only guards a broken one.
  for (let i = 0; i < 60 && !calendar.isWorkingDay(fromDayNumber(day)); i++) day--;
  return endOfWorkingDay(fromDayNumber(day));
}

/**
 * When the SLA state of a running open dossier next changes after `now` (for the sweep's stored
 * next check): ON_TIME → its DUE_SOON start, DUE_SOON → just after dueAt, OVERDUE → never (null).
 */
export function nextSlaChange(dueAt: Date, now: Date, calendar: WorkingCalendar): Date | null {
  if (now.getTime() > dueAt.getTime()) return null;
  const soon = dueSoonFrom(dueAt, calendar);
  return soon.getTime() > now.getTime() ? soon : new Date(dueAt.getTime() + 1);
}

/**
 * An apology's new appointment (domain.md, apology letter): 17:00 local of `newDueDate`, which must
 * be a working day after `dueAt`'s local day; null when it is not.
 */
export function apologyAppointment(newDueDate: string, dueAt: Date, calendar: WorkingCalendar): Date | null {
  try {
    if (!calendar.isWorkingDay(newDueDate) || newDueDate <= toLocalDate(dueAt)) return null;
  } catch {
    return null; // not a real day
  }
  return endOfWorkingDay(newDueDate);
}

/** The automatic apology's appointment: 17:00 local `workingDays` working days after dueAt's local day. */
export function automaticApologyDate(dueAt: Date, workingDays: number, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(toLocalDate(dueAt), Math.max(1, workingDays));
}

/**
 * When a supplement request left unanswered earns its reminder: 17:00 local of the working day
 * `workingDays` working days after the request's (receipt-rule) day, so that many full days have passed.
 */
export function supplementReminderAt(requestedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  return endOfWorkingDay(calendar.addWorkingDays(receiptDay(requestedAt, calendar), workingDays));
}

/**
 * Working days from receipt to decision (for the average processing time): from the receipt day
 * (17:00 cut-off, as for the due time) to the local day of the decision, so a same-day decision
 * is 0. Never negative (a decision after hours on the day of a late receipt is 0).
 */
export function processingWorkingDays(receivedAt: Date, completedAt: Date, calendar: WorkingCalendar): number {
  return Math.max(0, calendar.workingDaysBetween(receiptDay(receivedAt, calendar), toLocalDate(completedAt)));
}

/** The clock's rules under one name, for callers that read better as `dossierClock.dueAt(…)`. */
export const dossierClock = {
  toLocalDate,
  localDateTime,
  endOfWorkingDay,
  receiptDay,
  dueAt: computeDueAt,
  workingDaysWaited,
  pause,
  resume,
  slaState,
  dueSoonBefore,
  dueSoonFrom,
  nextSlaChange,
  apologyAppointment,
  automaticApologyDate,
  supplementReminderAt,
  decidedOutcome,
  processingWorkingDays,
} as const;
