import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { QueueController } from './queue.controller.js';
import { QueueRepository } from './queue.repository.js';
import { QueueService } from './queue.service.js';

/** The staff work queue: keyset pages of an agency scope's dossiers, oldest due first, with SLA filters. */
@Module({
  imports: [CatalogModule, IdentityModule],
  controllers: [QueueController],
  providers: [QueueRepository, QueueService],
})
export class QueueModule {}
