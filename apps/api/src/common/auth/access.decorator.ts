import { SetMetadata } from '@nestjs/common';
import type { Role } from '@motcua/shared';

export const ACCESS_KEY = 'motcua:access';

/** The access rule a route declares. Default deny: a route without one is refused. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user. */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);
/** Signed-in users holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);
