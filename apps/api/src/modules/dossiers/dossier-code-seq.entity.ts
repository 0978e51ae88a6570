import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The dossier code counter of one agency on one local day. */
@Entity('dossier_code_seq')
export class DossierCodeSeq {
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode: string;
  @PrimaryColumn('date') day: string;
  @Column('integer', { name: 'last_seq' }) lastSeq: number;
}
