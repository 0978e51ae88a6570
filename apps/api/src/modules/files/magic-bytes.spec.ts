import { Readable } from 'node:stream';
import fc from 'fast-check';
import { SNIFF_BYTES, peekStream, sniffFileType } from './magic-bytes.js';

const bytes = (...b: number[]) => Buffer.from(b);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
const ELF = bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00);
const MZ = Buffer.concat([Buffer.from('MZ'), bytes(0x90, 0x00, 0x03, 0x00, 0x00, 0x00)]);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream that delivers `content` in the given chunk sizes, like a network upload. */
function chunked(content: Buffer, sizes: number[]): Readable {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < content.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length] ?? 1);
    parts.push(content.subarray(at, at + n));
    at += n;
  }
  return Readable.from(parts, { objectMode: false });
}

describe('sniffFileType', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(sniffFileType(PDF)).toBe('application/pdf');
    expect(sniffFileType(JPEG)).toBe('image/jpeg');
    expect(sniffFileType(PNG)).toBe('image/png');
  });

  it('refuses executables whatever they are called (ELF, Windows MZ)', () => {
    expect(sniffFileType(ELF)).toBeNull();
    expect(sniffFileType(MZ)).toBeNull();
  });

  it('refuses other content, a truncated signature and an empty file', () => {
    expect(sniffFileType(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('<html><body>%PDF-1.7', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('%PDF', 'latin1'))).toBeNull();
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffFileType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });

  it('needs no more than SNIFF_BYTES bytes', () => {
    expect(sniffFileType(PNG.subarray(0, SNIFF_BYTES))).toBe('image/png');
  });
});

describe('peekStream', () => {
  it('gives the first bytes and then the whole content, even from one-byte chunks', async () => {
    const content = Buffer.concat([PNG, Buffer.alloc(1000, 7)]);
    const { head, stream } = await peekStream(chunked(content, [1]), SNIFF_BYTES);
    expect(head.equals(PNG.subarray(0, SNIFF_BYTES))).toBe(true);
    expect((await readAll(stream)).equals(content)).toBe(true);
  });

  it('gives a shorter head when the stream ends first', async () => {
    const { head, stream } = await peekStream(chunked(Buffer.from('%P'), [1]), SNIFF_BYTES);
    expect(head.toString()).toBe('%P');
    expect((await readAll(stream)).toString()).toBe('%P');
  });

  it('passes any content through unchanged whatever its chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 64 }),
        async (data, sizes, n) => {
          const content = Buffer.from(data);
          const { head, stream } = await peekStream(chunked(content, sizes), n);
          expect(head.equals(content.subarray(0, n))).toBe(true);
          expect((await readAll(stream)).equals(content)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('passes a source error on to the reader', async () => {
    async function* failing() {
      yield Buffer.from('%PDF-1.7 and more');
      throw new Error('connection reset');
    }
    const { stream } = await peekStream(Readable.from(failing(), { objectMode: false }), 4);
    await expect(readAll(stream)).rejects.toThrow('connection reset');
  });

  it('destroys the source when the reader gives up', async () => {
    const source = new Readable({ read() {} });
    source.push(PDF);
    const { stream } = await peekStream(source, SNIFF_BYTES);
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect(source.destroyed).toBe(true);
  });
});
