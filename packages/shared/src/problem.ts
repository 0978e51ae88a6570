import { z } from 'zod';

/** One bad field of a request, named by its path (`applicant.nationalId`, `formData.fullName`). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error the API answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** A stable machine-readable code (see ERROR_CODES); the web maps it to vi/en text. */
  code?: string;
  errors?: FieldError[];
  instance?: string;
  /** RFC 9457 extension members (`db`, `retryAfter`…). */
  [extension: string]: unknown;
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  instance: z.string().optional(),
});

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Turn a zod issue path into the dotted field name a problem+json names. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Field errors of a failed zod parse, one per issue, unknown keys named one by one. */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: fieldPath([...issue.path, key]), message: 'Unknown field' });
      }
    } else {
      out.push({ field: fieldPath(issue.path) || '(body)', message: issue.message });
    }
  }
  return out;
}
