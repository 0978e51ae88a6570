import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the build emits under /assets/; images and fonts are compressed already. */
const TEXT = /\.(js|css|svg|json|map)$/;

interface Compressed {
  br: Buffer;
  gzip: Buffer;
}

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    offered.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * express.static's headers for the web build: only the hashed files under /assets/ are cached for a
 * year (a new build names them anew); the others (index.html, favicon.svg, robots.txt,
 * session-boot.js) are revalidated on each use, so a new build reaches every browser at once.
 */
export function revalidateUnhashed(webDist: string): (res: Response, file: string) => void {
  const assets = path.join(path.resolve(webDist), 'assets') + path.sep;
  return (res, file) => {
    if (!path.resolve(file).startsWith(assets)) res.setHeader('Cache-Control', 'no-cache');
  };
}

/**
 * Brotli and gzip copies of the web build's hashed assets (`/assets/*`), made once per file and kept
 * in memory: express.static sends files as they are, and the app's JavaScript is ≈ 3× larger
 * uncompressed (Lighthouse's uses-text-compression, bench/README.md). The .js and .css files are
 * compressed in the background at start, so no visitor waits for it; others on first request.
 * A file not yet compressed, or a client accepting neither encoding, falls through to express.static.
 */
export function compressedAssets(webDist: string) {
  const dir = path.join(webDist, 'assets');
  const cache = new Map<string, Promise<Compressed | null>>();
  const compress = (name: string): Promise<Compressed | null> => {
    let p = cache.get(name);
    if (!p) {
      p = readFile(path.join(dir, name))
        .then(async (raw) => ({
          br: await brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gzip: await gzipAsync(raw, { level: 9 }),
        }))
        .catch(() => null);
      cache.set(name, p);
    }
    return p;
  };

  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => TEXT.test(f));
  } catch {
    // No assets folder: nothing to serve compressed.
  }
  const known = new Set(files);
  void (async () => {
    for (const f of files.filter((x) => /\.(js|css)$/.test(x))) await compress(f);
  })();

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const m = /^\/assets\/([^/]+)$/.exec(req.path);
    if (!m || !known.has(m[1])) return next();
    const name = m[1];
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return next();
    compress(name).then(
      (c) => {
        if (!c) return next();
        const body = c[encoding];
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', String(body.length));
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.type(path.extname(name));
        if (req.method === 'HEAD') res.end();
        else res.end(body);
      },
      () => next(),
    );
  };
}
