import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FormSchema, OnlineLevel, RequiredDocument } from '@motcua/shared';

/** One published version of a procedure, never changed afterwards: dossiers refer to it. */
@Entity('procedure_version')
export class ProcedureVersion {
  @PrimaryColumn('text', { name: 'procedure_code' }) procedureCode: string;
  @PrimaryColumn('integer') version: number;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text', { name: 'sector_code' }) sectorCode: string;
  @Column('text', { name: 'online_level' }) onlineLevel: OnlineLevel;
  @Column('integer', { name: 'processing_days' }) processingDays: number;
  @Column('integer') fee: number;
  @Column('text', { name: 'agency_codes', array: true }) agencyCodes: string[];
  @Column('jsonb', { name: 'required_documents' }) requiredDocuments: RequiredDocument[];
  @Column('jsonb', { name: 'form_schema' }) formSchema: FormSchema;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;
  @Column('text', { name: 'legal_basis', nullable: true }) legalBasis: string | null;
  @Column('text', { nullable: true }) result: string | null;
  @Column('text', { name: 'result_en', nullable: true }) resultEn: string | null;
  @Column('text', { name: 'fee_note', nullable: true }) feeNote: string | null;
  @Column('text', { name: 'fee_note_en', nullable: true }) feeNoteEn: string | null;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy: string | null;
}
