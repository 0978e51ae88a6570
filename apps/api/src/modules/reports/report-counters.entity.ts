import { Column, PrimaryColumn } from 'typeorm';

/**
 * The key columns (besides the period) and counters that report_daily and report_monthly share
 * (migration 1764700000000); not an entity itself, each table adds its period column.
 */
export abstract class ReportCounters {
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode: string;
  @PrimaryColumn('text', { name: 'procedure_code' }) procedureCode: string;
  @PrimaryColumn('text') channel: string;
  @PrimaryColumn('text', { name: 'sector_code' }) sectorCode: string;
  @PrimaryColumn('text', { name: 'online_level' }) onlineLevel: string;
  @Column('integer') received: number;
  @Column('integer') decided: number;
  @Column('integer', { name: 'decided_early' }) decidedEarly: number;
  @Column('integer', { name: 'decided_on_time' }) decidedOnTime: number;
  @Column('integer', { name: 'decided_late' }) decidedLate: number;
  @Column('bigint', { name: 'processing_days_sum' }) processingDaysSum: string;
  @Column('integer') returned: number;
  @Column('integer') ratings: number;
  @Column('integer', { name: 'ratings_satisfied' }) ratingsSatisfied: number;
  @Column('integer', { name: 'rating_score_sum' }) ratingScoreSum: number;
  @Column('integer', { name: 'fee_paid' }) feePaid: number;
  @Column('integer', { name: 'fee_paid_online' }) feePaidOnline: number;
}
