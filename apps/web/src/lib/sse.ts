import { API_BASE } from './api';
import { getAccessToken, refreshSession } from './auth';

/**
 * Server-Sent Events over fetch(). EventSource cannot send an Authorization header, and the
 * access token must not travel in a URL (logs, Referer), so the stream is read by hand.
 */

export interface SseEvent {
  /** The `event:` field; "message" when the server named none. */
  event: string;
  /** The `data:` lines, joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream, if any. */
  id?: string;
}

export interface SseParser {
  /** Feed decoded text, in chunks of any size (a line may be split between two chunks). */
  push(chunk: string): void;
  /** The stream ended: an event without its closing blank line is dropped (as the spec says). */
  end(): void;
}

/**
 * An incremental text/event-stream parser (WHATWG HTML, "Server-sent events"): lines end in
 * CRLF, LF or CR; a blank line dispatches; `:` starts a comment; one space after the colon is
 * dropped; `retry:` takes digits only; an event with no data is not dispatched.
 */
export function createSseParser(onEvent: (e: SseEvent) => void, onRetry?: (ms: number) => void): SseParser {
  let buffer = '';
  let first = true;
  let eventName = '';
  let data: string[] = [];
  let lastId: string | undefined;

  const line = (l: string) => {
    if (l === '') {
      if (data.length) onEvent({ event: eventName || 'message', data: data.join('\n'), id: lastId });
      eventName = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventName = value;
        break;
      case 'data':
        data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) onRetry?.(Number(value));
        break;
      default:
      // Unknown fields are ignored.
    }
  };

  return {
    push(chunk) {
      buffer += chunk;
      if (first && buffer.length) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        first = false;
      }
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        // A CR at the very end may be the first half of a CRLF split across chunks: wait.
        if (c === '\r' && i === buffer.length - 1) break;
        line(buffer.slice(start, i));
        if (c === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer.endsWith('\r')) line(buffer.slice(0, -1));
      buffer = '';
      eventName = '';
      data = [];
    },
  };
}

export type SseStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface SseOptions {
  onEvent(e: SseEvent): void;
  onStatus?(status: SseStatus): void;
  /** First wait before reconnecting, unless the server sent `retry:`; doubled after each failure. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Reconnect when nothing (not even the server's heartbeat comment) arrived for this long. */
  idleTimeoutMs?: number;
  /** Injected by tests; resolves after `ms`, or early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Injected by tests; in [0, 1), spreads the retries of many tabs refused at once. */
  random?: () => number;
}

export interface SseConnection {
  close(): void;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** A status the stream will never get past by asking again (bad query, no right, not found). */
const isFatal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** Longest Retry-After honoured (a bad header must not park the feed for a day). */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * The wait a refusal asks for (429: too many streams for this user; 503: the server is full):
 * Retry-After in seconds or as an HTTP date; null when absent.
 */
export function retryAfterMs(res: Response, now = Date.now()): number | null {
  const h = res.headers.get('Retry-After');
  if (!h) return null;
  const ms = /^\d+$/.test(h.trim()) ? Number(h) * 1000 : Date.parse(h) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : null;
}

/**
 * Open `path` (under /api/v1) as an event stream with the bearer token and keep it open:
 * reconnect with exponential backoff after a failure or a silent stream, refresh the access
 * token once on 401, stop for good on another 4xx or on close().
 */
export function connectSse(path: string, opts: SseOptions): SseConnection {
  const stop = new AbortController();
  const sleep = opts.sleep ?? defaultSleep;
  const initial = opts.initialDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 30_000;
  const idle = opts.idleTimeoutMs ?? 45_000;
  const random = opts.random ?? Math.random;
  let serverRetry: number | null = null;
  let status: SseStatus | null = null;
  const setStatus = (s: SseStatus) => {
    if (s === status) return;
    status = s;
    opts.onStatus?.(s);
  };

  const send = (signal: AbortSignal) => {
    const token = getAccessToken();
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(`${API_BASE}${path}`, { headers, signal, cache: 'no-store' });
  };

  /** One connection: resolves when it ends; true if it opened (the backoff starts over). */
  const once = async (): Promise<{ opened: boolean; fatal: boolean; waitMs?: number }> => {
    const conn = new AbortController();
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    // Cancelling the reader too: aborting the request alone does not end every body stream.
    const abortConn = () => {
      conn.abort();
      reader?.cancel().catch(() => undefined);
    };
    stop.signal.addEventListener('abort', abortConn);
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(abortConn, idle);
    };
    let opened = false;
    try {
      arm();
      let res = await send(conn.signal);
      if (res.status === 401 && (await refreshSession())) res = await send(conn.signal);
      if (isFatal(res.status)) return { opened: false, fatal: true };
      if (res.status === 429 || res.status === 503) {
        // Refused for load: back off at least as long as the server asks.
        return { opened: false, fatal: false, waitMs: retryAfterMs(res) ?? undefined };
      }
      if (!res.ok || !res.body) return { opened: false, fatal: false };
      opened = true;
      setStatus('open');
      const parser = createSseParser(opts.onEvent, (ms) => {
        serverRetry = ms;
      });
      reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
      parser.push(decoder.decode());
      parser.end();
      return { opened: true, fatal: false };
    } catch {
      // Network error, abort (close or watchdog): the loop decides what next.
      return { opened, fatal: false };
    } finally {
      clearTimeout(watchdog);
      stop.signal.removeEventListener('abort', abortConn);
    }
  };

  void (async () => {
    let failures = 0;
    setStatus('connecting');
    while (!stop.signal.aborted) {
      const { opened, fatal, waitMs } = await once();
      if (stop.signal.aborted) break;
      if (fatal) {
        setStatus('stopped');
        return;
      }
      failures = opened ? 0 : failures + 1;
      setStatus('reconnecting');
      const base = serverRetry ?? initial;
      const backoff = Math.min(max, base * 2 ** Math.max(0, failures - 1));
      // Many tabs refused together should not all come back in the same second.
      const wait = waitMs === undefined ? backoff : Math.max(backoff, waitMs) * (1 + 0.25 * random());
      await sleep(Math.round(wait), stop.signal);
    }
    setStatus('stopped');
  })();

  return {
    close() {
      stop.abort();
    },
  };
}
