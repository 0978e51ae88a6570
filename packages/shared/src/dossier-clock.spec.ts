import fc from 'fast-check';
import {
  computeDueAt,
  decidedOutcome,
  dossierClock,
  dueSoonBefore,
  endOfWorkingDay,
  extendDueAt,
  localDateTime,
  localDateTimeWords,
  pause,
  processingWorkingDays,
  receiptDay,
  resume,
  slaState,
  TIME_ZONE,
  toLocalDate,
  workingDaysWaited,
  ZONE_FIXED_OFFSET_MS,
  ZONE_FIXED_SINCE_MS,
  zoneOffsetMs,
  type SlaState,
} from './dossier-clock.js';
import type { DossierStatus } from './dossier-status.js';
import { WorkingCalendar, type CalendarEntry } from './working-days.js';

/** Vietnam's days off 2025-2027 as the API's migration seeds them (weekdays only, plus make-up Saturdays). */
const H = (date: string): CalendarEntry => ({ date, kind: 'HOLIDAY' });
const W = (date: string): CalendarEntry => ({ date, kind: 'WORKING_DAY' });
const VIETNAM: CalendarEntry[] = [
  H('2025-01-01'),
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map(H),
  H('2025-04-07'),
  W('2025-04-26'),
  H('2025-04-30'),
  H('2025-05-01'),
  H('2025-05-02'),
  H('2025-09-01'),
  H('2025-09-02'),
  H('2026-01-01'),
  H('2026-01-02'),
  W('2026-01-10'),
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(H),
  H('2026-04-27'),
  H('2026-04-30'),
  H('2026-05-01'),
  H('2026-09-01'),
  H('2026-09-02'),
  H('2027-01-01'),
  ...['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map(H),
  H('2027-04-16'),
  H('2027-04-30'),
  H('2027-05-03'),
  H('2027-09-02'),
  H('2027-09-03'),
];
const cal = new WorkingCalendar(VIETNAM);

/** An instant given in Vietnam's local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
/** 17:00 local of a day, as computeDueAt answers. */
const due = (date: string) => vn(`${date}T17:00:00`);

describe('local time in Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
  it('puts an instant after 17:00 UTC on the next local day', () => {
    expect(toLocalDate(new Date('2026-02-13T16:59:59Z'))).toBe('2026-02-13');
    expect(toLocalDate(new Date('2026-02-13T17:00:00Z'))).toBe('2026-02-14');
  });

  it('reads the zone by name, with its history: UTC+8 before 13 June 1975, not a fixed +7', () => {
    expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(toLocalDate(new Date('1970-06-01T16:30:00Z'))).toBe('1970-06-02');
    expect(toLocalDate(new Date('2026-06-01T16:30:00Z'))).toBe('2026-06-01');
    expect(localDateTime('1970-06-02', 0, 30).toISOString()).toBe('1970-06-01T16:30:00.000Z');
  });

  it('ends the working day at 17:00 local, 10:00 UTC', () => {
    expect(endOfWorkingDay('2026-03-02').toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(localDateTime('2026-03-02', 8, 30).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });

  it('writes an instant as local "hh:mm dd/mm/yyyy" for notices and letters', () => {
    expect(localDateTimeWords(new Date('2026-11-26T10:00:00Z'))).toBe('17:00 26/11/2026');
    expect(localDateTimeWords(new Date('2026-12-31T17:05:00Z'))).toBe('00:05 01/01/2027');
  });

  it('refuses dates that do not exist', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('26-02-03')).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('counts Monday to Friday, not weekends', () => {
    expect(cal.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });

  it('skips holidays and counts compensating Saturdays', () => {
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // Mùng 1 Tết Bính Ngọ
    expect(cal.isWorkingDay('2025-05-02')).toBe(false); // bridging Friday
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // its make-up Saturday
    expect(cal.isWorkingDay('2026-01-10')).toBe(true); // make-up for Friday 2/1/2026
  });

  it('takes an instant as its local day', () => {
    expect(cal.isWorkingDay(toLocalDate(vn('2026-02-16T09:00:00')))).toBe(false);
    expect(cal.isWorkingDay(toLocalDate(new Date('2026-02-22T18:00:00Z')))).toBe(true); // Monday 23/2 01:00 local
  });

  it('adds working days over a weekend', () => {
    expect(cal.addWorkingDays('2026-03-05', 1)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
  });

  it('jumps the nine days of Tết 2026', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('jumps Tết 2025 and Tết 2027', () => {
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(cal.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
  });

  it('crosses the year end and New Year bridging day', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.workingDaysBetween('2025-12-26', '2026-01-05')).toBe(4); // 29, 30, 31/12 and 5/1
  });

  it('works on a make-up Saturday', () => {
    expect(cal.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(cal.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-26', 1)).toBe('2025-04-28');
  });

  it('gives the day itself for 0 on a working day, else the next working day', () => {
    expect(cal.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-04-30', 0)).toBe('2026-05-04');
  });

  it('refuses negative or fractional day counts', () => {
    expect(() => cal.addWorkingDays('2026-03-04', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-04', 1.5)).toThrow(RangeError);
  });

  it('counts between two days, negative backwards, zero on the same day', () => {
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
    expect(cal.workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
  });

  it('treats every weekday as working in a calendar without entries', () => {
    const plain = new WorkingCalendar();
    expect(plain.isWorkingDay('2026-02-17')).toBe(true);
    expect(plain.addWorkingDays('2026-02-13', 1)).toBe('2026-02-16');
  });
});

describe('computeDueAt: 17:00 of the working day processingDays after receipt', () => {
  it('counts from the day of receipt during working hours', () => {
    expect(computeDueAt(vn('2026-03-02T10:00:00'), 3, cal)).toEqual(due('2026-03-05'));
  });

  it('is 17:00 the same day for processingDays 0', () => {
    expect(computeDueAt(vn('2026-03-02T08:00:00'), 0, cal)).toEqual(due('2026-03-02'));
  });

  it('counts a receipt at or after 17:00 from the next working day', () => {
    expect(computeDueAt(vn('2026-03-02T16:59:59'), 0, cal)).toEqual(due('2026-03-02'));
    expect(computeDueAt(vn('2026-03-02T17:00:00'), 0, cal)).toEqual(due('2026-03-03'));
    expect(computeDueAt(vn('2026-03-02T17:00:00'), 2, cal)).toEqual(due('2026-03-05'));
  });

  it('on the Friday before Tết: 16:59 and 17:01 fall on either side of the break', () => {
    expect(computeDueAt(vn('2026-02-13T16:59:00'), 0, cal)).toEqual(due('2026-02-13'));
    expect(computeDueAt(vn('2026-02-13T16:59:00'), 1, cal)).toEqual(due('2026-02-23'));
    expect(computeDueAt(vn('2026-02-13T17:01:00'), 0, cal)).toEqual(due('2026-02-23'));
    expect(computeDueAt(vn('2026-02-13T17:01:00'), 1, cal)).toEqual(due('2026-02-24'));
  });

  it('counts a receipt on a weekend or holiday from the next working day', () => {
    expect(computeDueAt(vn('2026-03-07T09:00:00'), 0, cal)).toEqual(due('2026-03-09'));
    expect(computeDueAt(vn('2026-03-08T09:00:00'), 1, cal)).toEqual(due('2026-03-10'));
    expect(computeDueAt(vn('2026-02-18T09:00:00'), 1, cal)).toEqual(due('2026-02-24'));
  });

  it('carries 30/4 - 1/5 and the bridging Friday of 2025', () => {
    expect(computeDueAt(vn('2025-04-29T10:00:00'), 1, cal)).toEqual(due('2025-05-05'));
  });

  it('uses a make-up Saturday as a working day and as a day of receipt', () => {
    expect(computeDueAt(vn('2026-01-09T10:00:00'), 1, cal)).toEqual(due('2026-01-10'));
    expect(computeDueAt(vn('2026-01-10T09:00:00'), 0, cal)).toEqual(due('2026-01-10'));
  });

  it('crosses the year end', () => {
    expect(computeDueAt(vn('2025-12-31T15:00:00'), 2, cal)).toEqual(due('2026-01-06'));
    expect(computeDueAt(vn('2026-12-31T17:30:00'), 0, cal)).toEqual(due('2027-01-04'));
  });

  it('handles the long time limits (10 and 15 working days) across Tết 2027', () => {
    expect(computeDueAt(vn('2027-02-01T09:00:00'), 10, cal)).toEqual(due('2027-02-22'));
    expect(computeDueAt(vn('2027-01-29T09:00:00'), 15, cal)).toEqual(due('2027-02-26'));
  });

  it('reads the receipt instant in Vietnam, whatever the server zone', () => {
    // 23:30 UTC on Sunday is 06:30 on Monday in Da Nang.
    expect(computeDueAt(new Date('2026-03-01T23:30:00Z'), 0, cal)).toEqual(due('2026-03-02'));
  });
});

describe('extendDueAt: the clock stops while waiting for a supplement', () => {
  const dueAt = due('2026-03-05');

  it('changes nothing when requested and supplied on the same working day', () => {
    expect(extendDueAt(dueAt, vn('2026-03-02T09:00:00'), vn('2026-03-02T16:00:00'), cal)).toEqual(dueAt);
  });

  it('moves one working day when supplied the next working day, however early', () => {
    expect(extendDueAt(dueAt, vn('2026-03-02T16:00:00'), vn('2026-03-03T07:30:00'), cal)).toEqual(due('2026-03-06'));
  });

  it('does not count a wait that starts after 17:00 and ends the next morning', () => {
    expect(extendDueAt(dueAt, vn('2026-03-02T17:30:00'), vn('2026-03-03T10:00:00'), cal)).toEqual(dueAt);
  });

  it('counts only working days spent waiting (a weekend costs nothing)', () => {
    expect(workingDaysWaited(vn('2026-03-06T10:00:00'), vn('2026-03-09T10:00:00'), cal)).toBe(1);
    expect(extendDueAt(dueAt, vn('2026-03-06T10:00:00'), vn('2026-03-09T10:00:00'), cal)).toEqual(due('2026-03-06'));
  });

  it('skips holidays both in the wait and when moving the due date', () => {
    // Waited Fri 13/2 → Mon 23/2 (Tết): one working day; due Fri 13/2 moves to Mon 23/2.
    expect(extendDueAt(due('2026-02-13'), vn('2026-02-13T10:00:00'), vn('2026-02-23T10:00:00'), cal)).toEqual(
      due('2026-02-23'),
    );
  });

  it('never moves the due date earlier', () => {
    expect(extendDueAt(dueAt, vn('2026-03-03T10:00:00'), vn('2026-03-02T10:00:00'), cal)).toEqual(dueAt);
  });
});

describe('slaState', () => {
  it('shows a decided dossier by the outcome its decision stored, when given (the decided_outcome time fact)', () => {
    const decided = {
      status: 'APPROVED' as const,
      dueAt: vn('2026-03-05T17:00:00'),
      completedAt: vn('2026-03-05T10:00:00'),
    };
    expect(slaState(decided, vn('2026-03-20T10:00:00'), cal)).toBe('ON_TIME');
    expect(slaState({ ...decided, decidedOutcome: 'EARLY' }, vn('2026-03-20T10:00:00'), cal)).toBe('EARLY');
  });

  const dueAt = due('2026-03-05'); // Thursday
  const open = { status: 'IN_PROCESSING' as const, dueAt, completedAt: null };

  it('is null before receipt (no due date)', () => {
    expect(
      slaState({ status: 'SUBMITTED', dueAt: null, completedAt: null }, vn('2026-03-02T10:00:00'), cal),
    ).toBeNull();
  });

  it('is ON_TIME with more than one working day left', () => {
    expect(slaState(open, vn('2026-03-02T10:00:00'), cal)).toBe('ON_TIME');
    expect(slaState(open, vn('2026-03-04T16:59:00'), cal)).toBe('ON_TIME');
  });

  it('is DUE_SOON within the last working day', () => {
    expect(slaState(open, vn('2026-03-04T17:00:00'), cal)).toBe('DUE_SOON');
    expect(slaState(open, vn('2026-03-05T09:00:00'), cal)).toBe('DUE_SOON');
    expect(slaState(open, dueAt, cal)).toBe('DUE_SOON');
  });

  it('is DUE_SOON over the weekend before a Monday due date', () => {
    const monday = { status: 'RECEIVED' as const, dueAt: due('2026-03-09'), completedAt: null };
    expect(slaState(monday, vn('2026-03-06T16:00:00'), cal)).toBe('ON_TIME');
    expect(slaState(monday, vn('2026-03-07T12:00:00'), cal)).toBe('DUE_SOON');
  });

  it('is OVERDUE after dueAt', () => {
    expect(slaState(open, vn('2026-03-05T17:00:01'), cal)).toBe('OVERDUE');
    expect(slaState(open, vn('2026-04-01T09:00:00'), cal)).toBe('OVERDUE');
  });

  it('is EARLY when decided before the due day', () => {
    expect(
      slaState({ status: 'APPROVED', dueAt, completedAt: vn('2026-03-04T16:00:00') }, vn('2026-04-01T00:00:00'), cal),
    ).toBe('EARLY');
  });

  it('is ON_TIME when decided on the due day, up to dueAt', () => {
    expect(
      slaState({ status: 'APPROVED', dueAt, completedAt: vn('2026-03-05T08:00:00') }, vn('2026-04-01T00:00:00'), cal),
    ).toBe('ON_TIME');
    expect(slaState({ status: 'APPROVED', dueAt, completedAt: dueAt }, vn('2026-04-01T00:00:00'), cal)).toBe('ON_TIME');
  });

  it('is LATE when decided after dueAt, whatever now is', () => {
    expect(
      slaState({ status: 'APPROVED', dueAt, completedAt: vn('2026-03-05T17:01:00') }, vn('2026-03-01T00:00:00'), cal),
    ).toBe('LATE');
  });
});

describe('receiptDay: the 17:00 cut-off', () => {
  it('is the same day before 17:00 on a working day, else the next working day', () => {
    expect(receiptDay(vn('2026-03-02T16:59:59'), cal)).toBe('2026-03-02');
    expect(receiptDay(vn('2026-03-02T17:00:00'), cal)).toBe('2026-03-03');
    expect(receiptDay(vn('2026-03-06T18:00:00'), cal)).toBe('2026-03-09'); // Friday evening
    expect(receiptDay(vn('2026-02-13T17:01:00'), cal)).toBe('2026-02-23'); // into Tết
    expect(receiptDay(vn('2026-03-01T06:30:00'), cal)).toBe('2026-03-02'); // a Sunday morning
  });
});

describe('pause and resume (request_supplement, supplement)', () => {
  const running = { dueAt: due('2026-03-05'), pausedSince: null };

  it('stops the clock once: a second pause keeps the first stop', () => {
    const paused = pause(running, vn('2026-03-02T10:00:00'));
    expect(paused).toEqual({ dueAt: due('2026-03-05'), pausedSince: vn('2026-03-02T10:00:00') });
    expect(pause(paused, vn('2026-03-03T10:00:00'))).toEqual(paused);
  });

  it('moves the due time by the working days waited on resume, and runs again', () => {
    const paused = pause(running, vn('2026-03-02T10:00:00'));
    expect(resume(paused, vn('2026-03-04T09:00:00'), cal)).toEqual({ dueAt: due('2026-03-09'), pausedSince: null });
  });

  it('leaves a clock that never stopped as it is', () => {
    expect(resume(running, vn('2026-03-04T09:00:00'), cal)).toEqual(running);
  });
});

describe('slaState: WAITING_CITIZEN and the statuses without an SLA', () => {
  const dueAt = due('2026-03-05');

  it('is WAITING_CITIZEN while SUPPLEMENT_REQUESTED, even long past the stored due time', () => {
    const waiting = { status: 'SUPPLEMENT_REQUESTED' as const, dueAt, completedAt: null };
    expect(slaState(waiting, vn('2026-03-02T10:00:00'), cal)).toBe('WAITING_CITIZEN');
    expect(slaState(waiting, vn('2026-03-05T12:00:00'), cal)).toBe('WAITING_CITIZEN');
    expect(slaState(waiting, vn('2026-06-01T10:00:00'), cal)).toBe('WAITING_CITIZEN');
  });

  it('is null for a draft, a refused and a withdrawn dossier, whatever their times', () => {
    for (const status of ['DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN'] as const) {
      expect(slaState({ status, dueAt, completedAt: null }, vn('2026-06-01T10:00:00'), cal)).toBeNull();
    }
  });

  it('keeps the decided outcome once returned', () => {
    const returned = { status: 'RETURNED' as const, dueAt, completedAt: vn('2026-03-06T09:00:00') };
    expect(slaState(returned, vn('2026-06-01T10:00:00'), cal)).toBe('LATE');
  });

  it('is reachable as dossierClock.slaState', () => {
    expect(dossierClock.slaState).toBe(slaState);
    expect(dossierClock.dueAt).toBe(computeDueAt);
  });
});

describe('properties', () => {
  const dayArb = fc
    .integer({ min: Date.UTC(2024, 11, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  /** The real calendar with random extra days off and random make-up weekend days. */
  const calendarArb = fc
    .uniqueArray(fc.tuple(dayArb, fc.constantFrom<'HOLIDAY' | 'WORKING_DAY'>('HOLIDAY', 'WORKING_DAY')), {
      maxLength: 40,
      selector: ([d]) => d,
    })
    .map((extra) => {
      const known = new Set(VIETNAM.map((e) => e.date));
      return new WorkingCalendar([
        ...VIETNAM,
        ...extra.filter(([d]) => !known.has(d)).map(([date, kind]) => ({ date, kind })),
      ]);
    });
  const instantArb = fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 1) })
    .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

  it('addWorkingDays always lands on a working day', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 60 }), (c, d, n) => {
        expect(c.isWorkingDay(c.addWorkingDays(d, n))).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n for n ≥ 1', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 60 }), (c, d, n) => {
        expect(c.workingDaysBetween(d, c.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, dayArb, (c, a, b) => {
        expect(c.workingDaysBetween(a, b) + c.workingDaysBetween(b, a)).toBe(0);
      }),
    );
  });

  it('addWorkingDays is monotonic in the start day and in n', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dayArb,
        dayArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (c, a, b, n, m) => {
          const [d1, d2] = a <= b ? [a, b] : [b, a];
          expect(c.addWorkingDays(d1, n) <= c.addWorkingDays(d2, n)).toBe(true);
          const [n1, n2] = n <= m ? [n, m] : [m, n];
          expect(c.addWorkingDays(d1, n1) <= c.addWorkingDays(d1, n2)).toBe(true);
        },
      ),
    );
  });

  it('computeDueAt is 17:00 of a working day, after receipt, and monotonic', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, fc.integer({ min: 0, max: 30 }), (c, r1, r2, n) => {
        const dueAt = computeDueAt(r1, n, c);
        expect(c.isWorkingDay(toLocalDate(dueAt))).toBe(true);
        expect(dueAt).toEqual(endOfWorkingDay(toLocalDate(dueAt)));
        expect(dueAt.getTime()).toBeGreaterThan(r1.getTime());
        expect(c.workingDaysBetween(receiptDay(r1, c), toLocalDate(dueAt))).toBe(n);
        const [a, b] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(computeDueAt(a, n, c).getTime()).toBeLessThanOrEqual(computeDueAt(b, n, c).getTime());
        expect(computeDueAt(a, n, c).getTime()).toBeLessThanOrEqual(computeDueAt(a, n + 1, c).getTime());
      }),
    );
  });

  it('extendDueAt never moves earlier and adds exactly the working days waited', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (c, receivedAt, n, waitMs) => {
          const dueAt = computeDueAt(receivedAt, n, c);
          const pausedFrom = new Date(receivedAt.getTime() + 3_600_000);
          const resumedAt = new Date(pausedFrom.getTime() + waitMs);
          const extended = extendDueAt(dueAt, pausedFrom, resumedAt, c);
          expect(extended.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
          expect(c.workingDaysBetween(toLocalDate(dueAt), toLocalDate(extended))).toBe(
            workingDaysWaited(pausedFrom, resumedAt, c),
          );
        },
      ),
    );
  });

  it('an open dossier is OVERDUE exactly when now is after dueAt', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, fc.integer({ min: 0, max: 15 }), (c, r, now, n) => {
        const dueAt = computeDueAt(r, n, c);
        const state = slaState({ status: 'IN_PROCESSING', dueAt, completedAt: null }, now, c);
        expect(state === 'OVERDUE').toBe(now.getTime() > dueAt.getTime());
      }),
    );
  });

  const OPEN_RUNNING: DossierStatus[] = ['RECEIVED', 'IN_PROCESSING', 'PENDING_APPROVAL'];
  const RANK: Partial<Record<SlaState, number>> = { ON_TIME: 0, DUE_SOON: 1, OVERDUE: 2 };
  const anyInstantArb = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
  const vnDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

  it('toLocalDate is the day Intl gives in Asia/Ho_Chi_Minh, and localDateTime its inverse', () => {
    fc.assert(
      fc.property(anyInstantArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (t, h, m) => {
        const day = toLocalDate(t);
        expect(day).toBe(vnDate.format(t));
        const back = localDateTime(day, h, m);
        expect(toLocalDate(back)).toBe(day);
        expect(localDateTime(day, h, m).getTime() - localDateTime(day).getTime()).toBe((h * 60 + m) * 60_000);
      }),
    );
  });

  it('dueAt is always 17:00 local of a working day', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 30 }), (c, r, n) => {
        const dueAt = computeDueAt(r, n, c);
        const hm = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Ho_Chi_Minh',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }).format(dueAt);
        expect(hm).toBe('17:00:00');
        expect(c.isWorkingDay(vnDate.format(dueAt))).toBe(true);
      }),
    );
  });

  it('pause, then resume k working days later, moves the due time by exactly k working days', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 7 * 60, max: 17 * 60 - 1 }),
        (c, receivedAt, n, pauseAfterMs, k, minuteOfDay) => {
          const dueAt = computeDueAt(receivedAt, n, c);
          const pausedAt = new Date(receivedAt.getTime() + pauseAfterMs);
          // Resumed during working hours of the k-th working day after the day the pause counts toward.
          const resumeDay = c.addWorkingDays(receiptDay(pausedAt, c), k);
          const resumedAt = localDateTime(resumeDay, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
          fc.pre(resumedAt.getTime() > pausedAt.getTime());
          const after = resume(pause({ dueAt, pausedSince: null }, pausedAt), resumedAt, c);
          expect(after.pausedSince).toBeNull();
          expect(after.dueAt).toEqual(k === 0 ? dueAt : endOfWorkingDay(c.addWorkingDays(toLocalDate(dueAt), k)));
          expect(c.workingDaysBetween(toLocalDate(dueAt), toLocalDate(after.dueAt!))).toBe(k);
        },
      ),
    );
  });

  it('the SLA state of an open running dossier never goes back as time passes', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 15 }),
        instantArb,
        instantArb,
        fc.constantFrom(...OPEN_RUNNING),
        (c, r, n, a, b, status) => {
          const dueAt = computeDueAt(r, n, c);
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          const s1 = slaState({ status, dueAt, completedAt: null }, t1, c)!;
          const s2 = slaState({ status, dueAt, completedAt: null }, t2, c)!;
          expect(RANK[s1]).toBeLessThanOrEqual(RANK[s2]!);
        },
      ),
    );
  });

  it('is WAITING_CITIZEN whenever the clock is paused, never DUE_SOON or OVERDUE', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 15 }), instantArb, (c, r, n, now) => {
        const dueAt = computeDueAt(r, n, c);
        expect(slaState({ status: 'SUPPLEMENT_REQUESTED', dueAt, completedAt: null }, now, c)).toBe('WAITING_CITIZEN');
      }),
    );
  });

  it('DUE_SOON is exactly now ≤ dueAt < dueSoonBefore(now), the times the queue filters on', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 15 }), instantArb, (c, r, n, now) => {
        const dueAt = computeDueAt(r, n, c);
        const state = slaState({ status: 'IN_PROCESSING', dueAt, completedAt: null }, now, c);
        const soon = dueSoonBefore(now, c);
        expect(state === 'DUE_SOON').toBe(now.getTime() <= dueAt.getTime() && dueAt.getTime() < soon.getTime());
        expect(state === 'ON_TIME').toBe(dueAt.getTime() >= soon.getTime());
      }),
    );
  });

  it('a decided dossier keeps its outcome whatever now is, and takes its processing days', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        instantArb,
        instantArb,
        fc.constantFrom<DossierStatus>('APPROVED', 'REJECTED', 'RETURNED'),
        (c, r, n, decideAfterMs, now1, now2, status) => {
          const dueAt = computeDueAt(r, n, c);
          const completedAt = new Date(r.getTime() + decideAfterMs);
          const outcome = decidedOutcome(completedAt, dueAt);
          expect(slaState({ status, dueAt, completedAt }, now1, c)).toBe(outcome);
          expect(slaState({ status, dueAt, completedAt }, now2, c)).toBe(outcome);
          expect(outcome === 'LATE').toBe(completedAt.getTime() > dueAt.getTime());
          expect(processingWorkingDays(r, completedAt, c)).toBeGreaterThanOrEqual(0);
          expect(processingWorkingDays(r, dueAt, c)).toBe(n);
        },
      ),
    );
  });
});

