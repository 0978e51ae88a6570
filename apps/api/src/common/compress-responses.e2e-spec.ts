import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bearer, createUser, ensureAgency } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

describe('API answers compressed over HTTP', () => {
  let t: TestApp;
  let port: number;

  /** A raw GET: headers and the body as sent on the wire (supertest would decode it). */
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject);
    });
  const body = (res: http.IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    t = await createTestApp();
    // Sixty wards: the agency list is ≈ 6 KiB of JSON, as the catalog answers are on the citizen pages.
    for (let i = 1; i <= 60; i++) {
      await ensureAgency(t.ds, `W${String(i).padStart(3, '0')}`, { name: `Ủy ban nhân dân phường số ${i}` });
    }
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => t.http.close(() => resolve()));
    await t.close();
  });

  it('sends a large JSON list in brotli or gzip, the same JSON once decoded', async () => {
    const plain = await get('/api/v1/agencies', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const raw = await body(plain);
    expect(raw.length).toBeGreaterThan(4096);
    const expected: unknown = JSON.parse(raw.toString());

    const br = await get('/api/v1/agencies', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    const packed = await body(br);
    expect(Number(br.headers['content-length'])).toBe(packed.length);
    expect(packed.length).toBeLessThan(raw.length / 4);
    expect(JSON.parse(brotliDecompressSync(packed).toString())).toEqual(expected);

    const gz = await get('/api/v1/agencies', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(await body(gz)).toString())).toEqual(expected);
  });

  it('compresses a streamed file too (the API docs’ script, sent by express.static), without its length', async () => {
    const path = '/api/docs/swagger-ui-bundle.js';
    const plain = await body(await get(path, { 'accept-encoding': 'identity' }));
    const br = await get(path, { 'accept-encoding': 'br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-length']).toBeUndefined();
    expect(brotliDecompressSync(await body(br)).equals(plain)).toBe(true);
  });

  it('leaves a small answer as it is', async () => {
    const res = await get('/api/v1/health', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse((await body(res)).toString())).toEqual({ status: 'ok', db: 'ok' });
  });

  it('streams the live feed (SSE) uncompressed: its first event arrives readable, at once', async () => {
    await ensureAgency(t.ds, 'W001');
    const manager = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: 'W001' });
    const res = await get('/api/v1/reports/live?from=2026-11-01&to=2026-11-30', {
      'accept-encoding': 'gzip, br',
      authorization: bearer(t, manager),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['content-encoding']).toBeUndefined();
    res.setEncoding('utf8');
    let text = '';
    await new Promise<void>((resolve) => {
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('event: summary\ndata: ')) resolve();
      });
    });
    expect(text).toMatch(/^retry: 5000\n\nevent: summary\ndata: \{/);
    res.destroy();
  });
});
