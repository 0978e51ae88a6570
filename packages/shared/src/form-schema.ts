import { z } from 'zod';
import { NATIONAL_ID_PATTERN, PHONE_PATTERN } from './identity.js';
import { isCalendarDate, isSafeText, safeText } from './input.js';
import { DATE_BOUND_TODAY, resolveDateBound, todayInVietnam } from './form-dates.js';
import {
  DEFAULT_MAX_LENGTH,
  DRAFT_MAX_STRING_LENGTH,
  FORM_FIELD_TYPES,
  PROFILE_FIELDS,
  type FormErrorCode,
  type FormFieldType,
  type ProfileField,
} from './form-fields.js';

/**
 * A procedure's application form, described as data (api.md, `formSchema`), and the one function
 * that turns it into the validator of its form data: the API validates dossiers with it at submit,
 * the web validates the application form with it (loaded on first need: step 1 renders without zod).
 */

// The zod-free parts (constants, dates, profile prefill) live in form-fields.ts and form-dates.ts,
// so the web's form renders before zod loads (issue 16, item 16); the API reads them from here too.
export * from './form-fields.js';
export * from './form-dates.js';

const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** Where each optional constraint means something; elsewhere it is refused, not ignored. */
const TYPES_WITH_MAX_LENGTH: readonly FormFieldType[] = ['text', 'textarea', 'email'];
const TYPES_WITH_PATTERN: readonly FormFieldType[] = ['text', 'textarea'];
const TYPES_WITH_BOUNDS: readonly FormFieldType[] = ['number', 'date'];

/** The field types a profile value fits in (a birth date in a date field, and so on). */
const PROFILE_FIELD_TYPES: Record<ProfileField, readonly FormFieldType[]> = {
  fullName: ['text'],
  birthDate: ['date'],
  nationalId: ['nationalId', 'text'],
  phone: ['phone', 'text'],
  email: ['email', 'text'],
};

const isDateBound = (v: unknown): v is string => typeof v === 'string' && (v === DATE_BOUND_TODAY || isCalendarDate(v));

export const formFieldOptionSchema = z.strictObject({
  value: safeText().min(1).max(100),
  label: safeText().trim().min(1).max(300),
  labelEn: safeText().trim().min(1).max(300),
});
export type FormFieldOption = z.infer<typeof formFieldOptionSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const formFieldSchema = z
  .strictObject({
    key: safeText().regex(FIELD_KEY, 'Must start with a letter and hold only letters, digits and _ (max 64)'),
    label: safeText().trim().min(1).max(300),
    labelEn: safeText().trim().min(1).max(300),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean(),
    /** Optional hint shown under the label. */
    hint: safeText().max(1000).optional(),
    hintEn: safeText().max(1000).optional(),
    options: z.array(formFieldOptionSchema).min(1).max(200).optional(),
    /** `number` fields: a number; `date` fields: `YYYY-MM-DD` or `today` (api.md, Catalog). */
    min: z.union([z.number(), safeText().max(10)]).optional(),
    max: z.union([z.number(), safeText().max(10)]).optional(),
    /** The applicant's profile value this field is prefilled from (and locked to, when verified). */
    profileField: z.enum(PROFILE_FIELDS).optional(),
    /** `number` fields only: whole numbers (counts of copies, areas in m² rounded…). */
    integer: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(DRAFT_MAX_STRING_LENGTH).optional(),
    /** A regular expression (unicode flag) the WHOLE value must match (it is anchored). */
    pattern: safeText().min(1).max(500).refine(compiles, 'Not a valid regular expression').optional(),
  })
  .superRefine((field, ctx) => {
    const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (field.type === 'select' && !field.options) refuse('options', 'A select field needs options');
    if (field.type !== 'select' && field.options !== undefined) refuse('options', 'Only a select field has options');
    if (field.options) {
      const seen = new Set<string>();
      field.options.forEach((o, i) => {
        if (seen.has(o.value))
          ctx.addIssue({
            code: 'custom',
            path: ['options', i, 'value'],
            message: 'Duplicate option value',
          });
        seen.add(o.value);
      });
    }
    if (!TYPES_WITH_BOUNDS.includes(field.type)) {
      if (field.min !== undefined) refuse('min', `A ${field.type} field has no min`);
      if (field.max !== undefined) refuse('max', `A ${field.type} field has no max`);
      if (field.integer !== undefined) refuse('integer', `A ${field.type} field has no integer`);
    }
    if (field.type === 'number') {
      if (field.min !== undefined && typeof field.min !== 'number') refuse('min', 'A number field has a number min');
      if (field.max !== undefined && typeof field.max !== 'number') refuse('max', 'A number field has a number max');
    }
    if (field.type === 'date') {
      if (field.min !== undefined && !isDateBound(field.min))
        refuse('min', 'A date field has a min YYYY-MM-DD or today');
      if (field.max !== undefined && !isDateBound(field.max))
        refuse('max', 'A date field has a max YYYY-MM-DD or today');
      if (field.integer !== undefined) refuse('integer', 'A date field has no integer');
    }
    if (field.min !== undefined && field.max !== undefined && typeof field.min === typeof field.max) {
      // Dates compare as text (YYYY-MM-DD); `today` against a fixed date cannot be judged once.
      const fixed = field.min !== DATE_BOUND_TODAY && field.max !== DATE_BOUND_TODAY;
      if (fixed && field.min > field.max) refuse('max', 'max must not be below min');
    }
    if (field.profileField !== undefined && !PROFILE_FIELD_TYPES[field.profileField].includes(field.type))
      refuse('profileField', `A ${field.type} field cannot hold the profile's ${field.profileField}`);
    if (field.maxLength !== undefined && !TYPES_WITH_MAX_LENGTH.includes(field.type))
      refuse('maxLength', `A ${field.type} field has no maxLength`);
    if (field.pattern !== undefined && !TYPES_WITH_PATTERN.includes(field.type))
      refuse('pattern', `A ${field.type} field has no pattern`);
  });
