import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRow } from './dossiers.types.js';

const COLUMNS = `id, dossier_id AS "dossierId", document_code AS "documentCode", file_name AS "fileName",
  mime_type AS "mimeType", size::float8 AS size, sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/** A dossier's attachments (metadata; the content is in the file store). */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** `mac`: the audit MAC of the row (AuditService.attachmentMac), so its hash, size or name cannot be edited unseen. */
  async insert(a: AttachmentRow & { mac: string }, m: EntityManager = this.ds.manager): Promise<AttachmentRow> {
    const rows: AttachmentRow[] = await m.query(
      `INSERT INTO attachment (id, dossier_id, document_code, file_name, mime_type, size, sha256, uploaded_by,
         uploaded_at, mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING ${COLUMNS}`,
      [a.id, a.dossierId, a.documentCode, a.fileName, a.mimeType, a.size, a.sha256, a.uploadedBy, a.uploadedAt, a.mac],
    );
    return rows[0];
  }

  findByDossier(dossierId: string, m: EntityManager = this.ds.manager): Promise<AttachmentRow[]> {
    return m.query(`SELECT ${COLUMNS} FROM attachment WHERE dossier_id = $1 ORDER BY uploaded_at, id`, [dossierId]);
  }

  async findOne(dossierId: string, id: string, m: EntityManager = this.ds.manager): Promise<AttachmentRow | null> {
    const rows: AttachmentRow[] = await m.query(`SELECT ${COLUMNS} FROM attachment WHERE dossier_id = $1 AND id = $2`, [
      dossierId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async countByDossier(dossierId: string, m: EntityManager = this.ds.manager): Promise<number> {
    const rows: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [
      dossierId,
    ]);
    return rows[0].n;
  }

  /** The document codes that have at least one attachment. */
  async findDocumentCodes(dossierId: string, m: EntityManager = this.ds.manager): Promise<Set<string>> {
    const rows: { code: string }[] = await m.query(
      `SELECT DISTINCT document_code AS code FROM attachment WHERE dossier_id = $1`,
      [dossierId],
    );
    return new Set(rows.map((r) => r.code));
  }
}
