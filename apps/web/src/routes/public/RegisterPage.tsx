import { useTranslation } from '../../lib/i18n';
import { Link, useSearchParams } from 'react-router';
import { withNext } from '../../features/auth/landing';
import { RegisterForm } from '../../features/auth/RegisterForm';
import { PrivacyNotice } from '../../features/help/PrivacyNotice';

export function RegisterPage() {
  const { t } = useTranslation();
  // Where the citizen was going when asked to sign in (e.g. the apply flow): back there afterwards.
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <div className="narrow">
      <h1>{t('auth.register.title')}</h1>
      <p className="lead">{t('auth.register.lead')}</p>
      <RegisterForm next={next} />
      <PrivacyNotice context="register" />
      <p>
        {t('auth.register.haveAccount')} <Link to={withNext('/login', next)}>{t('auth.register.loginLink')}</Link>
      </p>
    </div>
  );
}
