import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../common/app-error.js';
import { signResultPdf } from './pdf-signer.js';
import { runPdfsig } from './pdfsig.js';
import { flipSignedByte, makePdf } from './results.factories.js';
import { DevPki, type SigningIdentity } from './pki.js';

const VALID = 'Signature Validation: Signature is Valid.';

describe('signResultPdf (detached CMS that pdfsig checks)', () => {
  let dir: string;
  let identity: SigningIdentity;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-pki-'));
    identity = new DevPki(path.join(dir, 'pki'), 'test-passphrase').identity({
      code: 'UBND-HC',
      name: 'UBND phường Hải Châu',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sign = (pdf: Buffer) =>
    signResultPdf(pdf, {
      identity,
      verificationUrl: 'https://motcua.example/verify/abc',
      reason: 'Kết quả giải quyết TTHC',
      location: 'Đà Nẵng',
    });

  it.each([1, 20])('a %i-page PDF is reported valid by pdfsig, signed by the agency certificate', async (pages) => {
    const signed = await sign(await makePdf(pages));
    const report = runPdfsig(signed);
    expect(report).toContain(VALID);
    expect(report).toContain('UBND phường Hải Châu');
    expect(report).toMatch(/Signature Type: adbe\.pkcs7\.detached/);
    expect(report).toMatch(/Total document signed/);
    // The QR code is stamped on the first page and the page count is unchanged.
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getPageCount()).toBe(pages);
  });

  it('one changed byte in the signed range makes pdfsig report the signature invalid', async () => {
    const signed = await sign(await makePdf(1));
    const report = runPdfsig(flipSignedByte(signed));
    expect(report).not.toContain(VALID);
    expect(report).toMatch(/Signature Validation: Digest Mismatch|Signature is Invalid/);
  });

  it('a file that is not a readable PDF is a coded 422', async () => {
    const err = await sign(Buffer.from('%PDF-1.7\nthis is not a pdf at all')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 422, code: 'RESULT_PDF_UNREADABLE' });
  });
});
