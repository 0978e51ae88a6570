import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The modules the web reads by themselves, so that zod (≈ 33 KiB gzipped, it does not tree-shake)
 * stays out of the pages that need no validation (issue 16, the front end's budget): none of them
 * may import zod at run time, directly or through another module. Type-only imports are erased.
 */
const ZOD_FREE = [
  'summary-figures.ts',
  'scorecard.ts',
  'report-period.ts',
  'form-fields.ts',
  'form-dates.ts',
  'retention-period.ts',
  'errors.ts',
  'status-names.ts',
  'permissions.ts',
  'dossier-clock.ts',
  'working-days.ts',
];

/** The run-time imports of a module: `import … from`/`export … from`, not `import type`. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(__dirname, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)';/gms)) {
    if (!m[2]) out.push(m[3]);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  return out;
}

function reaches(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found: string[] = [];
  for (const spec of runtimeImports(file)) {
    if (spec.startsWith('./')) found.push(...reaches(spec.replace(/\.js$/, '.ts'), seen));
    else found.push(`${spec} (from ${file})`);
  }
  return found;
}

describe('modules the web reads without zod', () => {
  it.each(ZOD_FREE)('%s imports no package at run time, zod least of all', (file) => {
    expect(reaches(file)).toEqual([]);
  });

  it('the check sees a run-time import of zod', () => {
    expect(reaches('metrics.ts')).toContain('zod (from metrics.ts)');
  });
});
