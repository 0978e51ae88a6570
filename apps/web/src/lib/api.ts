import type { Problem } from '@motcua/shared';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the problem+json body (or a synthetic one for network errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  /** The message of one field, when the API named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

let tokenProvider: () => string | null = () => null;
/** The auth layer tells the client how to read the current access token. */
export function setAccessTokenProvider(fn: () => string | null): void {
  tokenProvider = fn;
}

/** Resolves true when the auth layer got a fresh access token, so a 401 is worth one retry. */
let unauthorizedHandler: () => Promise<boolean> = async () => false;
export function setUnauthorizedHandler(fn: () => Promise<boolean>): void {
  unauthorizedHandler = fn;
}
/** Calls whose 401 means "wrong credentials", never "access token expired". */
const NO_REFRESH = ['/auth/login', '/auth/register', '/auth/refresh', '/auth/logout'];

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Let the request outlive the page (a draft saved as the tab is closed). */
  keepalive?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await request<T>(path, opts);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || NO_REFRESH.includes(path)) throw e;
    if (!(await unauthorizedHandler())) throw e;
    return request<T>(path, opts);
  }
}

async function request<T>(path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const token = tokenProvider();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
      ...(opts.keepalive ? { keepalive: true } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'network', code: 'NETWORK' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    const retryAfter = Number(res.headers.get('Retry-After'));
    throw new ApiError({
      ...p,
      ...(retryAfter > 0 && p.retryAfter === undefined ? { retryAfter } : {}),
      type: p.type ?? 'about:blank',
      title: p.title ?? res.statusText,
      status: res.status,
      detail: p.detail ?? res.statusText,
      code: p.code,
      errors: p.errors,
    });
  }
  return data as T;
}
