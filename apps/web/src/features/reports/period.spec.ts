import { monthLabel, periodFromSearch, periodProblemsOf, presetPeriod, trendRange } from './period';

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
    const tooLong = periodFromSearch(new URLSearchParams('period=custom&from=2010-01-01&to=2020-01-01'), '2026-08-15');
    expect(tooLong.problems).toEqual([{ field: 'to', kind: 'tooLong' }]);
    const farFuture = periodFromSearch(
      new URLSearchParams('period=custom&from=2026-01-01&to=9999-12-31'),
      '2026-08-15',
    );
    expect(farFuture.problems).toEqual([{ field: 'to', kind: 'tooLate' }]);
    const tooEarly = periodFromSearch(new URLSearchParams('period=custom&from=1999-12-31&to=2000-01-31'), '2026-08-15');
    expect(tooEarly.problems).toEqual([{ field: 'from', kind: 'tooEarly' }]);
    const months = periodFromSearch(new URLSearchParams('period=custom&from=2015-01-15&to=2025-01-14'), '2026-08-15');
    expect(months.problems).toEqual([{ field: 'to', kind: 'tooManyMonths' }]);
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
    expect(trendRange({ kind: 'custom', from: '2000-01-01', to: '2000-03-31' })).toEqual({
      from: '2000-01-01',
      to: '2000-03-31',
    });
    expect(monthLabel('2026-07')).toBe('07/2026');
  });

  it('turns an API refusal of the period (400 naming from or to) into field problems', () => {
    const refused = { problem: { status: 400, errors: [{ field: 'to', message: 'Must not be after 2027-08-15' }] } };
    expect(periodProblemsOf(refused)).toEqual([{ field: 'to', kind: 'rejected' }]);
    expect(periodProblemsOf({ problem: { status: 500 } })).toEqual([]);
    expect(periodProblemsOf(new Error('network'))).toEqual([]);
  });
});
