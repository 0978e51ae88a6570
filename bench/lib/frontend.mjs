import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths.mjs';

const DIST = path.join(REPO_ROOT, 'apps/web/dist');

/** The pages measured, by their route in routes.tsx (as the build's route table names it). */
const PAGES = [
  { name: 'home', url: '/', route: '/' },
  { name: 'procedure page', url: '/procedures/1.001193', route: '/procedures/:code' },
  { name: 'apply (step 1)', url: '/apply/1.001193', route: '/apply/:procedureCode/:step?' },
  { name: 'tracking', url: '/track/<code>', route: '/track/:code?' },
  { name: 'dashboard', url: '/manager', route: '/manager' },
];

/**
 * Initial JS and CSS of the pages in the production build (apps/web/dist): what the browser must
 * fetch before the page renders. Shell: index.html's entry script, its classic scripts, its
 * modulepreloads and stylesheet, and their static imports. Page: the shell plus the files the build's route table
 * (dist/route-preloads.json, apps/web/src/app/route-preloads.ts; the API announces the same files
 * in the page's HTML) lists for its route: the route chunk, its static imports, and its texts in
 * Vietnamese (the core the first render waits for and the route's areas). Sizes raw and gzipped
 * (zlib level 6, as a server's on-the-fly gzip; the API sends level 9 or brotli, a little smaller).
 */
export function measureFrontend() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attr = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  const entry = attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g);
  // Classic scripts too (public/session-boot.js, which renews a stored session as the code loads).
  const classic = attr(/<script(?![^>]*type="module")[^>]+src="([^"]+)"/g);
  const preloads = attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g);
  const styles = attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  if (!entry.length) throw new Error('No entry script in apps/web/dist/index.html (is the web app built?)');
  const tablePath = path.join(DIST, 'route-preloads.json');
  if (!existsSync(tablePath))
    throw new Error('No route-preloads.json in apps/web/dist (built by an older vite.config.ts?)');
  const table = JSON.parse(readFileSync(tablePath, 'utf8'));

  const shell = closure([...entry, ...classic, ...preloads, ...styles]);
  const pages = PAGES.map((p) => {
    const route = table.find((r) => r.path === p.route);
    if (!route) return { ...p, error: `no route ${p.route} in the build's route table` };
    const files = closure([...shell, ...route.files.map((f) => f.replace(/^\//, ''))]);
    return { name: p.name, url: p.url, chunk: path.basename(route.files[0]), ...sizes(files) };
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
