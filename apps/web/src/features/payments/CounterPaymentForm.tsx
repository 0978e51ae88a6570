import type { CounterPaymentRequest, CounterPaymentResponse, DossierDto } from '@motcua/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field } from '../../components/ui';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';

const RECEIPT_ID = 'counter-receipt-no';

/** The desk records the fee paid in cash, with the number of the receipt it handed over. */
export function CounterPaymentForm({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const catalog = useCatalogText();
  const queryClient = useQueryClient();
  const [receiptNo, setReceiptNo] = useState('');
  const [problem, setProblem] = useState<{ kind: 'required' } | { kind: 'api'; error: unknown } | null>(null);
  const record = useMutation({
    mutationFn: (body: CounterPaymentRequest) =>
      api<CounterPaymentResponse>(`/dossiers/${encodeURIComponent(d.id)}/payments/counter`, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.dossiers });
    },
  });
  const fieldError = problem?.kind === 'required' ? t('payments.counter.required') : undefined;
  // Memoised: the summary takes the focus whenever its list changes, not at every keystroke.
  const summary = useMemo(
    () =>
      problem
        ? [
            {
              fieldId: RECEIPT_ID,
              message: problem.kind === 'api' ? dossierErrorText(t, problem.error) : t('payments.counter.required'),
            },
          ]
        : [],
    [problem, t],
  );

  const onSubmit = async () => {
    const value = receiptNo.trim();
    if (!value) return setProblem({ kind: 'required' });
    setProblem(null);
    try {
      await record.mutateAsync({ receiptNo: value });
      setReceiptNo('');
    } catch (e) {
      setProblem({ kind: 'api', error: e });
    }
  };

  return (
    <section className="action-block" aria-labelledby="counter-pay-title">
      <h2 id="counter-pay-title">{t('payments.counter.title')}</h2>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <p>{t('payments.counter.body', { amount: catalog.fee(d.fee.amount) })}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Field id={RECEIPT_ID} label={t('payments.counter.receiptNo')} error={fieldError} required>
          <input type="text" maxLength={40} value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} />
        </Field>
        <Button type="submit" disabled={record.isPending}>
          {t('payments.counter.submit')}
        </Button>
      </form>
    </section>
  );
}
