// Sum jest's JSON results over every package and print `tests: N passed, N failed`.
// A suite that failed to run (its tests never counted) counts as one failure, and so
// does a package whose results file is missing.
//   node tools/sum-test-results.mjs            the main run (.jest-results.json of each package)
//   node tools/sum-test-results.mjs node24     and the unit and integration tests again on Node 24
//                                              (.jest-results-node24.json, tools/test-on-node.sh 24)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = [
  { label: '', file: '.jest-results.json', packages: ['packages/shared', 'apps/api', 'apps/web', 'e2e'] },
  ...process.argv.slice(2).map((name) => ({
    label: ` (${name})`,
    file: `.jest-results-${name}.json`,
    packages: ['packages/shared', 'apps/api', 'apps/web'],
  })),
];
let passed = 0;
let failed = 0;
for (const run of runs) {
  for (const p of run.packages) {
    const file = path.join(root, p, run.file);
    if (!existsSync(file)) {
      console.log(`${p}${run.label}: no results (did not run)`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const broken = r.numRuntimeErrorTestSuites ?? 0;
    console.log(
      `${p}${run.label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${broken ? `, ${broken} suites failed to run` : ''}`,
    );
    passed += r.numPassedTests;
    failed += r.numFailedTests + broken;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
