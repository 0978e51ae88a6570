import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { SlaSweepService } from './sla-sweep.service.js';

/** Every five minutes: DUE_SOON/OVERDUE alerts, then the automatic apologies (docs/api.md: within 15 minutes). */
export const SLA_SWEEP_JOB = 'sla.sweep';
/** Hourly: reminders of supplement requests the citizen left unanswered. */
export const SUPPLEMENT_REMINDERS_JOB = 'sla.supplement-reminders';

/**
 * The SLA module's scheduled work on the job queue (docs/architecture.md, "Jobs"): cron ticks run
 * once across every API process; each method is idempotent (one alert per dossier and state, one
 * automatic letter per dossier, one reminder per step: unique keys), so a retry repeats nothing.
 */
@Injectable()
export class SlaJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly sweep: SlaSweepService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: SLA_SWEEP_JOB,
      cron: '*/5 * * * *',
      retryLimit: 3,
      retryDelaySeconds: 30,
      retryBackoff: true,
      expireInSeconds: 600,
      handler: async (_data, { now }) => {
        const swept = await this.sweep.sweepSla(now);
        const apologies = await this.sweep.issueDueApologies(now);
        return { swept, apologies };
      },
    });
    this.jobs.define({
      name: SUPPLEMENT_REMINDERS_JOB,
      cron: '17 * * * *',
      retryLimit: 3,
      retryDelaySeconds: 60,
      retryBackoff: true,
      expireInSeconds: 900,
      handler: async (_data, { now }) => ({ reminded: await this.sweep.remindSupplements(now) }),
    });
  }
}
