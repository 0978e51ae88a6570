import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { FilesModule } from '../files/files.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { CounterController } from './counter.controller.js';
import { ClaimController } from './claim.controller.js';
import { CounterClaimsRepository } from './counter-claims.repository.js';
import { CounterService } from './counter.service.js';
import { DossierDocumentsService } from './dossier-documents.service.js';
import { DossierEventsRepository } from './dossier-events.repository.js';
import { DossierNotificationsService } from './dossier-notifications.service.js';
import { DossierTransitionHooks } from './dossier-transition-hooks.js';
import { DossierWorkflowService } from './dossier-workflow.service.js';
import { DossiersController } from './dossiers.controller.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { RetentionJobs } from './retention.jobs.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';
import { TrackingController } from './tracking.controller.js';

/**
 * Dossiers end to end: drafts, attachments, submit, the workflow (applyAction), timeline,
 * receipts, counter intake, public tracking, and the erasure of personal data once the retention
 * period is over (retention.service.ts, the `retention.sweep` job). Other modules use
 * DossierWorkflowService, DossiersService and register in-transaction hooks with DossierTransitionHooks.
 */
@Module({
  imports: [CatalogModule, IdentityModule, FilesModule],
  controllers: [DossiersController, CounterController, ClaimController, TrackingController],
  providers: [
    DossiersRepository,
    DossierEventsRepository,
    AttachmentsRepository,
    IdempotencyKeysRepository,
    DossierTransitionHooks,
    DossierWorkflowService,
    DossiersService,
    AttachmentsService,
    DossierDocumentsService,
    CounterService,
    CounterClaimsRepository,
    DossierNotificationsService,
    RetentionRepository,
    RetentionService,
    RetentionJobs,
  ],
  exports: [DossierTransitionHooks, DossierWorkflowService, DossiersService],
})
export class DossiersModule {}
