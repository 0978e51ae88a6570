import { Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { can, grantOf, isPermission } from '@motcua/shared';
import { declaredAccess } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import { Authenticator, type RequestOrigin } from './authenticator.js';
import { AppError } from '../app-error.js';

/** The bearer token of an `Authorization` header, if it carries one. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

export function requestOrigin(req: Request): RequestOrigin {
  return {
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
    method: req.method,
    path: req.originalUrl.split('?')[0],
  };
}

/**
 * Default deny: every route declares one permission of the shared table (@Access), and the
 * table says who holds it (packages/shared/src/permissions.ts). A bearer token, when present,
 * is authenticated by passport's 'jwt' strategy through the identity module's Authenticator
 * and sets `request.user`. A bad
 * token is 401 on a route that needs a user and ignored on a public one (the caller is
 * then anonymous).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(@Optional() private readonly authenticator?: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declared = declaredAccess(context.getHandler());
    const permission = declared.length === 1 && isPermission(declared[0]) ? declared[0] : null;
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    // AccessRoutesCheck refuses such a route at boot; refused here too, should one slip past it.
    if (!permission) {
      this.logger.error(`Route without an access rule refused: ${req.method} ${req.url}`);
      throw new AppError('FORBIDDEN', 403, 'This route declares no access rule');
    }
    // Whether a token is sent decides between UNAUTHENTICATED and INVALID_TOKEN; the strategy reads it itself.
    const token = bearerToken(req.headers.authorization);
    const user =
      token && this.authenticator ? await this.authenticator.authenticate(req, http.getResponse<Response>()) : null;
    if (user) req.user = user;
    const grant = grantOf(permission);
    if (grant === 'public') return true;
    if (!user) {
      throw token
        ? new AppError('INVALID_TOKEN', 401, 'The access token is invalid or expired')
        : new AppError('UNAUTHENTICATED', 401, 'Sign-in required');
    }
    if (can(user, permission)) return true;
    await this.authenticator?.recordForbidden(user, permission, requestOrigin(req));
    throw new AppError('FORBIDDEN', 403, 'Your role may not do this');
  }
}
