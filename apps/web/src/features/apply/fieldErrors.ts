import type { FormErrorCode, FormField } from '@motcua/shared';
import { DATE_BOUND_TODAY } from '@motcua/shared/form-dates';
import { DEFAULT_MAX_LENGTH, DRAFT_MAX_STRING_LENGTH, FORM_ERROR_CODES } from '@motcua/shared/form-fields';
import type { TFunction } from '../../lib/i18n';
import { formatDate } from '../../lib/format';
import { fieldLabel } from './labels';

export function isFormErrorCode(s: unknown): s is FormErrorCode {
  return typeof s === 'string' && (FORM_ERROR_CODES as readonly string[]).includes(s);
}

/** "Họ và tên" → "họ và tên" inside a sentence; an acronym ("CCCD") is left as it is. */
function inSentence(label: string): string {
  const [first = '', second = ''] = Array.from(label);
  if (second && second !== second.toLocaleLowerCase('vi')) return label;
  return first.toLocaleLowerCase('vi') + label.slice(first.length);
}

function maxLengthOf(field: FormField): number {
  if (field.maxLength !== undefined) return field.maxLength;
  if (field.type === 'text' || field.type === 'textarea' || field.type === 'email')
    return DEFAULT_MAX_LENGTH[field.type];
  return DRAFT_MAX_STRING_LENGTH;
}

/**
 * The vi/en message of a field's error code (the shared validator's, or the API's at submit),
 * naming the field, as GOV.UK's error messages do: "Nhập họ và tên người mẹ".
 */
export function fieldErrorMessage(t: TFunction, field: FormField, code: string | undefined, english: boolean): string {
  const label = inSentence(fieldLabel(field, english));
  // A date bound is said as a date (dd/mm/yyyy) or as "today", the way the schema wrote it.
  const bound = (b: string | number | undefined) =>
    b === DATE_BOUND_TODAY ? t('apply.today') : typeof b === 'string' ? formatDate(b) : b;
  const params =
    field.type === 'date'
      ? { label, min: bound(field.min), max: bound(field.max) }
      : { label, max: field.type === 'number' ? field.max : maxLengthOf(field), min: field.min };
  let key = 'apply.errors.invalid';
  if (code === 'required') {
    key =
      field.type === 'checkbox'
        ? 'apply.errors.requiredCheckbox'
        : field.type === 'select'
          ? 'apply.errors.requiredChoice'
          : 'apply.errors.required';
  } else if (isFormErrorCode(code)) key = `apply.errors.${code}`;
  return capitalise(t(key, params));
}

/** A message that starts with the label starts with a capital again. */
function capitalise(s: string): string {
  const [first = ''] = Array.from(s);
  return first.toLocaleUpperCase('vi') + s.slice(first.length);
}
