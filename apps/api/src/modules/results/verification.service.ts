import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import type { UploadSource } from '../dossiers/multipart-upload.js';
import { FileError } from '../files/files.errors.js';
import { sniffFileType } from '../files/magic-bytes.js';
import { checkPdfSignature } from './cms-verify.js';
import { ResultError } from './results.errors.js';
import { RESULT_MAX_BYTES } from './results.service.js';

/** GET /verify/{code}: what anyone may know of an issued result (no personal data). */
export interface VerificationDto {
  valid: boolean;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  issuedAt: string;
  signer: string;
  sha256: string;
  revoked: boolean;
}

/** POST /verify: an uploaded file checked. */
export interface FileVerificationDto {
  valid: boolean;
  reason?: string;
  dossierCode?: string;
  issuedAt?: string;
  signer?: string;
}

interface IssuedRow {
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  signedAt: Date;
  signer: string;
  sha256: string;
  revokedAt: Date | null;
}

const ISSUED = `SELECT d.code AS "dossierCode", pv.name AS "procedureName", a.name AS "agencyName",
       r.signed_at AS "signedAt", r.signer, r.sha256, r.revoked_at AS "revokedAt"
  FROM dossier_result r
  JOIN dossier d ON d.id = r.dossier_id
  JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
  JOIN agency a ON a.code = d.agency_code
 WHERE r.signed`;

/** Longest code we look up; ours are 32 characters. */
const MAX_CODE_LENGTH = 64;

/**
 * Public verification of signed results, limited per address. A code is looked up by one
 * indexed query whether or not it exists, so a miss takes about as long as a hit.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly rateLimits: RateLimitService,
  ) {}

  async byCode(code: string, address: string): Promise<VerificationDto> {
    await this.rateLimits.enforce(RATE_LIMITS.verifyByAddress, address);
    // An over-long code still costs a query: the answer's timing says nothing about the store.
    const rows: IssuedRow[] = await this.ds.query(`${ISSUED} AND r.verification_code = $1`, [
      code.length <= MAX_CODE_LENGTH ? code : '',
    ]);
    const r = rows[0];
    if (!r) throw ResultError.verificationNotFound();
    return {
      valid: r.revokedAt === null,
      dossierCode: r.dossierCode,
      procedureName: r.procedureName,
      agencyName: r.agencyName,
      issuedAt: new Date(r.signedAt).toISOString(),
      signer: r.signer,
      sha256: r.sha256,
      revoked: r.revokedAt !== null,
    };
  }

  /**
   * Valid only when the file's CMS signature checks out over a byte range that covers the file
   * AND the file is, byte for byte (sha256), a result we issued and did not revoke.
   */
  async file(source: UploadSource, address: string): Promise<FileVerificationDto> {
    await this.rateLimits.enforce(RATE_LIMITS.verifyFileByAddress, address);
    const pdf = await source(async (f) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of f.stream) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += b.length;
        if (size > RESULT_MAX_BYTES * 2) {
          f.stream.destroy();
          throw FileError.tooLarge(RESULT_MAX_BYTES * 2);
        }
        chunks.push(b);
      }
      return Buffer.concat(chunks);
    });
    if (sniffFileType(pdf.subarray(0, 8)) !== 'application/pdf') throw ResultError.notPdf();
    const check = checkPdfSignature(pdf);
    if (!check.ok) return { valid: false, reason: check.reason };
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const rows: IssuedRow[] = await this.ds.query(`${ISSUED} AND r.sha256 = $1`, [sha256]);
    const r = rows[0];
    if (!r) return { valid: false, reason: 'NOT_ISSUED' };
    const issued = { dossierCode: r.dossierCode, issuedAt: new Date(r.signedAt).toISOString(), signer: r.signer };
    if (r.revokedAt) return { valid: false, reason: 'REVOKED', ...issued };
    return { valid: true, ...issued };
  }
}
