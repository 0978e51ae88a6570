import { can, type Role } from '@motcua/shared';

/** The staff desk is for those who act on dossiers, the dashboard for those who read the reports. */
const mayDesk = (roles: readonly Role[]) => can({ roles }, 'dossier.act');
const mayDashboard = (roles: readonly Role[]) => can({ roles }, 'report.read');

/** Only a path of this site, never `//evil.example` or `https://…` (an open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
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
