import type { Transform } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { pickEncoding } from './compressed-assets.js';

type Encoding = 'br' | 'gzip';

/** Below one KiB the headers and the framing cost more than compression saves. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli quality 4: per request, so fast (≈ gzip's speed) while still smaller than gzip -6 on JSON.
 * The precompressed web assets use 11 instead: they are compressed once (compressed-assets.ts).
 */
const BROTLI_PARAMS = { [constants.BROTLI_PARAM_QUALITY]: 4 };
const GZIP_LEVEL = 6;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * JSON, problem+json, CSV and other text. Never `text/event-stream`: the live feed must reach the
 * browser event by event, and a compressor holds bytes back until it has a block (sse-sink.ts).
 * PDFs and uploads (PDF, JPEG, PNG) are compressed already and never match.
 */
const COMPRESSIBLE =
  /^(text\/(?!event-stream)[\w.+-]+|application\/([\w.-]+\+)?(json|xml)|application\/javascript|image\/svg\+xml)\s*(;|$)/i;

export interface ResponseFacts {
  method: string;
  status: number;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  cacheControl: string | undefined;
  /** Body size in bytes; undefined when streamed without a Content-Length. */
  length: number | undefined;
}

export interface CompressionDecision {
  /** Whether the answer could differ by Accept-Encoding, so caches must key on it. */
  vary: boolean;
  encoding: Encoding | null;
}

/** Whether and how to compress one API response, from its headers and the request's Accept-Encoding. */
export function decideCompression(facts: ResponseFacts, acceptEncoding: string | undefined): CompressionDecision {
  const none = { vary: false, encoding: null };
  if (!facts.contentType || !COMPRESSIBLE.test(facts.contentType)) return none;
  // Already encoded by its producer, or a producer that forbids intermediaries to transform it (RFC 9111 §5.2.2.6).
  if (facts.contentEncoding && facts.contentEncoding.toLowerCase() !== 'identity') return none;
  if (/(^|,)\s*no-transform\s*(,|$)/i.test(facts.cacheControl ?? '')) return none;
  const bodiless = facts.method === 'HEAD' || facts.status < 200 || facts.status === 204 || facts.status === 304;
  const small = facts.length !== undefined && facts.length < MIN_COMPRESSED_BYTES;
  return { vary: true, encoding: bodiless || small ? null : pickEncoding(acceptEncoding) };
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk | undefined, encoding: BufferEncoding | undefined): Buffer {
  if (chunk === undefined) return Buffer.alloc(0);
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function header(res: Response, name: string): string | undefined {
  const v = res.getHeader(name);
  return v === undefined ? undefined : String(v);
}

/**
 * Compress the API's answers on the fly (Lighthouse's uses-text-compression, bench/README.md): a
 * body sent whole (res.json, res.send) is compressed in one go and keeps an exact Content-Length;
 * a streamed one goes through a zlib stream, chunked. The choice is made when the headers are
 * known: at the first write, at end, or when they are flushed (an SSE stream flushes them first).
 * HEAD and 304 answers carry no body and pass as they are; ETags stay those of the plain body
 * (weak, so they still match for either encoding).
 */
export function compressResponses(req: Request, res: Response, next: NextFunction): void {
  const accept = req.headers['accept-encoding'];
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let decided = false;
  let encoding: Encoding | null = null;
  let stream: Transform | null = null;
  // Set once a compressed body is ending: the real end comes later, so a second end or a late
  // write (a double send) is dropped here, as a finished response would drop it.
  let ending = false;

  const decide = (length: number | undefined, whole: boolean): void => {
    decided = true;
    const contentLength = header(res, 'content-length');
    const d = decideCompression(
      {
        method: req.method,
        status: res.statusCode,
        contentType: header(res, 'content-type'),
        contentEncoding: header(res, 'content-encoding'),
        cacheControl: header(res, 'cache-control'),
        length: length ?? (contentLength === undefined ? undefined : Number(contentLength)),
      },
      accept,
    );
    if (d.vary) res.vary('Accept-Encoding');
    encoding = d.encoding;
    if (!encoding) return;
    res.setHeader('Content-Encoding', encoding);
    res.removeHeader('Content-Length');
    if (!whole) stream = startStream(encoding);
  };

  const startStream = (enc: Encoding): Transform => {
    const z = enc === 'br' ? createBrotliCompress({ params: BROTLI_PARAMS }) : createGzip({ level: GZIP_LEVEL });
    z.on('data', (c: Buffer) => {
      if (!(write as (c: Buffer) => boolean).call(res, c)) z.pause();
    });
    res.on('drain', () => z.resume());
    // A producer piping into res waits for res's 'drain' when our write said "full".
    z.on('drain', () => res.emit('drain'));
    res.on('close', () => {
      if (!res.writableFinished) z.destroy();
    });
    return z;
  };

  res.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
    if (!decided) {
      // Headers given to writeHead are not visible to getHeader yet: set them first so they count.
      const given = rest.find((a) => typeof a === 'object' && a !== null);
      if (Array.isArray(given)) decided = true;
      else {
        for (const [k, v] of Object.entries((given ?? {}) as Record<string, string | number | string[]>)) {
          res.setHeader(k, v);
        }
        res.statusCode = status;
        decide(undefined, false);
        rest = rest.filter((a) => typeof a === 'string');
      }
    }
    return (writeHead as (...args: unknown[]) => Response).call(this, status, ...rest);
  } as Response['writeHead'];

  res.write = function (this: Response, chunk: Chunk, ...rest: unknown[]) {
    if (ending) return false;
    if (!decided) decide(undefined, false);
    if (stream) {
      const enc = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
      const cb = rest.find((a) => typeof a === 'function') as Callback | undefined;
      return stream.write(toBuffer(chunk, enc), cb);
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Response['write'];

  res.end = function (this: Response, ...args: unknown[]) {
    if (ending) return this;
    const cb = args.find((a) => typeof a === 'function') as Callback | undefined;
    const chunk = typeof args[0] === 'function' ? undefined : ((args[0] as Chunk | undefined | null) ?? undefined);
    const enc = typeof args[1] === 'string' ? (args[1] as BufferEncoding) : undefined;
    const plainEnd = (body?: Buffer) => (end as (...a: unknown[]) => Response).call(this, body, cb);
    if (!decided) {
      const body = toBuffer(chunk, enc);
      decide(body.length, true);
      if (encoding) {
        ending = true;
        const status = res.statusCode;
        (encoding === 'br'
          ? brotliAsync(body, { params: BROTLI_PARAMS })
          : gzipAsync(body, { level: GZIP_LEVEL })
        ).then(
          (packed) => {
            res.statusCode = status;
            res.setHeader('Content-Length', packed.length);
            plainEnd(packed);
          },
          () => {
            res.removeHeader('Content-Encoding');
            res.setHeader('Content-Length', body.length);
            plainEnd(body);
          },
        );
        return this;
      }
    }
    const z = stream;
    if (z) {
      ending = true;
      z.once('end', () => plainEnd());
      if (chunk !== undefined) z.end(toBuffer(chunk, enc));
      else z.end();
      return this;
    }
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];

  next();
}
