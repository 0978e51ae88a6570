import type { Role } from '@motcua/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { landingPath } from '../features/auth/landing';
import { useAuth } from './useAuth';

/**
 * A route that needs a logged-in user, and one of `roles` when given. Anonymous
 * visitors go to the login page, which brings them back here afterwards.
 */
export function RequireAuth({ roles }: { roles?: readonly Role[] }) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !user.roles.some((r) => roles.includes(r))) {
    return (
      <>
        <h1>{t('auth.forbidden.title')}</h1>
        <p>{t('auth.forbidden.body')}</p>
        <p>
          <Link to={landingPath(user.roles)}>{t('auth.forbidden.back')}</Link>
        </p>
      </>
    );
  }
  return <Outlet />;
}
