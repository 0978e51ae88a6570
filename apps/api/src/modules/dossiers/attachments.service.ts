import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttachmentDto, DossierStatus } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { FileStorage } from '../files/file-storage.js';
import { FileSweeper } from '../files/file-sweeper.js';
import { storeUpload } from '../files/store-upload.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { canSeeDossier, isUuid } from './dossier-access.js';
import { DossierError } from './dossiers.errors.js';
import { toAttachmentDto } from './dossiers.mapper.js';
import { DossiersRepository } from './dossiers.repository.js';
import type { AttachmentRow } from './dossiers.types.js';
import { cleanFileName, type UploadSource } from './multipart-upload.js';

/** Statuses in which the applicant may add attachments (api.md). */
const UPLOAD_STATUSES: readonly DossierStatus[] = ['DRAFT', 'SUPPLEMENT_REQUESTED'];
export const MAX_ATTACHMENTS_PER_DOSSIER = 100;
const DEFAULT_MAX_SIZE_MB = 10;
const MB = 1024 * 1024;

export interface AttachmentDownload {
  attachment: AttachmentRow;
  stream: Readable;
}

/**
 * Attachments: streamed upload (type by content, size per document, storage quotas per dossier
 * and per user), scoped download. Registers with the file sweeper which stored files it references.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweeper: FileSweeper,
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly catalog: CatalogService,
    private readonly scopes: AgencyScopeService,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.sweeper.registerReferences((sha256s) => this.attachments.findReferencedShas(sha256s));
  }

  /**
   * The applicant adds a file for one of the procedure's required documents while the dossier
   * is a draft or awaits a supplement. Checked before a byte is read: the dossier (404), its
   * status (409), the attachment count (422), the storage quotas (413); then the document code
   * (400), the type by content (415) and the document's size limit or the room left in the
   * quotas (413) while streaming into the content-addressed store; the quotas again, serialised
   * per dossier and per user, when the attachment is recorded (so parallel uploads cannot pass
   * them). A file refused there stays unreferenced in the store and the sweeper removes it.
   */
  async upload(dossierId: string, user: AuthUser, source: UploadSource): Promise<AttachmentDto> {
    const d = isUuid(dossierId) ? await this.dossiers.findById(dossierId) : null;
    if (!d || d.applicantId !== user.id) throw DossierError.notFound();
    if (!UPLOAD_STATUSES.includes(d.status)) throw DossierError.uploadNotAllowed(d.status);
    if ((await this.attachments.countByDossier(d.id)) >= MAX_ATTACHMENTS_PER_DOSSIER) {
      throw DossierError.tooManyAttachments(MAX_ATTACHMENTS_PER_DOSSIER);
    }
    const room = this.quotaRoom(await this.attachments.findUsage(d.id, user.id), 1);
    const procedure = await this.catalog.getProcedureVersion(d.procedureCode, d.procedureVersion);
    const documents = new Map(procedure.requiredDocuments.map((doc) => [doc.code, doc]));

    const received = await source(async ({ fields, fileName, stream }) => {
      const document = fields.documentCode ? documents.get(fields.documentCode) : undefined;
      if (!document) throw DossierError.unknownDocument(fields.documentCode);
      const documentMax = (document.maxSizeMb ?? DEFAULT_MAX_SIZE_MB) * MB;
      const stored = await storeUpload(this.storage, stream, Math.min(documentMax, room.bytes)).catch((e: unknown) => {
        // Cut off by the room left in a quota rather than by the document's own limit: say which.
        if (e instanceof AppError && e.code === 'FILE_TOO_LARGE' && room.bytes < documentMax) throw room.error();
        throw e;
      });
      return { stored, fileName: cleanFileName(fileName), documentCode: document.code };
    });

    return this.ds.transaction(async (m) => {
      // The status again, locked against a concurrent submit: the upload took time.
      const status = await this.dossiers.findStatusForShare(d.id, m);
      if (!status || !UPLOAD_STATUSES.includes(status)) throw DossierError.uploadNotAllowed(status ?? d.status);
      // Parallel uploads wait here for each other, then count what the others recorded.
      await this.attachments.lockForQuota(d.id, user.id, m);
      this.quotaRoom(await this.attachments.findUsage(d.id, user.id, m), received.stored.size);
      const facts: AttachmentRow = {
        id: randomUUID(),
        dossierId: d.id,
        documentCode: received.documentCode,
        fileName: received.fileName,
        mimeType: received.stored.mimeType,
        size: received.stored.size,
        sha256: received.stored.sha256,
        uploadedBy: user.id,
        uploadedAt: this.clock.now(),
      };
      const row = await this.attachments.insert({ ...facts, mac: this.audit.attachmentMac(d.id, facts) }, m);
      return toAttachmentDto(row);
    });
  }

  /**
   * The bytes left under both quotas given what is used, and the error naming the tighter one;
   * throws that error at once when fewer than `needed` bytes are left.
   */
  private quotaRoom(used: { dossier: number; user: number }, needed: number): { bytes: number; error: () => AppError } {
    const { dossierBytes, userBytes } = this.config.uploadQuota;
    const dossierRoom = dossierBytes - used.dossier;
    const userRoom = userBytes - used.user;
    const error =
      dossierRoom <= userRoom
        ? () => DossierError.storageQuotaExceeded('dossier', dossierBytes, used.dossier)
        : () => DossierError.storageQuotaExceeded('user', userBytes, used.user);
    const bytes = Math.min(dossierRoom, userRoom);
    if (bytes < needed) throw error();
    return { bytes, error };
  }

  /**
   * The applicant removes a file from their draft before sending it (our addition: docs/api.md,
   * DELETE /dossiers/{id}/attachments/{attachmentId}). 404 for another's dossier or attachment,
   * 409 once the dossier is no longer a draft. The stored content, when nothing else references
   * it, is left to the file sweeper.
   */
  async remove(dossierId: string, attachmentId: string, user: AuthUser): Promise<void> {
    const d = isUuid(dossierId) ? await this.dossiers.findById(dossierId) : null;
    if (!d || d.applicantId !== user.id) throw DossierError.notFound();
    if (d.status !== 'DRAFT') throw DossierError.notDraft(d.status);
    const attachment = isUuid(attachmentId) ? await this.attachments.findOne(d.id, attachmentId) : null;
    if (!attachment) throw DossierError.attachmentNotFound();
    const removed = await this.attachments.removeFromDraft(d.id, attachment.id, user.id);
    if (removed === null) {
      // Submitted (or removed) between the reads and the function's locked check.
      const now = await this.dossiers.findById(d.id);
      if (now && now.status !== 'DRAFT') throw DossierError.notDraft(now.status);
      throw DossierError.attachmentNotFound();
    }
  }

  /** A file of a dossier the user may see; 404 otherwise (and for another dossier's attachment). */
  async download(dossierId: string, attachmentId: string, user: AuthUser): Promise<AttachmentDownload> {
    const d = isUuid(dossierId) ? await this.dossiers.findById(dossierId) : null;
    if (!d || !canSeeDossier(user, await this.scopes.agencyCodesInScope(user), d)) throw DossierError.notFound();
    const attachment = isUuid(attachmentId) ? await this.attachments.findOne(d.id, attachmentId) : null;
    if (!attachment) throw DossierError.attachmentNotFound();
    return { attachment, stream: await this.storage.open(attachment.sha256) };
  }
}
