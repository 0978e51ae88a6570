import type { FormField } from './form-schema.js';

/**
 * The vocabulary of a procedure's application form that needs no validator: field types, error
 * codes, length caps, and the profile values a field is prefilled from and locked to. Without zod,
 * so the web's form renders and prefills before the validator (form-schema.ts) is loaded
 * (issue 16, item 16); the validator and the API read the same constants from here.
 */

export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'checkbox',
  'email',
  'phone',
  'nationalId',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/**
 * Stable codes a failing form field carries as its message; the web maps each to vi/en text
 * (e.g. `form.error.required`). Nothing else is ever put in a form-data issue message.
 */
export const FORM_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_long',
  'invalid_format',
  'invalid_option',
  'too_small',
  'too_big',
  'not_integer',
  'invalid_date',
  /** A date before the field's `min` / after its `max` (a date or `today`). */
  'date_too_early',
  'date_too_late',
  /** A field mapped to a verified profile value (digital-citizen login) that differs from it. */
  'not_verified_value',
  'invalid_national_id',
  'invalid_phone',
  'invalid_email',
  /** NUL or an unpaired surrogate: text no person types and PostgreSQL cannot store. */
  'invalid_characters',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/** Default length caps, so a form never stores unbounded text when the schema gives none. */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 4000, email: 254 } as const;
/** Hard cap on any string a draft may hold (drafts are checked for shape only). */
export const DRAFT_MAX_STRING_LENGTH = 10_000;

/**
 * The applicant's profile values a form field may be prefilled from (`profileField`). The first
 * three come from the digital-citizen login when it is verified, and are then locked.
 */
export const PROFILE_FIELDS = ['fullName', 'birthDate', 'nationalId', 'phone', 'email'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const VERIFIED_PROFILE_FIELDS: readonly ProfileField[] = ['fullName', 'birthDate', 'nationalId'];

/** A value of one form field as JSON carries it. */
export type FormValue = string | number | boolean;
/** The form data of a dossier: field key → value (absent, or null, when not filled in). */
export type FormData = Record<string, FormValue | null | undefined>;

/** The fields of a form, as the helpers below read them (a FormSchema is one). */
interface FormFields {
  fields: readonly FormField[];
}

/** Initial values of an empty form (react-hook-form `defaultValues`): '' / false / undefined. */
export function emptyFormData(formSchema: FormFields): FormData {
  const out: FormData = {};
  for (const f of formSchema.fields) out[f.key] = f.type === 'checkbox' ? false : f.type === 'number' ? undefined : '';
  return out;
}

/** The applicant's profile as prefilling reads it (GET /auth/me); absent values are null. */
export type ProfileValues = Partial<Record<ProfileField, string | null>>;

/** Same text for a person: Unicode NFC (a name typed with combining marks is the same name), trimmed. */
const sameText = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

/**
 * Values of the fields a procedure maps to the profile (`profileField`), for the form's starting
 * values: only where the profile has a value, and only keys the form has.
 */
export function profilePrefill(formSchema: FormFields, profile: ProfileValues): FormData {
  const out: FormData = {};
  for (const f of formSchema.fields) {
    const v = f.profileField ? profile[f.profileField] : undefined;
    if (typeof v === 'string' && v !== '') out[f.key] = v;
  }
  return out;
}

/** The keys of fields locked to a verified profile value (digital-citizen login), with that value. */
export function lockedProfileFields(formSchema: FormFields, profile: ProfileValues): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of formSchema.fields) {
    if (!f.profileField || !VERIFIED_PROFILE_FIELDS.includes(f.profileField)) continue;
    const v = profile[f.profileField];
    if (typeof v === 'string' && v !== '') out.set(f.key, v);
  }
  return out;
}

/**
 * For a verified applicant: the fields whose submitted value differs from the verified profile
 * value they are mapped to (each with `not_verified_value`). An empty list when nothing differs.
 */
export function verifiedProfileIssues(
  formSchema: FormFields,
  formData: Record<string, unknown>,
  profile: ProfileValues,
): { field: string; message: FormErrorCode }[] {
  const issues: { field: string; message: FormErrorCode }[] = [];
  for (const [key, value] of lockedProfileFields(formSchema, profile)) {
    const given = formData[key];
    if (typeof given !== 'string' || !sameText(given, value))
      issues.push({ field: key, message: 'not_verified_value' });
  }
  return issues;
}
