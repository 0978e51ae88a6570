import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { landingPath } from '../../features/auth/landing';
import { OIDC_NEXT_KEY } from '../../features/auth/OidcLogin';
import { ErrorMessage, Loading } from '../../components/ui';
import { problemText } from '../../lib/errorText';

function takeNext(): string | null {
  try {
    const next = sessionStorage.getItem(OIDC_NEXT_KEY);
    sessionStorage.removeItem(OIDC_NEXT_KEY);
    return next;
  } catch {
    return null;
  }
}

/**
 * Where the digital-citizen login hands back its tokens, in the fragment (never sent to
 * a server, nor kept in logs): store them, forget the fragment, go on as after a login.
 */
export function LoginCallbackPage() {
  const { t } = useTranslation();
  const { completeOidcLogin } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const accessToken = fragment.get('accessToken');
    const refreshToken = fragment.get('refreshToken');
    const expiresIn = Number(fragment.get('expiresIn') ?? 900);
    // The tokens leave the address bar (and the history entry) at once.
    void navigate(location.pathname, { replace: true });
    if (!accessToken || !refreshToken) {
      void navigate('/login?error=oidc', { replace: true });
      return;
    }
    completeOidcLogin({ accessToken, refreshToken, expiresIn })
      .then((user) => navigate(landingPath(user.roles, takeNext()), { replace: true }))
      .catch(setError);
  }, [completeOidcLogin, location.hash, location.pathname, navigate]);

  if (error) {
    return (
      <>
        <h1>{t('auth.callback.failedTitle')}</h1>
        <ErrorMessage alert error={problemText(t, error)} />
        <p>
          <Link to="/login">{t('auth.callback.back')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('auth.callback.title')}</h1>
      <Loading />
    </>
  );
}
