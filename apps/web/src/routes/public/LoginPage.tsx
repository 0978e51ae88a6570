import { useTranslation } from '../../lib/i18n';
import { Link, useSearchParams } from 'react-router';
import { ErrorPrefix } from '../../components/ui';
import { LoginForm } from '../../features/auth/LoginForm';
import { withNext } from '../../features/auth/landing';
import { OidcLogin } from '../../features/auth/OidcLogin';
import { useAuthProviders } from '../../features/auth/useAuthProviders';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = params.get('next');
  const oidc = useAuthProviders().data?.oidc ?? false;
  return (
    <div className="narrow">
      <h1>{t('auth.login.title')}</h1>
      <p className="lead">{t('auth.login.lead')}</p>
      {params.get('error') === 'oidc' ? (
        <div className="error-summary" role="alert">
          <p className="error-summary__text">
            <ErrorPrefix />
            {t('auth.login.oidcFailed')}
          </p>
        </div>
      ) : null}
      <OidcLogin next={next} />
      {oidc ? <h2>{t('auth.login.passwordTitle')}</h2> : null}
      <LoginForm next={next} />
      <p>
        {t('auth.login.noAccount')} <Link to={withNext('/register', next)}>{t('auth.login.registerLink')}</Link>
      </p>
    </div>
  );
}
