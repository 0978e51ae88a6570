import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One timeline event, hash-chained to the previous one of its dossier; the table is append-only. */
@Entity('dossier_event')
export class DossierEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'dossier_id' }) dossierId: string;
  @Column('integer') seq: number;
  @Column('text') type: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status', nullable: true }) toStatus: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'prev_hash', nullable: true }) prevHash: string | null;
  @Column('text') hash: string;
}
