import { AppError } from '../../common/app-error.js';

/** Coded errors of electronic results (signing, upload, verification). */
export const ResultError = {
  unreadablePdf(): AppError {
    return new AppError('RESULT_PDF_UNREADABLE', 422, 'The PDF cannot be read or signed (damaged or encrypted)');
  },
  signingKeyMissing(agencyCode: string): AppError {
    return new AppError('SIGNING_KEY_MISSING', 503, `No signing certificate is configured for agency ${agencyCode}`);
  },
  missing(): AppError {
    return AppError.conflict('RESULT_MISSING', 'No result document has been uploaded for this dossier');
  },
  notFound(): AppError {
    return AppError.notFound('Result');
  },
};
