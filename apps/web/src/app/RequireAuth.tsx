import { can, type Permission } from '@motcua/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { landingPath } from '../features/auth/landing';
import { useAuth } from './useAuth';

/**
 * A route that needs a logged-in user holding `permission` (shared permission table;
 * default: any signed-in user). Anonymous visitors go to the login page, which brings
 * them back here afterwards.
 */
export function RequireAuth({ permission = 'authenticated' }: { permission?: Permission }) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!user) {
    // The hash too: a link to a section (e.g. the rating, `#danh-gia`) lands there after signing in.
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!can(user, permission)) {
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
