import { Inject, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ResultsModule } from '../results/results.module.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';
import { SandboxController } from './sandbox.controller.js';

/** Fees and online payment (api.md); the sandbox gateway is mounted only when config chose it. */
@Module({})
export class PaymentsModule implements OnModuleInit {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly jobs: JobsService,
    private readonly payments: PaymentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Every 5 minutes, once across all API processes: a payment whose IPN never came is settled
    // or closed by querydr (reconcilePending is idempotent: it reads only what is still PENDING).
    this.jobs.define({
      name: 'payments.reconcile',
      cron: '*/5 * * * *',
      retryLimit: 2,
      expireInSeconds: 600,
      handler: async (_data, { now }) => {
        if (!this.config.vnpay) return null; // no gateway configured (production without VNPAY_*)
        const r = await this.payments.reconcilePending(now);
        if (r.checked) this.logger.log(`Reconciliation: ${JSON.stringify(r)}`);
        return r;
      },
    });
  }

  static forRoot(options: { sandbox: boolean }): DynamicModule {
    return {
      module: PaymentsModule,
      // Results: the fee receipt is signed with the agency's certificate, as results are.
      imports: [DossiersModule, IdentityModule, ReportsModule, ResultsModule],
      controllers: options.sandbox ? [PaymentsController, SandboxController] : [PaymentsController],
      providers: [PaymentsRepository, PaymentsService],
      exports: [PaymentsService],
    };
  }
}
