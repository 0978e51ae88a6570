import type { DossierSummary } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { SlaTag, StatusTag } from './StatusTags';

/** Where an item of "My dossiers" leads: a draft back into its wizard, anything else to its page. */
export function dossierHref(d: Pick<DossierSummary, 'id' | 'status' | 'procedure'>): string {
  return d.status === 'DRAFT'
    ? `/apply/${encodeURIComponent(d.procedure.code)}`
    : `/dossiers/${encodeURIComponent(d.id)}`;
}

/** The citizen's dossiers: procedure, code, status and SLA in words, date of submission. */
export function DossierList({ items }: { items: DossierSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="dossier-list">
      {items.map((d, i) => (
        <li key={d.id} className="dossier-list__item">
          <h2 className="dossier-list__name">
            <Link to={dossierHref(d)} data-dossier-index={i} lang="vi">
              {d.procedure.name}
            </Link>
          </h2>
          <dl className="dossier-list__meta">
            <div>
              <dt>{t('dossiers.fields.code')}</dt>
              <dd className="dossier-code">{d.code ?? t('dossiers.noCodeYet')}</dd>
            </div>
            <div>
              <dt>{t('dossiers.fields.status')}</dt>
              <dd>
                <StatusTag status={d.status} />
              </dd>
            </div>
            {d.sla ? (
              <div>
                <dt>{t('dossiers.fields.sla')}</dt>
                <dd>
                  <SlaTag sla={d.sla} />
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{d.submittedAt ? t('dossiers.fields.submittedAt') : t('dossiers.fields.createdAt')}</dt>
              <dd>{formatDate(d.submittedAt ?? d.createdAt)}</dd>
            </div>
            {d.dueAt ? (
              <div>
                <dt>{t('dossiers.fields.dueAt')}</dt>
                <dd>{formatDate(d.dueAt)}</dd>
              </div>
            ) : null}
          </dl>
          {d.status === 'DRAFT' ? <p className="dossier-list__hint">{t('dossiers.list.continueDraft')}</p> : null}
        </li>
      ))}
    </ul>
  );
}
