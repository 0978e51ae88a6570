import { AppError } from '../../common/app-error.js';

/** Coded errors of the inbox; texts in packages/shared errors.ts. */
export class NotificationError {
  /** Someone else's notification, or none: the same 404 (domain.md, Roles: no existence leak). */
  static notFound(): AppError {
    return AppError.notFound('Notification');
  }
  /** An unsubscribe token not signed by us (a client that asked for JSON; a browser gets the page). */
  static badUnsubscribeToken(): AppError {
    return new AppError('UNSUBSCRIBE_LINK_INVALID', 400, 'The unsubscribe token is not valid', [
      { field: 'token', message: 'Not a token of ours' },
    ]);
  }
  static badCursor(): AppError {
    return AppError.validation([{ field: 'cursor', message: 'Not a cursor of this list' }]);
  }
}
