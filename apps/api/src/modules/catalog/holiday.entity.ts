import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayKind } from '@motcua/shared';

/** A calendar exception: a weekday off, or a compensating working Saturday (WORKING_DAY). */
@Entity('holiday')
export class Holiday {
  /** `YYYY-MM-DD`, a local (Asia/Ho_Chi_Minh) day. */
  @PrimaryColumn('date') date: string;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text') kind: HolidayKind;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
