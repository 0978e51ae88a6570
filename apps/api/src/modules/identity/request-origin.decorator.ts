import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestOrigin } from '../../common/auth/access.guard.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';

/** The caller's address, user agent, method and path, for security events. */
export const Origin = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestOrigin =>
  requestOrigin(ctx.switchToHttp().getRequest<Request>()),
);
