import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { IdentityError } from './identity.errors.js';
import { checkLoginBody } from './local.strategy.js';
import { PassportService } from './passport.service.js';

/**
 * Authenticates POST /auth/login with passport's 'local' strategy and sets `request.user`
 * (read by @CurrentUser()). Runs after the global AccessGuard, which lets the public route
 * through.
 */
@Injectable()
export class LocalAuthGuard implements CanActivate {
  constructor(private readonly passport: PassportService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    const user = await this.passport.authenticate<AuthUser>('local', req, http.getResponse<Response>());
    if (!user) {
      // passport-local refuses a missing or empty field before validate() runs: answer the
      // same 400 naming the fields. Its refusals always fail the schema; the 401 is a safeguard.
      checkLoginBody(req.body);
      throw IdentityError.invalidCredentials();
    }
    req.user = user;
    return true;
  }
}
