import { Injectable } from '@nestjs/common';
import type { AccessRule } from '../../common/auth/access.decorator.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Authenticator, type RequestOrigin } from '../../common/auth/authenticator.js';
import { SecurityEventsService } from './security-events.service.js';
import { TokensService } from './tokens.service.js';

/** The AccessGuard's view of the identity module: verify bearer tokens, record refusals. */
@Injectable()
export class IdentityAuthenticator extends Authenticator {
  constructor(
    private readonly tokens: TokensService,
    private readonly events: SecurityEventsService,
  ) {
    super();
  }

  verifyAccessToken(token: string): AuthUser | null {
    return this.tokens.verifyAccessToken(token);
  }

  async recordForbidden(user: AuthUser, rule: AccessRule, origin: RequestOrigin): Promise<void> {
    await this.events.record('FORBIDDEN', {
      userId: user.id,
      origin,
      detail: {
        method: origin.method,
        path: origin.path,
        roles: user.roles,
        required: rule.kind === 'roles' ? rule.roles : rule.kind,
      },
    });
  }
}
