import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { SUPPORT } from '../../lib/support';

/**
 * /tro-giup — common questions as native disclosure widgets (<details>: keyboard and screen
 * reader support without script) and how to reach a person.
 */
export function HelpPage() {
  const { t } = useTranslation();
  const faq = t('help.faq', { returnObjects: true }) as { q: string; a: string }[];
  return (
    <div className="narrow">
      <h1>{t('help.title')}</h1>
      <p className="lead">{t('help.lead')}</p>
      <h2>{t('help.faqTitle')}</h2>
      <div className="faq">
        {faq.map((item) => (
          <details key={item.q} className="faq__item">
            <summary>{item.q}</summary>
            <p>{item.a}</p>
          </details>
        ))}
      </div>
      <h2>{t('help.contactTitle')}</h2>
      <ul className="plain-list">
        <li>
          {t('help.hotline')}: <a href={`tel:${SUPPORT.hotline}`}>{SUPPORT.hotline}</a>
        </li>
        <li>{t('help.hours', { hours: t('help.supportHours') })}</li>
        <li>
          {t('help.email')}: <a href={`mailto:${SUPPORT.email}`}>{SUPPORT.email}</a>
        </li>
      </ul>
      <p>{t('help.counter')}</p>
      <p>
        <Link to="/quyen-rieng-tu">{t('privacy.pageTitle')}</Link>
      </p>
    </div>
  );
}