export type FormField = z.infer<typeof formFieldSchema>;

export const formSchemaSchema = z
  .strictObject({ fields: z.array(formFieldSchema).max(100) })
  .superRefine((schema, ctx) => {
    const seen = new Set<string>();
    schema.fields.forEach((f, i) => {
      if (seen.has(f.key))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'key'],
          message: `Duplicate key ${f.key}`,
        });
      seen.add(f.key);
    });
  });
export type FormSchema = z.infer<typeof formSchemaSchema>;

// The national ID and phone rules are identity's (one definition for registration and forms).
/** Deliberately plain: one @, no spaces, a dot in the domain; the mailbox proves the rest. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

const isEmpty = (v: unknown) => v === undefined || v === null;

/** `required` when nothing was given (also NaN: an emptied number input), else `invalid_type`. */
const typeError = (iss: { input?: unknown }) =>
  isEmpty(iss.input) || (typeof iss.input === 'number' && Number.isNaN(iss.input)) ? 'required' : 'invalid_type';

function stringField(field: FormField, check?: (v: string) => FormErrorCode | null): z.ZodType {
  const cap =
    field.maxLength ??
    (field.type === 'text' || field.type === 'textarea' || field.type === 'email'
      ? DEFAULT_MAX_LENGTH[field.type]
      : DRAFT_MAX_STRING_LENGTH);
  const pattern = field.pattern !== undefined ? new RegExp(`^(?:${field.pattern})$`, 'u') : null;
  let s: z.ZodType = z.string({ error: typeError }).superRefine((v, ctx) => {
    // An optional field may be left as '' (an untouched input); a required one may not.
    if (!isSafeText(v)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_characters' });
      return;
    }
    if (v.trim() === '') {
      if (field.required) ctx.addIssue({ code: 'custom', message: 'required' });
      return;
    }
    if (v.length > cap) ctx.addIssue({ code: 'custom', message: 'too_long' });
    else if (pattern && !pattern.test(v)) ctx.addIssue({ code: 'custom', message: 'invalid_format' });
    const code = check?.(v);
    if (code) ctx.addIssue({ code: 'custom', message: code });
  });
  if (!field.required) s = s.nullish();
  return s;
}

/** Options of the validators: `today` is the day `today` bounds are read on (default: now, in Vietnam). */
export interface FormValidatorOptions {
  today?: string;
}

function dateCheck(field: FormField, today: string): (v: string) => FormErrorCode | null {
  const min = resolveDateBound(field.min, today);
  const max = resolveDateBound(field.max, today);
  return (v) => {
    if (!isCalendarDate(v)) return 'invalid_date';
    // YYYY-MM-DD compares as text in calendar order.
    if (min !== undefined && v < min) return 'date_too_early';
    if (max !== undefined && v > max) return 'date_too_late';
    return null;
  };
}

function fieldValidator(field: FormField, today: string): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return stringField(field);
    case 'email':
      return stringField(field, (v) => (EMAIL_PATTERN.test(v) ? null : 'invalid_email'));
    case 'phone':
      return stringField(field, (v) => (PHONE_PATTERN.test(v) ? null : 'invalid_phone'));
    case 'nationalId':
      return stringField(field, (v) => (NATIONAL_ID_PATTERN.test(v) ? null : 'invalid_national_id'));
    case 'date':
      return stringField(field, dateCheck(field, today));
    case 'select': {
      const values = new Set((field.options ?? []).map((o) => o.value));
      return stringField(field, (v) => (values.has(v) ? null : 'invalid_option'));
    }
    case 'number': {
      let n = z.number({ error: typeError });
      if (field.integer) n = n.int({ error: 'not_integer' });
      if (typeof field.min === 'number') n = n.min(field.min, { error: 'too_small' });
      if (typeof field.max === 'number') n = n.max(field.max, { error: 'too_big' });
      return field.required ? n : n.nullish();
    }
    case 'checkbox': {
      const b = z.boolean({ error: typeError });
      // A required checkbox is a declaration the applicant must tick (HTML `required` semantics).
      return field.required ? b.refine((v) => v, { error: 'required' }) : b.nullish();
    }
  }
}

/**
 * The validator of a procedure's form data at submit: every field's type, required, bounds,
 * options, pattern; unknown keys refused. Each failing field's issue message is a FormErrorCode,
 * its path the field key.
 */
export function buildFormValidator(formSchema: FormSchema, options: FormValidatorOptions = {}) {
  // `today` once per validator: one check never straddles midnight. The API passes its clock's day.
  const today = options.today ?? todayInVietnam();
  const shape: Record<string, z.ZodType> = {};
  for (const field of formSchema.fields) shape[field.key] = fieldValidator(field, today);
  return z.strictObject(shape);
}

/**
 * The validator of a draft's form data (api.md, PATCH /dossiers/{id}): shape only. Known keys,
 * the right JSON type per field, everything optional; rules wait for submit.
 */
export function buildDraftValidator(formSchema: FormSchema) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of formSchema.fields) {
    const base =
      field.type === 'number'
        ? z.number({ error: 'invalid_type' })
        : field.type === 'checkbox'
          ? z.boolean({ error: 'invalid_type' })
          : z
              .string({ error: 'invalid_type' })
              .max(DRAFT_MAX_STRING_LENGTH, { error: 'too_long' })
              .refine(isSafeText, { error: 'invalid_characters' });
    shape[field.key] = base.nullish();
  }
  return z.strictObject(shape);
}
