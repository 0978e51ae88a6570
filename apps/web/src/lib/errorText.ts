import { isErrorCode } from '@motcua/shared/errors';
import type { TFunction } from './i18n';
import { ApiError } from './api';
import { i18n } from '../app/i18n';
import { waitText } from './retryAfter';

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

/**
 * The locale key (and values) of a failed call's message: its code's text in the shared catalogue
 * (`errors.code.<CODE>`, never the raw code), else by status, else generic. The values a text may
 * name come from the problem (retryAfter, maxBytes) unless the caller gives them (a file's name).
 */
export function problemMessage(
  error: unknown,
  params: Record<string, unknown> = {},
): { key: string; params?: Record<string, unknown> } {
  if (!(error instanceof ApiError)) return { key: 'errors.generic' };
  const { code, retryAfter, maxBytes } = error.problem;
  if (isErrorCode(code)) {
    const seconds = Number(retryAfter) > 0 ? Math.ceil(Number(retryAfter)) : 60;
    const mb = Number(maxBytes) > 0 ? Math.round(Number(maxBytes) / (1024 * 1024)) : undefined;
    // A wait in words ("9 phút", not "540 giây"), in the language of the moment the message is made.
    const wait = waitText(i18n.t, seconds);
    return { key: `errors.code.${code}`, params: { seconds, wait, mb, ...params } };
  }
  if (error.status === 0) return { key: 'errors.network' };
  if (i18n.exists(`errors.status.${error.status}`)) return { key: `errors.status.${error.status}` };
  return { key: 'errors.generic' };
}

export function problemText(t: TFunction, error: unknown, params?: Record<string, unknown>): string {
  const m = problemMessage(error, params);
  return t(m.key, m.params);
}
