import type { FieldError } from '@motcua/shared';

/**
 * A coded error a service throws; the problem filter maps it to problem+json.
 * Each module declares its own codes (x.errors.ts) as static constructors.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
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
  static conflict(code: string, message: string): AppError {
    return new AppError(code, 409, message);
  }
  static unprocessable(code: string, message: string, errors?: FieldError[]): AppError {
    return new AppError(code, 422, message, errors);
  }
}
