import type { TFunction } from '../../lib/i18n';
import { ApiError } from '../../lib/api';
import { problemText } from '../../lib/errorText';

/** The generic codes of a refused body: for an upload, the file's own 413/415 text says more. */
const GENERIC_BODY_CODES = new Set([undefined, 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']);

/**
 * The text of a failed dossier call: the catalogue's text of its code (with the file's name and
 * size when given), except that a bare 413/415 (a proxy's, the body parser's) names the file.
 */
export function dossierErrorText(t: TFunction, error: unknown, params: Record<string, unknown> = {}): string {
  if (
    error instanceof ApiError &&
    (error.status === 413 || error.status === 415) &&
    GENERIC_BODY_CODES.has(error.problem.code)
  )
    return t(`dossiers.errors.status${error.status}`, params);
  return problemText(t, error, params);
}
