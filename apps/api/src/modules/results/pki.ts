import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { writeOnce } from '../../config/secrets.js';

/** The signing identity of one agency: a PKCS#12 (key + certificate chain) and its passphrase. */
export interface SigningIdentity {
  p12: Buffer;
  passphrase: string;
  /** The certificate's subject, shown as the result's signer. */
  signer: string;
}

export interface AgencyRef {
  code: string;
  name: string;
}

export const DEV_CA_NAME = 'MotCua Dev CA';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A file name for an agency code: codes are short identifiers, anything else is refused. */
export function agencyFileName(code: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code)) throw new Error(`Bad agency code for a key file: ${code}`);
  return `${code}.p12`;
}

/** RSA 2048 with node's native generator (node-forge's pure-JS one takes seconds). */
function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function serial(): string {
  // Positive 128-bit serial (leading bit cleared).
  const b = randomBytes(16);
  b[0] &= 0x7f;
  return b.toString('hex');
}

function makeCert(
  subject: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  issuer: { subject: forge.pki.CertificateField[]; key: forge.pki.rsa.PrivateKey },
  ca: boolean,
  years: number,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * DAY_MS);
  cert.setSubject(subject);
  cert.setIssuer(issuer.subject);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'extKeyUsage', emailProtection: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(issuer.key, forge['md'].sha256.create());
  return cert;
}

function toP12(
  key: forge.pki.rsa.PrivateKey,
  chain: forge.pki.Certificate[],
  passphrase: string,
  friendlyName: string,
): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, { algorithm: '3des', friendlyName });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** Key and certificate chain of a PKCS#12; throws when the passphrase is wrong or no key is inside. */
export function readP12(
  p12: Buffer,
  passphrase: string,
): { key: forge.pki.rsa.PrivateKey; certs: forge.pki.Certificate[] } {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
    forge.pki.oids.pkcs8ShroudedKeyBag
  ]?.[0];
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  if (!keyBag?.key || certs.length === 0) throw new Error('The PKCS#12 holds no private key and certificate');
  return { key: keyBag.key, certs };
}

/** "CN=…, O=…" of a certificate's subject. */
export function subjectText(cert: forge.pki.Certificate): string {
  return (
    cert.subject.attributes
      .filter((a) => a.shortName === 'CN' || a.shortName === 'O')
      // forge writes UTF8String values UTF-8 encoded but reads them back as bytes.
      .map((a) => {
        const value = String(a.value);
        return `${a.shortName}=${(a.valueTagClass as unknown) === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(value) : value}`;
      })
      .join(', ')
  );
}

/** The certificate a PKCS#12 signs with: the one whose public key matches the private key. */
export function signerCertificate(p12: Buffer, passphrase: string): forge.pki.Certificate {
  const { key, certs } = readP12(p12, passphrase);
  const n = key.n;
  return certs.find((c) => n && (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(n)) ?? certs[0];
}

/**
 * Development PKI in DATA_DIR/pki: "MotCua Dev CA" and one certificate per agency (CN = agency
 * name, O = agency code), made on first use and kept (0600). Never used in production.
 */
export class DevPki {
  constructor(
    private readonly dir: string,
    private readonly passphrase: string,
  ) {}

  private ensureDir(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
  }

  /** Make the CA now if there is none yet (at start outside production). */
  ensureCa(): void {
    this.ca();
  }

  private ca(): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
    this.ensureDir();
    const file = path.join(this.dir, 'dev-ca.p12');
    if (!existsSync(file)) {
      const { privateKey, publicKey } = newKeyPair();
      const subject = [
        { shortName: 'CN', value: DEV_CA_NAME },
        { shortName: 'O', value: 'MotCua' },
      ];
      const cert = makeCert(subject, publicKey, { subject, key: privateKey }, true, 10);
      writeOnce(file, toP12(privateKey, [cert], this.passphrase, DEV_CA_NAME));
    }
    const { key, certs } = readP12(readFileSync(file), this.passphrase);
    return { key, cert: certs[0] };
  }

  identity(agency: AgencyRef): SigningIdentity {
    const file = path.join(this.dir, agencyFileName(agency.code));
    if (!existsSync(file)) {
      const ca = this.ca();
      const { privateKey, publicKey } = newKeyPair();
      const subject = [
        { shortName: 'CN', value: agency.name, valueTagClass: forge.asn1.Type.UTF8 },
        { shortName: 'O', value: agency.code },
      ] as forge.pki.CertificateField[];
      const cert = makeCert(subject, publicKey, { subject: ca.cert.subject.attributes, key: ca.key }, false, 3);
      writeOnce(file, toP12(privateKey, [cert, ca.cert], this.passphrase, agency.code));
    }
    const p12 = readFileSync(file);
    return { p12, passphrase: this.passphrase, signer: subjectText(signerCertificate(p12, this.passphrase)) };
  }

  /** The dev CA's certificate (PEM), to trust it in a PDF reader. */
  caPem(): string {
    return forge.pki.certificateToPem(this.ca().cert);
  }
}
