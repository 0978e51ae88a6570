import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ExtractJwt, Strategy, type VerifiedCallback } from 'passport-jwt';
import { ROLES, type Role } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SessionsService } from './sessions.service.js';
import { ACCESS_TOKEN_ALGORITHM } from './tokens.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Passport's 'jwt' strategy: the bearer access token of the `Authorization` header,
 * signed with the app's secret in HS256 only (`alg: none`, another algorithm or another
 * secret fail). The AccessGuard runs it through PassportService.
 */
@Injectable()
export class JwtStrategy extends Strategy {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
  ) {
    super(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        // A KeyObject made once: given the string, jsonwebtoken tried createPublicKey on it every request (~11 % of a submit's CPU).
        // passport-jwt's types say string | Buffer; it hands the key to jsonwebtoken, which takes a KeyObject.
        secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        // passport-jwt fixes its verify options at construction, so it could only compare `exp` with the
        // system time: validate() checks it against the injected Clock instead (tests move a FixedClock).
        ignoreExpiration: true,
      },
      // passport calls this on a copy of the strategy (Object.create), so `this` reaches validate().
      function (this: JwtStrategy, payload: unknown, done: VerifiedCallback) {
        const user = this.validate(payload);
        if (!user) return done(null, false);
        // A well-signed token of an ended session (logout, password change, disabled account) is refused.
        this.sessions.isActive(user.sessionId!, user.id).then(
          (active) => done(null, active ? user : false),
          (e: unknown) => done(e),
        );
      },
    );
  }

  /** The caller a correctly signed token stands for; null (a 401) when it has expired or its claims are malformed. */
  validate(payload: unknown): AuthUser | null {
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, sid, roles, agencyCode, name, exp } = payload as Record<string, unknown>;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (typeof exp !== 'number' || exp <= now) return null;
    if (typeof sub !== 'string' || typeof name !== 'string') return null;
    // Tokens name their session (issue 12); one without is refused rather than trusted for its life.
    if (typeof sid !== 'string' || !UUID.test(sid)) return null;
    if (!Array.isArray(roles) || !roles.every((r) => (ROLES as readonly unknown[]).includes(r))) return null;
    if (agencyCode !== null && typeof agencyCode !== 'string') return null;
    return { id: sub, fullName: name, roles: roles as Role[], agencyCode, sessionId: sid };
  }
}
