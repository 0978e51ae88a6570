import { Module, type DynamicModule } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { FilesModule } from '../files/files.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ResultsModule } from '../results/results.module.js';
import { ApologyController } from './apology.controller.js';
import { ApologyLettersService } from './apology-letters.service.js';
import { ReportsModule } from '../reports/reports.module.js';
import { DemoController } from './demo.controller.js';
import { DemoOverdueService } from './demo-overdue.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SLA_NOTIFIER, type SlaNotifier } from './sla-notifier.js';
import { SlaJobs } from './sla.jobs.js';
import { SlaSweepService } from './sla-sweep.service.js';
import { SlaWatchService } from './sla-watch.service.js';

/**
 * Deadlines that act (issue 15): apology letters, the SLA sweep, the automatic apology and the
 * supplement reminders. Depends on dossiers (hooks, the workflow) and results (signing); the
 * job queue calls SlaSweepService's methods with `now` (sla.jobs.ts). SLA_NOTIFIER is the inbox's
 * `notify` (NotificationsService, global); tests may pass a recording one.
 */
@Module({})
export class SlaModule {
  static forRoot(options: { notifier?: SlaNotifier; demo: boolean }): DynamicModule {
    return {
      module: SlaModule,
      imports: [DossiersModule, CatalogModule, IdentityModule, FilesModule, ResultsModule, ReportsModule],
      // The demo's route exists only outside production (README, demo:overdue).
      controllers: options.demo ? [ApologyController, DemoController] : [ApologyController],
      providers: [
        options.notifier
          ? { provide: SLA_NOTIFIER, useValue: options.notifier }
          : { provide: SLA_NOTIFIER, useExisting: NotificationsService },
        ApologyLettersService,
        SlaWatchService,
        SlaSweepService,
        SlaJobs,
        DemoOverdueService,
      ],
      exports: [SlaSweepService, SLA_NOTIFIER],
    };
  }
}
