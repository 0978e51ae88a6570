import type { ProcedureDetail } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { useCatalogText } from './useCatalogText';

type Agency = ProcedureDetail['agencies'][number];

/**
 * A plain link to a map search of the address: no map script or tiles on our page (privacy,
 * page weight); the citizen's own map app or browser opens it.
 */
export function mapSearchUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/**
 * Where and when to go: the office's address with a map link, opening hours and phone. With many
 * offices (a ward-level procedure is handled by every ward) each is a closed disclosure, so the
 * page stays short on a phone and the citizen opens their own ward.
 */
export function AgencyContactCard({ agency: a, collapsed = false }: { agency: Agency; collapsed?: boolean }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const hours = text.english && a.openingHoursEn ? a.openingHoursEn : a.openingHours;
  const hasContact = a.address || a.phone || hours;
  const body = hasContact ? (
    <dl className="summary-list">
      {a.address ? (
        <div className="summary-list__row">
          <dt>{t('catalog.procedure.address')}</dt>
          <dd>
            <span lang="vi">{a.address}</span>
            <span className="summary-list__note">
              <a href={mapSearchUrl(a.address)} target="_blank" rel="noopener noreferrer">
                {t('catalog.procedure.map')}
                <span className="visually-hidden"> {t('app.newWindow')}</span>
              </a>
            </span>
          </dd>
        </div>
      ) : null}
      {hours ? (
        <div className="summary-list__row">
          <dt>{t('catalog.procedure.openingHours')}</dt>
          <dd lang={text.english && a.openingHoursEn ? 'en' : 'vi'}>{hours}</dd>
        </div>
      ) : null}
      {a.phone ? (
        <div className="summary-list__row">
          <dt>{t('catalog.procedure.phone')}</dt>
          <dd>
            <a href={`tel:${a.phone.replace(/[^0-9+]/g, '')}`}>{a.phone}</a>
          </dd>
        </div>
      ) : null}
    </dl>
  ) : (
    <p>{t('catalog.procedure.noContact')}</p>
  );
  if (collapsed) {
    return (
      <details className="agency-contact agency-contact--collapsed">
        <summary lang={text.nameLang(a)}>{text.name(a)}</summary>
        {body}
      </details>
    );
  }
  return (
    <section className="agency-contact" aria-labelledby={`agency-${a.code}`}>
      <h3 id={`agency-${a.code}`} lang={text.nameLang(a)}>
        {text.name(a)}
      </h3>
      {body}
    </section>
  );
}
