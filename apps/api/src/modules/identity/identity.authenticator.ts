import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { grantOf, type Permission } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Authenticator, type RequestOrigin } from '../../common/auth/authenticator.js';
import { SecurityEventsService } from './security-events.service.js';
import { PassportService } from './passport.service.js';

/** The AccessGuard's view of the identity module: authenticate bearer tokens (passport 'jwt'), record refusals. */
@Injectable()
export class IdentityAuthenticator extends Authenticator {
  constructor(
    private readonly passport: PassportService,
    private readonly events: SecurityEventsService,
  ) {
    super();
  }

  authenticate(req: Request, res: Response): Promise<AuthUser | null> {
    return this.passport.authenticate<AuthUser>('jwt', req, res);
  }

  async recordForbidden(user: AuthUser, permission: Permission, origin: RequestOrigin): Promise<void> {
    await this.events.record('FORBIDDEN', {
      userId: user.id,
      origin,
      detail: {
        method: origin.method,
        path: origin.path,
        roles: user.roles,
        permission,
        required: grantOf(permission),
      },
    });
  }
}
