import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to a dossier for one of its procedure's required documents; content in the file store. */
@Entity('attachment')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'dossier_id' }) dossierId: string;
  @Column('text', { name: 'document_code' }) documentCode: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'mime_type' }) mimeType: string;
  @Column('bigint') size: string;
  @Column('text') sha256: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
}
