import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('HTTP');
const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Query parameters that carry a credential (the OIDC callback's code, any token): never logged. */
const SECRET_PARAMS = /^(code|state|token|access_token|refresh_token|id_token|password|secret|key)$/i;

/** The URL as logged: credentials in the query string replaced by `***`. */
export function loggableUrl(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  if (q < 0) return originalUrl;
  const params = new URLSearchParams(originalUrl.slice(q + 1));
  let redacted = false;
  for (const name of new Set(params.keys())) {
    if (SECRET_PARAMS.test(name)) {
      params.set(name, '***');
      redacted = true;
    }
  }
  return redacted ? `${originalUrl.slice(0, q)}?${params.toString()}` : originalUrl;
}

/** Give each request an id (kept from X-Request-Id when sane), echo it, and log one line when done. */
export function requestLogging(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = `${req.method} ${loggableUrl(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms id=${id}`;
    if (res.statusCode >= 500) logger.error(line);
    else logger.log(line);
  });
  next();
}
