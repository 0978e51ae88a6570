import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LocalFileStorage } from './file-storage.js';
import { FileSweeper, ORPHAN_GRACE_MS } from './file-sweeper.js';

describe('FileSweeper', () => {
  let root: string;
  let storage: LocalFileStorage;
  let sweeper: FileSweeper;
  const now = new Date();

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'motcua-sweep-'));
    storage = new LocalFileStorage(root);
    sweeper = new FileSweeper(storage);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function storeOld(content: string, ageMs: number): Promise<string> {
    const { sha256 } = await storage.put(Readable.from([Buffer.from(content)]), { maxBytes: 1000 });
    const at = new Date(now.getTime() - ageMs);
    await utimes(storage.pathOf(sha256), at, at);
    return sha256;
  }

  it('removes nothing when no module has said which files it references (it cannot know)', async () => {
    const sha = await storeOld('orphan', 2 * ORPHAN_GRACE_MS);
    expect(await sweeper.sweepOrphans(now)).toMatchObject({ removed: 0 });
    expect(await storage.exists(sha)).toBe(true);
  });

  it('removes an unreferenced file older than a day; keeps referenced ones and those younger than a day', async () => {
    const orphan = await storeOld('orphan', ORPHAN_GRACE_MS + 1000);
    const kept = await storeOld('kept', 3 * ORPHAN_GRACE_MS);
    const young = await storeOld('young', ORPHAN_GRACE_MS - 60_000);
    const asked: string[][] = [];
    sweeper.registerReferences(async (shas) => {
      asked.push(shas);
      return new Set(shas.filter((s) => s === kept));
    });
    expect(await sweeper.sweepOrphans(now)).toEqual({ checked: 2, removed: 1, partials: 0 });
    expect([await storage.exists(orphan), await storage.exists(kept), await storage.exists(young)]).toEqual([
      false,
      true,
      true,
    ]);
    // Only files past the grace period are even looked up.
    expect(asked.flat().sort()).toEqual([kept, orphan].sort());
  });

  it('removes the named contents no one references any more, keeping shared and freshly stored ones', async () => {
    const erased = await storeOld('erased dossier file', 3 * ORPHAN_GRACE_MS);
    const shared = await storeOld('also in another dossier', 3 * ORPHAN_GRACE_MS);
    const fresh = await storeOld('uploaded again an hour ago', 60 * 60_000);
    const untouched = await storeOld('not named', 3 * ORPHAN_GRACE_MS);
    sweeper.registerReferences(async (shas) => new Set(shas.filter((s) => s === shared)));
    expect(await sweeper.removeUnreferenced([erased, shared, fresh, erased], now)).toBe(1);
    expect(await Promise.all([erased, shared, fresh, untouched].map((s) => storage.exists(s)))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('keeps a file that was stored again after it was listed (an upload of the same content in flight)', async () => {
    const sha = await storeOld('same content', 2 * ORPHAN_GRACE_MS);
    sweeper.registerReferences(async () => {
      // Between the listing and the removal, the same content arrives again.
      await storage.put(Readable.from([Buffer.from('same content')]), { maxBytes: 1000 });
      return new Set();
    });
    expect(await sweeper.sweepOrphans(now)).toMatchObject({ removed: 0 });
    expect(await storage.exists(sha)).toBe(true);
  });
});
