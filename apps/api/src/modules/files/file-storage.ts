import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileError } from './files.errors.js';

export interface PutOptions {
  /** The stream is cut off and nothing is stored once it passes this many bytes (413). */
  maxBytes: number;
}

export interface StoredFile {
  /** Lowercase hex sha256 of the content: its address in the store. */
  sha256: string;
  size: number;
}

/**
 * Content-addressed file store (architecture.md: local disk by default, an S3-compatible store
 * behind the same interface in production). The class is also the Nest injection token.
 */
export abstract class FileStorage {
  /** Store a stream's content; the same content twice is stored once. Throws FILE_TOO_LARGE (413). */
  abstract put(source: Readable, options: PutOptions): Promise<StoredFile>;
  /** A stream of stored content. Throws FILE_NOT_FOUND (404) when there is none under that hash. */
  abstract open(sha256: string): Promise<Readable>;
  abstract exists(sha256: string): Promise<boolean>;
  /** The stored contents last written (or stored again) before `cutoff`: candidates for the sweeper. */
  abstract listOlderThan(cutoff: Date): AsyncIterable<string>;
  /**
   * Remove a stored content if it is still older than `cutoff`; false when it was stored again
   * meanwhile (an upload of the same content in flight) or is already gone.
   */
  abstract removeIfOlderThan(sha256: string, cutoff: Date): Promise<boolean>;
  /** Remove partial uploads left behind (a crash mid-upload) older than `cutoff`; how many. */
  abstract removePartialsOlderThan(cutoff: Date): Promise<number>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Files under `<root>/<aa>/<bb>/<sha256>`, written to `<root>/tmp` first and renamed into place. */
export class LocalFileStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  /** Where a hash lives; refuses anything that is not a sha256 so no path can be smuggled in. */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw FileError.notFound();
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, { maxBytes }: PutOptions): Promise<StoredFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        // Stop at the first byte over the limit: an oversized upload is never written out whole.
        if (size > maxBytes) return callback(FileError.tooLarge(maxBytes));
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const out = createWriteStream(tmp, { flags: 'wx', flush: true });
    try {
      await pipeline(source, meter, out);
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      // Stored already: mark it fresh, so the sweeper leaves it to the attachment about to name it.
      if (await touch(target)) {
        await unlink(tmp);
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        // rename() is atomic within one file system: readers see the whole file or none.
        await rename(tmp, target);
      }
      return { sha256, size };
    } catch (e) {
      // The write stream may still be opening the file: wait for it to close before removing it.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    if (!(await this.exists(sha256))) throw FileError.notFound();
    return createReadStream(file);
  }

  async *listOlderThan(cutoff: Date): AsyncIterable<string> {
    for (const a of await dirNames(this.root, /^[0-9a-f]{2}$/)) {
      for (const b of await dirNames(path.join(this.root, a), /^[0-9a-f]{2}$/)) {
        const dir = path.join(this.root, a, b);
        for (const name of await dirNames(dir, SHA256_HEX)) {
          const s = await stat(path.join(dir, name)).catch(() => null);
          if (s?.isFile() && s.mtimeMs < cutoff.getTime()) yield name;
        }
      }
    }
  }

  /**
   * The file is first renamed aside (atomic): an upload of the same content that arrives now no
   * longer finds it and stores its own copy. If the aside copy turns out fresh (an upload touched
   * it just before), it goes back; otherwise it is deleted.
   */
  async removeIfOlderThan(sha256: string, cutoff: Date): Promise<boolean> {
    const file = this.pathOf(sha256);
    const aside = `${file}.${randomUUID()}.sweep`;
    try {
      await rename(file, aside);
    } catch {
      return false;
    }
    const s = await stat(aside);
    if (s.mtimeMs >= cutoff.getTime()) {
      // Stored again meanwhile: put it back unless the upload has already put its own copy.
      if (await this.exists(sha256)) await unlink(aside);
      else await rename(aside, file);
      return false;
    }
    await unlink(aside);
    return true;
  }

  async removePartialsOlderThan(cutoff: Date): Promise<number> {
    const dir = path.join(this.root, 'tmp');
    let removed = 0;
    for (const name of await dirNames(dir, /\.part$/)) {
      const file = path.join(dir, name);
      const s = await stat(file).catch(() => null);
      if (
        s &&
        s.mtimeMs < cutoff.getTime() &&
        (await unlink(file).then(
          () => true,
          () => false,
        ))
      )
        removed++;
    }
    return removed;
  }

  async exists(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}

/** Set a file's times to now; false when there is no such file. */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(file, now, now);
    return true;
  } catch {
    return false;
  }
}

/** The entries of a directory whose names match (none when it does not exist). */
async function dirNames(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => pattern.test(n));
  } catch {
    return [];
  }
}
