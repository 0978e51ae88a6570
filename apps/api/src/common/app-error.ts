import type { ErrorCode, ErrorCodeWithStatus, ErrorStatus, FieldError } from '@motcua/shared';

/** A catalogue code with its one status: `'NOT_FOUND', 404` type-checks, `'NOT_FOUND', 400` does not. */
type CodeAndStatus = { [C in ErrorCode]: [code: C, status: ErrorStatus<C>] }[ErrorCode];
type AppErrorArgs = [...CodeAndStatus, message: string, errors?: FieldError[], extra?: Record<string, unknown>];

/**
 * A coded error a service throws; the problem filter maps it to problem+json.
 * The code comes from ERROR_CODES of @motcua/shared (its vi/en text lives there), and the
 * status must be that code's: an unknown code, or a code with another status, does not compile.
 * Each module declares its own errors (x.errors.ts) as static constructors.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly extra?: Record<string, unknown>;

  constructor(...[code, status, message, errors, extra]: AppErrorArgs) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.errors = errors;
    this.extra = extra;
  }

  static validation(errors: FieldError[], message = 'The request has invalid fields'): AppError {
    return new AppError('VALIDATION_FAILED', 400, message, errors);
  }
  static notFound(what = 'Resource'): AppError {
    return new AppError('NOT_FOUND', 404, `${what} not found`);
  }
  static conflict(code: ErrorCodeWithStatus<409>, message: string): AppError {
    // Safe: every code of ErrorCodeWithStatus<409> has status 409 (the compiler checks each one, not the union).
    return new AppError(...([code, 409, message] as AppErrorArgs));
  }
  static unprocessable(code: ErrorCodeWithStatus<422>, message: string, errors?: FieldError[]): AppError {
    return new AppError(...([code, 422, message, errors] as AppErrorArgs));
  }
}
