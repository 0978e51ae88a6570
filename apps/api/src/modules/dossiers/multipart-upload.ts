import type { Readable } from 'node:stream';
import type { Request } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import { AppError } from '../../common/app-error.js';
import { DossierError } from './dossiers.errors.js';

/** One uploaded file as it arrives: the text fields sent before it, its name, its content stream. */
export interface IncomingFile {
  fields: Record<string, string>;
  fileName: string;
  stream: Readable;
}

/**
 * Hands the request's single file to `handle` while it streams in (nothing buffered, nothing
 * written before `handle` decides), and resolves with what `handle` returns. Text fields must
 * come before the file in the form (as browsers send FormData in append order).
 */
export type UploadSource = <T>(handle: (file: IncomingFile) => Promise<T>) => Promise<T>;

const FILE_FIELD = 'file';

/** The multipart body of an attachment upload, parsed by multer with a streaming storage engine. */
export function multipartUpload(req: Request): UploadSource {
  return <T>(handle: (file: IncomingFile) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      if (!req.is('multipart/form-data')) return reject(DossierError.notMultipart());
      let result: { value: T } | undefined;
      const storage: StorageEngine = {
        _handleFile(r, file, callback) {
          const fields = { ...(r.body as Record<string, string> | undefined) };
          handle({ fields, fileName: file.originalname, stream: file.stream }).then(
            (value) => {
              result = { value };
              callback(null, {});
            },
            (e: unknown) => {
              // Refused before or while reading: let the rest of the upload flow away unread.
              file.stream.resume();
              callback(e);
            },
          );
        },
        _removeFile(_r, _file, callback) {
          callback(null);
        },
      };
      const upload = multer({
        storage,
        // UTF-8 file names (Vietnamese) as browsers send them, not latin1.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, parts: 11, fieldNameSize: 100, fieldSize: 1024 },
      }).single(FILE_FIELD);
      upload(req, req.res!, (err: unknown) => {
        if (err) return reject(toUploadError(err));
        if (!result) return reject(DossierError.fileMissing());
        resolve(result.value);
      });
    });
}

function toUploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError) {
    const field = err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT' ? FILE_FIELD : err.field;
    return AppError.validation([
      { field: field ?? '(body)', message: err.code === 'LIMIT_FILE_COUNT' ? 'One file only' : err.message },
    ]);
  }
  // A malformed multipart body (busboy): the client's fault, never a 500.
  return new AppError('MALFORMED_MULTIPART', 400, err instanceof Error ? err.message : 'Malformed multipart body');
}

/** A stored file name: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return Array.from(cleaned).slice(0, 255).join('') || 'file';
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding), so a
 * Vietnamese file name reaches the browser intact and old clients get a readable ASCII one.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
