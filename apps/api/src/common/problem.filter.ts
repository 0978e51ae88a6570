import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, type ErrorCode, type Problem } from '@motcua/shared';
import { AppError } from './app-error.js';
import { loggableUrl } from './request-id.middleware.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The catalogue's code of each status an HTTP-level error (Nest's, Express's) can have. */
const CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Any other status keeps its number; its code is the generic one of its class. */
function codeOf(status: number): ErrorCode {
  return CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

/** Build the RFC 9457 body for a status, code (of the catalogue in @motcua/shared) and message. */
export function problemBody(status: number, code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://motcua.danang.gov.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Errors thrown by Express middleware (body parser, multer) carry a status or statusCode. */
function expressStatus(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const s = (e as { status?: unknown; statusCode?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : undefined;
}

/** Map any thrown value to problem+json: coded domain errors, Nest HTTP errors, middleware errors. */
export function toProblem(e: unknown, path?: string): Problem {
  if (e instanceof AppError) {
    return { ...problemBody(e.status, e.code, e.message, { errors: e.errors, instance: path }), ...e.extra };
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const resp = e.getResponse();
    let detail = e.message;
    if (typeof resp === 'object' && resp !== null && 'message' in resp) {
      const m = resp.message;
      detail = Array.isArray(m) ? m.join('; ') : String(m);
    }
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(detail)) detail = 'No such route';
    return problemBody(status, codeOf(status), detail, { instance: path });
  }
  // A failed percent-decoding is always of text the client sent (a path, a name): a 400.
  if (e instanceof URIError) {
    return problemBody(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', 'Invalid percent-encoding', { instance: path });
  }
  const status = expressStatus(e);
  if (status && status < 500) {
    const type = (e as { type?: string }).type;
    const detail =
      type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : status === 413
          ? 'The request body is too large'
          : e instanceof Error
            ? e.message
            : 'Bad request';
    const code = type === 'entity.parse.failed' ? 'MALFORMED_JSON' : codeOf(status);
    return problemBody(status, code, detail, { instance: path });
  }
  return problemBody(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'An unexpected error occurred', { instance: path });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = toProblem(exception, req.originalUrl);
    if (problem.status >= 500 && exception instanceof AppError) {
      // A deliberate refusal (a full server, a missing key): one line, no stack, so an attack does not flood the log.
      this.logger.warn(`${req.method} ${loggableUrl(req.originalUrl)} ${problem.status} ${exception.code}`);
    } else if (problem.status >= 500) {
      this.logger.error(
        `${req.method} ${loggableUrl(req.originalUrl)} [${String(req.headers['x-request-id'] ?? '')}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (res.headersSent) return;
    const retryAfter = exception instanceof AppError ? exception.extra?.retryAfter : undefined;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    sendProblem(res, problem);
  }
}
