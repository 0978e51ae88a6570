import { clearSession, storeSession } from './auth';
import { connectSse, createSseParser, type SseEvent, type SseStatus } from './sse';

function parseAll(chunks: string[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const p = createSseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) p.push(c);
  p.end();
  return { events, retries };
}

describe('createSseParser', () => {
  it('dispatches a named event on the blank line, with the space after the colon dropped', () => {
    const { events } = parseAll(['event: summary\ndata: {"received":3}\n\n']);
    expect(events).toEqual([{ event: 'summary', data: '{"received":3}', id: undefined }]);
  });

  it('names an event without `event:` "message" and joins several data lines with a newline', () => {
    const { events } = parseAll(['data: one\ndata:two\ndata\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo\n', id: undefined }]);
  });

  it('reassembles lines split anywhere between chunks, including inside a CRLF', () => {
    const text = 'event: summary\r\ndata: {"a":1}\r\n\r\nevent: summary\rdata: {"a":2}\r\r';
    for (let cut = 1; cut < text.length; cut++) {
      const { events } = parseAll([text.slice(0, cut), text.slice(cut)]);
      expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"a":2}']);
    }
    const bytewise = parseAll(text.split(''));
    expect(bytewise.events.map((e) => e.event)).toEqual(['summary', 'summary']);
  });

  it('ignores comments (the heartbeat), unknown fields and events without data', () => {
    const { events } = parseAll([': heartbeat\n\nfoo: bar\nevent: summary\n\n:x\ndata: ok\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'ok', id: undefined }]);
  });

  it('reports retry: when it is digits only, and keeps the last id', () => {
    const { events, retries } = parseAll(['retry: 5000\n\nretry: 5s\n\nid: 7\ndata: x\n\ndata: y\n\n']);
    expect(retries).toEqual([5000]);
    expect(events).toEqual([
      { event: 'message', data: 'x', id: '7' },
      { event: 'message', data: 'y', id: '7' },
    ]);
  });

  it('drops a leading byte-order mark and an event cut off by the end of the stream', () => {
    const { events } = parseAll(['\uFEFFdata: first\n\n', 'event: summary\ndata: unfinished\n']);
    expect(events.map((e) => e.data)).toEqual(['first']);
  });

  it('resets the event name after each dispatch', () => {
    const { events } = parseAll(['event: summary\ndata: a\n\ndata: b\n\n']);
    expect(events.map((e) => e.event)).toEqual(['summary', 'message']);
  });
});

/** A response whose body streams `chunks`, then ends (or stays open when `hang`). */
function streamResponse(chunks: string[], hang = false): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      if (!hang) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function problemResponse(status: number): Response {
  return new Response(JSON.stringify({ status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('connectSse', () => {
  afterEach(() => clearSession());

  it('sends the bearer token, delivers events and reconnects with backoff (reset after a good connection)', async () => {
    storeSession({ accessToken: 'access-manager', refreshToken: 'r', expiresIn: 900 });
    const answers: (() => Response)[] = [
      () => streamResponse(['event: summary\ndata: {"n":1}\n\n']),
      () => {
        throw new TypeError('network down');
      },
      () => problemResponse(503),
      () => streamResponse(['retry: 3000\n\n', 'event: summary\ndata: {"n":2}\n\n']),
      () => problemResponse(502),
      () => streamResponse([': heartbeat\n\n'], true),
    ];
    const auth: (string | null)[] = [];
    globalThis.fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      auth.push(new Headers(init?.headers).get('Authorization'));
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    });
    const events: string[] = [];
    const statuses: SseStatus[] = [];
    const waits: number[] = [];
    const conn = connectSse('/reports/live?from=2026-07-01&to=2026-07-15', {
      onEvent: (e) => events.push(`${e.event}:${e.data}`),
      onStatus: (s) => statuses.push(s),
      initialDelayMs: 1000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await until(() => answers.length === 0 && statuses[statuses.length - 1] === 'open');
    conn.close();
    await until(() => statuses[statuses.length - 1] === 'stopped');

    expect(events).toEqual(['summary:{"n":1}', 'summary:{"n":2}']);
    expect(auth.every((a) => a === 'Bearer access-manager')).toBe(true);
    expect(jest.mocked(globalThis.fetch).mock.calls[0][0]).toBe('/api/v1/reports/live?from=2026-07-01&to=2026-07-15');
    // After a good stream: the base (1 s); failures double it (1 s, 2 s); the server's retry: 3000
    // becomes the base, and the good stream before the next failure starts the doubling over.
    expect(waits).toEqual([1000, 1000, 2000, 3000, 3000]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open', 'reconnecting', 'open', 'stopped']);
  });

  it('backs off on 429 and 503 for at least the Retry-After the server asks, and keeps trying', async () => {
    const refused = (status: number, retryAfter: string) =>
      new Response(JSON.stringify({ status }), {
        status,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
      });
    const answers: (() => Response)[] = [
      () => refused(429, '15'),
      () => refused(429, '15'),
      () => refused(503, '5'),
      () => streamResponse(['event: summary\ndata: {"n":1}\n\n'], true),
    ];
    globalThis.fetch = jest.fn(async () => answers.shift()!());
    const statuses: SseStatus[] = [];
    const waits: number[] = [];
    const conn = connectSse('/reports/live', {
      onEvent: () => undefined,
      onStatus: (s) => statuses.push(s),
      initialDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await until(() => answers.length === 0 && statuses[statuses.length - 1] === 'open');
    conn.close();
    // The 15 s asked beat the backoff's 1 s and 2 s, the 5 s its 4 s; each spread by a quarter × random.
    expect(waits).toEqual([16_875, 16_875, 5_625]);
    expect(statuses).not.toContain('stopped');
  });

  it('stops for good on a 403 instead of hammering the server', async () => {
    globalThis.fetch = jest.fn(async () => problemResponse(403));
    const statuses: SseStatus[] = [];
    const sleep = jest.fn(async () => undefined);
    connectSse('/reports/live', { onEvent: () => undefined, onStatus: (s) => statuses.push(s), sleep });
    await until(() => statuses.includes('stopped'));
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('reconnects when the stream goes silent past the idle timeout', async () => {
    let calls = 0;
    globalThis.fetch = jest.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      calls++;
      if (calls === 1) {
        // Never sends a byte; only the watchdog's abort ends it.
        return new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      }
      return streamResponse(['event: summary\ndata: {}\n\n'], true);
    });
    const events: string[] = [];
    const conn = connectSse('/reports/live', {
      onEvent: (e) => events.push(e.event),
      idleTimeoutMs: 20,
      sleep: async () => undefined,
    });
    await until(() => events.length === 1);
    conn.close();
    expect(calls).toBe(2);
  });
});
