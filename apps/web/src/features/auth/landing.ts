import type { Role } from '@motcua/shared';

/** Who may open the staff desk and the manager's dashboard. */
export const DESK_ROLES = ['RECEPTIONIST', 'OFFICER', 'APPROVER'] as const satisfies readonly Role[];
export const DASHBOARD_ROLES = ['MANAGER', 'ADMIN'] as const satisfies readonly Role[];

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));

/** Only a path of this site, never `//evil.example` or `https://…` (an open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
}

export function mayOpen(path: string, roles: readonly Role[]): boolean {
  if (path === '/staff' || path.startsWith('/staff/')) return hasAny(roles, DESK_ROLES);
  if (path === '/manager' || path.startsWith('/manager/')) return hasAny(roles, DASHBOARD_ROLES);
  return true;
}

/**
 * Where a user goes after logging in: citizens back to where they were (or their
 * account); staff to their desk, managers and admins to the dashboard, unless they
 * were sent to log in from a page of their own area.
 */
export function landingPath(roles: readonly Role[], next?: string | null): string {
  const target = safeNext(next);
  const isStaff = hasAny(roles, DESK_ROLES) || hasAny(roles, DASHBOARD_ROLES);
  if (!isStaff) return target ?? '/account';
  if (target && (target.startsWith('/staff') || target.startsWith('/manager')) && mayOpen(target, roles)) {
    return target;
  }
  return hasAny(roles, DESK_ROLES) ? '/staff' : '/manager';
}
