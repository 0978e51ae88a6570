import type { Permission } from '@motcua/shared';

export const ACCESS_KEY = 'motcua:access';

/**
 * The permission a route requires, from the shared table (packages/shared/src/permissions.ts).
 * Every route declares exactly one: the metadata is a list so that a second `@Access` is seen,
 * and AccessRoutesCheck refuses to boot an app with a route declaring none or two.
 */
export function Access(permission: Permission): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const declared = (Reflect.getMetadata(ACCESS_KEY, handler) as Permission[] | undefined) ?? [];
    Reflect.defineMetadata(ACCESS_KEY, [...declared, permission], handler);
    return descriptor;
  };
}

/** The permissions a route handler declares (exactly one in an app that booted). */
export function declaredAccess(handler: object): Permission[] {
  return (Reflect.getMetadata(ACCESS_KEY, handler) as Permission[] | undefined) ?? [];
}
