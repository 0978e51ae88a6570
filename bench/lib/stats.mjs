/** Nearest-rank percentile of numbers (sorted copy). */
export function percentile(values, p) {
  if (!values.length) return null;
  const s = Float64Array.from(values).sort();
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** p50, p95, p99, mean and max of latencies in ms, rounded to 0.01 ms. */
export function summarize(values) {
  if (!values.length) return { n: 0, p50: null, p95: null, p99: null, mean: null, max: null };
  const s = Float64Array.from(values).sort();
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  let sum = 0;
  for (const v of s) sum += v;
  return {
    n: s.length,
    p50: r2(at(50)),
    p95: r2(at(95)),
    p99: r2(at(99)),
    mean: r2(sum / s.length),
    max: r2(s[s.length - 1]),
  };
}

export function r2(x) {
  return x === null || x === undefined ? null : Math.round(x * 100) / 100;
}

export function r1(x) {
  return x === null || x === undefined ? null : Math.round(x * 10) / 10;
}

/** Time an async function: its result and the elapsed milliseconds. */
export async function timed(fn) {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}
