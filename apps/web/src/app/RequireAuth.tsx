import { can, type Permission } from '@motcua/shared/permissions';
import { useTranslation } from '../lib/i18n';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { landingPath, withNext } from '../features/auth/landing';
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
    // The hash too: a "result ready" e-mail opens the dossier at its rating section (#danh-gia).
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={withNext('/login', next)} replace />;
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
