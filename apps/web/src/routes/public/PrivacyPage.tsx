import { useTranslation } from '../../lib/i18n';
import { DATA_RETENTION_YEARS } from '@motcua/shared/retention-period';
import { SUPPORT } from '../../lib/support';

const SECTIONS = ['purpose', 'data', 'processor', 'retention', 'rights', 'contact'] as const;

/** /quyen-rieng-tu — the full personal data protection policy (Decree 13/2023/NĐ-CP). */
export function PrivacyPage() {
  const { t } = useTranslation();
  const values = {
    years: DATA_RETENTION_YEARS,
    email: SUPPORT.email,
    hotline: SUPPORT.hotline,
    hours: t('help.supportHours'),
  };
  return (
    <div className="narrow">
      <h1>{t('privacy.pageTitle')}</h1>
      <p className="lead">{t('privacy.pageLead')}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.${s}Title`)}</h2>
          <p>{t(`privacy.${s}Body`, values)}</p>
        </section>
      ))}
    </div>
  );
}
