import type { FieldError } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';

/** Coded errors of the reports module. */
export class ReportsError {
  /** Unknown, or outside the caller's scope: the same 404 (existence does not leak). */
  static agencyNotFound(code: string): AppError {
    return new AppError('AGENCY_NOT_FOUND', 404, `Agency ${code} not found`);
  }
  static sectorNotFound(code: string): AppError {
    return new AppError('SECTOR_NOT_FOUND', 404, `Sector ${code} not found`);
  }
  static procedureNotFound(code: string): AppError {
    return new AppError('PROCEDURE_NOT_FOUND', 404, `Procedure ${code} not found`);
  }
  static invalidPeriod(errors: FieldError[]): AppError {
    return AppError.validation(errors, 'The report period is invalid');
  }
  /** The caller already holds the most live streams allowed (contract: 5 per user, all processes). */
  static tooManyLiveStreams(max: number, retryAfter: number): AppError {
    return new AppError('LIVE_STREAM_LIMIT', 429, `At most ${max} live streams per user`, undefined, { retryAfter });
  }
  /** This API process serves as many streams as it is configured for; another may have room. */
  static liveStreamsBusy(retryAfter: number): AppError {
    return new AppError('LIVE_STREAMS_BUSY', 503, 'Too many live streams on this server; try again later', undefined, {
      retryAfter,
    });
  }
}
