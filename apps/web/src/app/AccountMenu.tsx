import { can } from '@motcua/shared/permissions';
import { useTranslation } from '../lib/i18n';
import { Link, useLocation } from 'react-router';
import { landingPath, withNext } from '../features/auth/landing';
import { useLogout, useLogoutOnArrival } from '../features/auth/useLogout';
import { useAuth } from './useAuth';

/** The header's "Log in", or the user's name (to their page) and "Log out". */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const logout = useLogout();
  // Signing in from the header returns to the page it was clicked on (the home page needs no `next`).
  const location = useLocation();
  useLogoutOnArrival();
  if (!user) {
    return (
      <Link
        to={withNext('/login', location.pathname === '/' ? null : `${location.pathname}${location.search}`)}
        className="header__link"
      >
        {t('auth.logIn')}
      </Link>
    );
  }
  const home = can(user, 'dossier.own') ? '/account' : landingPath(user.roles);
  return (
    <>
      <Link to={home} className="header__link header__user" aria-label={t('auth.account', { name: user.fullName })}>
        {user.fullName}
      </Link>
      <button type="button" className="header__lang" onClick={logout}>
        {t('auth.logout')}
      </button>
    </>
  );
}
