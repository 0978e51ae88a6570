import { Entity, PrimaryColumn } from 'typeorm';
import { ReportCounters } from './report-counters.entity.js';

/**
 * One day × agency × procedure × channel of counted facts (migration 1764700000000). Written only
 * by ReportsRepository (in-transaction deltas, rebuild), in SQL.
 */
@Entity('report_daily')
export class ReportDaily extends ReportCounters {
  @PrimaryColumn('date') day: string;
}
