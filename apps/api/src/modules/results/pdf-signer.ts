import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { readP12, type SigningIdentity } from './pki.js';
import { ResultError } from './results.errors.js';

export interface SignOptions {
  identity: SigningIdentity;
  /** The public verification link the QR code carries; none (a fee receipt): no QR code. */
  verificationUrl: string | null;
  reason: string;
  location: string;
  signingTime?: Date;
}

/** Room for the CMS (certificate chain of two RSA-2048 certificates + signed attributes). */
const SIGNATURE_LENGTH = 8192;
const QR_SIZE = 72;
/**
 * A detached PKCS#7/CMS (@signpdf/utils' SUBFILTER_ADOBE_PKCS7_DETACHED). Not ETSI.CAdES.detached:
 * node-forge cannot add the ESS signing-certificate-v2 attribute PAdES baseline requires.
 */
const SUBFILTER = 'adbe.pkcs7.detached';
const MARGIN = 18;

/**
 * @signpdf/signer-p12's CMS (sha256; contentType, signingTime, messageDigest signed attributes),
 * with the PKCS#12 opened once per identity rather than at every signature (its key derivation
 * is most of a signature's time).
 */
class ParsedP12Signer extends Signer {
  private readonly key: forge.pki.rsa.PrivateKey;
  private readonly certs: forge.pki.Certificate[];
  private readonly cert: forge.pki.Certificate;

  constructor(identity: SigningIdentity) {
    super();
    const { key, certs } = readP12(identity.p12, identity.passphrase);
    const cert = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
    if (!cert) throw new Error('No certificate in the PKCS#12 matches its private key');
    this.key = key;
    this.certs = certs;
    this.cert = cert;
  }

  sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    for (const c of this.certs) p7.addCertificate(c);
    p7.addSigner({
      key: this.key,
      certificate: this.cert,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Promise.resolve(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
  }
}

const signers = new WeakMap<SigningIdentity, ParsedP12Signer>();

function signerFor(identity: SigningIdentity): ParsedP12Signer {
  let signer = signers.get(identity);
  if (!signer) {
    signer = new ParsedP12Signer(identity);
    signers.set(identity, signer);
  }
  return signer;
}

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

async function stampQr(doc: PDFDocument, url: string): Promise<void> {
  const page = doc.getPage(0);
  const qr = await doc.embedPng(
    await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: QR_SIZE * 3 }),
  );
  const { width } = page.getSize();
  const x = width - QR_SIZE - MARGIN;
  page.drawImage(qr, { x, y: MARGIN + 8, width: QR_SIZE, height: QR_SIZE });
  // Standard fonts are WinAnsi: the caption stays ASCII.
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Verify / Xac thuc', { x, y: MARGIN, size: 6, font, color: rgb(0.2, 0.2, 0.2) });
}

/**
 * Stamp the verification QR code on the first page, add a signature placeholder and sign with
 * the agency's PKCS#12: a detached CMS (ETSI.CAdES.detached) over the whole file but the
 * signature itself, which pdfsig and PDF readers check.
 */
export async function signResultPdf(input: Buffer, opts: SignOptions): Promise<Buffer> {
  const doc = await loadPdf(input);
  if (opts.verificationUrl) await stampQr(doc, opts.verificationUrl);

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
  return new SignPdf().sign(withPlaceholder, signerFor(opts.identity), opts.signingTime);
}
