/**
 * The trend chart's axes (issue 16: ticks "0, 0, 1, 1, 1" and month labels on top of each other):
 * whole-number ticks without repeats for counts, and x labels that fit their band.
 */

/** 1, 2, 5 × 10ⁿ at or above `v`, at least 1 (a count's step is a whole number). */
function niceStep(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Ticks of a count axis from 0 to at least `max`: whole numbers, a 1-2-5 step, about `target`
 * intervals (fewer when the counts are small), never the same value twice. The last tick is the top.
 */
export function countTicks(max: number, target = 4): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = niceStep(top / target);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** Width of a label in the chart's units (13 px text: a digit or a slash is about 7.5 units wide). */
export const labelWidth = (text: string) => text.length * 7.5 + 8;

/** "MM/YYYY" as "MM/YY"; any other label as it is. */
export const shortMonth = (label: string) => label.replace(/^(\d{2})\/\d{2}(\d{2})$/, '$1/$2');

/**
 * The x labels to draw (null: skipped): all in full when they fit their band, else abbreviated,
 * and only every n-th one when even those would touch. The table below the chart has them all.
 */
export function fitLabels(
  labels: string[],
  band: number,
  short: (s: string) => string = shortMonth,
): (string | null)[] {
  const widest = (xs: string[]) => Math.max(0, ...xs.map(labelWidth));
  const texts = widest(labels) <= band ? labels : labels.map(short);
  const every = Math.max(1, Math.ceil(widest(texts) / band));
  return texts.map((x, i) => (i % every === 0 ? x : null));
}
