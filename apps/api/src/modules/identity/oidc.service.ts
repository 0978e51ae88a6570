import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { isCalendarDate, NATIONAL_ID_PATTERN } from '@motcua/shared';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuthService } from './auth.service.js';
import { IdentityError } from './identity.errors.js';
import { OidcLoginsRepository } from './oidc-logins.repository.js';
import { SecurityEventsService } from './security-events.service.js';
import { UsersService, type DigitalIdentity } from './users.service.js';

/** A login round trip must come back within this time. */
const OIDC_LOGIN_TTL_MS = 10 * 60_000;
const SCOPE = 'openid profile';

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** `2`, `"2"`, `"urn:…:loa:2"`, `"http://…/LoA2"` → 2. */
export function parseAssuranceLevel(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v !== 'string') return null;
  const m = /(\d+)\s*$/.exec(v);
  return m ? Number(m[1]) : null;
}

/**
 * The citizen a provider's claims describe: the national ID (`SoDinhDanh`, or
 * `national_id`), name, birth date and assurance level (`acr`, `LoA`, `assurance_level`).
 */
export function digitalIdentityFromClaims(claims: Record<string, unknown>): DigitalIdentity | null {
  const sub = text(claims.sub);
  const nationalId = text(claims.SoDinhDanh) ?? text(claims.national_id);
  if (!sub || !nationalId || !NATIONAL_ID_PATTERN.test(nationalId)) return null;
  const birthdate = text(claims.birthdate);
  return {
    sub,
    nationalId,
    fullName: text(claims.name),
    dateOfBirth: birthdate && isCalendarDate(birthdate) ? birthdate : null,
    assuranceLevel:
      parseAssuranceLevel(claims.acr) ?? parseAssuranceLevel(claims.LoA) ?? parseAssuranceLevel(claims.assurance_level),
  };
}

class OidcLoginFailure extends Error {}

/**
 * Digital-citizen login: OpenID Connect authorization code flow with PKCE. The state,
 * PKCE verifier and nonce of a login under way are in the database, so the callback
 * may reach another API process than the login did.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logins: OidcLoginsRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly events: SecurityEventsService,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/api/v1/auth/oidc/callback`;
  }

  /** Discovered once per process; a failed discovery is retried on the next login. */
  private client(): Promise<oidc.Configuration> {
    const settings = this.config.oidc;
    if (!settings) throw IdentityError.oidcNotConfigured();
    this.configuration ??= (async () => {
      const issuer = new URL(settings.issuer);
      // Plain http is only for a local provider (tests, demos); the national SSO is https.
      const options = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
      return oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
    })();
    return this.configuration.catch((e: unknown) => {
      this.configuration = undefined;
      throw e;
    });
  }

  /** The provider's authorization URL for a new login. */
  async authorizationUrl(): Promise<string> {
    if (!this.enabled) throw IdentityError.oidcNotConfigured();
    const client = await this.client();
    const now = this.clock.now();
    const state = oidc.randomState();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    await this.logins.deleteCreatedBefore(new Date(now.getTime() - OIDC_LOGIN_TTL_MS));
    await this.logins.insert({ state, codeVerifier, nonce, createdAt: now });
    return oidc
      .buildAuthorizationUrl(client, {
        redirect_uri: this.redirectUri,
        scope: SCOPE,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /**
   * Finish a login: exchange the code, read the claims, link or create the citizen,
   * and send the browser to the web app with the tokens in the URL fragment (never sent
   * to a server). Any failure sends it to the login page with `error=oidc`.
   */
  async callback(query: string, origin: RequestOrigin): Promise<string> {
    if (!this.enabled) throw IdentityError.oidcNotConfigured();
    try {
      const identity = await this.identityFrom(query);
      const user = await this.users.signInWithDigitalId(identity);
      const session = await this.auth.startSession(user, 'oidc');
      await this.events.record('LOGIN_SUCCESS', {
        userId: user.id,
        username: user.username,
        origin,
        detail: { method: 'oidc', assuranceLevel: identity.assuranceLevel },
      });
      const fragment = new URLSearchParams({
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        expiresIn: String(session.expiresIn),
      });
      return `${this.config.publicUrl}/login/callback#${fragment.toString()}`;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.logger.warn(`Digital-ID login failed: ${reason}`);
      await this.events.record('OIDC_LOGIN_FAILURE', { origin, detail: { reason } });
      return `${this.config.publicUrl}/login?error=oidc`;
    }
  }

  private async identityFrom(query: string): Promise<DigitalIdentity> {
    const client = await this.client();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    const pending = state ? await this.logins.take(state) : null;
    if (!pending) throw new OidcLoginFailure('unknown or already used state');
    if (pending.createdAt.getTime() < this.clock.now().getTime() - OIDC_LOGIN_TTL_MS) {
      throw new OidcLoginFailure('login took too long');
    }
    const tokens = await oidc.authorizationCodeGrant(client, new URL(`${this.redirectUri}?${params.toString()}`), {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcLoginFailure('no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    // Providers that conform ID token claims put the profile in userinfo only.
    if (client.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
    const identity = digitalIdentityFromClaims(claims);
    if (!identity) throw new OidcLoginFailure('no valid national ID claim');
    return identity;
  }
}
