import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';
import { AppError } from '../app-error.js';

/**
 * Default deny: every route must declare an access rule (@Public, @Authenticated
 * or @Roles). Authentication of the bearer token is added by the identity module,
 * which sets `request.user`; until then only public routes pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<{ user?: { roles: string[] }; method: string; url: string }>();
    if (!rule) {
      this.logger.error(`Route without an access rule refused: ${req.method} ${req.url}`);
      throw new AppError('FORBIDDEN', 403, 'This route declares no access rule');
    }
    if (rule.kind === 'public') return true;
    if (!req.user) throw new AppError('UNAUTHENTICATED', 401, 'Sign-in required');
    if (rule.kind === 'authenticated') return true;
    if (rule.roles.some((r) => req.user!.roles.includes(r))) return true;
    throw new AppError('FORBIDDEN', 403, 'Your role may not do this');
  }
}
