import { Readable } from 'node:stream';

/** The file types a dossier accepts as attachments. */
export const ACCEPTED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedFileType = (typeof ACCEPTED_FILE_TYPES)[number];

/** How many leading bytes sniffFileType needs (the PNG signature is the longest). */
export const SNIFF_BYTES = 8;

const SIGNATURES: [AcceptedFileType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/**
 * The type of a file from its first bytes, never from its name or declared type: a declared
 * `application/pdf` named `x.pdf` that is an executable (ELF, MZ) or anything else gives null.
 */
export function sniffFileType(head: Buffer): AcceptedFileType | null {
  for (const [type, signature] of SIGNATURES) {
    if (head.length >= signature.length && signature.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}

/**
 * Read the first `length` bytes of a stream (fewer if it ends first) and hand back a stream of
 * the whole content, those bytes included, so an upload is sniffed and then hashed in one pass
 * without buffering it. Destroying the returned stream destroys the source.
 */
export async function peekStream(source: Readable, length: number): Promise<{ head: Buffer; stream: Readable }> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const next = async (): Promise<Buffer | null> => {
    const r = await it.next();
    if (r.done) return null;
    return typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  };
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    while (total < length) {
      const chunk = await next();
      if (chunk === null) break;
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (e) {
    source.destroy();
    throw e;
  }
  const head = Buffer.concat(chunks);
  const stream = new Readable({
    read() {
      next().then(
        (chunk) => this.push(chunk),
        (e: Error) => this.destroy(e),
      );
    },
    destroy(error, callback) {
      // A consumer that stops early (size limit, refused type) ends the upload it came from.
      source.destroy();
      callback(error);
    },
  });
  if (head.length > 0) stream.push(head);
  return { head: head.subarray(0, length), stream };
}
