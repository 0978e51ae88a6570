import type { TFunction } from 'i18next';
import { i18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { problemText } from '../../lib/errorText';

/**
 * The text of a failed dossier call: the dossier module's own codes first
 * (`dossiers.errors.<CODE>`), then the app's generic texts by code and status.
 */
export function dossierErrorText(t: TFunction, error: unknown, params: Record<string, unknown> = {}): string {
  if (error instanceof ApiError) {
    const code = error.problem.code;
    if (code && i18n.exists(`dossiers.errors.${code}`)) return t(`dossiers.errors.${code}`, params);
    if (error.status === 413 || error.status === 415) return t(`dossiers.errors.status${error.status}`, params);
  }
  return problemText(t, error);
}
