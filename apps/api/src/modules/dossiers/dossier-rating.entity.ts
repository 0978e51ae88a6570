import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The applicant's rating of a returned dossier (once). */
@Entity('dossier_rating')
export class DossierRating {
  @PrimaryColumn('uuid', { name: 'dossier_id' }) dossierId: string;
  @Column('smallint') score: number;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('timestamptz') at: Date;
}
