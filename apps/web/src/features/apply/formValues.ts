import type { FormField, FormValue } from '@motcua/shared';
import { loadFormRules, type FormRules } from './loadFormRules';

/** What a form control holds: text for inputs, a boolean for a checkbox, a number (or null) for numbers. */
export type ControlValue = FormValue | null;
export type PageValues = Record<string, ControlValue>;

/** react-hook-form's starting values of a page, from the saved draft. */
export function toFormDefaults(page: readonly FormField[], formData: Record<string, unknown>): PageValues {
  const out: PageValues = {};
  for (const f of page) {
    const v = formData[f.key];
    if (f.type === 'checkbox') out[f.key] = typeof v === 'boolean' ? v : false;
    else if (f.type === 'number') out[f.key] = typeof v === 'number' ? v : null;
    else out[f.key] = typeof v === 'string' ? v : '';
  }
  return out;
}

/**
 * A number typed as text (inputmode numeric, GOV.UK's advice over type=number): empty is null,
 * a decimal comma is accepted, anything else stays text so the validator says it is not a number.
 */
export function parseNumberInput(raw: unknown): ControlValue {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (s === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
}

/**
 * The PATCH body's form data of a page: an emptied answer is sent as null (the API removes the
 * key), and anything the draft validator would refuse (text in a number) is dropped rather than
 * failing the save. The draft validator is the API's (PATCH), loaded on first need.
 */
export async function toDraftPatch(
  page: readonly FormField[],
  values: PageValues,
): Promise<Record<string, FormValue | null>> {
  const validator = (await loadFormRules()).buildDraftValidator({ fields: [...page] });
  const out: Record<string, FormValue | null> = {};
  for (const f of page) {
    const v = values[f.key];
    const value = v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v;
    if (validator.shape[f.key].safeParse(value).success) out[f.key] = value;
  }
  return out;
}

type PageValidator = ReturnType<FormRules['buildFormValidator']>;
const pageValidators = new WeakMap<readonly FormField[], PageValidator>();

/**
 * The failing answers of a page by the shared validator of exactly its fields (the API's at
 * submit): each key with its first error code, as the error summary lists them. Loads the rules
 * on first need; built once per page.
 */
export async function pageErrors(page: readonly FormField[], values: PageValues): Promise<Record<string, string>> {
  const rules = await loadFormRules();
  let validator = pageValidators.get(page);
  if (!validator) {
    validator = rules.buildFormValidator({ fields: [...page] });
    pageValidators.set(page, validator);
  }
  const result = validator.safeParse(values);
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && !(key in out)) out[key] = issue.message;
  }
  return out;
}
