import { AppError } from '../../common/app-error.js';

/** Coded errors of file storage and upload checks. */
export const FileError = {
  tooLarge(maxBytes: number): AppError {
    return new AppError('FILE_TOO_LARGE', 413, `The file is larger than ${maxBytes} bytes`, undefined, { maxBytes });
  },
  typeNotAccepted(): AppError {
    return new AppError('FILE_TYPE_NOT_ACCEPTED', 415, 'Only PDF, JPEG and PNG files are accepted');
  },
  notFound(): AppError {
    return new AppError('FILE_NOT_FOUND', 404, 'File not found');
  },
};
