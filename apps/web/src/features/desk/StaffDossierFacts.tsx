import type { DossierDto } from '@motcua/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useCatalogText } from '../catalog/useCatalogText';
import { StatusTag } from '../dossiers/StatusTags';
import { useDossierText } from '../dossiers/useDossierText';
import { SlaDueTag } from '../queue/SlaDueTag';

/** The dossier at a glance for the desk: status and due date first, then who and what. */
export function StaffDossierFacts({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const catalog = useCatalogText();
  const rows: [string, ReactNode][] = [
    [t('desk.fields.status'), <StatusTag status={d.status} />],
    [t('desk.fields.sla'), <SlaDueTag item={d} />],
  ];
  if (d.dueAt) rows.push([t('desk.fields.dueAt'), <time dateTime={d.dueAt}>{formatDateTime(d.dueAt)}</time>]);
  rows.push(
    [t('desk.fields.procedure'), <span lang="vi">{d.procedure.name}</span>],
    [t('desk.fields.applicant'), <span lang="vi">{d.applicant.fullName}</span>],
    [
      t('desk.fields.assignee'),
      d.assignee ? (
        <span lang="vi">{d.assignee.fullName}</span>
      ) : (
        <span className="muted">{t('desk.queue.unassigned')}</span>
      ),
    ],
    [t('desk.fields.agency'), <span lang="vi">{d.agency.name}</span>],
    [t('desk.fields.channel'), text.channel(d.channel)],
    [t('desk.fields.fee'), catalog.fee(d.procedure.fee)],
  );
  const times: [string, string | null][] = [
    [t('desk.fields.submittedAt'), d.submittedAt],
    [t('desk.fields.receivedAt'), d.receivedAt],
    [t('desk.fields.completedAt'), d.completedAt],
    [t('desk.fields.returnedAt'), d.returnedAt],
  ];
  for (const [label, at] of times) if (at) rows.push([label, <time dateTime={at}>{formatDateTime(at)}</time>]);
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
