import { monthLabel, periodFromSearch, presetPeriod, trendRange } from './period';

describe('dashboard periods', () => {
  it('runs a preset from the first day of the month, quarter or year to today', () => {
    expect(presetPeriod('month', '2026-08-15')).toEqual({ kind: 'month', from: '2026-08-01', to: '2026-08-15' });
    expect(presetPeriod('quarter', '2026-08-15')).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-08-15' });
    expect(presetPeriod('quarter', '2026-03-31').from).toBe('2026-01-01');
    expect(presetPeriod('year', '2026-08-15')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-08-15' });
  });

  it('reads a custom period from the address and refuses one the API would refuse', () => {
    const ok = periodFromSearch(new URLSearchParams('period=custom&from=2025-01-01&to=2025-12-31'), '2026-08-15');
    expect(ok).toEqual({ period: { kind: 'custom', from: '2025-01-01', to: '2025-12-31' }, problems: [] });
    const backwards = periodFromSearch(
      new URLSearchParams('period=custom&from=2025-12-31&to=2025-01-01'),
      '2026-08-15',
    );
    expect(backwards.problems).toEqual([{ field: 'to', kind: 'beforeFrom' }]);
    const tooLong = periodFromSearch(new URLSearchParams('period=custom&from=2020-01-01&to=2025-01-01'), '2026-08-15');
    expect(tooLong.problems).toEqual([{ field: 'to', kind: 'tooLong' }]);
    const missing = periodFromSearch(new URLSearchParams('period=custom&to=2025-02-30'), '2026-08-15');
    expect(missing.problems).toEqual([
      { field: 'from', kind: 'required' },
      { field: 'to', kind: 'invalid' },
    ]);
    expect(periodFromSearch(new URLSearchParams('period=nonsense'), '2026-08-15').period.kind).toBe('month');
  });

  it('shows twelve months of trend for a short period, the whole period for a long one', () => {
    expect(trendRange(presetPeriod('month', '2026-08-15'))).toEqual({ from: '2025-09-01', to: '2026-08-15' });
    expect(trendRange(presetPeriod('month', '2026-12-05'))).toEqual({ from: '2026-01-01', to: '2026-12-05' });
    expect(trendRange({ kind: 'custom', from: '2024-03-10', to: '2026-01-31' })).toEqual({
      from: '2024-03-10',
      to: '2026-01-31',
    });
    expect(monthLabel('2026-07')).toBe('07/2026');
  });
});
