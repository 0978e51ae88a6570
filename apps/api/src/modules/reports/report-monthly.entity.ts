import { Entity, PrimaryColumn } from 'typeorm';
import { ReportCounters } from './report-counters.entity.js';

/** report_daily's counters rolled up by month (`month`: its first day); written only by ReportsRepository. */
@Entity('report_monthly')
export class ReportMonthly extends ReportCounters {
  @PrimaryColumn('date') month: string;
}
