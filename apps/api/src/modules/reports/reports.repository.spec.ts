import { wholeMonths } from './reports.repository.js';

describe('whole months of a period (read from the monthly rows)', () => {
  it('takes the months a period covers entirely, and none when it covers none', () => {
    expect(wholeMonths('2026-01-01', '2026-12-31')).toEqual({ first: '2026-01-01', last: '2026-12-31' });
    expect(wholeMonths('2026-01-15', '2026-04-10')).toEqual({ first: '2026-02-01', last: '2026-03-31' });
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(wholeMonths('2026-11-02', '2026-11-30')).toBeNull();
    expect(wholeMonths('2026-11-01', '2026-11-29')).toBeNull();
    expect(wholeMonths('2026-11-02', '2026-11-02')).toBeNull();
    expect(wholeMonths('2025-12-01', '2026-01-31')).toEqual({ first: '2025-12-01', last: '2026-01-31' });
    expect(wholeMonths('2025-12-31', '2026-01-01')).toBeNull();
  });
});
