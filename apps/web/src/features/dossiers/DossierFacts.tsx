import type { DossierDto } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { SummaryList, type SummaryListRow } from '../../components/ui';
import { formatDate, formatDateTime } from '../../lib/format';
import { useFeeText } from '../payments/useFeeText';
import { SlaTag, StatusTag } from './StatusTags';
import { useDossierText } from './useDossierText';

/** The dossier in one summary list: code, procedure, where, how, and its dates. */
export function DossierFacts({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const fee = useFeeText();
  const rows: SummaryListRow[] = [
    {
      label: t('dossiers.fields.code'),
      value: <span className="dossier-code">{d.code ?? t('dossiers.noCodeYet')}</span>,
    },
    { label: t('dossiers.fields.status'), value: <StatusTag status={d.status} /> },
  ];
  if (d.sla) rows.push({ label: t('dossiers.fields.sla'), value: <SlaTag sla={d.sla} /> });
  rows.push(
    { label: t('dossiers.fields.procedure'), value: <span lang="vi">{d.procedure.name}</span> },
    { label: t('dossiers.fields.agency'), value: <span lang="vi">{d.agency.name}</span> },
    { label: t('dossiers.fields.channel'), value: text.channel(d.channel) },
    { label: t('dossiers.fields.fee'), value: fee.fee(d.fee) },
    {
      label: t('payments.delivery.label'),
      value: <span lang="vi">{fee.delivery(d.deliveryMethod, d.postalAddress)}</span>,
    },
  );
  if (d.submittedAt) rows.push({ label: t('dossiers.fields.submittedAt'), value: formatDateTime(d.submittedAt) });
  if (d.receivedAt) rows.push({ label: t('dossiers.fields.receivedAt'), value: formatDateTime(d.receivedAt) });
  if (d.dueAt) rows.push({ label: t('dossiers.fields.dueAt'), value: formatDate(d.dueAt) });
  // The apology's new appointment (api.md): dueAt stays, this is when the result is now promised.
  if (d.appointmentAt) rows.push({ label: t('dossiers.fields.appointmentAt'), value: formatDate(d.appointmentAt) });
  if (d.completedAt) rows.push({ label: t('dossiers.fields.completedAt'), value: formatDateTime(d.completedAt) });
  if (d.returnedAt) rows.push({ label: t('dossiers.fields.returnedAt'), value: formatDateTime(d.returnedAt) });
  return <SummaryList rows={rows} />;
}
