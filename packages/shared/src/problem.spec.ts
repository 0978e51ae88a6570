import { z } from 'zod';
import { fieldPath, zodFieldErrors } from './problem.js';
import { NATIONAL_STATUS_CODE, DOSSIER_STATUSES } from './dossier-status.js';

describe('problem field names', () => {
  it('names nested and indexed fields with dots and brackets', () => {
    expect(fieldPath(['applicant', 'nationalId'])).toBe('applicant.nationalId');
    expect(fieldPath(['requiredDocuments', 2, 'code'])).toBe('requiredDocuments[2].code');
  });

  it('names every bad field and every unknown field of a strict object', () => {
    const schema = z.strictObject({ name: z.string().min(1), age: z.number().int() });
    const result = schema.safeParse({ name: '', age: 'x', extra: 1, other: 2 });
    expect(result.success).toBe(false);
    const fields = zodFieldErrors(result.error!)
      .map((e) => e.field)
      .sort();
    expect(fields).toEqual(['age', 'extra', 'name', 'other']);
  });
});

describe('national status codes', () => {
  it('maps every status but DRAFT to the portal code domain.md gives', () => {
    expect(DOSSIER_STATUSES.filter((s) => NATIONAL_STATUS_CODE[s] === null)).toEqual(['DRAFT']);
    expect(NATIONAL_STATUS_CODE.PENDING_APPROVAL).toBe(4);
    expect(NATIONAL_STATUS_CODE.REJECTED).toBe(9);
    expect(NATIONAL_STATUS_CODE.RETURNED).toBe(10);
  });
});
