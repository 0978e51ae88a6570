import { z } from 'zod';
import { isCalendarDate, todayInVietnam } from './form-dates.js';
import { fieldPath, type FieldError } from './problem.js';

/**
 * The rules every piece of text and every date from outside obeys, whatever the field (issue 12:
 * "bad input never reaches a 500"). The API applies them at its edge to whole bodies and query
 * strings; the schemas apply them field by field, so the web's forms and the API agree.
 */

// ---- text ----

/**
 * NUL, or a UTF-16 surrogate outside a pair. PostgreSQL refuses both in text and jsonb (its
 * error would be a 500), no keyboard produces them, and a lone surrogate is not even Unicode.
 * With the `u` flag a well-formed pair is one code point, so only a lone half matches.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHAR = /\u0000|\p{Surrogate}/u;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /\u0000|\p{Surrogate}/gu;

export const UNSAFE_TEXT_MESSAGE = 'Must not contain NUL characters or unpaired surrogates';

/** True when `s` holds no NUL and no unpaired surrogate. */
export function isSafeText(s: string): boolean {
  return !UNSAFE_CHAR.test(s);
}

/**
 * The string schema of every text field of a request: refuses NUL and unpaired surrogates,
 * naming the field. Chain the field's own rules after it (`safeText().trim().max(200)`).
 */
export function safeText() {
  return z.string().refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
}

/** How deep a request body may nest; the deepest real one (a procedure's form schema) is 5. */
export const MAX_INPUT_DEPTH = 32;
/** Object keys that would reach an object's prototype when copied with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/** One finding of unsafeInputIssues: where (path from the value's root) and what. */
export interface InputIssue {
  path: (string | number)[];
  kind: 'text' | 'key' | 'depth';
  message: string;
}

/**
 * Every unsafe text, forbidden key or excess nesting in a parsed JSON value (a body, form data,
 * a query), each with its path (`formData.fullName` is `['formData', 'fullName']`); at most
 * `limit` of them. Iterative, so a hostile nesting cannot overflow the stack.
 */
export function unsafeInputIssues(value: unknown, options: { maxDepth?: number; limit?: number } = {}): InputIssue[] {
  const { maxDepth = MAX_INPUT_DEPTH, limit = 20 } = options;
  const out: InputIssue[] = [];
  const stack: InputIssue['path'][] = [[]];
  const values: unknown[] = [value];
  while (values.length > 0 && out.length < limit) {
    const v = values.pop();
    const path = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) out.push({ path, kind: 'text', message: UNSAFE_TEXT_MESSAGE });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) {
      out.push({ path, kind: 'depth', message: `Nested deeper than ${maxDepth} levels` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        values.push(v[i]);
        stack.push([...path, i]);
      }
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (!isSafeText(key)) {
        // Named with the bad characters replaced: the answer itself must be clean text.
        out.push({ path: [...path, key.replace(UNSAFE_CHARS, '\ufffd')], kind: 'key', message: UNSAFE_TEXT_MESSAGE });
      } else if (FORBIDDEN_KEYS.has(key)) {
        out.push({ path: [...path, key], kind: 'key', message: 'Forbidden field name' });
      } else {
        values.push((v as Record<string, unknown>)[key]);
        stack.push([...path, key]);
      }
    }
  }
  return out;
}

/** unsafeInputIssues as problem+json field errors, under a path prefix (`formData`, a query). */
export function unsafeInputFieldErrors(value: unknown, prefix: (string | number)[] = []): FieldError[] {
  return unsafeInputIssues(value).map((i) => ({
    field: fieldPath([...prefix, ...i.path]) || '(body)',
    message: i.message,
  }));
}

// ---- dates ----

// The date format check and today in Vietnam live in the zod-free form-dates.ts (the web's form
// and the dashboard's period read them before, or without, zod).
export { DATE_PATTERN, isCalendarDate, todayInVietnam } from './form-dates.js';

/** A bound of a date range: a date, `today` in Vietnam, or a function read at each check. */
export type DateBound = string | (() => string);

function boundValue(b: DateBound): string {
  return typeof b === 'function' ? b() : b === 'today' ? todayInVietnam() : b;
}

/** The last day of the year `years` after this one (Vietnam's calendar), as a DateBound. */
export function endOfYearsAhead(years: number): () => string {
  return () => `${Number(todayInVietnam().slice(0, 4)) + years}-12-31`;
}

/**
 * The one schema of a date from outside (form data aside): YYYY-MM-DD, a real calendar day,
 * inside [min, max] when given. Bounds are read at each check, so `today` stays today.
 */
export function calendarDate(bounds: { min?: DateBound; max?: DateBound } = {}) {
  return safeText().superRefine((s, ctx) => {
    if (!isCalendarDate(s)) {
      ctx.addIssue({ code: 'custom', message: 'Must be a date YYYY-MM-DD' });
      return;
    }
    const min = bounds.min === undefined ? undefined : boundValue(bounds.min);
    const max = bounds.max === undefined ? undefined : boundValue(bounds.max);
    if (min !== undefined && s < min) ctx.addIssue({ code: 'custom', message: `Must not be before ${min}` });
    else if (max !== undefined && s > max) {
      ctx.addIssue({
        code: 'custom',
        message: bounds.max === 'today' ? 'Must not be in the future' : `Must not be after ${max}`,
      });
    }
  });
}
