import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isStaffRole, type Channel, type DeliveryMethod, type DossierStatus } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { canSeeDossier, isUuid } from '../dossiers/dossier-access.js';
import { DossierTransitionHooks } from '../dossiers/dossier-transition-hooks.js';
import { cleanFileName, type UploadSource } from '../dossiers/multipart-upload.js';
import { FileStorage } from '../files/file-storage.js';
import { FileSweeper } from '../files/file-sweeper.js';
import { storeUpload } from '../files/store-upload.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { renderResultDocumentPdf } from '../documents/result-document-pdf.js';
import { signResultPdf } from './pdf-signer.js';
import { fillTemplate } from './result-template-fill.js';
import { ResultError } from './results.errors.js';
import { SigningKeys } from './signing-keys.service.js';

const MB = 1024 * 1024;
/** A result document (an extract, a certificate, a refusal letter) is a few pages. */
export const RESULT_MAX_BYTES = 20 * MB;
/** Statuses in which the result may be uploaded (api.md, Electronic results). */
const UPLOAD_STATUSES: readonly DossierStatus[] = ['IN_PROCESSING', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'];
/** After the decision a result is signed at upload and no longer replaced. */
const DECIDED: readonly DossierStatus[] = ['APPROVED', 'REJECTED'];

export interface ResultRow {
  id: string;
  dossierId: string;
  fileName: string;
  size: number;
  sha256: string;
  originalSha256: string;
  signed: boolean;
  signedAt: Date | null;
  signer: string | null;
  verificationCode: string;
  uploadedBy: string;
  uploadedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  history: boolean;
}

/** The timeline event of a result withdrawn by the agency (no status change, sealed like fee_paid). */
export const RESULT_REVOKED_EVENT = 'result_revoked';

export interface ResultDto {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  signed: boolean;
}

/** The dossier facts results need, read without the dossiers module's repository. */
interface DossierForResult {
  id: string;
  code: string | null;
  status: DossierStatus;
  applicantId: string;
  agencyCode: string;
  channel: Channel;
  agencyName: string;
  assigneeId: string | null;
  deliveryMethod: DeliveryMethod;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  applicantName: string;
  formData: Record<string, unknown>;
}

export const RESULT_COLUMNS = `r.id, r.dossier_id AS "dossierId", r.file_name AS "fileName", r.size::int AS size,
  r.sha256, r.original_sha256 AS "originalSha256", r.signed, r.signed_at AS "signedAt", r.signer,
  r.verification_code AS "verificationCode", r.uploaded_by AS "uploadedBy", r.uploaded_at AS "uploadedAt",
  r.revoked_at AS "revokedAt", r.revoked_reason AS "revokedReason", r.history`;

/** ≥ 128 random bits (here 192), base64url: the public verification link's key. */
export function newVerificationCode(): string {
  return randomBytes(24).toString('base64url');
}

export interface RevokedResultDto extends ResultDto {
  revokedAt: string;
  revokedReason: string;
}

export function toResultDto(r: ResultRow): ResultDto {
  return { id: r.id, fileName: r.fileName, size: Number(r.size), sha256: r.sha256, signed: r.signed };
}

/**
 * Electronic results: upload (PDF by content), signing with the agency's certificate at the
 * decision (an in-transaction hook on approve/reject) or at upload after it, scoped download.
 */
@Injectable()
export class ResultsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly hooks: DossierTransitionHooks,
    private readonly sweeper: FileSweeper,
    private readonly storage: FileStorage,
    private readonly scopes: AgencyScopeService,
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly workflow: DossierWorkflowService,
  ) {}

  onModuleInit(): void {
    // Before the seal: the decision's timeline link seals the signed result (keyed-chain.ts).
    this.hooks.registerBeforeSeal(async (m, change) => {
      if (change.action === 'approve' || change.action === 'reject')
        await this.signAtDecision(m, change.before.id, change.at);
      if (change.action === 'return_result') await this.checkReturnable(m, change.before.id);
    });
    // The retention sweep (dossiers/retention.service.ts): the result document names the applicant.
    this.hooks.registerErasure(async (m, dossierId) => {
      const rows: { sha256: string; original: string }[] = await m.query(
        // Through a CTE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
        `WITH gone AS (DELETE FROM dossier_result WHERE dossier_id = $1 RETURNING sha256, original_sha256)
         SELECT sha256, original_sha256 AS original FROM gone`,
        [dossierId],
      );
      return rows.flatMap((r) => [r.sha256.trim(), r.original.trim()]);
    });
    this.sweeper.registerReferences(async (sha256s) => {
      const rows: { sha: string }[] = await this.ds.query(
        `SELECT sha256 AS sha FROM dossier_result WHERE sha256 = ANY($1)
         UNION SELECT original_sha256 FROM dossier_result WHERE original_sha256 = ANY($1)`,
        [sha256s],
      );
      return new Set(rows.map((r) => r.sha));
    });
  }

  private async dossier(id: string, m: EntityManager, lock = false): Promise<DossierForResult | null> {
    const rows: DossierForResult[] = await m.query(
      `SELECT d.id, d.code, d.status, d.applicant_id AS "applicantId", d.agency_code AS "agencyCode", d.channel,
              a.name AS "agencyName", d.assignee_id AS "assigneeId",
              d.delivery_method AS "deliveryMethod", d.procedure_code AS "procedureCode",
              d.procedure_version AS "procedureVersion", q.procedure_name AS "procedureName",
              q.applicant_name AS "applicantName", d.form_data AS "formData"
         FROM dossier d JOIN agency_label a ON a.code = d.agency_code
         JOIN dossier_queue_item q ON q.id = d.id
        WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  private async result(dossierId: string, m: EntityManager, lock = false): Promise<ResultRow | null> {
    const rows: ResultRow[] = await m.query(
      `SELECT ${RESULT_COLUMNS} FROM dossier_result r WHERE r.dossier_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  /**
   * The assigned officer or an approver of the agency uploads the result while the dossier is
   * being processed or decided. Checked before a byte is read: 404 outside scope, 403 for anyone
   * else, 409 in another status; then 415 not a PDF, 413 too large; 409 once signed.
   */
  async upload(dossierId: string, user: AuthUser, source: UploadSource): Promise<ResultDto> {
    if (!isUuid(dossierId)) throw ResultError.dossierNotFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    const d = await this.dossier(dossierId, this.ds.manager);
    if (!d || !canSeeDossier(user, scope, d)) throw ResultError.dossierNotFound();
    this.checkUploader(user, d);
    const stored = await source(async (file) => {
      const s = await storeUpload(this.storage, file.stream, RESULT_MAX_BYTES);
      if (s.mimeType !== 'application/pdf') throw ResultError.notPdf();
      return { ...s, fileName: cleanFileName(file.fileName) };
    });
    return this.save(dossierId, user, stored);
  }

  /**
   * POST /dossiers/{id}/result/generate (our addition, docs/api.md): the result rendered from the
   * procedure version's template and the dossier's facts, then kept exactly like an upload (the
   * same callers and statuses; signed at once after the decision). 409 when the version has none.
   */
  async generate(dossierId: string, user: AuthUser): Promise<ResultDto> {
    if (!isUuid(dossierId)) throw ResultError.dossierNotFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    const d = await this.dossier(dossierId, this.ds.manager);
    if (!d || !canSeeDossier(user, scope, d)) throw ResultError.dossierNotFound();
    this.checkUploader(user, d);
    const source = await this.catalog.resultTemplate(d.procedureCode, d.procedureVersion);
    if (!source) throw ResultError.noTemplate();
    const today = this.clock.now();
    const filled = fillTemplate(source.template, {
      formData: d.formData,
      formSchema: source.formSchema,
      applicant: { fullName: d.applicantName },
      agencyName: d.agencyName,
      dossierCode: d.code,
      procedureName: d.procedureName,
      today,
    });
    const pdf = await renderResultDocumentPdf({ ...filled, agencyName: d.agencyName, issuedAt: today });
    const stored = await this.storage.put(Readable.from([pdf]), { maxBytes: RESULT_MAX_BYTES });
    const fileName = `ket-qua-${d.code ?? d.id}.pdf`;
    return this.save(dossierId, user, { ...stored, fileName });
  }

  /** Record an uploaded or generated file as the dossier's result; signed at once after the decision. */
  private save(
    dossierId: string,
    user: AuthUser,
    stored: { sha256: string; size: number; fileName: string },
  ): Promise<ResultDto> {
    return this.ds.transaction(async (m) => {
      // Re-read under the dossier's lock: a decision may have come meanwhile.
      const locked = await this.dossier(dossierId, m, true);
      if (!locked) throw ResultError.dossierNotFound();
      this.checkUploader(user, locked);
      const existing = await this.result(dossierId, m, true);
      if (existing?.signed) throw ResultError.alreadySigned();
      const now = this.clock.now();
      const row: ResultRow = {
        id: existing?.id ?? randomUUID(),
        dossierId,
        fileName: stored.fileName,
        size: stored.size,
        sha256: stored.sha256,
        originalSha256: stored.sha256,
        signed: false,
        signedAt: null,
        signer: null,
        verificationCode: existing?.verificationCode ?? newVerificationCode(),
        uploadedBy: user.id,
        uploadedAt: now,
        revokedAt: null,
        revokedReason: null,
        history: false,
      };
      await m.query(
        `INSERT INTO dossier_result (id, dossier_id, file_name, size, sha256, original_sha256, signed,
                                     verification_code, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $5, false, $6, $7, $8)
         ON CONFLICT (dossier_id) DO UPDATE SET file_name = EXCLUDED.file_name, size = EXCLUDED.size,
           sha256 = EXCLUDED.sha256, original_sha256 = EXCLUDED.original_sha256,
           uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at`,
        [row.id, dossierId, row.fileName, row.size, row.sha256, row.verificationCode, user.id, now],
      );
      if (DECIDED.includes(locked.status)) return toResultDto(await this.sign(m, locked, row, now));
      return toResultDto(row);
    });
  }

  private checkUploader(user: AuthUser, d: DossierForResult): void {
    const assignedOfficer = user.roles.includes('OFFICER') && d.assigneeId === user.id;
    if (!assignedOfficer && !user.roles.includes('APPROVER')) throw ResultError.uploadForbidden();
    if (!UPLOAD_STATUSES.includes(d.status)) throw ResultError.uploadNotAllowed(d.status);
  }

  /**
   * The decision's hook: sign the uploaded result in the transition's transaction, before its
   * link is sealed (its failure rolls the decision back). Electronic delivery without a result is refused (409).
   */
  private async signAtDecision(m: EntityManager, dossierId: string, at: Date): Promise<void> {
    const d = await this.dossier(dossierId, m);
    if (!d) return;
    const row = await this.result(dossierId, m, true);
    if (!row) {
      if (isElectronic(d)) throw ResultError.missing();
      return;
    }
    if (!row.signed) await this.sign(m, d, row, at);
  }

  /** return_result for electronic delivery needs a signed result (409 RESULT_MISSING). */
  private async checkReturnable(m: EntityManager, dossierId: string): Promise<void> {
    const d = await this.dossier(dossierId, m);
    if (!d || !isElectronic(d)) return;
    const row = await this.result(dossierId, m);
    if (!row?.signed) throw ResultError.missing();
  }

  /** Stamp, sign, store the signed file and record it; the unsigned upload stays as original_sha256. */
  private async sign(m: EntityManager, d: DossierForResult, row: ResultRow, at: Date): Promise<ResultRow> {
    const identity = this.keys.forAgency({ code: d.agencyCode, name: d.agencyName });
    const original = await buffer(await this.storage.open(row.originalSha256));
    const signedPdf = await signResultPdf(original, {
      identity,
      verificationUrl: this.verificationUrl(row.verificationCode),
      reason: d.code ? `Kết quả giải quyết hồ sơ ${d.code}` : 'Kết quả giải quyết hồ sơ',
      location: d.agencyName,
      signingTime: at,
    });
    const stored = await this.storage.put(Readable.from([signedPdf]), { maxBytes: RESULT_MAX_BYTES * 2 });
    await m.query(
      `UPDATE dossier_result SET sha256 = $2, size = $3, signed = true, signed_at = $4, signer = $5 WHERE id = $1`,
      [row.id, stored.sha256, stored.size, at, identity.signer],
    );
    return { ...row, sha256: stored.sha256, size: stored.size, signed: true, signedAt: at, signer: identity.signer };
  }

  /**
   * POST /dossiers/{id}/result/revoke (our addition, docs/api.md): an approver of the dossier's
   * agency withdraws an issued result with a reason; the row and its sealed timeline event in one
   * transaction. Verification then answers `revoked: true`. 404 outside scope, 409 when none is
   * issued or it is already revoked.
   */
  async revoke(dossierId: string, user: AuthUser, reason: string): Promise<RevokedResultDto> {
    if (!isUuid(dossierId)) throw ResultError.dossierNotFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    return this.ds.transaction(async (m) => {
      const d = await this.dossier(dossierId, m, true);
      if (!d || !canSeeDossier(user, scope, d)) throw ResultError.dossierNotFound();
      const row = await this.result(dossierId, m, true);
      if (!row?.signed) throw ResultError.notIssued();
      if (row.revokedAt) throw ResultError.alreadyRevoked();
      const at = this.clock.now();
      await m.query(`UPDATE dossier_result SET revoked_at = $2, revoked_by = $3, revoked_reason = $4 WHERE id = $1`, [
        row.id,
        at,
        user.id,
        reason,
      ]);
      await this.workflow.recordEvent(
        m,
        dossierId,
        RESULT_REVOKED_EVENT,
        { id: user.id, role: 'APPROVER', fullName: user.fullName },
        reason,
        at,
      );
      return { ...toResultDto(row), revokedAt: at.toISOString(), revokedReason: reason };
    });
  }

  /**
   * Sign another document of an agency (the fee receipt) as results are signed, without a QR
   * code; null when no signing key is configured (production without SIGNING_P12_DIR).
   */
  async signDocument(
    pdf: Buffer,
    agency: { code: string; name: string },
    reason: string,
    at: Date,
  ): Promise<Buffer | null> {
    let identity;
    try {
      identity = this.keys.forAgency(agency);
    } catch (e) {
      if (e instanceof AppError && e.code === 'SIGNING_KEY_MISSING') return null;
      throw e;
    }
    return signResultPdf(pdf, { identity, verificationUrl: null, reason, location: agency.name, signingTime: at });
  }

  verificationUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${code}`;
  }

  /**
   * The result file: to the applicant once RETURNED (signed), to the agency's staff at any time.
   * Anyone else, or before that, 404.
   */
  async download(dossierId: string, user: AuthUser): Promise<{ result: ResultRow; stream: Readable }> {
    if (!isUuid(dossierId)) throw ResultError.notFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    const d = await this.dossier(dossierId, this.ds.manager);
    if (!d || !canSeeDossier(user, scope, d)) throw ResultError.notFound();
    const row = await this.result(dossierId, this.ds.manager);
    if (!row) throw ResultError.notFound();
    const isApplicant = d.applicantId === user.id;
    const isStaff = user.roles.some(isStaffRole) && (scope === 'ALL' || scope.includes(d.agencyCode));
    if (!isStaff && !(isApplicant && d.status === 'RETURNED' && row.signed)) throw ResultError.notFound();
    // A history row of `seed --history` stands for a result issued before MotCua kept files.
    if (row.history) throw ResultError.notFound();
    return { result: row, stream: await this.storage.open(row.sha256) };
  }
}

/** The citizen chose to receive the result electronically (api.md, Fees and online payment). */
export function isElectronic(d: { deliveryMethod: DeliveryMethod }): boolean {
  return d.deliveryMethod === 'ELECTRONIC';
}
