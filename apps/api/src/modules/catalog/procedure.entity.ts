import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OnlineLevel } from '@motcua/shared';

/**
 * A procedure and its CURRENT version's summary (kept in step with procedure_version by the
 * catalog service, in the publishing transaction): what the public list searches and filters.
 */
@Entity('procedure')
export class Procedure {
  @PrimaryColumn('text') code: string;
  @Column('integer', { name: 'current_version' }) currentVersion: number;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text', { name: 'sector_code' }) sectorCode: string;
  @Column('text', { name: 'online_level' }) onlineLevel: OnlineLevel;
  @Column('integer', { name: 'processing_days' }) processingDays: number;
  /** Integer VND. */
  @Column('integer') fee: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
