import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';

/** The ASN.1 value at the start of `der`, ignoring what follows (node-forge's typings lack the option). */
export function fromDerPrefix(der: Buffer): forge.asn1.Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (
    bytes: string,
    options: { parseAllBytes: boolean },
  ) => forge.asn1.Asn1;
  return fromDer(der.toString('binary'), { parseAllBytes: false });
}

export type SignatureCheck =
  | { ok: true; signerCertificate: forge.pki.Certificate }
  | { ok: false; reason: 'NO_SIGNATURE' | 'BYTE_RANGE_INCOMPLETE' | 'SIGNATURE_INVALID' | 'DIGEST_MISMATCH' };

const DIGESTS: Record<string, string> = {
  [forge.pki.oids.sha256]: 'sha256',
  [forge.pki.oids.sha384]: 'sha384',
  [forge.pki.oids.sha512]: 'sha512',
};

/**
 * Check a PDF's (one) detached CMS signature the way a reader does, without trusting the
 * signer's chain: the byte range covers the whole file but the signature hole; the signed
 * attributes' messageDigest equals the digest of those bytes; the signature over the signed
 * attributes verifies with a certificate the CMS carries. Anything malformed is "invalid".
 */
export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  const at = pdf.lastIndexOf('/ByteRange');
  if (at < 0) return { ok: false, reason: 'NO_SIGNATURE' };
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    pdf.subarray(at, at + 100).toString('latin1'),
  );
  if (!m) return { ok: false, reason: 'NO_SIGNATURE' };
  const [a, b, c, d] = m.slice(1).map(Number);
  // The whole file is signed but the <hex> of the signature itself.
  if (a !== 0 || c <= b || c + d !== pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    return { ok: false, reason: 'BYTE_RANGE_INCOMPLETE' };
  }
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { ok: false, reason: 'SIGNATURE_INVALID' };
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  try {
    const der = Buffer.from(hex, 'hex');
    const asn1 = fromDerPrefix(der); // the hole is padded with zeros
    const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string; digestAlgorithm: string };
    };
    const raw = p7.rawCapture;
    const attrs = raw.authenticatedAttributes;
    if (!attrs?.length) return { ok: false, reason: 'SIGNATURE_INVALID' };
    const digestName = DIGESTS[forge.asn1.derToOid(raw.digestAlgorithm)];
    if (!digestName) return { ok: false, reason: 'SIGNATURE_INVALID' };
    let messageDigest: string | null = null;
    for (const attr of attrs) {
      const [oid, values] = attr.value as forge.asn1.Asn1[];
      if (forge.asn1.derToOid(oid.value as string) === forge.pki.oids.messageDigest) {
        messageDigest = ((values.value as forge.asn1.Asn1[])[0].value as string) ?? null;
      }
    }
    const actual = createHash(digestName).update(signedBytes).digest('binary');
    if (messageDigest === null || messageDigest !== actual) return { ok: false, reason: 'DIGEST_MISMATCH' };
    // The signature is over the DER of the attributes as a SET (RFC 5652, 5.4).
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const signedAttrs = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const signature = Buffer.from(raw.signature, 'binary');
    for (const cert of p7.certificates) {
      const key = createPublicKey(forge.pki.publicKeyToPem(cert.publicKey));
      if (verifySignature(digestName, signedAttrs, key, signature)) return { ok: true, signerCertificate: cert };
    }
    return { ok: false, reason: 'SIGNATURE_INVALID' };
  } catch {
    return { ok: false, reason: 'SIGNATURE_INVALID' };
  }
}
