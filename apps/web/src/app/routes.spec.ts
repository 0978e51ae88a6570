import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEXTS, TEXT_AREAS } from './i18n';

/** jest runs from apps/web (its rootDir). */
const APP = path.join(process.cwd(), 'src/app');

function resolveModule(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const file of [`${base}.tsx`, `${base}.ts`, `${base}/index.ts`, `${base}/index.tsx`]) {
    try {
      readFileSync(file);
      return file;
    } catch {
      // Not this one.
    }
  }
  return null;
}

/** The file and every source file it imports by a relative path, recursively. */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'/g)) {
    const next = resolveModule(file, m[1]);
    if (next) moduleGraph(next, seen);
  }
  return seen;
}

/** Texts of the shared catalogue, in every language from the start (withSharedTexts, app/i18n.ts). */
const SHARED = /['"`](errors\.code|apply\.errors|dossiers\.status)\./g;

/**
 * The top-level locale sections a module's code names in a key (`'desk.`, `` `desk.${x}` ``). Keys
 * built from a variable alone escape this; ours always start with their section's name.
 */
function sectionsNamed(files: Iterable<string>, sections: string[]): Set<string> {
  const key = new RegExp(`['"\`](${sections.join('|')})\\.`, 'g');
  const found = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').replace(SHARED, '').matchAll(key)) found.add(m[1]);
  return found;
}

describe('texts of each route', () => {
  it('are loaded with the page: every section its code names is in the core or an area its route lists', async () => {
    const areaSections = Object.fromEntries(
      await Promise.all(TEXT_AREAS.map(async (a) => [a, Object.keys((await TEXTS[a].vi()).default)] as const)),
    );
    const all = Object.values(areaSections).flat();
    const routesFile = path.join(APP, 'routes.tsx');
    const pages = [...readFileSync(routesFile, 'utf8').matchAll(/withTexts\(import\('([^']+)'\)((?:, '\w+')*)\)/g)];
    expect(pages.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const [, page, list] of pages) {
      const areas = ['core', ...[...list.matchAll(/'(\w+)'/g)].map((m) => m[1])];
      const loaded = new Set(areas.flatMap((a) => areaSections[a] ?? []));
      const named = sectionsNamed(moduleGraph(resolveModule(routesFile, page)!), all);
      for (const s of named) if (!loaded.has(s)) missing.push(`${page}: ${s}`);
    }
    expect(missing).toEqual([]);
  });

  it('of the shell (layout, menus, bell, error boxes) are all in the core', async () => {
    const core = Object.keys((await TEXTS.core.vi()).default);
    const all = (await Promise.all(TEXT_AREAS.map(async (a) => Object.keys((await TEXTS[a].vi()).default)))).flat();
    const shell = moduleGraph(path.join(APP, '../main.tsx'));
    expect([...sectionsNamed(shell, all)].filter((s) => !core.includes(s))).toEqual([]);
  });
});
