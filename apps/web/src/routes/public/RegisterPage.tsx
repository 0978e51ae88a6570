import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterForm } from '../../features/auth/RegisterForm';
import { PrivacyNotice } from '../../features/help/PrivacyNotice';

export function RegisterPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('auth.register.title')}</h1>
      <p className="lead">{t('auth.register.lead')}</p>
      <RegisterForm />
      <PrivacyNotice context="register" />
      <p>
        {t('auth.register.haveAccount')} <Link to="/login">{t('auth.register.loginLink')}</Link>
      </p>
    </div>
  );
}
