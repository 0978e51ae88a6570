import type { Request, Response } from 'express';
import type { Permission } from '@motcua/shared';
import type { AuthUser } from './auth-user.js';

/** Who called and from where, for security events. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  method: string;
  path: string;
}

/**
 * What the AccessGuard needs from the identity module, declared here so that common/
 * does not depend on a module: the identity module provides it.
 */
export abstract class Authenticator {
  /**
   * The user the request's bearer token stands for, authenticated by passport's 'jwt'
   * strategy; null when the token is bad (tampered, expired, wrong algorithm).
   */
  abstract authenticate(req: Request, res: Response): Promise<AuthUser | null>;
  /** Record a refused access (403) as a security event. */
  abstract recordForbidden(user: AuthUser, permission: Permission, origin: RequestOrigin): Promise<void>;
}
