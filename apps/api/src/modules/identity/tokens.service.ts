import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { Role, TokenPair } from '@motcua/shared';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionsService } from './sessions.service.js';
import type { AppUser } from './user.entity.js';

/** Access tokens live 15 minutes (issue 3); refresh tokens 14 days, renewed on each rotation. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 14 * 24 * 3600_000;

/** Only HS256 is signed and accepted (JwtStrategy): `alg: none` and algorithm-confusion tokens fail. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** The claims of an access token besides iat and exp (JwtStrategy.validate checks them back). */
interface AccessClaims {
  sub: string;
  /** The session (auth_session.id) the token belongs to: refused once it is revoked. */
  sid: string;
  roles: Role[];
  agencyCode: string | null;
  name: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type RotationResult =
  | { kind: 'rotated'; userId: string; familyId: string }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' };

/** Signs access tokens (JwtStrategy verifies them); issues, rotates and revokes refresh tokens. */
@Injectable()
export class TokensService {
  private readonly jwt = new JwtService();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly sessions: SessionsService,
  ) {}

  /** Issue and expiry come from the Clock, so tests can move time past a token's life. */
  signAccessToken(user: Pick<AppUser, 'id' | 'roles' | 'agencyCode' | 'fullName'>, sessionId: string): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessClaims & { iat: number; exp: number } = {
      sub: user.id,
      sid: sessionId,
      roles: user.roles,
      agencyCode: user.agencyCode,
      name: user.fullName,
      iat,
      exp: iat + ACCESS_TOKEN_TTL_SECONDS,
    };
    return this.jwt.sign(claims, { secret: this.config.jwtSecret, algorithm: ACCESS_TOKEN_ALGORITHM });
  }

  /** A new access token and a refresh token of a session (its refresh-token family has the session's id). */
  async issuePair(
    user: Pick<AppUser, 'id' | 'roles' | 'agencyCode' | 'fullName'>,
    familyId: string,
    m?: EntityManager,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.refreshTokens.insert(
      {
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        userId: user.id,
        expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
        usedAt: null,
        revokedAt: null,
        createdAt: now,
      },
      m,
    );
    return { accessToken: this.signAccessToken(user, familyId), refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /**
   * Spend a refresh token. A token already spent is a sign that it was stolen: its
   * whole family is revoked (committed even though the caller then answers 401).
   */
  async spendRefreshToken(refreshToken: string, m: EntityManager): Promise<RotationResult> {
    const now = this.clock.now();
    const row = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(refreshToken), m);
    if (!row || row.revokedAt) return { kind: 'invalid' };
    if (row.usedAt) {
      // The session itself ends: its access tokens are refused too.
      await this.sessions.revoke(row.familyId, 'token_reuse', m);
      return { kind: 'reused', userId: row.userId, familyId: row.familyId };
    }
    if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid' };
    await this.refreshTokens.markUsed(row.id, now, m);
    return { kind: 'rotated', userId: row.userId, familyId: row.familyId };
  }

  /** End the session of a refresh token (logout): its refresh and access tokens; unknown tokens are ignored. */
  async revokeSessionOf(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (row) await this.sessions.revoke(row.familyId, 'logout');
  }
}
