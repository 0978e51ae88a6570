import type { DossierAction, DossierStatus, FieldError } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';

/** Coded errors of the dossier module; each code's vi/en text is in ERROR_CODES of @motcua/shared. */
export class DossierError {
  /** Unknown, or outside the caller's scope: the same answer, so existence does not leak. */
  static notFound(): AppError {
    return new AppError('DOSSIER_NOT_FOUND', 404, 'Dossier not found');
  }
  static attachmentNotFound(): AppError {
    return new AppError('ATTACHMENT_NOT_FOUND', 404, 'Attachment not found');
  }
  static trackingNotFound(): AppError {
    return new AppError('DOSSIER_NOT_FOUND', 404, 'No dossier has this code');
  }
  /** The caller's role may never take this action (whatever the status). */
  static actionForbidden(action: DossierAction): AppError {
    return new AppError('ACTION_FORBIDDEN', 403, `Your role may not ${action} a dossier`, undefined, { action });
  }
  /** An officer acts only on the dossiers assigned to them (or takes a free one). */
  static notAssignee(action: DossierAction): AppError {
    return new AppError(
      'NOT_ASSIGNEE',
      403,
      `Only the officer the dossier is assigned to may ${action} it`,
      undefined,
      {
        action,
      },
    );
  }
  static invalidTransition(from: DossierStatus, action: DossierAction): AppError {
    return new AppError('INVALID_TRANSITION', 409, `A dossier in status ${from} cannot be ${action}`, undefined, {
      action,
      dossierStatus: from,
    });
  }
  /** Someone changed the dossier since the caller read it (optimistic lock lost). */
  static staleVersion(expected: number): AppError {
    return new AppError(
      'STALE_VERSION',
      409,
      `The dossier has changed since version ${expected}: reload it and try again`,
      undefined,
      { expectedVersion: expected },
    );
  }
  static newDueDateInvalid(): AppError {
    return AppError.validation([
      { field: 'newDueDate', message: 'The new appointment must be a working day after the due date' },
    ]);
  }
  static noteRequired(action: DossierAction): AppError {
    return AppError.validation([{ field: 'note', message: `A note is required to ${action}` }]);
  }
  static unknownProcedure(code: string, field = 'procedureCode'): AppError {
    return new AppError('UNKNOWN_PROCEDURE', 422, `Procedure ${code} does not exist`, [
      { field, message: 'Unknown procedure' },
    ]);
  }
  static agencyNotHandling(agencyCode: string, procedureCode: string, field: string): AppError {
    return new AppError('AGENCY_NOT_HANDLING', 422, `Agency ${agencyCode} does not handle procedure ${procedureCode}`, [
      { field, message: 'This agency does not handle the procedure' },
    ]);
  }
  static noAgency(): AppError {
    return new AppError('NO_AGENCY', 422, 'Your account belongs to no agency');
  }
  static notDraft(status: DossierStatus): AppError {
    return new AppError('NOT_DRAFT', 409, `Only a draft can be edited; this dossier is ${status}`, undefined, {
      dossierStatus: status,
    });
  }
  static formInvalid(errors: FieldError[]): AppError {
    return AppError.validation(errors, 'The form data does not satisfy the procedure');
  }
  static uploadNotAllowed(status: DossierStatus): AppError {
    return new AppError(
      'UPLOAD_NOT_ALLOWED',
      409,
      `Attachments are accepted while the dossier is a draft or a supplement is requested; it is ${status}`,
      undefined,
      { dossierStatus: status },
    );
  }
  static unknownDocument(code: string | undefined): AppError {
    return AppError.validation([
      {
        field: 'documentCode',
        message: code ? `Not a required document of this procedure: ${code}` : 'Required (before the file)',
      },
    ]);
  }
  static fileMissing(): AppError {
    return AppError.validation([{ field: 'file', message: 'Required: one file' }]);
  }
  static notMultipart(): AppError {
    return new AppError('NOT_MULTIPART', 415, 'Send the attachment as multipart/form-data');
  }
  static tooManyAttachments(max: number): AppError {
    return new AppError('TOO_MANY_ATTACHMENTS', 422, `A dossier holds at most ${max} attachments`);
  }
  /** A storage quota (issue 12) would be passed: 413 stating the limit, in bytes and in MB. */
  static storageQuotaExceeded(scope: 'dossier' | 'user', limitBytes: number, usedBytes: number): AppError {
    const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
    const whose = scope === 'dossier' ? 'A dossier’s attachments' : 'Your attachments, over all your dossiers,';
    return new AppError(
      'STORAGE_QUOTA_EXCEEDED',
      413,
      `${whose} may take at most ${mb(limitBytes)} MB (${limitBytes} bytes); ${mb(usedBytes)} MB are used`,
      undefined,
      { scope, limitBytes, usedBytes },
    );
  }
  static missingDocuments(codes: string[]): AppError {
    return AppError.unprocessable(
      'MISSING_DOCUMENTS',
      'Required documents are missing',
      codes.map((c) => ({ field: `documents.${c}`, message: 'A required document is missing' })),
    );
  }
  static idempotencyKeyRequired(): AppError {
    return AppError.validation([{ field: 'Idempotency-Key', message: 'Required header: a unique key per submission' }]);
  }
  static idempotencyKeyInvalid(): AppError {
    return AppError.validation([{ field: 'Idempotency-Key', message: 'At most 200 visible ASCII characters' }]);
  }
  static idempotencyKeyReused(): AppError {
    return new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      422,
      'This Idempotency-Key was used for another request: use a new key',
    );
  }
  static assigneeRequired(): AppError {
    return AppError.validation([
      { field: 'assigneeId', message: 'Required: only an officer takes a dossier for themself' },
    ]);
  }
  static invalidAssignee(): AppError {
    return new AppError('INVALID_ASSIGNEE', 422, 'The assignee must be an officer of the dossier’s agency', [
      { field: 'assigneeId', message: 'Not an officer of this agency' },
    ]);
  }
  static notRatable(status: DossierStatus): AppError {
    return new AppError('NOT_RATABLE', 409, 'A dossier is rated once its result has been returned', undefined, {
      dossierStatus: status,
    });
  }
  static alreadyRated(): AppError {
    return new AppError('ALREADY_RATED', 409, 'This dossier has been rated already');
  }
  static notSubmitted(): AppError {
    return new AppError('NOT_SUBMITTED', 409, 'A receipt exists once the dossier is submitted');
  }
  static invalidCursor(): AppError {
    return AppError.validation([{ field: 'cursor', message: 'Not a cursor of this list' }]);
  }
}
