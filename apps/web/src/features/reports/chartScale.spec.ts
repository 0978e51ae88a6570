import { countTicks, fitLabels, labelWidth, shortMonth } from './chartScale';

describe('countTicks', () => {
  it('gives whole numbers without repeats for small counts (issue 16: "0, 0, 1, 1, 1")', () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it('uses a 1-2-5 step reaching at least the maximum', () => {
    expect(countTicks(23)).toEqual([0, 10, 20, 30]);
    expect(countTicks(100)).toEqual([0, 50, 100]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('never repeats a value nor gives a fraction, whatever the maximum', () => {
    for (let max = 0; max <= 5000; max += 7) {
      const ticks = countTicks(max);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('fitLabels', () => {
  const months = Array.from({ length: 24 }, (_, i) => {
    const m = (i % 12) + 1;
    return `${String(m).padStart(2, '0')}/${2025 + Math.floor(i / 12)}`;
  });

  it('keeps full labels when they fit', () => {
    expect(fitLabels(months.slice(0, 6), 100)).toEqual(months.slice(0, 6));
  });

  it('abbreviates MM/YYYY to MM/YY when full labels would overlap', () => {
    expect(shortMonth('03/2026')).toBe('03/26');
    expect(fitLabels(months.slice(0, 12), 47)).toEqual(months.slice(0, 12).map(shortMonth));
  });

  it('skips labels so that the drawn ones never overlap', () => {
    for (const band of [10, 20, 30, 47, 60]) {
      const drawn = fitLabels(months, band);
      const idx = drawn.flatMap((l, i) => (l === null ? [] : [i]));
      expect(idx[0]).toBe(0);
      for (let k = 1; k < idx.length; k++) {
        const room = (idx[k] - idx[k - 1]) * band;
        expect(room).toBeGreaterThanOrEqual(labelWidth(drawn[idx[k]]!));
      }
    }
  });
});
