import fc from 'fast-check';
import {
  computeDueAt,
  endOfWorkingDay,
  extendDueAt,
  localDateTime,
  slaState,
  toLocalDate,
  WorkingCalendar,
  workingDaysWaited,
  type CalendarEntry,
} from './working-days.js';

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

  it('ends the working day at 17:00 local, 10:00 UTC', () => {
    expect(endOfWorkingDay('2026-03-02').toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(localDateTime('2026-03-02', 8, 30).toISOString()).toBe('2026-03-02T01:30:00.000Z');
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
    expect(cal.isWorkingDay(vn('2026-02-16T09:00:00'))).toBe(false);
    expect(cal.isWorkingDay(new Date('2026-02-22T18:00:00Z'))).toBe(true); // Monday 23/2 01:00 local
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
  const dueAt = due('2026-03-05'); // Thursday
  const open = { dueAt, completedAt: null };

  it('is null before receipt (no due date)', () => {
    expect(slaState({ dueAt: null, completedAt: null }, vn('2026-03-02T10:00:00'), cal)).toBeNull();
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
    const monday = { dueAt: due('2026-03-09'), completedAt: null };
    expect(slaState(monday, vn('2026-03-06T16:00:00'), cal)).toBe('ON_TIME');
    expect(slaState(monday, vn('2026-03-07T12:00:00'), cal)).toBe('DUE_SOON');
  });

  it('is OVERDUE after dueAt', () => {
    expect(slaState(open, vn('2026-03-05T17:00:01'), cal)).toBe('OVERDUE');
    expect(slaState(open, vn('2026-04-01T09:00:00'), cal)).toBe('OVERDUE');
  });

  it('is EARLY when decided before the due day', () => {
    expect(slaState({ dueAt, completedAt: vn('2026-03-04T16:00:00') }, vn('2026-04-01T00:00:00'), cal)).toBe('EARLY');
  });

  it('is ON_TIME when decided on the due day, up to dueAt', () => {
    expect(slaState({ dueAt, completedAt: vn('2026-03-05T08:00:00') }, vn('2026-04-01T00:00:00'), cal)).toBe('ON_TIME');
    expect(slaState({ dueAt, completedAt: dueAt }, vn('2026-04-01T00:00:00'), cal)).toBe('ON_TIME');
  });

  it('is LATE when decided after dueAt, whatever now is', () => {
    expect(slaState({ dueAt, completedAt: vn('2026-03-05T17:01:00') }, vn('2026-03-01T00:00:00'), cal)).toBe('LATE');
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
        expect(c.isWorkingDay(dueAt)).toBe(true);
        expect(dueAt).toEqual(endOfWorkingDay(toLocalDate(dueAt)));
        expect(dueAt.getTime()).toBeGreaterThan(r1.getTime());
        expect(c.workingDaysBetween(c.effectiveWorkingDay(r1), toLocalDate(dueAt))).toBe(n);
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
        const state = slaState({ dueAt, completedAt: null }, now, c);
        expect(state === 'OVERDUE').toBe(now.getTime() > dueAt.getTime());
      }),
    );
  });
});
