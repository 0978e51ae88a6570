import { TIME_ZONE } from '@motcua/shared/dossier-clock';
import { formatDate, formatDateTime, formatNumber, formatTime, formatVnd, sameLocalDay } from './format';

describe('formatting', () => {
  it('writes calendar dates as dd/MM/yyyy without shifting them', () => {
    expect(formatDate('1995-03-14')).toBe('14/03/1995');
  });

  it('shows instants on their day and hour in Vietnam (UTC+7)', () => {
    expect(formatDate('2026-01-05T18:30:00Z')).toBe('06/01/2026');
    expect(formatDateTime('2026-01-05T18:30:00Z')).toBe('01:30 06/01/2026');
  });

  it("writes instants exactly as Intl's en-GB formats in Asia/Ho_Chi_Minh do (which the page no longer makes)", () => {
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const instants = [
      Date.UTC(1975, 5, 1),
      Date.UTC(1975, 5, 12, 16),
      Date.UTC(2026, 11, 31, 16, 59, 59),
      Date.UTC(2026, 11, 31, 17),
    ];
    for (let i = 0; i < 300; i++) instants.push(Date.UTC(1976, 0, 1) + Math.floor(Math.random() * 4e12));
    for (const ms of instants) {
      const d = new Date(ms);
      expect(formatDate(d)).toBe(day.format(d));
      expect(formatTime(d)).toBe(time.format(d));
      expect(formatDateTime(d.toISOString())).toBe(`${time.format(d)} ${day.format(d)}`);
    }
    expect(sameLocalDay(new Date('2026-01-05T16:59:00Z'), new Date('2026-01-05T17:00:00Z'))).toBe(false);
    expect(sameLocalDay(new Date('2026-01-05T17:00:00Z'), new Date('2026-01-06T16:59:00Z'))).toBe(true);
    expect(formatDate('not a date')).toBe('');
  });

  it('formats integer VND the Vietnamese way', () => {
    expect(formatVnd(75000).replace(/\s/g, ' ')).toBe('75.000 ₫');
    expect(formatVnd(1_250_000).replace(/\s/g, ' ')).toBe('1.250.000 ₫');
  });

  it("writes VND exactly as Intl's vi-VN currency format does (which the page no longer loads)", () => {
    const intl = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
    const values = [0, 1, 9, 10, 999, 1000, 1001, 50_000, 999_999, 1_000_000, 123_456_789, -3000, 1234.5, 0.4];
    for (let i = 0; i < 200; i++) values.push(Math.floor(Math.random() * 10 ** (1 + (i % 12))));
    for (const v of values) expect(formatVnd(v)).toBe(intl.format(v));
  });

  it("writes numbers and percentages exactly as Intl's vi-VN and en-GB formats do", () => {
    const values = [0, -0, 1, 0.589, 0.1235, 0.125, 2.25, 2.35, 1000.05, 1234567, 12.3456, 0.96, 1e-7, 3, 0.999949];
    for (let i = 0; i < 300; i++)
      values.push(Math.random() * 10 ** ((i % 9) - 2), Math.floor(Math.random() * 1e9) / 1000);
    for (const [lang, locale] of [
      ['vi', 'vi-VN'],
      ['en', 'en-GB'],
    ] as const) {
      const percent = new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      const plain = new Intl.NumberFormat(locale);
      const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      for (const v of values) {
        expect([v, formatNumber(v, lang, { percent: true, minFraction: 1, maxFraction: 1 })]).toEqual([
          v,
          percent.format(v),
        ]);
        expect([v, formatNumber(v, lang)]).toEqual([v, plain.format(v)]);
        expect([v, formatNumber(v, lang, { maxFraction: 1 })]).toEqual([v, oneDecimal.format(v)]);
      }
    }
  });
});
