import type { ErrorCode, ErrorCodeWithStatus, ErrorStatus, FieldError } from '@motcua/shared';

/**
 * A coded error a service throws; the problem filter maps it to problem+json.
 * The code comes from ERROR_CODES of @motcua/shared (its vi/en text lives there), and the
 * status must be that code's: an unknown code, or a code with another status, does not compile.
 * Each module declares its own errors (x.errors.ts) as static constructors.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly status: ErrorStatus<C>,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(errors: FieldError[], message = 'The request has invalid fields'): AppError {
    return new AppError('VALIDATION_FAILED', 400, message, errors);
  }
  static notFound(what = 'Resource'): AppError {
    return new AppError('NOT_FOUND', 404, `${what} not found`);
  }
  static conflict(code: ErrorCodeWithStatus<409>, message: string): AppError {
    return new AppError(code, 409, message);
  }
  static unprocessable(code: ErrorCodeWithStatus<422>, message: string, errors?: FieldError[]): AppError {
    return new AppError(code, 422, message, errors);
  }
}
