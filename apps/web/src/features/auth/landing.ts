import { can } from '@motcua/shared/permissions';
import type { Role } from '@motcua/shared/role-list';

/** The staff desk is for those who act on dossiers, the dashboard for those who read the reports. */
const mayDesk = (roles: readonly Role[]) => can({ roles }, 'dossier.act');
const mayDashboard = (roles: readonly Role[]) => can({ roles }, 'report.read');

/**
 * Only a same-origin relative path, never `//evil.example`, `/\\evil`, `https://…` or one with
 * spaces or control characters (an open redirect); never the sign-in pages themselves (a loop).
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\s\u0000-\u001f\u007f]/.test(next)) return null;
  if (/^\/(login|register)(?=$|[/?#])/.test(next)) return null;
  return next;
}

/** A sign-in or sign-up page's address carrying where to return afterwards (`?next=`), when safe. */
export function withNext(page: '/login' | '/register', next: string | null | undefined): string {
  const target = safeNext(next);
  return target ? `${page}?next=${encodeURIComponent(target)}` : page;
}

export function mayOpen(path: string, roles: readonly Role[]): boolean {
  if (path === '/staff' || path.startsWith('/staff/')) return mayDesk(roles);
  if (path === '/manager' || path.startsWith('/manager/')) return mayDashboard(roles);
  return true;
}

/**
 * Where a user goes after logging in: citizens back to where they were (or their
 * account); staff to their desk, managers and admins to the dashboard, unless they
 * were sent to log in from a page of their own area.
 */
export function landingPath(roles: readonly Role[], next?: string | null): string {
  const target = safeNext(next);
  const isStaff = mayDesk(roles) || mayDashboard(roles);
  if (!isStaff) return target ?? '/account';
  if (target && (target.startsWith('/staff') || target.startsWith('/manager')) && mayOpen(target, roles)) {
    return target;
  }
  return mayDesk(roles) ? '/staff' : '/manager';
}
