import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { localDateTimeWords, toLocalDate } from '@motcua/shared';
import { AppError } from '../../common/app-error.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { renderApologyPdf } from '../documents/apology-pdf.js';
import { trackingUrl } from '../documents/receipt-pdf.js';
import { DossierTransitionHooks } from '../dossiers/dossier-transition-hooks.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import type { DossierTransitionChange, DossierWithNames } from '../dossiers/dossiers.types.js';
import { FileStorage } from '../files/file-storage.js';
import { FileSweeper } from '../files/file-sweeper.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { signResultPdf } from '../results/pdf-signer.js';
import { SigningKeys } from '../results/signing-keys.service.js';
import { SLA_NOTIFIER, type SlaNotifier } from './sla-notifier.js';

/** A letter is one or two pages; the signed copy adds the CMS and a stamp. */
const LETTER_MAX_BYTES = 5 * 1024 * 1024;

export interface ApologyLetterRow {
  id: string;
  dossierId: string;
  letterNumber: string;
  issuedAt: Date;
  automatic: boolean;
  appointmentAt: Date;
  sha256: string;
  size: number;
  signed: boolean;
}

/** The letter's signer line by the agency's level (Decree 30/2020: the deputy head signs for the head). */
export function signerTitle(agencyLevel: string): string {
  return agencyLevel === 'DEPARTMENT' ? 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' : 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH';
}

/**
 * The apology letter of `issue_apology` (api.md, Notifications and apologies): in the action's
 * transaction (a transition hook) the official-form PDF is rendered, signed with the agency's
 * certificate as results are when a key is there, stored, recorded, and the applicant notified.
 * `GET /dossiers/{id}/apology.pdf` serves the last letter issued.
 */
@Injectable()
export class ApologyLettersService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SLA_NOTIFIER) private readonly notifier: SlaNotifier,
    private readonly ds: DataSource,
    private readonly hooks: DossierTransitionHooks,
    private readonly dossiers: DossiersService,
    private readonly storage: FileStorage,
    private readonly sweeper: FileSweeper,
    private readonly keys: SigningKeys,
    private readonly scopes: AgencyScopeService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(async (m, change) => {
      if (change.action === 'issue_apology') await this.issue(m, change);
    });
    // The retention sweep (dossiers/retention.service.ts): a letter names the applicant. Its file
    // goes; its row stays, erased, for the reports' count of letters issued.
    this.hooks.registerErasure(async (m, dossierId, at) => {
      const rows: { sha: string }[] = await m.query(
        `WITH gone AS (
           UPDATE apology_letter SET erased_at = $2 WHERE dossier_id = $1 AND erased_at IS NULL RETURNING sha256)
         SELECT sha256 AS sha FROM gone`,
        [dossierId, at],
      );
      return rows.map((r) => r.sha);
    });
    this.sweeper.registerReferences(async (sha256s) => {
      const rows: { sha: string }[] = await this.ds.query(
        `SELECT sha256 AS sha FROM apology_letter WHERE sha256 = ANY($1) AND erased_at IS NULL`,
        [sha256s],
      );
      return new Set(rows.map((r) => r.sha));
    });
  }

  private async issue(m: EntityManager, change: DossierTransitionChange): Promise<void> {
    const d = await this.dossiers.findWithNames(change.after.id, m);
    if (!d?.code || !d.dueAt || !d.appointmentAt) return;
    const automatic = change.actor.id === null;
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int + 1 AS n FROM apology_letter WHERE dossier_id = $1`,
      [d.id],
    );
    const letterNumber = `${n}/TXL-${d.code}`;
    const reason = change.note ?? '';
    const pdf = await renderApologyPdf({
      agencyName: d.agencyName,
      parentAgencyName: d.agencyParentName,
      letterNumber,
      issuedAt: change.at,
      applicantName: d.applicantName,
      code: d.code,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt ?? d.submittedAt ?? d.createdAt,
      originalDueAt: d.dueAt,
      reason,
      newDueAt: d.appointmentAt,
      signerTitle: signerTitle(d.agencyLevel),
      signerName: null,
    });
    const signed = await this.sign(pdf, d, change.at);
    const stored = await this.storage.put(Readable.from([signed.bytes]), { maxBytes: LETTER_MAX_BYTES });
    // A second automatic letter for the dossier conflicts on apology_letter_automatic_once and rolls back.
    await m.query(
      `INSERT INTO apology_letter (id, dossier_id, letter_number, issued_at, automatic, issued_by, reason,
                                   original_due_at, appointment_at, sha256, size, signed, signer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        randomUUID(),
        d.id,
        letterNumber,
        change.at,
        automatic,
        change.actor.id,
        reason,
        d.dueAt,
        d.appointmentAt,
        stored.sha256,
        stored.size,
        signed.signer !== null,
        signed.signer,
      ],
    );
    await this.notifier.notify(m, {
      userIds: [d.applicantId],
      type: 'APOLOGY',
      dossierId: d.id,
      // The inbox's APOLOGY text reads `appointment` (packages/shared notifications.ts).
      params: {
        code: d.code,
        appointment: localDateTimeWords(d.appointmentAt),
        appointmentDate: toLocalDate(d.appointmentAt),
        letterNumber,
      },
    });
  }

  /**
   * Signed like results (results/pdf-signer.ts with the agency's identity from SigningKeys); where
   * no key is configured in production the letter goes out unsigned rather than not at all (the
   * automatic apology must not fail on a missing certificate).
   */
  private async sign(pdf: Buffer, d: DossierWithNames, at: Date): Promise<{ bytes: Buffer; signer: string | null }> {
    let identity;
    try {
      identity = this.keys.forAgency({ code: d.agencyCode, name: d.agencyName });
    } catch (e) {
      if (e instanceof AppError && e.code === 'SIGNING_KEY_MISSING') return { bytes: pdf, signer: null };
      throw e;
    }
    const bytes = await signResultPdf(pdf, {
      identity,
      // The stamp's QR code leads to the dossier's public tracking page.
      verificationUrl: trackingUrl(this.config.publicUrl, d.code ?? ''),
      reason: `Thư xin lỗi hồ sơ ${d.code}`,
      location: d.agencyName,
      signingTime: at,
    });
    return { bytes, signer: identity.signer };
  }

  /** The last letter issued for a dossier the caller may see; 404 before any, or once erased (api.md). */
  async latestFor(dossierId: string, user: AuthUser): Promise<{ letter: ApologyLetterRow; stream: Readable }> {
    const d = await this.dossiers.findVisible(dossierId, user, await this.scopes.agencyCodesInScope(user));
    const rows: ApologyLetterRow[] = await this.ds.query(
      `SELECT id, dossier_id AS "dossierId", letter_number AS "letterNumber", issued_at AS "issuedAt", automatic,
              appointment_at AS "appointmentAt", sha256, size, signed
         FROM apology_letter WHERE dossier_id = $1 AND erased_at IS NULL
        ORDER BY issued_at DESC, letter_number DESC LIMIT 1`,
      [d.id],
    );
    const letter = rows[0];
    if (!letter) throw AppError.notFound('Apology letter');
    return { letter, stream: await this.storage.open(letter.sha256) };
  }
}
