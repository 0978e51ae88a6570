import { Module, type DynamicModule } from '@nestjs/common';
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
export class PaymentsModule {
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