describe('the zone offset without Intl', () => {
  it('is the zone data’s own offset for every day from 13 June 1975 to 2100, and Intl’s before', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const offsetOf = (ms: number) => {
      const p: Record<string, number> = {};
      for (const part of intl.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
    };
    expect(offsetOf(ZONE_FIXED_SINCE_MS)).toBe(ZONE_FIXED_OFFSET_MS);
    expect(offsetOf(ZONE_FIXED_SINCE_MS - 1000)).not.toBe(ZONE_FIXED_OFFSET_MS);
    const end = Date.UTC(2100, 0, 1);
    for (let ms = ZONE_FIXED_SINCE_MS; ms < end; ms += 86_400_000 + 3_600_000 * 5) {
      expect(offsetOf(ms)).toBe(ZONE_FIXED_OFFSET_MS);
    }
    for (const ms of [ZONE_FIXED_SINCE_MS, Date.UTC(2026, 11, 7, 3), end]) {
      expect(zoneOffsetMs(new Date(ms))).toBe(offsetOf(ms));
    }
    // Before the fixed era the clock still reads the zone by name (UTC+8 in early June 1975).
    const before = Date.UTC(1975, 5, 1);
    expect(zoneOffsetMs(new Date(before))).toBe(offsetOf(before));
    expect(zoneOffsetMs(new Date(before))).toBe(8 * 3_600_000);
  });
});
