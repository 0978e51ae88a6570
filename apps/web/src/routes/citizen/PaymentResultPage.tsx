import { useTranslation } from '../../lib/i18n';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DossierDto } from '@motcua/shared';
import { Loading, QueryLoadError } from '../../components/ui';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { PayFeeButton } from '../../features/payments/PayFeeButton';
import { canPayOnline, useFeeText } from '../../features/payments/useFeeText';

/**
 * /dossiers/:id/payment — where the gateway sends the browser back. It shows the fee as the API
 * knows it (only the bank's IPN marks it paid), asking again while the confirmation is on its way.
 */
export function PaymentResultPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useFeeText();
  const dossier = useQuery({
    queryKey: queryKeys.dossier(id),
    queryFn: ({ signal }) => api<DossierDto>(`/dossiers/${encodeURIComponent(id)}`, { signal }),
    enabled: id !== '',
    refetchInterval: (q) => (q.state.data?.fee.status === 'PENDING' ? 3000 : false),
  });
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    return (
      <>
        <h1>{t('payments.result.title')}</h1>
        <QueryLoadError query={dossier} errorText={dossierErrorText} />
      </>
    );
  }
  const d = dossier.data;
  const status = d.fee.status;
  return (
    <>
      <h1>{t(`payments.result.heading.${status}`)}</h1>
      <div role="status" aria-live="polite">
        <p>{t(`payments.result.body.${status}`)}</p>
        <p>
          {t('dossiers.fields.fee')}: {text.fee(d.fee)}
        </p>
      </div>
      {status === 'UNPAID' && canPayOnline(d) ? <PayFeeButton dossier={d} /> : null}
      <p>
        <Link to={`/dossiers/${encodeURIComponent(d.id)}`}>{t('payments.result.backToDossier')}</Link>
      </p>
    </>
  );
}
