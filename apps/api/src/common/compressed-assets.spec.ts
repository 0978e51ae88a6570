import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { compressedAssets, pickEncoding, revalidateUnhashed } from './compressed-assets.js';

describe('compressed web assets', () => {
  let dist: string;
  const js = `export const text = ${JSON.stringify('Một cửa điện tử '.repeat(2000))};\n`;
  let server: http.Server;

  /** A raw GET: the body as sent on the wire (supertest would decode it). */
  const get = (url: string, acceptEncoding: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      http
        .get({ host: '127.0.0.1', port, path: url, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'motcua-assets-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets/index-abc123.js'), js);
    writeFileSync(path.join(dist, 'assets/logo-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(path.join(dist, 'session-boot.js'), '(function () {})();\n');
    const app = express();
    app.use(compressedAssets(dist));
    // As bootstrap.ts serves the build.
    app.use(express.static(dist, { maxAge: '1y', immutable: true, setHeaders: revalidateUnhashed(dist) }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli when the browser accepts it, the same bytes once decoded, cached for a year', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = res.body;
    expect(body.length).toBeLessThan(Buffer.byteLength(js) / 10);
    expect(brotliDecompressSync(body).toString()).toBe(js);
  });

  it('sends gzip to a client without brotli, and the file as it is to one accepting neither', async () => {
    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);

    const plain = await get('/assets/index-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });

  it('leaves images and unknown paths to the static server', async () => {
    const png = await get('/assets/logo-abc123.png', 'br');
    expect(png.status).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
    const missing = await get('/assets/nope.js', 'br');
    expect(missing.status).toBe(404);
  });

  it('caches only the hashed /assets/ files for a year; a file outside them is revalidated each time', async () => {
    expect((await get('/assets/logo-abc123.png', '')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    const boot = await get('/session-boot.js', '');
    expect(boot.status).toBe(200);
    expect(boot.headers['cache-control']).toBe('no-cache');
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(pickEncoding('gzip, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
