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

  /**
   * Remove an attachment of an unsealed DRAFT of this applicant through the owner's function
   * (the table is append-only for this role: app-role.ts); the removed content's hash, or null
   * when nothing was removed (not a draft any more, not theirs, no such attachment).
   */
  async removeFromDraft(
    dossierId: string,
    id: string,
    applicantId: string,
    m: EntityManager = this.ds.manager,
  ): Promise<string | null> {
    const rows: { sha256: string | null }[] = await m.query(`SELECT remove_draft_attachment($1, $2, $3) AS sha256`, [
      dossierId,
      id,
      applicantId,
    ]);
    return rows[0]?.sha256 ?? null;
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

  /** Bytes stored by a dossier's attachments, and by every attachment a user uploaded. */
  async findUsage(
    dossierId: string,
    userId: string,
    m: EntityManager = this.ds.manager,
  ): Promise<{ dossier: number; user: number }> {
    const rows: { dossier: number; user: number }[] = await m.query(
      `SELECT (SELECT COALESCE(sum(size), 0) FROM attachment WHERE dossier_id = $1)::float8 AS dossier,
              (SELECT COALESCE(sum(size), 0) FROM attachment WHERE uploaded_by = $2)::float8 AS "user"`,
      [dossierId, userId],
    );
    return rows[0];
  }

  /**
   * Serialise the quota check and insert of uploads to one dossier and by one user until the
   * transaction ends (always dossier then user: one order, no deadlock).
   */
  async lockForQuota(dossierId: string, userId: string, m: EntityManager): Promise<void> {
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('attachment-quota:dossier:' || $1, 0)),
              pg_advisory_xact_lock(hashtextextended('attachment-quota:user:' || $2, 0))`,
      [dossierId, userId],
    );
  }

  /** Of the given contents, those an attachment references (the file sweeper keeps them). */
  async findReferencedShas(sha256s: string[], m: EntityManager = this.ds.manager): Promise<Set<string>> {
    const rows: { sha256: string }[] = await m.query(
      `SELECT DISTINCT sha256 FROM attachment WHERE sha256 = ANY($1::text[])`,
      [sha256s],
    );
    return new Set(rows.map((r) => r.sha256));
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
