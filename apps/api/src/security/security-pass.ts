/**
 * How hard the attack suite pushes: `npm run test:security` sets SECURITY_PASS=full (with
 * FUZZ_REQUESTS=10000 for the fuzzer); `npm test` runs the same files lighter. The matrix, IDOR
 * and race cases run in full in both; only the counts of the long cases (crash cycles, fuzzed
 * requests) change.
 */
export const SECURITY_PASS = { full: process.env.SECURITY_PASS === 'full' } as const;
