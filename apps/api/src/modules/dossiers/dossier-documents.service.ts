import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeDueAt, endOfWorkingDay, receiptDay, slaState, type WorkingCalendar } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { renderApologyPdf } from '../documents/apology-pdf.js';
import { renderReceiptPdf, trackingUrl } from '../documents/receipt-pdf.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { hashClaimCode, normalizeClaimCode } from './claim-code.js';
import { CounterClaimsRepository } from './counter-claims.repository.js';
import { DossierEventsRepository } from './dossier-events.repository.js';
import { DossierError } from './dossiers.errors.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';
import type { DossierWithNames } from './dossiers.types.js';

export interface PdfFile {
  fileName: string;
  content: Buffer;
}

/** Why the letter says the dossier is late, when the officer has not written a reason. */
const DEFAULT_LATE_REASON = 'Hồ sơ cần thêm thời gian để thẩm định, xác minh theo quy định';

/**
 * The new appointment date of an apology letter (domain.md: a late dossier gets one):
 * - returned late: the day the result was returned (the letter records it);
 * - decided late, result not yet handed back: 17:00 of the next working day;
 * - still open past its due date: 17:00 of the working day half the legal time limit (at least
 *   one working day) after today, a new time limit the agency commits to.
 */
export function newAppointment(
  d: Pick<DossierWithNames, 'status' | 'processingDays' | 'returnedAt' | 'completedAt'>,
  now: Date,
  calendar: WorkingCalendar,
): Date {
  if (d.returnedAt) return d.returnedAt;
  const today = receiptDay(now, calendar);
  if (d.completedAt) return endOfWorkingDay(calendar.addWorkingDays(today, 1));
  return endOfWorkingDay(calendar.addWorkingDays(today, Math.max(1, Math.ceil(d.processingDays / 2))));
}

/**
 * Late (domain.md): decided after the due date, or still open past it, by dossierClock's SLA state.
 * A dossier that left without a decision (refused, withdrawn) is not late, nor one waiting for the
 * citizen's supplement (the agency's clock is stopped).
 */
export function isLate(
  d: Pick<DossierWithNames, 'status' | 'dueAt' | 'completedAt'>,
  now: Date,
  calendar: WorkingCalendar,
): boolean {
  const sla = slaState(d, now, calendar);
  return sla === 'OVERDUE' || sla === 'LATE';
}

/** The receipt and appointment slip and the apology letter of a dossier, as PDF. */
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
    private readonly clock: Clock,
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

  /** Only for a late dossier (409 otherwise), to whoever may see it. */
  async apology(id: string, user: AuthUser): Promise<PdfFile> {
    const d = await this.dossiers.findVisible(id, user, await this.scopes.agencyCodesInScope(user));
    const now = this.clock.now();
    const calendar = await this.catalog.getWorkingCalendar();
    if (!d.code || !d.dueAt || !isLate(d, now, calendar)) throw DossierError.notLate();
    const content = await renderApologyPdf({
      agencyName: d.agencyName,
      parentAgencyName: d.agencyParentName,
      letterNumber: null,
      issuedAt: now,
      applicantName: d.applicantName,
      code: d.code,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt ?? d.submittedAt ?? d.createdAt,
      originalDueAt: d.dueAt,
      reason: DEFAULT_LATE_REASON,
      newDueAt: newAppointment(d, now, calendar),
      signerTitle: d.agencyLevel === 'DEPARTMENT' ? 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' : 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      signerName: null,
    });
    return { fileName: `thu-xin-loi-${d.code}.pdf`, content };
  }
}
