import fc from 'fast-check';
import { addLocalYears, isRetentionOver, retentionCutoff, retentionLastDay } from './retention.js';

/** An instant given as Vietnam wall-clock time (UTC+7, no daylight saving). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('personal data retention (domain.md, Personal data: 10 years after closing)', () => {
  it('keeps a dossier until the end of the 10th anniversary of its closing day, in Vietnam time', () => {
    const closed = vn('2026-12-07T10:00:00');
    expect(retentionLastDay(closed)).toBe('2036-12-07');
    expect(isRetentionOver(closed, vn('2036-12-07T23:59:59'))).toBe(false);
    expect(isRetentionOver(closed, vn('2036-12-08T00:00:00'))).toBe(true);
  });

  it('counts the closing day in Vietnam, not UTC: closed at 06:30 local is the previous day in UTC', () => {
    const closed = vn('2026-12-08T06:30:00');
    expect(closed.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect(retentionLastDay(closed)).toBe('2036-12-08');
    expect(isRetentionOver(closed, vn('2036-12-08T23:00:00'))).toBe(false);
    expect(isRetentionOver(closed, vn('2036-12-09T00:00:00'))).toBe(true);
  });

  it('ends a period started on 29 February on 28 February of a common year', () => {
    expect(addLocalYears('2028-02-29', 10)).toBe('2038-02-28');
    expect(addLocalYears('2028-02-29', 12)).toBe('2040-02-29');
    const closed = vn('2028-02-29T15:00:00');
    expect(isRetentionOver(closed, vn('2038-02-28T23:59:00'))).toBe(false);
    expect(isRetentionOver(closed, vn('2038-03-01T00:00:00'))).toBe(true);
  });

  it('erases on 1 March both the 28 and the 29 February closings of a leap year', () => {
    const cutoff = retentionCutoff(vn('2038-03-01T02:00:00'));
    expect(cutoff).toEqual(vn('2028-03-01T00:00:00'));
  });

  it('keeps 28 February of a common year until 29 February when the anniversary is a leap year', () => {
    const closed = vn('2030-02-28T09:00:00');
    expect(retentionLastDay(closed, 2)).toBe('2032-02-28');
    expect(isRetentionOver(closed, vn('2032-02-29T00:00:00'), 2)).toBe(true);
    expect(retentionCutoff(vn('2032-02-29T00:00:00'), 2)).toEqual(vn('2030-03-01T00:00:00'));
  });

  it('refuses a day that does not exist', () => {
    expect(() => addLocalYears('2027-02-29', 10)).toThrow(RangeError);
  });

  it('gives the job one index bound that agrees with the rule for every closing and every now', () => {
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 12 }), (closed, now, years) => {
        expect(closed < retentionCutoff(now, years)).toBe(isRetentionOver(closed, now, years));
      }),
      { numRuns: 1000 },
    );
    // Around the leap days too, where a random instant rarely lands.
    const nearLeap = fc
      .tuple(fc.constantFrom(2028, 2032, 2036), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
      .map(([y, offset]) => new Date(vn(`${y}-02-29T12:00:00`).getTime() + offset));
    fc.assert(
      fc.property(nearLeap, fc.integer({ min: 1, max: 12 }), (closed, years) => {
        const lastDayEnd = new Date(vn(`${retentionLastDay(closed, years)}T00:00:00`).getTime() + 86_400_000);
        for (const now of [new Date(lastDayEnd.getTime() - 1), lastDayEnd]) {
          expect(closed < retentionCutoff(now, years)).toBe(isRetentionOver(closed, now, years));
        }
        expect(isRetentionOver(closed, lastDayEnd, years)).toBe(true);
        expect(isRetentionOver(closed, new Date(lastDayEnd.getTime() - 1), years)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
