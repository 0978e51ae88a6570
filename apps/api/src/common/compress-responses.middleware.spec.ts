import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import {
  compressResponses,
  decideCompression,
  MIN_COMPRESSED_BYTES,
  type ResponseFacts,
} from './compress-responses.middleware.js';

const json: ResponseFacts = {
  method: 'GET',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  contentEncoding: undefined,
  cacheControl: undefined,
  length: 10_000,
};

describe('decideCompression', () => {
  it('compresses a large JSON answer with brotli, else gzip, per Accept-Encoding', () => {
    expect(decideCompression(json, 'gzip, deflate, br, zstd')).toEqual({ vary: true, encoding: 'br' });
    expect(decideCompression(json, 'gzip')).toEqual({ vary: true, encoding: 'gzip' });
    expect(decideCompression(json, undefined)).toEqual({ vary: true, encoding: null });
  });

  it('compresses problem+json, CSV and text, and bodies streamed without a length', () => {
    for (const contentType of ['application/problem+json', 'text/csv; charset=utf-8', 'text/html', 'image/svg+xml']) {
      expect(decideCompression({ ...json, contentType }, 'br').encoding).toBe('br');
    }
    expect(decideCompression({ ...json, length: undefined }, 'br').encoding).toBe('br');
  });

  it('leaves bodies under 1 KiB as they are, but still varies on Accept-Encoding', () => {
    expect(decideCompression({ ...json, length: MIN_COMPRESSED_BYTES - 1 }, 'br')).toEqual({
      vary: true,
      encoding: null,
    });
    expect(decideCompression({ ...json, length: MIN_COMPRESSED_BYTES }, 'br').encoding).toBe('br');
  });

  it('never compresses the SSE live feed, PDFs, images or a body without a type', () => {
    for (const contentType of ['text/event-stream; charset=utf-8', 'application/pdf', 'image/jpeg', 'image/png']) {
      expect(decideCompression({ ...json, contentType }, 'br')).toEqual({ vary: false, encoding: null });
    }
    expect(decideCompression({ ...json, contentType: undefined }, 'br').encoding).toBeNull();
  });

  it('never compresses twice nor against Cache-Control: no-transform', () => {
    expect(decideCompression({ ...json, contentEncoding: 'gzip' }, 'br').encoding).toBeNull();
    expect(decideCompression({ ...json, contentEncoding: 'identity' }, 'br').encoding).toBe('br');
    expect(decideCompression({ ...json, cacheControl: 'no-cache, no-transform' }, 'br').encoding).toBeNull();
  });

  it('sends HEAD, 204 and 304 answers without an encoding (they have no body)', () => {
    expect(decideCompression({ ...json, method: 'HEAD' }, 'br').encoding).toBeNull();
    expect(decideCompression({ ...json, status: 204 }, 'br').encoding).toBeNull();
    expect(decideCompression({ ...json, status: 304 }, 'br').encoding).toBeNull();
  });
});

describe('compressResponses over HTTP', () => {
  const items = Array.from({ length: 200 }, (_, i) => ({ code: `P${i}`, name: `Đăng ký khai sinh ${i}` }));
  const csvLines = Array.from({ length: 300 }, (_, i) => `P${i};Đăng ký khai sinh;${i}\n`);
  let server: http.Server;

  /** A raw request: the body as sent on the wire (supertest would decode it). */
  const send = (path: string, acceptEncoding: string, method = 'GET', headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      http
        .request(
          { host: '127.0.0.1', port, path, method, headers: { 'accept-encoding': acceptEncoding, ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        )
        .on('error', reject)
        .end();
    });

  beforeAll(async () => {
    const app = express();
    app.use(compressResponses);
    app.get('/list', (_req, res) => {
      res.json({ items });
    });
    app.get('/twice', (_req, res) => {
      res.json({ items });
      // A second send (a bug elsewhere) must not replace the first answer while it is compressed.
      res.status(500).json({ late: true });
    });
    app.get('/small', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/csv', (_req, res) => {
      res.type('text/csv');
      for (const line of csvLines) res.write(line);
      res.end();
    });
    app.get('/piped', (_req, res) => {
      res.type('text/csv');
      Readable.from(csvLines).pipe(res);
    });
    app.get('/pdf', (_req, res) => {
      res.type('application/pdf').send(Buffer.alloc(4096, 1));
    });
    app.get('/sse', (_req, res) => {
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.flushHeaders();
      res.write(`data: ${JSON.stringify(items)}\n\n`);
      res.end();
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('sends a large JSON answer in brotli with its exact compressed length', async () => {
    const res = await send('/list', 'gzip, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toEqual({ items });
  });

  it('keeps the first answer when a handler sends twice, as an uncompressed answer would', async () => {
    const res = await send('/twice', 'br');
    expect(res.status).toBe(200);
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toEqual({ items });
  });

  it('sends gzip to a client without brotli and plain JSON to one accepting neither', async () => {
    const gz = await send('/list', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual({ items });
    const plain = await send('/list', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual({ items });
  });

  it('compresses a streamed CSV, written or piped, chunked', async () => {
    for (const path of ['/csv', '/piped']) {
      const res = await send(path, 'br');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-length']).toBeUndefined();
      expect(brotliDecompressSync(res.body).toString()).toBe(csvLines.join(''));
    }
  });

  it('leaves small answers, PDFs and the SSE stream as they are', async () => {
    const small = await send('/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ status: 'ok' });
    const pdf = await send('/pdf', 'br');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.body).toEqual(Buffer.alloc(4096, 1));
    const sse = await send('/sse', 'br');
    expect(sse.headers['content-encoding']).toBeUndefined();
    expect(sse.body.toString()).toBe(`data: ${JSON.stringify(items)}\n\n`);
  });

  it('answers HEAD with the plain length and no body, and a matching ETag with 304', async () => {
    const head = await send('/list', 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify({ items })));
    expect(head.body.length).toBe(0);

    const first = await send('/list', 'br');
    const again = await send('/list', 'br', 'GET', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.body.length).toBe(0);
  });
});
