import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { LiveStreamsRepository } from './live-streams.repository.js';
import { ReportSummaryUpkeep } from './report-summary-upkeep.service.js';
import { PublicStatsController, ReportsController } from './reports.controller.js';
import { ReportsLiveService } from './reports-live.service.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/**
 * Reports: the daily summary tables kept current in each dossier change's transaction, their
 * rebuild, the manager's summary, breakdown, CSV and live feed, and the public open data.
 */
@Module({
  imports: [CatalogModule, IdentityModule, DossiersModule],
  controllers: [ReportsController, PublicStatsController],
  providers: [ReportsRepository, LiveStreamsRepository, ReportsService, ReportsLiveService, ReportSummaryUpkeep],
  exports: [ReportsService, ReportSummaryUpkeep],
})
export class ReportsModule {}
