/**
 * A stand-in for the API at the fetch boundary, for component tests: each test lists
 * the answers (shaped as api.md says) of the calls it expects, by "METHOD /path".
 */
export interface StubAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export type StubRoute =
  StubAnswer | ((req: { url: URL; method: string; body: unknown; headers: Headers }) => StubAnswer);

export interface StubbedFetch {
  calls: { method: string; path: string; search: string; body: unknown; authorization: string | null }[];
}

export function stubApi(routes: Record<string, StubRoute>): StubbedFetch {
  const record: StubbedFetch = { calls: [] };
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const path = url.pathname.replace(/^\/api\/v1/, '');
    record.calls.push({ method, path, search: url.search, body, authorization: headers.get('Authorization') });
    const route = routes[`${method} ${path}`];
    const answer: StubAnswer = route
      ? typeof route === 'function'
        ? route({ url, method, body, headers })
        : route
      : { status: 404, body: problem(404, 'NOT_FOUND', 'No such route') };
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: {
        'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
        ...answer.headers,
      },
    });
  };
  globalThis.fetch = jest.fn(fake);
  return record;
}

/** An RFC 9457 body as the API's problem filter writes it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: `https://motcua.danang.gov.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' }[
      status
    ],
    status,
    detail,
    code,
    ...extra,
  };
}
