import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../common/app-error.js';
import { LocalFileStorage } from './file-storage.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under a directory, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores content under <aa>/<bb>/<sha256> and gives its sha256 and size', async () => {
    const content = Buffer.from('%PDF-1.7 Giấy khai sinh\n'.repeat(5000));
    const stored = await storage.put(Readable.from([content], { objectMode: false }), { maxBytes: 1_000_000 });
    expect(stored).toEqual({ sha256: sha(content), size: content.length });
    const h = stored.sha256;
    expect(await filesUnder(root)).toEqual([path.join(h.slice(0, 2), h.slice(2, 4), h)]);
    expect(await storage.exists(h)).toBe(true);
    expect((await readAll(await storage.open(h))).equals(content)).toBe(true);
  });

  it('hashes while streaming: a many-chunk upload gets the hash of the whole', async () => {
    const parts = Array.from({ length: 200 }, (_, i) => Buffer.alloc(1024, i));
    const stored = await storage.put(Readable.from(parts, { objectMode: false }), { maxBytes: 10_000_000 });
    expect(stored.sha256).toBe(sha(Buffer.concat(parts)));
    expect(stored.size).toBe(200 * 1024);
  });

  it('keeps one file for the same content stored twice, even at once', async () => {
    const content = Buffer.from('the same scan');
    const put = () => storage.put(Readable.from([content], { objectMode: false }), { maxBytes: 100 });
    const [a, b, c] = await Promise.all([put(), put(), put()]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it('accepts a file of exactly maxBytes', async () => {
    const stored = await storage.put(Readable.from([Buffer.alloc(100, 1)], { objectMode: false }), { maxBytes: 100 });
    expect(stored.size).toBe(100);
  });

  it('refuses a file over maxBytes with FILE_TOO_LARGE (413) and leaves nothing behind', async () => {
    const err = await storage
      .put(Readable.from([Buffer.alloc(60), Buffer.alloc(60)], { objectMode: false }), { maxBytes: 100 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(await filesUnder(root)).toEqual([]);
  });

  it('stops reading an oversized upload as soon as it passes the limit', async () => {
    let pulled = 0;
    // An endless upload: only stopping at the limit lets this test finish.
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(storage.put(endless, { maxBytes: 64 * 1024 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(pulled).toBeLessThan(200);
    expect(endless.destroyed).toBe(true);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('refuses even the first chunk when it alone is over the limit, leaving no temp file', async () => {
    await expect(
      storage.put(Readable.from([Buffer.alloc(10)], { objectMode: false }), { maxBytes: 0 }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await filesUnder(root)).toEqual([]);
  });

  it('stores nothing when the upload breaks off midway', async () => {
    async function* broken() {
      yield Buffer.alloc(1000);
      throw new Error('client went away');
    }
    await expect(storage.put(Readable.from(broken(), { objectMode: false }), { maxBytes: 10_000 })).rejects.toThrow(
      'client went away',
    );
    expect(await filesUnder(root)).toEqual([]);
  });

  it('answers FILE_NOT_FOUND (404) for an unknown hash or something that is not a hash', async () => {
    await expect(storage.open('a'.repeat(64))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', status: 404 });
    await expect(storage.open('../../../etc/passwd')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(await storage.exists('a'.repeat(64))).toBe(false);
    expect(await storage.exists('../tmp')).toBe(false);
    expect(existsSync(path.join(root, 'etc'))).toBe(false);
  });
});
