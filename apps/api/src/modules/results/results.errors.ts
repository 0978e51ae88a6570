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
  verificationNotFound(): AppError {
    return new AppError('VERIFICATION_NOT_FOUND', 404, 'No issued result has this verification code');
  },
  dossierNotFound(): AppError {
    return AppError.notFound('Dossier');
  },
  notPdf(): AppError {
    return new AppError('FILE_TYPE_NOT_ACCEPTED', 415, 'The result must be a PDF');
  },
  uploadForbidden(): AppError {
    return new AppError(
      'RESULT_UPLOAD_FORBIDDEN',
      403,
      'Only the assigned officer or an approver may upload the result',
    );
  },
  uploadNotAllowed(status: string): AppError {
    return AppError.conflict('RESULT_UPLOAD_NOT_ALLOWED', `A result cannot be uploaded while the dossier is ${status}`);
  },
  noTemplate(): AppError {
    return AppError.conflict('RESULT_NO_TEMPLATE', "The dossier's procedure version has no result template");
  },
  notIssued(): AppError {
    return AppError.conflict('RESULT_NOT_ISSUED', 'The dossier has no signed result');
  },
  alreadyRevoked(): AppError {
    return AppError.conflict('RESULT_ALREADY_REVOKED', 'The result has already been revoked');
  },
  alreadySigned(): AppError {
    return AppError.conflict('RESULT_ALREADY_SIGNED', 'The result is signed and can no longer be replaced');
  },
};
