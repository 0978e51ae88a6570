import { formatDate, formatDateTime, formatVnd } from './format';

describe('formatting', () => {
  it('writes calendar dates as dd/MM/yyyy without shifting them', () => {
    expect(formatDate('1995-03-14')).toBe('14/03/1995');
  });

  it('shows instants on their day and hour in Vietnam (UTC+7)', () => {
    expect(formatDate('2026-01-05T18:30:00Z')).toBe('06/01/2026');
    expect(formatDateTime('2026-01-05T18:30:00Z')).toBe('01:30 06/01/2026');
  });

  it('formats integer VND the Vietnamese way', () => {
    expect(formatVnd(75000).replace(/\s/g, ' ')).toBe('75.000 ₫');
    expect(formatVnd(1_250_000).replace(/\s/g, ' ')).toBe('1.250.000 ₫');
  });
});
