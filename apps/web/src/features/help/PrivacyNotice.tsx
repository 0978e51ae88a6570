import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { DATA_RETENTION_YEARS } from '@motcua/shared/retention-period';
import { SUPPORT } from '../../lib/support';

/**
 * The notice Decree 13/2023/NĐ-CP (Art. 13) requires where personal data is collected: purpose,
 * data, who processes it, how long, the subject's rights and a contact, with the full policy a
 * link away. `context` says which data this form collects.
 */
export function PrivacyNotice({ context }: { context: 'register' | 'apply' }) {
  const { t } = useTranslation();
  return (
    <aside className="privacy-notice" aria-labelledby={`privacy-notice-${context}`}>
      <h2 id={`privacy-notice-${context}`} className="privacy-notice__title">
        {t('privacy.noticeTitle')}
      </h2>
      <ul>
        <li>{t('privacy.purpose')}</li>
        <li>{t(context === 'register' ? 'privacy.dataRegister' : 'privacy.dataApply')}</li>
        <li>{t('privacy.processor')}</li>
        <li>{t('privacy.retention', { years: DATA_RETENTION_YEARS })}</li>
        <li>{t('privacy.rights')}</li>
        <li>{t('privacy.contact', { email: SUPPORT.email, hotline: SUPPORT.hotline })}</li>
      </ul>
      <p>
        <Link to="/quyen-rieng-tu">{t('privacy.more')}</Link>
      </p>
    </aside>
  );
}
