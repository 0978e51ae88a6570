import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeDueAt } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { renderReceiptPdf, trackingUrl } from '../documents/receipt-pdf.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { hashClaimCode, normalizeClaimCode } from './claim-code.js';
import { CounterClaimsRepository } from './counter-claims.repository.js';
import { DossierEventsRepository } from './dossier-events.repository.js';
import { DossierError } from './dossiers.errors.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';

export interface PdfFile {
  fileName: string;
  content: Buffer;
}

/** The receipt and appointment slip of a dossier, as PDF (the apology letter is the sla module's, issued). */
@Injectable()
export class DossierDocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dossiers: DossiersService,
    private readonly attachments: AttachmentsRepository,
    private readonly dossierRows: DossiersRepository,
    private readonly events: DossierEventsRepository,
    private readonly catalog: CatalogService,
    private readonly scopes: AgencyScopeService,
    private readonly claims: CounterClaimsRepository,
    private readonly ds: DataSource,
  ) {}

  /**
   * After submit, to whoever may see the dossier. Before receipt the slip shows when the dossier
   * would be due if received at submission (a provisional date; the official one is set on receipt).
   */
  async receipt(id: string, user: AuthUser, claimCode?: string): Promise<PdfFile> {
    const d = await this.dossiers.findVisible(id, user, await this.scopes.agencyCodesInScope(user));
    if (!d.submittedAt || !d.code) throw DossierError.notSubmitted();
    // Only the hash is kept: the desk sends the code it was given at intake, printed if it is this dossier's.
    const printedClaimCode = claimCode && (await this.isOpenClaimCode(d.id, claimCode)) ? claimCode.trim() : null;
    const [procedure, attachments, events, calendar, token] = await Promise.all([
      this.catalog.getProcedureVersion(d.procedureCode, d.procedureVersion),
      this.attachments.findByDossier(d.id),
      this.events.findByDossier(d.id),
      this.catalog.getWorkingCalendar(),
      this.dossierRows.findTrackingToken(d.id),
    ]);
    const receivedAt = d.receivedAt ?? d.submittedAt;
    const counts = new Map<string, number>();
    for (const a of attachments) counts.set(a.documentCode, (counts.get(a.documentCode) ?? 0) + 1);
    const documents = procedure.requiredDocuments
      .filter((doc) => counts.has(doc.code))
      .map((doc) => ({ name: doc.name, count: counts.get(doc.code)! }));
    const content = await renderReceiptPdf({
      code: d.code,
      agencyName: d.agencyName,
      parentAgencyName: d.agencyParentName,
      applicant: {
        fullName: d.applicantName,
        nationalId: d.applicantNationalId,
        phone: d.applicantPhone,
        email: d.applicantEmail,
      },
      procedureName: d.procedureName,
      documents,
      receivedAt,
      dueAt: d.dueAt ?? computeDueAt(receivedAt, d.processingDays, calendar),
      processingDays: d.processingDays,
      channel: d.channel,
      receivedBy: events.find((e) => e.type === 'receive')?.actorName ?? null,
      trackingUrl: trackingUrl(this.config.publicUrl, d.code, token ?? undefined),
      claimCode: printedClaimCode,
      delivery: { method: d.deliveryMethod, postalAddress: d.postalAddress },
      fee: { amount: d.fee, status: d.feeStatus, online: d.feePaidOnline },
    });
    return { fileName: `phieu-tiep-nhan-${d.code}.pdf`, content };
  }

  private async isOpenClaimCode(dossierId: string, code: string): Promise<boolean> {
    const normalized = normalizeClaimCode(code);
    return normalized !== null && this.claims.isOpenCodeOf(dossierId, hashClaimCode(normalized), this.ds.manager);
  }
}
