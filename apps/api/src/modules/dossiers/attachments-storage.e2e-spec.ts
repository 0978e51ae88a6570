import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { FileStorage } from '../files/file-storage.js';
import { FileSweeper } from '../files/file-sweeper.js';
import { as, createDraft, createWorld, PDF, type World } from './dossiers.factories.js';

jest.setTimeout(120_000);

const KB = 1024;
const MB = 1024 * KB;
const DAY = 24 * 60 * 60 * 1000;

/** A distinct PDF (by content) of about `bytes` bytes. */
const pdfOf = (bytes: number) => Buffer.concat([PDF, randomBytes(bytes - PDF.length)]);

describe('attachment storage: quotas per dossier and per user, and the sweeper of orphaned files', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-storage-'));
    t = await createTestApp({ DATA_DIR: dataDir, UPLOAD_QUOTA_DOSSIER_MB: '1', UPLOAD_QUOTA_USER_MB: '2' });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (id: string, file: Buffer, user = w.citizen) =>
    as(t, user).upload(`/dossiers/${id}/attachments`, { documentCode: 'TO_KHAI' }, file, 'to-khai.pdf');

  async function storedBytes(where: string, param: string): Promise<number> {
    const [{ n }] = await t.ds.query(`SELECT COALESCE(sum(size), 0)::float8 AS n FROM attachment WHERE ${where} = $1`, [
      param,
    ]);
    return n as number;
  }

  describe('quotas', () => {
    it('refuses a file that would take a dossier past its quota: 413 problem stating the limit, nothing recorded', async () => {
      const id = await createDraft(w);
      expect((await upload(id, pdfOf(600 * KB))).status).toBe(201);
      const res = await upload(id, pdfOf(600 * KB));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 413,
        code: 'STORAGE_QUOTA_EXCEEDED',
        scope: 'dossier',
        limitBytes: 1 * MB,
        usedBytes: 600 * KB,
      });
      expect(res.body.detail).toContain('1 MB');
      expect(await storedBytes('dossier_id', id)).toBe(600 * KB);
      // What still fits is accepted.
      expect((await upload(id, pdfOf(400 * KB))).status).toBe(201);
    });

    it('refuses once a user’s attachments over all their dossiers reach the user quota (413, scope user)', async () => {
      const user = await createUser(t.ds, { fullName: 'Lê Thị Mai' });
      const ids = [await createDraft(w, user), await createDraft(w, user), await createDraft(w, user)];
      expect((await upload(ids[0], pdfOf(900 * KB), user)).status).toBe(201);
      expect((await upload(ids[1], pdfOf(900 * KB), user)).status).toBe(201);
      const res = await upload(ids[2], pdfOf(400 * KB), user);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED', scope: 'user', limitBytes: 2 * MB });
      expect(await storedBytes('uploaded_by', user.id)).toBe(1800 * KB);
    });

    it('lets parallel uploads to one dossier never pass its quota together', async () => {
      const id = await createDraft(w);
      const results = await Promise.all(Array.from({ length: 6 }, () => upload(id, pdfOf(300 * KB))));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 201, 201, 413, 413, 413]);
      expect(await storedBytes('dossier_id', id)).toBeLessThanOrEqual(1 * MB);
    });
  });

  describe('the sweeper', () => {
    const dayAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

    it('removes stored files no attachment references once they are a day old, and nothing else', async () => {
      const storage = t.app.get(FileStorage);
      const sweeper = t.app.get(FileSweeper);
      const files = path.join(dataDir, 'files');
      const pathOf = (sha: string) => path.join(files, sha.slice(0, 2), sha.slice(2, 4), sha);
      const now = new Date();

      // Referenced by an attachment, and old.
      const id = await createDraft(w);
      const referenced = (await upload(id, pdfOf(10 * KB))).body.sha256 as string;
      // Orphans: one old, one young (an upload in flight), one old but stored again just now.
      const put = (b: Buffer) => storage.put(Readable.from([b]), { maxBytes: MB });
      const oldOrphan = (await put(pdfOf(10 * KB))).sha256;
      const youngOrphan = (await put(pdfOf(10 * KB))).sha256;
      const again = pdfOf(10 * KB);
      const storedAgain = (await put(again)).sha256;
      for (const sha of [referenced, oldOrphan, storedAgain]) {
        await utimes(pathOf(sha), dayAgo(now, 3), dayAgo(now, 3));
      }
      await utimes(pathOf(youngOrphan), dayAgo(now, 0.5), dayAgo(now, 0.5));
      // The same content uploaded again: the store marks it fresh, so the sweep keeps it for its attachment.
      await put(again);
      // A partial upload left by a crash, two days old.
      const partial = path.join(files, 'tmp', 'crashed.part');
      await mkdir(path.dirname(partial), { recursive: true });
      await writeFile(partial, 'half a file');
      await utimes(partial, dayAgo(now, 2), dayAgo(now, 2));

      const result = await sweeper.sweepOrphans(now);
      expect(result).toMatchObject({ removed: 1, partials: 1 });
      expect(await storage.exists(oldOrphan)).toBe(false);
      expect(await storage.exists(referenced)).toBe(true);
      expect(await storage.exists(youngOrphan)).toBe(true);
      expect(await storage.exists(storedAgain)).toBe(true);
      expect(await readdir(path.dirname(partial))).toEqual([]);
      // The referenced file is still served.
      const [att] = await t.ds.query(`SELECT id FROM attachment WHERE sha256 = $1`, [referenced]);
      expect((await as(t, w.citizen).get(`/dossiers/${id}/attachments/${att.id}`)).status).toBe(200);

      // A day later the young orphan is old enough too; the referenced file never goes.
      const later = new Date(now.getTime() + DAY);
      await sweeper.sweepOrphans(later);
      expect(await storage.exists(youngOrphan)).toBe(false);
      expect(await storage.exists(referenced)).toBe(true);
    });
  });
});
