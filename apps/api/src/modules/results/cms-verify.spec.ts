import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { checkPdfSignature, fromDerPrefix } from './cms-verify.js';
import { signResultPdf } from './pdf-signer.js';
import { DevPki, subjectText } from './pki.js';
import { flipSignedByte, makePdf, RESULT_PDF } from './results.factories.js';

describe('checkPdfSignature (our own CMS check, for POST /verify)', () => {
  let dir: string;
  let signed: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-pki-'));
    const identity = new DevPki(path.join(dir, 'pki'), 'pw').identity({
      code: 'UBND-TK',
      name: 'UBND phường Thanh Khê',
    });
    signed = await signResultPdf(await makePdf(3), {
      identity,
      verificationUrl: 'https://motcua.example/verify/x',
      reason: 'test',
      location: 'Đà Nẵng',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the signed file and names the agency certificate', () => {
    const check = checkPdfSignature(signed);
    expect(check.ok).toBe(true);
    if (check.ok) expect(subjectText(check.signerCertificate)).toBe('CN=UBND phường Thanh Khê, O=UBND-TK');
  });

  it('refuses one changed byte in the signed range', () => {
    expect(checkPdfSignature(flipSignedByte(signed))).toEqual({ ok: false, reason: 'DIGEST_MISMATCH' });
  });

  it('refuses one changed byte of the signature value', () => {
    const at = signed.lastIndexOf('/ByteRange');
    const b = Number(/\[\s*\d+\s+(\d+)/.exec(signed.subarray(at, at + 60).toString('latin1'))![1]);
    const hexStart = b + 1;
    const der = Buffer.from(signed.subarray(hexStart, signed.indexOf('>', hexStart)).toString('latin1'), 'hex');
    const p7 = forge.pkcs7.messageFromAsn1(fromDerPrefix(der)) as unknown as {
      rawCapture: { signature: string };
    };
    const sigAt = der.indexOf(Buffer.from(p7.rawCapture.signature, 'binary'));
    expect(sigAt).toBeGreaterThan(0);
    const copy = Buffer.from(signed);
    const i = hexStart + 2 * (sigAt + 10);
    copy[i] = copy[i] === 0x30 ? 0x31 : 0x30;
    expect(checkPdfSignature(copy)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
  });

  it('refuses a byte appended after the signed range, and an unsigned PDF', () => {
    expect(checkPdfSignature(Buffer.concat([signed, Buffer.from('\n')]))).toEqual({
      ok: false,
      reason: 'BYTE_RANGE_INCOMPLETE',
    });
    expect(checkPdfSignature(RESULT_PDF)).toEqual({ ok: false, reason: 'NO_SIGNATURE' });
  });
});
