import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { RetentionService } from './retention.service.js';

/** Daily at 02:30 in Vietnam (19:30 UTC): the night's quiet hour, after the day's reports. */
export const RETENTION_SWEEP_JOB = 'retention.sweep';

/**
 * The retention sweep on the job queue (docs/architecture.md, "Jobs" and "Retention"): once a day
 * across every API process; idempotent (an erased dossier is never due again), so a retry or an
 * overlapping run erases nothing twice.
 */
@Injectable()
export class RetentionJobs implements OnModuleInit {
  private readonly log = new Logger('Retention');

  constructor(
    private readonly jobs: JobsService,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: RETENTION_SWEEP_JOB,
      cron: '30 19 * * *',
      retryLimit: 3,
      retryDelaySeconds: 600,
      retryBackoff: true,
      expireInSeconds: 3600,
      handler: async (_data, { now }) => {
        const r = await this.retention.sweep(now);
        if (r.erased || r.failed)
          this.log.log(
            `Erased the personal data of ${r.erased} dossiers (${r.failed} failed, ${r.filesRemoved} files)`,
          );
        return r;
      },
    });
  }
}
