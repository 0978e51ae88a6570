import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { pickEncoding } from './compressed-assets.js';

/** One page route of the web build and the files it loads beyond the shell (dist/route-preloads.json). */
interface RoutePreload {
  path: string;
  files: string[];
}

/**
 * Whether a react-router path pattern (`/procedures/:code`, `/track/:code?`, `/*`) matches a URL
 * path. Segments are compared one by one; `:name` takes any one segment, `:name?` may be absent,
 * `*` takes the rest.
 */
export function matchesRoute(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === '*') return true;
    if (i >= got.length) return w.startsWith(':') && w.endsWith('?') && want.slice(i).every((x) => x.endsWith('?'));
    if (w.startsWith(':')) continue;
    if (w !== got[i]) return false;
  }
  return got.length === want.length;
}

/** A file of the build as a link the browser fetches early: scripts as module preloads, styles as stylesheets. */
function linkTag(file: string): string {
  // The names come from our own build; anything else is not announced.
  if (!/^\/assets\/[\w.-]+\.(js|css)$/.test(file)) return '';
  return file.endsWith('.css')
    ? `<link rel="stylesheet" crossorigin href="${file}">`
    : `<link rel="modulepreload" crossorigin href="${file}">`;
}

/**
 * index.html for a URL path, with the page's own chunks announced in <head> (apps/web/src/app/
 * route-preloads.ts says why): the browser fetches them with the shell instead of after it has run.
 * The first route that matches wins (the build lists them in routes.tsx's order, `/*` last). Built
 * once per route. Without dist/route-preloads.json (an older build) every path gets index.html as is.
 */
export function pageHtml(webDist: string): (pathname: string) => string {
  const html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const tablePath = path.join(webDist, 'route-preloads.json');
  const table: RoutePreload[] = existsSync(tablePath)
    ? (JSON.parse(readFileSync(tablePath, 'utf8')) as RoutePreload[])
    : [];
  const built = new Map<string, string>();
  return (pathname) => {
    const route = table.find((r) => matchesRoute(r.path, pathname));
    if (!route) return html;
    let page = built.get(route.path);
    if (page === undefined) {
      const links = route.files.map(linkTag).filter(Boolean).join('\n    ');
      page = links ? html.replace('</head>', `  ${links}\n  </head>`) : html;
      built.set(route.path, page);
    }
    return page;
  };
}

export interface EncodedPage {
  body: Buffer;
  encoding: 'br' | 'gzip' | null;
}

/**
 * pageHtml's pages compressed for the browser's Accept-Encoding (brotli, else gzip, else as is),
 * each made once per route and encoding: with its preload links a page's HTML is ≈ 4 KB, the first
 * thing a phone waits for.
 */
export function encodedPageHtml(webDist: string): (pathname: string, acceptEncoding?: string) => EncodedPage {
  const page = pageHtml(webDist);
  const made = new Map<string, EncodedPage>();
  return (pathname, acceptEncoding) => {
    const html = page(pathname);
    const encoding = pickEncoding(acceptEncoding);
    const key = `${encoding ?? 'identity'}\n${html}`;
    let out = made.get(key);
    if (!out) {
      const raw = Buffer.from(html, 'utf8');
      const body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      out = { body, encoding };
      made.set(key, out);
    }
    return out;
  };
}
