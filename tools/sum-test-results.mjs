// Sum jest's JSON results over every package and print `tests: N passed, N failed`.
// A suite that failed to run (its tests never counted) counts as one failure, and so
// does a package whose results file is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['packages/shared', 'apps/api', 'apps/web', 'e2e'];
let passed = 0;
let failed = 0;
for (const p of packages) {
  const file = path.join(root, p, '.jest-results.json');
  if (!existsSync(file)) {
    console.log(`${p}: no results (did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const broken = r.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `${p}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${broken ? `, ${broken} suites failed to run` : ''}`,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests + broken;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
