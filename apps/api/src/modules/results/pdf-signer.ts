import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { SigningIdentity } from './pki.js';
import { ResultError } from './results.errors.js';

export interface SignOptions {
  identity: SigningIdentity;
  /** The public verification link the QR code carries. */
  verificationUrl: string;
  reason: string;
  location: string;
  signingTime?: Date;
}

/** Room for the CMS (certificate chain of two RSA-2048 certificates + signed attributes). */
const SIGNATURE_LENGTH = 8192;
const QR_SIZE = 72;
/** A CAdES detached CMS (@signpdf/utils' SUBFILTER_ETSI_CADES_DETACHED). */
const SUBFILTER = 'ETSI.CAdES.detached';
const MARGIN = 18;

async function loadPdf(input: Buffer): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(input, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return doc;
  } catch {
    // Damaged, encrypted or empty: a coded 422, never a 500.
    throw ResultError.unreadablePdf();
  }
}

/**
 * Stamp the verification QR code on the first page, add a signature placeholder and sign with
 * the agency's PKCS#12: a detached CMS (ETSI.CAdES.detached) over the whole file but the
 * signature itself, which pdfsig and PDF readers check.
 */
export async function signResultPdf(input: Buffer, opts: SignOptions): Promise<Buffer> {
  const doc = await loadPdf(input);
  const page = doc.getPage(0);
  const qr = await doc.embedPng(
    await QRCode.toBuffer(opts.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, width: QR_SIZE * 3 }),
  );
  const { width } = page.getSize();
  const x = width - QR_SIZE - MARGIN;
  page.drawImage(qr, { x, y: MARGIN + 8, width: QR_SIZE, height: QR_SIZE });
  // Standard fonts are WinAnsi: the caption stays ASCII.
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Verify / Xac thuc', { x, y: MARGIN, size: 6, font, color: rgb(0.2, 0.2, 0.2) });

  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: opts.reason,
    contactInfo: '',
    name: opts.identity.signer,
    location: opts.location,
    signingTime: opts.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER,
    appName: 'MotCua',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signer = new P12Signer(opts.identity.p12, { passphrase: opts.identity.passphrase });
  return new SignPdf().sign(withPlaceholder, signer, opts.signingTime);
}
