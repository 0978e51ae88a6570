import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, DecidedOutcome, DossierStatus, OnlineLevel } from '@motcua/shared';

/**
 * A dossier (hồ sơ). The procedure facts reports and queues filter on (online level, sector,
 * time limit, fee) are copied from the procedure version it is filed under. Changes go through
 * DossierWorkflowService (conditional UPDATE on `version`), never through save().
 */
@Entity('dossier')
export class Dossier {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { name: 'procedure_code' }) procedureCode: string;
  @Column('integer', { name: 'procedure_version' }) procedureVersion: number;
  @Column('text', { name: 'agency_code' }) agencyCode: string;
  @Column('uuid', { name: 'applicant_id' }) applicantId: string;
  @Column('text') channel: Channel;
  @Column('text') status: DossierStatus;
  @Column('integer') version: number;
  @Column('jsonb', { name: 'form_data' }) formData: Record<string, unknown>;
  @Column('text', { name: 'online_level' }) onlineLevel: OnlineLevel;
  @Column('text', { name: 'sector_code' }) sectorCode: string;
  @Column('integer', { name: 'processing_days' }) processingDays: number;
  @Column('integer') fee: number;
  @Column('timestamptz', { name: 'fee_paid_at', nullable: true }) feePaidAt: Date | null;
  @Column('boolean', { name: 'fee_paid_online', nullable: true }) feePaidOnline: boolean | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'received_at', nullable: true }) receivedAt: Date | null;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { name: 'returned_at', nullable: true }) returnedAt: Date | null;
  @Column('timestamptz', { name: 'supplement_requested_at', nullable: true }) supplementRequestedAt: Date | null;
  @Column('integer', { name: 'paused_working_days', default: 0 }) pausedWorkingDays: number;
  @Column('text', { name: 'decided_outcome', nullable: true }) decidedOutcome: DecidedOutcome | null;
  @Column('integer', { name: 'processing_working_days', nullable: true }) processingWorkingDays: number | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('integer', { name: 'last_event_seq' }) lastEventSeq: number;
  @Column('text', { name: 'last_event_hash', nullable: true }) lastEventHash: string | null;
  /** The receipt's QR token that opens the public timeline; never in a dossier's JSON. */
  @Column('text', { name: 'tracking_token', select: false }) trackingToken: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
