import { AppError } from '../../common/app-error.js';

/** Coded errors of the inbox; texts in packages/shared errors.ts. */
export class NotificationError {
  /** Someone else's notification, or none: the same 404 (domain.md, Roles: no existence leak). */
  static notFound(): AppError {
    return AppError.notFound('Notification');
  }
  static badCursor(): AppError {
    return AppError.validation([{ field: 'cursor', message: 'Not a cursor of this list' }]);
  }
}
