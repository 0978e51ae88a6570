import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endOfWorkingDay, receiptDay, toLocalDate, type WorkingCalendar } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { ReportSummaryUpkeep } from '../reports/report-summary-upkeep.service.js';
import { SlaSweepService, type SweepResult } from './sla-sweep.service.js';
import { SlaWatchService, WATCHED_STATUSES } from './sla-watch.service.js';

export type DemoTarget = 'OVERDUE' | 'DUE_SOON';

/** The due time the demo gives: 17:00 of the last working day before now's (overdue), or of now's own (due soon). */
export function demoDueAt(target: DemoTarget, now: Date, calendar: WorkingCalendar): Date {
  const today = receiptDay(now, calendar);
  if (target === 'DUE_SOON') return endOfWorkingDay(today);
  let day = toLocalDate(new Date(endOfWorkingDay(today).getTime() - 86_400_000));
  while (!calendar.isWorkingDay(day) || endOfWorkingDay(day).getTime() >= now.getTime()) {
    day = toLocalDate(new Date(endOfWorkingDay(day).getTime() - 86_400_000));
  }
  return endOfWorkingDay(day);
}

/**
 * The demo command (README, `npm run demo:overdue`): push an open dossier's due time into the past
 * (or to DUE_SOON) so the sweep and the automatic apology can be seen on `npm start`. dueAt, the
 * report rows and the SLA watch move together in one transaction, recorded on the timeline;
 * then the sweep and the automatic apology run once. Refused in production.
 */
@Injectable()
export class DemoOverdueService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly dossiers: DossiersService,
    private readonly workflow: DossierWorkflowService,
    private readonly upkeep: ReportSummaryUpkeep,
    private readonly watch: SlaWatchService,
    private readonly sweep: SlaSweepService,
  ) {}

  async push(
    code: string,
    target: DemoTarget,
  ): Promise<{ dossierId: string; dueAt: string; sweep: SweepResult; apologies: number }> {
    if (this.config.env === 'production')
      throw new AppError('DEMO_REFUSED', 409, 'Demo controls are off in production');
    const now = this.clock.now();
    const calendar = await this.catalog.getWorkingCalendar();
    const dueAt = demoDueAt(target, now, calendar);
    const dossierId = await this.ds.transaction(async (m) => {
      const d = await this.dossiers.findWithNamesByCode(code, m);
      if (!d) throw AppError.notFound('Dossier');
      if (!WATCHED_STATUSES.includes(d.status) || !d.dueAt) {
        throw new AppError('DEMO_REFUSED', 409, `Dossier ${code} is not open with a due time (${d.status})`);
      }
      await this.upkeep.withDossierChange(m, d.id, () => this.workflow.moveDueAtForDemo(m, d.id, dueAt, now));
      await this.watch.upsert(m, { ...d, dueAt }, d.status, false, now);
      return d.id;
    });
    const sweep = await this.sweep.sweepSla(now);
    const apologies = await this.sweep.issueDueApologies(now);
    return { dossierId, dueAt: dueAt.toISOString(), sweep, apologies };
  }
}
