import type { CreatePaymentRequest, DossierDto, PaymentCreatedResponse } from '@motcua/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary } from '../../components/ui';
import { api } from '../../lib/api';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { useCatalogText } from '../catalog/useCatalogText';

const PAY_ID = 'pay-fee';

/** Leaving for the gateway's page; a seam for tests (jsdom cannot navigate away). */
export const gatewayRedirect = { go: (url: string) => window.location.assign(url) };

/** "Pay the fee": starts a VNPay payment and sends the browser to the gateway's page. */
export function PayFeeButton({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const catalog = useCatalogText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const summary = useMemo(() => (error ? [{ fieldId: PAY_ID, message: dossierErrorText(t, error) }] : []), [error, t]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: CreatePaymentRequest = { provider: 'vnpay' };
      const payment = await api<PaymentCreatedResponse>(`/dossiers/${encodeURIComponent(d.id)}/payments`, {
        method: 'POST',
        body,
      });
      gatewayRedirect.go(payment.paymentUrl);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="action-block" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('payments.pay.title')}</h2>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <p>{t('payments.pay.body', { amount: catalog.fee(d.fee.amount) })}</p>
      {d.fee.status === 'PENDING' ? <p>{t('payments.pay.pendingHint')}</p> : null}
      <Button id={PAY_ID} onClick={() => void start()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('payments.pay.redirecting') : t('payments.pay.button')}
      </Button>
    </section>
  );
}
