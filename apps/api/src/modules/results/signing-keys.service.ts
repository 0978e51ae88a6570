import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { readOrCreateSecret } from '../../config/secrets.js';
import { agencyFileName, DevPki, signerCertificate, subjectText, type AgencyRef, type SigningIdentity } from './pki.js';
import { ResultError } from './results.errors.js';

/**
 * Where each agency's signing identity comes from: SIGNING_P12_DIR/<agencyCode>.p12 when
 * configured; outside production, the dev PKI in DATA_DIR/pki; in production without the
 * file, SIGNING_KEY_MISSING (503) so nothing is signed, or changed, with a made-up key.
 */
@Injectable()
export class SigningKeys implements OnApplicationBootstrap {
  private readonly logger = new Logger('SigningKeys');
  private readonly cache = new Map<string, SigningIdentity>();
  private devPki: DevPki | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Outside production without configured certificates, the first start makes the dev CA (an
   * agency's certificate is issued the first time it signs); in production, say what is missing.
   */
  onApplicationBootstrap(): void {
    if (this.config.signing) return;
    if (this.config.env === 'production') {
      this.logger.warn('SIGNING_P12_DIR is not set: results cannot be signed (decisions answer 503)');
      return;
    }
    // Test apps make it on first use: most never sign.
    if (this.config.env !== 'test') this.dev().ensureCa();
  }

  private dev(): DevPki {
    this.devPki ??= new DevPki(
      path.join(this.config.dataDir, 'pki'),
      readOrCreateSecret(this.config.dataDir, 'pki-passphrase'),
    );
    return this.devPki;
  }

  forAgency(agency: AgencyRef): SigningIdentity {
    const cached = this.cache.get(agency.code);
    if (cached) return cached;
    const identity = this.load(agency);
    this.cache.set(agency.code, identity);
    return identity;
  }

  private load(agency: AgencyRef): SigningIdentity {
    const { signing } = this.config;
    if (signing) {
      let file: string;
      try {
        file = path.join(signing.p12Dir, agencyFileName(agency.code));
      } catch {
        throw ResultError.signingKeyMissing(agency.code);
      }
      if (!existsSync(file)) throw ResultError.signingKeyMissing(agency.code);
      try {
        const p12 = readFileSync(file);
        const signer = subjectText(signerCertificate(p12, signing.passphrase));
        return { p12, passphrase: signing.passphrase, signer };
      } catch {
        // Unreadable file or wrong passphrase: refuse like a missing key.
        throw ResultError.signingKeyMissing(agency.code);
      }
    }
    if (this.config.env === 'production') throw ResultError.signingKeyMissing(agency.code);
    return this.dev().identity(agency);
  }
}
