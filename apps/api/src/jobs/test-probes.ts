import { appendFileSync } from 'node:fs';
import type { JobsService } from './jobs.service.js';

/** A cron job every minute: the cluster test counts its runs over both processes. */
export const CRON_PROBE = 'test.cron-probe';
/** A job that holds for `holdMs`: the cluster test SIGKILLs the process running it. */
export const SLOW_PROBE = 'test.slow-probe';
/** The slow probe's expiry: how long a killed process holds it before another retries it. */
export const SLOW_PROBE_EXPIRE_SECONDS = 4;

/**
 * Test-only jobs, defined when JOBS_TEST_PROBE_LOG names a file (refused in production). Each
 * run appends one line `<event> <pid> <jobId> <attempt> <createdOn ISO>` to it.
 */
export function registerTestProbes(jobs: JobsService, logFile: string): void {
  const line = (event: string, ctx: { jobId: string; attempt: number; createdOn: Date }) =>
    appendFileSync(logFile, `${event} ${process.pid} ${ctx.jobId} ${ctx.attempt} ${ctx.createdOn.toISOString()}\n`);
  jobs.define({
    name: CRON_PROBE,
    cron: '* * * * *',
    retryLimit: 0,
    handler: (_data, ctx) => {
      line('cron', ctx);
      return Promise.resolve();
    },
  });
  jobs.define<{ holdMs?: number }>({
    name: SLOW_PROBE,
    retryLimit: 3,
    retryDelaySeconds: 1,
    retryBackoff: false,
    expireInSeconds: SLOW_PROBE_EXPIRE_SECONDS,
    handler: async (data, ctx) => {
      line('start', ctx);
      await new Promise((resolve) => setTimeout(resolve, Math.min(data.holdMs ?? 0, 3000)));
      line('done', ctx);
    },
  });
}
