import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { zodFieldErrors } from '@motcua/shared';
import { AppError } from './app-error.js';

/**
 * Validate a body or query with a shared zod schema. Failures are a 400 naming
 * every bad field; with a strict object schema, unknown fields are named too.
 */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly prefix = '',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const errors = zodFieldErrors(result.error).map((e) => ({
      ...e,
      field: this.prefix ? `${this.prefix}${e.field === '(body)' ? '' : `.${e.field}`}` : e.field,
    }));
    throw AppError.validation(errors);
  }
}
