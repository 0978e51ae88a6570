import type { NextFunction, Request, Response } from 'express';
import { isSafeText, UNSAFE_TEXT_MESSAGE, unsafeInputFieldErrors, type FieldError } from '@motcua/shared';
import { AppError } from './app-error.js';

/**
 * The API's edge rule for text (issue 12, "bad input never reaches a 500"): before any guard,
 * pipe or service sees a request, its path, query string and JSON or form body are refused
 * (400 naming the field) when they hold invalid percent-encoding, a NUL, an unpaired surrogate,
 * a `__proto__` key or excessive nesting. PostgreSQL refuses NUL and lone surrogates in text and
 * jsonb, and guards (the login's) read the body before any validation pipe runs.
 */

const BAD_ENCODING = 'Invalid percent-encoding';

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Shown back in a message: short, and clean itself. */
function shown(s: string): string {
  const clean = Array.from(s.slice(0, 80), (c) => (isSafeText(c) ? c : '\ufffd')).join('');
  return s.length > 80 ? `${clean}…` : clean;
}

/** Problems of the raw request target: each path segment, each query parameter. */
export function unsafeUrlErrors(url: string): FieldError[] {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const errors: FieldError[] = [];
  for (const segment of path.split('/')) {
    const decoded = decode(segment);
    if (decoded === undefined) errors.push({ field: 'path', message: `${BAD_ENCODING} in '${shown(segment)}'` });
    else if (!isSafeText(decoded))
      errors.push({ field: 'path', message: `${UNSAFE_TEXT_MESSAGE} in '${shown(segment)}'` });
  }
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1).replace(/\+/g, ' ');
    const key = decode(rawKey);
    const value = decode(rawValue);
    const field = key !== undefined && isSafeText(key) ? key : shown(rawKey);
    if (key === undefined || value === undefined) errors.push({ field, message: BAD_ENCODING });
    else if (!isSafeText(key) || !isSafeText(value)) errors.push({ field, message: UNSAFE_TEXT_MESSAGE });
  }
  return errors.slice(0, 20);
}

/** First at the edge: the request target, before the body is even read. */
export function refuseUnsafeUrl(req: Request, _res: Response, next: NextFunction): void {
  const errors = unsafeUrlErrors(req.originalUrl);
  next(errors.length ? AppError.validation(errors, 'The request URL has invalid characters') : undefined);
}

/** Right after the body parsers: the whole parsed body, every string and key at any depth. */
export function refuseUnsafeBody(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === undefined || Buffer.isBuffer(body)) return next();
  const errors = unsafeInputFieldErrors(body);
  next(errors.length ? AppError.validation(errors) : undefined);
}
