import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Open dossiers now, counted by agency × procedure × channel × status × due time ('infinity': none yet). */
@Entity('report_open')
export class ReportOpen {
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode: string;
  @PrimaryColumn('text', { name: 'procedure_code' }) procedureCode: string;
  @PrimaryColumn('text') channel: string;
  @PrimaryColumn('text', { name: 'sector_code' }) sectorCode: string;
  @PrimaryColumn('text', { name: 'online_level' }) onlineLevel: string;
  @PrimaryColumn('text') status: string;
  @PrimaryColumn('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('integer', { name: 'open_count' }) openCount: number;
}
