import { useMemo } from 'react';
import type { ErrorOption, FieldError as RhfFieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import { i18n } from '../../app/i18n';
import type { SummaryError } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { issueKind, type FieldErrorKind } from '../../lib/errorText';

/**
 * One line of a form's error summary, kept as a locale key (not a string) so that
 * switching language re-translates it.
 */
export interface SummaryItem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/** `errors.field.<field>.<kind>`, else the field's "invalid", else the generic text of the kind. */
export function fieldErrorKey(field: string, kind: FieldErrorKind): string {
  const keys = [
    `errors.field.${field}.${kind}`,
    `errors.field.${field}.invalid`,
    `errors.field.${kind}`,
    'errors.field.invalid',
  ];
  return keys.find((k) => i18n.exists(k)) ?? 'errors.field.invalid';
}

/** The locale key of one react-hook-form error (a zod issue, or one we set from the API). */
export function errorKey(field: string, error: RhfFieldError | undefined, value: unknown): string | undefined {
  if (!error) return undefined;
  return fieldErrorKey(field, issueKind(error.type, error.message, value));
}

/** The summary of a failed client-side check, in the order the fields appear on the page. */
export function summaryFromErrors<T extends FieldValues>(
  fields: readonly (keyof T & string)[],
  errors: FieldErrors<T>,
  values: T,
): SummaryItem[] {
  const out: SummaryItem[] = [];
  for (const f of fields) {
    const key = errorKey(f, errors[f] as RhfFieldError | undefined, values[f]);
    if (key) out.push({ field: f, key });
  }
  return out;
}

/** Problem codes that are about one field, and the kind of error they are. */
const CODE_FIELDS: Record<string, { field: string; kind: FieldErrorKind }> = {
  DUPLICATE_NATIONAL_ID: { field: 'nationalId', kind: 'taken' },
  DUPLICATE_EMAIL: { field: 'email', kind: 'taken' },
  COMMON_PASSWORD: { field: 'password', kind: 'common' },
  PASSWORD_PERSONAL_DATA: { field: 'password', kind: 'personal' },
};

/**
 * The fields a problem+json names, mapped onto our form's fields: by its code first
 * (409 duplicate national ID or e-mail), then by `errors[].field`. The API's English
 * messages are not shown; each field gets its vi/en text.
 */
export function apiFieldErrors(error: unknown, fields: readonly string[]): { field: string; kind: FieldErrorKind }[] {
  if (!(error instanceof ApiError)) return [];
  const { code, errors = [] } = error.problem;
  const out: { field: string; kind: FieldErrorKind }[] = [];
  const byCode = code ? CODE_FIELDS[code] : undefined;
  if (byCode && fields.includes(byCode.field)) out.push(byCode);
  for (const e of errors) {
    if (!fields.includes(e.field) || out.some((o) => o.field === e.field)) continue;
    let kind: FieldErrorKind = error.status === 409 ? 'taken' : 'invalid';
    if (e.field === 'password' && /common/i.test(e.message)) kind = 'common';
    out.push({ field: e.field, kind });
  }
  return out.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
}

/**
 * The fields the API named, set on the form (so each shows its inline message) and returned as
 * the summary's lines; empty when the problem names none of `fields`.
 */
export function setApiFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  setError: (field: F, error: ErrorOption) => void,
): SummaryItem[] {
  const fieldErrors = apiFieldErrors(error, fields);
  for (const fe of fieldErrors) setError(fe.field as F, { type: 'custom', message: fe.kind });
  return fieldErrors.map((fe) => ({ field: fe.field, key: fieldErrorKey(fe.field, fe.kind) }));
}

/** The summary's lines for ErrorSummary, each linking to its field and translated in the current language. */
export function useSummaryErrors(summary: SummaryItem[], fieldId: (field: string) => string): SummaryError[] {
  const { t } = useTranslation();
  return useMemo(
    () => summary.map((s) => ({ fieldId: fieldId(s.field), message: t(s.key, s.params) })),
    [summary, t, fieldId],
  );
}
