import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths.mjs';

const DIST = path.join(REPO_ROOT, 'apps/web/dist');

/** The citizen pages measured, by the route chunk (routes.tsx) the page loads. */
const PAGES = [
  { name: 'home', url: '/', chunk: 'HomePage' },
  { name: 'procedure page', url: '/procedures/1.001193', chunk: 'ProcedurePage' },
  { name: 'apply (step 1)', url: '/apply/1.001193', chunk: 'ApplyPage' },
];

/**
 * Initial JS and CSS of the citizen pages in the production build (apps/web/dist): what the
 * browser must fetch before the page renders. Shell: index.html's entry script, its
 * modulepreloads and stylesheet, and their static imports. Page: the route chunk with the
 * dependencies Vite preloads with it (the entry's __vite__mapDeps list for that import) and their
 * static imports. Sizes raw and gzipped (zlib level 6, what a server's on-the-fly gzip sends).
 */
export function measureFrontend() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attr = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  const entry = attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g);
  const preloads = attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g);
  const styles = attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  if (!entry.length) throw new Error('No entry script in apps/web/dist/index.html (is the web app built?)');

  const shell = closure([...entry, ...preloads, ...styles]);
  const entryCode = readFileSync(path.join(DIST, entry[0]), 'utf8');
  const depsList = mapDepsList(entryCode);
  const pages = PAGES.map((p) => {
    const chunk = depsList.find((f) => new RegExp(`/${p.chunk}-[\\w-]+\\.js$`).test(f));
    if (!chunk) return { ...p, error: `no ${p.chunk} chunk in the build` };
    const deps = lazyDeps(entryCode, depsList, path.basename(chunk));
    const files = closure([...shell, chunk, ...deps]);
    return { name: p.name, url: p.url, chunk: path.basename(chunk), ...sizes(files) };
  });
  return { dist: path.relative(REPO_ROOT, DIST), shell: sizes(shell), pages };
}

/** Files plus their static imports, recursively (JS `import … from "./x.js"` and `import "./x.js"`). */
function closure(files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (!f.endsWith('.js')) return;
    const code = readFileSync(path.join(DIST, f), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g)) {
      visit(path.posix.join(path.posix.dirname(f), m[1]));
    }
  };
  for (const f of files) visit(f);
  return [...seen];
}

/** The `__vite__mapDeps` file list of the entry chunk. */
function mapDepsList(code) {
  const m = /m\.f=\[([^\]]*)\]/.exec(code);
  if (!m) return [];
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}

/** The files Vite preloads with a lazy import of `chunk` (its __vite__mapDeps indexes). */
function lazyDeps(code, list, chunk) {
  const i = [`"`, `'`, '`'].map((q) => code.indexOf(`import(${q}./${chunk}${q})`)).find((x) => x >= 0) ?? -1;
  if (i < 0) return [];
  const m = /__vite__mapDeps\(\[([\d,\s]*)\]\)/.exec(code.slice(i, i + 400));
  if (!m) return [];
  return m[1]
    .split(',')
    .filter(Boolean)
    .map((n) => list[Number(n)])
    .filter(Boolean);
}

function sizes(files) {
  const out = { files: files.length, js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const f of files) {
    const p = path.join(DIST, f);
    if (!existsSync(p)) throw new Error(`The build lists ${f}, which is not in apps/web/dist`);
    const buf = readFileSync(p);
    const kind = f.endsWith('.css') ? out.css : f.endsWith('.js') ? out.js : null;
    if (!kind) continue;
    kind.raw += buf.length;
    kind.gzip += gzipSync(buf, { level: 6 }).length;
  }
  const kib = (n) => Math.round((n / 1024) * 10) / 10;
  return {
    files: out.files,
    jsKiB: { raw: kib(out.js.raw), gzip: kib(out.js.gzip) },
    cssKiB: { raw: kib(out.css.raw), gzip: kib(out.css.gzip) },
  };
}

/**
 * Lighthouse runs in its own script (`npm run bench:lighthouse`, bench/lighthouse.mjs): it needs the
 * demo app and a browser, not the bench database. This part points to its latest figures.
 */
export async function lighthouseStatus() {
  return {
    measured: false,
    reason: 'measured separately: npm run bench:lighthouse (bench/results/lighthouse-latest.json)',
  };
}
