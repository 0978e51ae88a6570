import type { FormField } from '@motcua/shared';
import { counterApplicantSchema } from '@motcua/shared/dossier';
import { buildFormValidator } from '@motcua/shared/form-schema';
import { z } from 'zod';

/** The applicant's fields at the counter, in page order. */
export const APPLICANT_FIELDS = ['nationalId', 'fullName', 'dateOfBirth', 'phone', 'email'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

export const applicantId = (f: ApplicantField) => `counter-${f}`;

/** An untouched optional input is '' in the form and absent in the request. */
function dropBlanks(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => !(typeof x === 'string' && x.trim() === '')));
}

/**
 * The counter form's validator: the shared applicant schema of POST /counter/dossiers and the
 * procedure's own form validator (the one the API applies), side by side.
 */
export function counterValidator(fields: readonly FormField[]) {
  return buildFormValidator({ fields: [...fields] }).extend({
    applicant: z.preprocess(dropBlanks, counterApplicantSchema),
  });
}

export type CounterValues = z.output<ReturnType<typeof counterValidator>>;

/** The request body from the validated values. */
export function counterBody(procedureCode: string, values: Record<string, unknown>, fields: readonly FormField[]) {
  const formData: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) formData[f.key] = v;
  }
  return { procedureCode, applicant: values.applicant, formData };
}
