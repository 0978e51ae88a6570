import type { DossierDto } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { SummaryList, type SummaryListRow } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useFeeText } from '../payments/useFeeText';
import { StatusTag } from '../dossiers/StatusTags';
import { useDossierText } from '../dossiers/useDossierText';
import { SlaDueTag } from '../queue/SlaDueTag';

/** The dossier at a glance for the desk: status and due date first, then who and what. */
export function StaffDossierFacts({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const fee = useFeeText();
  const rows: SummaryListRow[] = [
    { label: t('desk.fields.status'), value: <StatusTag status={d.status} /> },
    { label: t('desk.fields.sla'), value: <SlaDueTag item={d} /> },
  ];
  if (d.dueAt) {
    rows.push({ label: t('desk.fields.dueAt'), value: <time dateTime={d.dueAt}>{formatDateTime(d.dueAt)}</time> });
  }
  if (d.appointmentAt) {
    rows.push({
      label: t('desk.fields.appointmentAt'),
      value: <time dateTime={d.appointmentAt}>{formatDateTime(d.appointmentAt)}</time>,
    });
  }
  rows.push(
    { label: t('desk.fields.procedure'), value: <span lang="vi">{d.procedure.name}</span> },
    { label: t('desk.fields.applicant'), value: <span lang="vi">{d.applicant.fullName}</span> },
    {
      label: t('desk.fields.assignee'),
      value: d.assignee ? (
        <span lang="vi">{d.assignee.fullName}</span>
      ) : (
        <span className="muted">{t('desk.queue.unassigned')}</span>
      ),
    },
    { label: t('desk.fields.agency'), value: <span lang="vi">{d.agency.name}</span> },
    { label: t('desk.fields.channel'), value: text.channel(d.channel) },
    { label: t('desk.fields.fee'), value: fee.fee(d.fee) },
    {
      label: t('payments.delivery.label'),
      value: <span lang="vi">{fee.delivery(d.deliveryMethod, d.postalAddress)}</span>,
    },
  );
  const times: [string, string | null][] = [
    [t('desk.fields.submittedAt'), d.submittedAt],
    [t('desk.fields.receivedAt'), d.receivedAt],
    [t('desk.fields.completedAt'), d.completedAt],
    [t('desk.fields.returnedAt'), d.returnedAt],
  ];
  for (const [label, at] of times) {
    if (at) rows.push({ label, value: <time dateTime={at}>{formatDateTime(at)}</time> });
  }
  return <SummaryList rows={rows} />;
}
