import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { Clock } from '../../common/clock.js';
import type { SecurityEventType } from './security-event.entity.js';
import { SecurityEventsRepository } from './security-events.repository.js';

export interface SecurityEventInput {
  userId?: string | null;
  username?: string | null;
  origin?: Pick<RequestOrigin, 'ip' | 'userAgent'> | null;
  detail?: Record<string, unknown>;
}

const WARNINGS: ReadonlySet<SecurityEventType> = new Set([
  'LOGIN_LOCKOUT',
  'TOKEN_REUSE',
  'FORBIDDEN',
  'OIDC_LOGIN_FAILURE',
  'IDENTITY_TAKEOVER',
]);

/** Security events: written to `security_event` and to the log, with who, what, when and from where. */
@Injectable()
export class SecurityEventsService {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly events: SecurityEventsRepository,
    private readonly clock: Clock,
  ) {}

  async record(type: SecurityEventType, input: SecurityEventInput, m?: EntityManager): Promise<void> {
    const at = this.clock.now();
    const event = {
      type,
      userId: input.userId ?? null,
      username: input.username ?? null,
      ip: input.origin?.ip ?? null,
      userAgent: input.origin?.userAgent ?? null,
      detail: input.detail ?? {},
      at,
    };
    await this.events.insert(event, m);
    const line =
      `${type} user=${event.userId ?? '-'} username=${event.username ?? '-'} ip=${event.ip ?? '-'} ` +
      `at=${at.toISOString()} ua=${JSON.stringify(event.userAgent ?? '')} detail=${JSON.stringify(event.detail)}`;
    if (WARNINGS.has(type)) this.logger.warn(line);
    else this.logger.log(line);
  }
}
