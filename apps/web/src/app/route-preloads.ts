/**
 * Which files each page needs, for the server to announce them in the page's HTML (issue 16, item
 * 17: Lighthouse). Without it the browser learns a page's chunk only after the shell has downloaded
 * and run (react-router's lazy route), a second round trip on a slow phone network before anything
 * is drawn. Read by the build (vite.config.ts writes `dist/route-preloads.json`) and checked against
 * the real route table by route-preloads.spec.ts; the API serves it (apps/api/src/common/route-preloads.ts).
 * Not imported by the app itself.
 */

export interface RouteModule {
  /** The route's path as routes.tsx gives it, from the site's root (`/`, `/procedures/:code`, `/*`). */
  path: string;
  /** The page module the route's `lazy()` imports, relative to src/app (`../routes/public/HomePage`). */
  module: string;
  /** The text areas it loads besides the core (`withTexts(import(…), 'privacy')`, app/i18n.ts). */
  areas: string[];
}

/**
 * The page routes of routes.tsx, read from its source: each `index: true` or `path: '…'` with the
 * first `import('…')` that follows it and the text areas named after it in `withTexts(…)`. Every
 * page route in routes.tsx is at the top level below the layout and the permission guards (none of
 * which has a path), so each path is the full URL path. route-preloads.spec.ts checks the result
 * against the real route table.
 */
export function routeModules(source: string): RouteModule[] {
  const marks = [...source.matchAll(/\bindex:\s*true\b|\bpath:\s*'([^']*)'/g)];
  const out: RouteModule[] = [];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : source.length;
    const imported = /\bimport\(\s*'([^']+)'\s*\)((?:\s*,\s*'\w+')*)/.exec(source.slice(m.index, end));
    if (!imported) return;
    const areas = [...imported[2].matchAll(/'(\w+)'/g)].map((a) => a[1]);
    out.push({ path: `/${m[1] ?? ''}`, module: imported[1], areas });
  });
  return out;
}

export interface RoutePreload {
  path: string;
  /** Files (`/assets/…`) the page loads beyond the shell: its chunk and the chunks it imports. */
  files: string[];
}

/** A built chunk as the bundler reports it: its file, the module it stands for, its static imports. */
export interface BuiltChunk {
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  isEntry: boolean;
  css: string[];
}

/**
 * For each route, its page chunk and the chunks that chunk imports statically (recursively), and
 * the chunks of its texts in Vietnamese (the default language: the core, which the first render
 * waits for, and its areas), minus what the entry already loads (index.html preloads those).
 * `resolve` turns a module as routes.tsx writes it into the absolute path the bundler knows it by
 * (without extension); `texts` gives that path for an area's Vietnamese texts.
 */
export function routePreloads(
  routes: RouteModule[],
  chunks: BuiltChunk[],
  resolve: (module: string) => string,
  texts: (area: string) => string,
): RoutePreload[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (start: BuiltChunk[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (c: BuiltChunk | undefined) => {
      if (!c || seen.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const css of c.css) seen.add(css);
      for (const f of c.imports) visit(byFile.get(f));
    };
    start.forEach(visit);
    return seen;
  };
  const shell = closure(chunks.filter((c) => c.isEntry));
  const stripExt = (id: string) => id.replace(/\.([cm]?[jt]sx?|json)$/, '');
  const chunkOf = (target: string) => chunks.find((c) => c.facadeModuleId && stripExt(c.facadeModuleId) === target);
  return routes.flatMap((r) => {
    const page = chunkOf(resolve(r.module));
    if (!page) return [];
    const words = ['core', ...r.areas].map((a) => chunkOf(texts(a))).filter((c) => c !== undefined);
    const files = [...closure([page, ...words])].filter((f) => !shell.has(f)).map((f) => `/${f}`);
    return [{ path: r.path, files }];
  });
}
