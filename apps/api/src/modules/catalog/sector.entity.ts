import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A field of administration (lĩnh vực): Hộ tịch, Chứng thực, Xây dựng… */
@Entity('sector')
export class Sector {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
