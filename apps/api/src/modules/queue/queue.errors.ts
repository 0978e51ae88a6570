import { AppError } from '../../common/app-error.js';

/** Coded errors of the staff queue. */
export class QueueError {
  static invalidCursor(): AppError {
    return AppError.validation([{ field: 'cursor', message: 'Not a cursor of this list' }]);
  }
}
