import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { loginSchema, type LoginRequest } from '@motcua/shared';
import { requestOrigin } from '../../common/auth/access.guard.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { AuthService } from './auth.service.js';
import { toUserSummary } from './users.service.js';

const loginBody = new ZodPipe(loginSchema);

/** The body of POST /auth/login, or a 400 naming every bad, missing or unknown field. */
export function checkLoginBody(body: unknown): LoginRequest {
  return loginBody.transform(body);
}

/**
 * Passport's 'local' strategy, for POST /auth/login (LocalAuthGuard): a username (a
 * citizen's national ID) and a password.
 */
@Injectable()
export class LocalStrategy extends Strategy {
  constructor(private readonly auth: AuthService) {
    super(
      { usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false },
      // passport calls this on a copy of the strategy (Object.create), so `this` reaches validate().
      function (this: LocalStrategy, req: Request, _username: string, _password: string, done) {
        this.validate(req).then(
          (user) => done(null, user),
          (e: unknown) => done(e),
        );
      },
    );
  }

  /**
   * The body first goes through the shared schema (400 naming the fields, unknown ones
   * refused, like every other route), then AuthService checks the credentials: 429 with
   * Retry-After when throttled, one 401 for an unknown user and a wrong password, and the
   * security events. The credentials are read from the checked body, not from
   * passport-local's lookup, which would also take them from the query string.
   */
  async validate(req: Request): Promise<AuthUser> {
    const body = checkLoginBody(req.body);
    const user = await this.auth.checkCredentials(body, requestOrigin(req));
    return toUserSummary(user);
  }
}
