import type { DossierDto } from '@motcua/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCatalogText } from '../catalog/useCatalogText';
import { SlaTag, StatusTag } from './StatusTags';
import { useDossierText } from './useDossierText';

/** The dossier in one summary list: code, procedure, where, how, and its dates. */
export function DossierFacts({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const catalog = useCatalogText();
  const rows: [string, ReactNode][] = [
    [t('dossiers.fields.code'), <span className="dossier-code">{d.code ?? t('dossiers.noCodeYet')}</span>],
    [t('dossiers.fields.status'), <StatusTag status={d.status} />],
  ];
  if (d.sla) rows.push([t('dossiers.fields.sla'), <SlaTag sla={d.sla} />]);
  rows.push(
    [t('dossiers.fields.procedure'), <span lang="vi">{d.procedure.name}</span>],
    [t('dossiers.fields.agency'), <span lang="vi">{d.agency.name}</span>],
    [t('dossiers.fields.channel'), text.channel(d.channel)],
    [t('dossiers.fields.fee'), catalog.fee(d.procedure.fee)],
  );
  if (d.submittedAt) rows.push([t('dossiers.fields.submittedAt'), formatDateTime(d.submittedAt)]);
  if (d.receivedAt) rows.push([t('dossiers.fields.receivedAt'), formatDateTime(d.receivedAt)]);
  if (d.dueAt) rows.push([t('dossiers.fields.dueAt'), formatDate(d.dueAt)]);
  if (d.completedAt) rows.push([t('dossiers.fields.completedAt'), formatDateTime(d.completedAt)]);
  if (d.returnedAt) rows.push([t('dossiers.fields.returnedAt'), formatDateTime(d.returnedAt)]);
  return (
    <dl className="summary-list">
      {rows.map(([k, v]) => (
        <div className="summary-list__row" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
