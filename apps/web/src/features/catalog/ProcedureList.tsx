import type { ProcedureSummary } from '@motcua/shared';
import { createElement } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Tag } from '../../components/ui';
import { useCatalogText } from './useCatalogText';

/** Procedures as a list: each name links to its page, with time, fee and online level in words. */
export function ProcedureList({ items, headingLevel }: { items: ProcedureSummary[]; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  return (
    <ul className="procedure-list">
      {items.map((p) => (
        <li key={p.code} className="procedure-list__item">
          {createElement(
            `h${headingLevel}`,
            { className: 'procedure-list__name' },
            <Link to={`/procedures/${encodeURIComponent(p.code)}`} lang={text.nameLang(p)}>
              {text.name(p)}
            </Link>,
          )}
          <dl className="procedure-list__meta">
            <div>
              <dt>{t('catalog.procedure.processingTime')}</dt>
              <dd>{text.days(p.processingDays)}</dd>
            </div>
            <div>
              <dt>{t('catalog.procedure.fee')}</dt>
              <dd>{text.fee(p.fee)}</dd>
            </div>
            <div>
              <dt className="visually-hidden">{t('catalog.procedure.onlineLevel')}</dt>
              <dd>
                <Tag tone={p.onlineLevel === 'FULL' ? 'success' : 'info'}>{text.level(p.onlineLevel)}</Tag>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
