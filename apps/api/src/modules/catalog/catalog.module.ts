import { Module } from '@nestjs/common';
import { CatalogAdminController } from './catalog-admin.controller.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

/** Agencies, sectors, versioned procedures and the holiday calendar. Other modules use CatalogService. */
@Module({
  controllers: [CatalogController, CatalogAdminController],
  providers: [CatalogRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
