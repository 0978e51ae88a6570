import { PASSWORD_PERSONAL_DATA_MESSAGE } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';

/** Coded errors of the identity module (codes in IDENTITY_ERROR_CODES of @motcua/shared). */
export class IdentityError {
  /** One message whether the user exists or not, so a login does not reveal accounts. */
  static invalidCredentials(): AppError {
    return new AppError('INVALID_CREDENTIALS', 401, 'Wrong username or password');
  }
  static tooManyAttempts(retryAfterSeconds: number): AppError {
    return new AppError('TOO_MANY_ATTEMPTS', 429, 'Too many failed logins; try again later', undefined, {
      retryAfter: retryAfterSeconds,
    });
  }
  static duplicateNationalId(): AppError {
    return new AppError('DUPLICATE_NATIONAL_ID', 409, 'An account with this national ID exists', [
      { field: 'nationalId', message: 'Already registered' },
    ]);
  }
  static duplicateEmail(): AppError {
    return new AppError('DUPLICATE_EMAIL', 409, 'An account with this e-mail exists', [
      { field: 'email', message: 'Already registered' },
    ]);
  }
  static duplicateUsername(): AppError {
    return new AppError('DUPLICATE_USERNAME', 409, 'This username is taken', [
      { field: 'username', message: 'Already taken' },
    ]);
  }
  static commonPassword(field = 'password'): AppError {
    return new AppError('COMMON_PASSWORD', 400, 'The request has invalid fields', [
      { field, message: 'Too common; choose another' },
    ]);
  }
  static weakPassword(field: string, message: string): AppError {
    return AppError.validation([{ field, message }]);
  }
  static personalDataPassword(field = 'password'): AppError {
    return new AppError('PASSWORD_PERSONAL_DATA', 400, 'The request has invalid fields', [
      { field, message: PASSWORD_PERSONAL_DATA_MESSAGE },
    ]);
  }
  static accountDisabled(): AppError {
    return new AppError('ACCOUNT_DISABLED', 401, 'This account is disabled');
  }
  static sessionEnded(): AppError {
    return new AppError('INVALID_TOKEN', 401, 'The session has ended');
  }
  static unknownAgency(): AppError {
    return new AppError('UNKNOWN_AGENCY', 400, 'The request has invalid fields', [
      { field: 'agencyCode', message: 'Unknown agency' },
    ]);
  }
  static invalidRefreshToken(): AppError {
    return new AppError('INVALID_REFRESH_TOKEN', 401, 'The refresh token is invalid, expired or spent');
  }
  static userGone(): AppError {
    return new AppError('UNAUTHENTICATED', 401, 'The signed-in user no longer exists');
  }
  static oidcNotConfigured(): AppError {
    return new AppError('OIDC_NOT_CONFIGURED', 404, 'Digital citizen login is not configured');
  }
}
