import { can } from '@motcua/shared/permissions';
import { lazy, Suspense } from 'react';
import { useTranslation } from '../lib/i18n';
import { Link, NavLink, Outlet } from 'react-router';
import { AccountMenu } from './AccountMenu';
import { setLanguage } from './i18n';
import { useAuth } from './useAuth';

/** The bell's box (header__bell's 44 × 44 px) while its code loads, so the header does not move. */
function BellPlaceholder() {
  return <span className="header__link header__bell" aria-hidden="true" />;
}

/**
 * Only signed-in users see the bell: its code (and react-query's infinite query and mutation, for
 * the inbox) stays out of every visitor's shell (issue 16, the front end's budget). A chunk that
 * fails to load leaves the empty box rather than breaking the whole layout.
 */
const NotificationBell = lazy(() =>
  import('../features/notifications/NotificationBell').then(
    (m) => ({ default: m.NotificationBell }),
    () => ({ default: BellPlaceholder }),
  ),
);

export function Layout() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="container header__inner">
          <Link to="/" className="header__brand">
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
              <rect width="32" height="32" rx="6" fill="#fff" />
              <path d="M8 22V10h4l4 7 4-7h4v12h-3.5v-6.5L16 21l-4.5-5.5V22z" fill="#0b4f8a" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <div className="header__tools">
            {user ? (
              <Suspense fallback={<BellPlaceholder />}>
                <NotificationBell />
              </Suspense>
            ) : null}
            <AccountMenu />
            <button
              type="button"
              className="header__lang"
              lang={other}
              aria-label={t('app.switchToLabel')}
              onClick={() => setLanguage(other)}
            >
              {t('app.switchTo')}
            </button>
          </div>
        </div>
        <nav className="container nav" aria-label={t('app.mainNav')}>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/procedures">{t('nav.procedures')}</NavLink>
          <NavLink to="/track">{t('nav.tracking')}</NavLink>
          {!user || can(user, 'dossier.own') ? <NavLink to="/dossiers">{t('nav.myDossiers')}</NavLink> : null}
        </nav>
      </header>
      <main id="main-content" className="container main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <div className="container footer__inner">
          <p>{t('app.footer')}</p>
          <nav aria-label={t('app.footerNav')}>
            <ul className="footer__links">
              <li>
                <Link to="/tro-giup">{t('app.footerHelp')}</Link>
              </li>
              <li>
                <Link to="/quyen-rieng-tu">{t('app.footerPrivacy')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
