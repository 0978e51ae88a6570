import type { FieldError } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';

/** Coded errors of the catalog module. */
export class CatalogError {
  static procedureNotFound(code: string): AppError {
    return new AppError('PROCEDURE_NOT_FOUND', 404, `Procedure ${code} not found`);
  }
  static procedureVersionNotFound(code: string, version: number): AppError {
    return new AppError('PROCEDURE_VERSION_NOT_FOUND', 404, `Procedure ${code} has no version ${version}`);
  }
  static templateNotFound(code: string, name: string): AppError {
    return new AppError('TEMPLATE_NOT_FOUND', 404, `Procedure ${code} has no template ${name}`);
  }
  static agencyNotFound(code: string): AppError {
    return new AppError('AGENCY_NOT_FOUND', 404, `Agency ${code} not found`);
  }
  static holidayNotFound(date: string): AppError {
    return new AppError('HOLIDAY_NOT_FOUND', 404, `No holiday on ${date}`);
  }
  static duplicateProcedure(code: string): AppError {
    return new AppError('DUPLICATE_PROCEDURE', 409, `Procedure ${code} exists`, [
      { field: 'code', message: 'Already exists' },
    ]);
  }
  static duplicateAgency(code: string): AppError {
    return new AppError('DUPLICATE_AGENCY', 409, `Agency ${code} exists`, [
      { field: 'code', message: 'Already exists' },
    ]);
  }
  static duplicateSector(code: string): AppError {
    return new AppError('DUPLICATE_SECTOR', 409, `Sector ${code} exists`, [
      { field: 'code', message: 'Already exists' },
    ]);
  }
  /** A sector, agency or parent agency that does not exist: 400 naming each field. */
  static unknownReferences(errors: FieldError[]): AppError {
    return new AppError('UNKNOWN_REFERENCE', 400, 'The request refers to unknown codes', errors);
  }
  static weekdayWorkingDay(date: string): AppError {
    return new AppError('INVALID_WORKING_DAY', 400, `${date} is a weekday: it is a working day already`, [
      { field: 'kind', message: 'A compensating working day must fall on a Saturday or Sunday' },
    ]);
  }
}
