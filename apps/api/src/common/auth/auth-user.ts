import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@motcua/shared';

/** The signed-in caller, set on `request.user` by passport's strategies ('jwt', 'local' at login). */
export interface AuthUser {
  id: string;
  fullName: string;
  roles: Role[];
  /** The staff member's agency; null for citizens and for an admin without one. */
  agencyCode: string | null;
  /** The session the access token names (identity's auth_session); absent for a login being checked. */
  sessionId?: string;
}

/** The caller of a route whose permission needs a signed-in user (@Access, permissions.ts). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on a route without authentication');
  return req.user;
});
