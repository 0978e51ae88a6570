import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoginRequest, LoginResponse, UserDto } from '@motcua/shared';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { IdentityError } from './identity.errors.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { SecurityEventsService } from './security-events.service.js';
import type { SessionMethod } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { TokensService } from './tokens.service.js';
import type { AppUser } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { toUserDto, toUserSummary } from './users.service.js';

/** Log in, refresh, log out, who am I. */
@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottleService,
    private readonly events: SecurityEventsService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Check a login's credentials (passport's local strategy calls this; the controller then
   * starts the session). A citizen logs in with their national ID, staff with their
   * username. An unknown user and a wrong password get the same answer after the same
   * work (a hash is verified either way), so the answer does not tell whether an account
   * exists.
   */
  async checkCredentials(dto: LoginRequest, origin: RequestOrigin): Promise<AppUser> {
    const username = dto.username.trim().toLowerCase();
    const reservation = await this.throttle.reserve(username, origin.ip);
    const user = await this.users.findByUsername(username);
    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok || user.disabledAt) {
      await this.events.record('LOGIN_FAILURE', {
        userId: user?.id,
        username,
        origin,
        detail: {
          reason: !user ? 'unknown_user' : !user.passwordHash ? 'no_password' : !ok ? 'wrong_password' : 'disabled',
        },
      });
      if (reservation.locksOnFailure) {
        await this.events.record('LOGIN_LOCKOUT', { userId: user?.id, username, origin, detail: { key: username } });
      }
      // A disabled account is told so only to someone who knows its password.
      throw user?.disabledAt && ok ? IdentityError.accountDisabled() : IdentityError.invalidCredentials();
    }
    await this.throttle.succeeded(reservation);
    await this.events.record('LOGIN_SUCCESS', { userId: user.id, username, origin, detail: { method: 'password' } });
    return user;
  }

  /** A new session (a row every access token names) and its first token pair. */
  async startSession(
    user: Pick<AppUser, 'id' | 'fullName' | 'roles' | 'agencyCode'>,
    method: SessionMethod = 'password',
  ): Promise<LoginResponse> {
    const sessionId = await this.sessions.start(user.id, method);
    const pair = await this.tokens.issuePair(user, sessionId);
    return { ...pair, user: toUserSummary(user) };
  }

  /** Rotate a refresh token. A spent one revokes its whole family and is a security event. */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<LoginResponse> {
    const outcome = await this.ds.transaction(async (m) => {
      const spent = await this.tokens.spendRefreshToken(refreshToken, m);
      if (spent.kind !== 'rotated') return spent;
      const user = await this.users.findById(spent.userId, m);
      if (!user || user.disabledAt) return { kind: 'invalid' as const };
      const pair = await this.tokens.issuePair(user, spent.familyId, m);
      return { kind: 'ok' as const, response: { ...pair, user: toUserSummary(user) } };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.response;
      case 'reused':
        await this.events.record('TOKEN_REUSE', {
          userId: outcome.userId,
          origin,
          detail: { familyId: outcome.familyId, action: 'family revoked' },
        });
        throw IdentityError.invalidRefreshToken();
      case 'invalid':
        throw IdentityError.invalidRefreshToken();
    }
  }

  /** The session of the refresh token ends: its access tokens are refused from now on. */
  async logout(refreshToken: string): Promise<void> {
    await this.tokens.revokeSessionOf(refreshToken);
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.users.findById(userId);
    // A valid token of a user who no longer exists is a bad credential.
    if (!user) throw IdentityError.userGone();
    return toUserDto(user);
  }
}
