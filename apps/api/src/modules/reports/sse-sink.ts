import type { Response } from 'express';
import type { SseSink } from './reports-live.service.js';

/**
 * Start a Server-Sent Events response (headers out at once) and wrap it as a sink. Proxies must
 * not buffer it (X-Accel-Buffering) nor transform it.
 */
export function openSseResponse(res: Response): SseSink {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // Reconnect after 5 s when the stream breaks (EventSource's default is 3 s).
  res.write('retry: 5000\n\n');
  return {
    event(name, data) {
      if (!res.writableEnded) res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      if (!res.writableEnded) res.write(`: ${text}\n\n`);
    },
    end(retryMs) {
      // A retry hint first: the process is going away, the client should come back (to another).
      if (!res.writableEnded) res.end(retryMs === undefined ? undefined : `retry: ${retryMs}\n\n`);
    },
    onClose(listener) {
      // The response's 'close': the client went away or the stream was ended. A client gone
      // while the stream was being opened has closed already: no event will come.
      if (res.destroyed || !res.socket || res.socket.destroyed) queueMicrotask(listener);
      else res.on('close', listener);
    },
  };
}
