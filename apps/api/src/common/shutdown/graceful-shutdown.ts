import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { ShutdownHooks } from './shutdown-hooks.js';

/** Exit codes of the API process (docs/architecture.md "Graceful shutdown"). */
export const EXIT = {
  /** Stopped cleanly: every request answered, every running job finished or handed back. */
  CLEAN: 0,
  /** Could not start (configuration, database), or the grace period ran out and work was cut. */
  FAILED: 1,
} as const;

/**
 * SIGTERM: stop accepting connections and fetching jobs, end live streams with a retry hint, let
 * in-flight requests and running jobs finish within `graceMs` (a job still running then is handed
 * back to the queue: another process retries it), then app.close() (the DB pool closes).
 * Resolves true when nothing was cut.
 */
export async function gracefulShutdown(
  app: INestApplication,
  graceMs: number,
  log: (m: string) => void,
): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  const server = app.getHttpServer() as Server;
  const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const jobsDone = app.get(JobsService).stop(graceMs);
  await app.get(ShutdownHooks).drain();
  const requestsFinished = await within(requestsDone, deadline - Date.now());
  if (!requestsFinished) {
    log('Grace period over with requests still running: closing their connections');
    server.closeAllConnections();
  }
  // The queue fails (for a retry elsewhere) what is still running at the deadline, then closes.
  const jobsStopped = await Promise.race([
    jobsDone,
    new Promise<false>((resolve) =>
      setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()) + 3000).unref(),
    ),
  ]);
  const closed = await within(app.close(), 5000);
  return requestsFinished && jobsStopped && closed;
}

/** Whether `p` settles within `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
