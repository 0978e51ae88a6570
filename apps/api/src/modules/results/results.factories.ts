import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { TestApp } from '../../test/test-app.js';
import type { UploadSource } from '../dossiers/multipart-upload.js';
import { ResultsService } from './results.service.js';

/** A small well-formed one-page PDF (a result document that can be signed). */
export const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n',
  'latin1',
);

/** A PDF of `pages` A4 pages with a line of text each. */
export async function makePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`Result page ${i}`, { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

/** One byte changed inside a signed PDF's signed range (the first "/Type" becomes "/Uype"). */
export function flipSignedByte(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  copy[copy.indexOf('/Type') + 1] ^= 0x01;
  return copy;
}

/** Upload RESULT_PDF through the service (tests that drive the workflow without HTTP). */
export async function uploadResultDirect(t: TestApp, dossierId: string, user: AuthUser): Promise<void> {
  const source: UploadSource = (handle) =>
    handle({ fields: {}, fileName: 'ket-qua.pdf', stream: Readable.from([RESULT_PDF]) });
  await t.app.get(ResultsService).upload(dossierId, user, source);
}
