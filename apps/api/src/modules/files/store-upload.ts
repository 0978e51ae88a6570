import type { Readable } from 'node:stream';
import type { FileStorage, StoredFile } from './file-storage.js';
import { FileError } from './files.errors.js';
import { SNIFF_BYTES, peekStream, sniffFileType, type AcceptedFileType } from './magic-bytes.js';

export interface StoredUpload extends StoredFile {
  /** Decided by the content, never by the file's name or the declared type. */
  mimeType: AcceptedFileType;
}

/**
 * Sniff, hash and store an uploaded file in one pass: FILE_TYPE_NOT_ACCEPTED (415) when the
 * content is not PDF, JPEG or PNG (nothing stored, the upload stream destroyed), FILE_TOO_LARGE
 * (413) past `maxBytes`.
 */
export async function storeUpload(storage: FileStorage, source: Readable, maxBytes: number): Promise<StoredUpload> {
  const { head, stream } = await peekStream(source, SNIFF_BYTES);
  const mimeType = sniffFileType(head);
  if (!mimeType) {
    stream.destroy();
    throw FileError.typeNotAccepted();
  }
  const stored = await storage.put(stream, { maxBytes });
  return { ...stored, mimeType };
}
