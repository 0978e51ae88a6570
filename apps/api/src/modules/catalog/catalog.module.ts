import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from './agency.entity.js';
import { CatalogAdminController } from './catalog-admin.controller.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';
import { Holiday } from './holiday.entity.js';
import { ProcedureAgency } from './procedure-agency.entity.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';
import { Sector } from './sector.entity.js';

/** Agencies, sectors, versioned procedures and the holiday calendar. Other modules use CatalogService. */
@Module({
  imports: [TypeOrmModule.forFeature([Agency, Sector, Procedure, ProcedureVersion, ProcedureAgency, Holiday])],
  controllers: [CatalogController, CatalogAdminController],
  providers: [CatalogRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
