import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const AGENCY_LEVELS = ['CITY', 'DEPARTMENT', 'WARD', 'COMMUNE'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

@Entity('agency')
export class Agency {
  /** The agency's electronic code, e.g. `000.00.12.H17`. */
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text') level: AgencyLevel;
  @Column('text', { name: 'parent_code', nullable: true }) parentCode: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
