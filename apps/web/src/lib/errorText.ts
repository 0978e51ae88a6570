import type { TFunction } from 'i18next';
import { ApiError } from './api';
import { i18n } from '../app/i18n';

/**
 * Kinds of field error the locales name (`errors.field.<field>.<kind>`). The zod
 * messages of the shared schemas are English for API clients; the screen never
 * shows them, it shows the vi/en text of the field and kind.
 */
export type FieldErrorKind = 'required' | 'invalid' | 'tooShort' | 'tooLong' | (string & {});

/** The kind of a zod issue (the `type` react-hook-form's zodResolver keeps) for a field value. */
export function issueKind(type: string | undefined, message: string | undefined, value: unknown): FieldErrorKind {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return 'required';
  if (type === 'too_small') return 'tooShort';
  if (type === 'too_big') return 'tooLong';
  // Our own refinements (e.g. the password confirmation) use a locale key as message.
  if (type === 'custom' && message && /^[a-z][A-Za-z]*$/.test(message)) return message;
  return 'invalid';
}

/** The locale key (and values) of a failed call's message: by its code, else its status, else generic. */
export function problemMessage(error: unknown): { key: string; params?: Record<string, unknown> } {
  if (!(error instanceof ApiError)) return { key: 'errors.generic' };
  const code = error.problem.code;
  if (code && i18n.exists(`errors.code.${code}`)) {
    const seconds = Number(error.problem.retryAfter);
    return { key: `errors.code.${code}`, params: { seconds: seconds > 0 ? Math.ceil(seconds) : 60 } };
  }
  if (error.status === 0) return { key: 'errors.network' };
  if (i18n.exists(`errors.status.${error.status}`)) return { key: `errors.status.${error.status}` };
  return { key: 'errors.generic' };
}

export function problemText(t: TFunction, error: unknown): string {
  const m = problemMessage(error);
  return t(m.key, m.params);
}
