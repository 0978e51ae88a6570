import type { DeliveryMethod, DossierDto } from '@motcua/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field, Radios } from '../../components/ui';
import { useSaveDraft } from '../apply/useDraft';
import { dossierErrorText } from '../dossiers/dossierErrors';

const METHOD_ID = 'delivery-method';
const ADDRESS_ID = 'postal-address';

/**
 * How the citizen will get the result, chosen on the check-answers page and saved on the draft.
 * Electronic delivery is offered for FULL-online procedures only; post needs the address.
 */
export function DeliveryChoice({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const save = useSaveDraft(d.id);
  const [method, setMethod] = useState<DeliveryMethod>(d.deliveryMethod);
  const [address, setAddress] = useState(d.postalAddress ?? '');
  const [problem, setProblem] = useState<{ kind: 'address' } | { kind: 'api'; error: unknown } | null>(null);
  const [saved, setSaved] = useState(false);
  const methods: DeliveryMethod[] =
    d.procedure.onlineLevel === 'FULL' ? ['ELECTRONIC', 'COUNTER', 'POSTAL'] : ['COUNTER', 'POSTAL'];
  const addressError = problem?.kind === 'address' ? t('payments.delivery.addressRequired') : undefined;
  const summary = useMemo(
    () =>
      problem
        ? [
            problem.kind === 'address'
              ? { fieldId: ADDRESS_ID, message: t('payments.delivery.addressRequired') }
              : { fieldId: METHOD_ID, message: dossierErrorText(t, problem.error) },
          ]
        : [],
    [problem, t],
  );
  const changed = method !== d.deliveryMethod || (method === 'POSTAL' && address.trim() !== (d.postalAddress ?? ''));

  const onSave = async () => {
    setSaved(false);
    const postalAddress = address.trim();
    if (method === 'POSTAL' && postalAddress.length < 5) return setProblem({ kind: 'address' });
    setProblem(null);
    try {
      await save.mutateAsync(
        method === 'POSTAL' ? { deliveryMethod: method, postalAddress } : { deliveryMethod: method },
      );
      setSaved(true);
    } catch (e) {
      setProblem({ kind: 'api', error: e });
    }
  };

  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('payments.delivery.label')}</h2>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <Radios
          id={METHOD_ID}
          legend={t('payments.delivery.question')}
          options={methods.map((m) => ({ value: m, label: t(`payments.delivery.${m}`) }))}
          inputProps={{
            name: 'deliveryMethod',
            onChange: (e) => {
              setMethod(e.target.value as DeliveryMethod);
              setSaved(false);
            },
          }}
          value={method}
        />
        {method === 'POSTAL' ? (
          <Field id={ADDRESS_ID} label={t('payments.delivery.address')} error={addressError} required>
            <textarea rows={2} maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} />
          </Field>
        ) : null}
        <Button type="submit" variant="secondary" disabled={save.isPending || !changed}>
          {t('payments.delivery.save')}
        </Button>
        {saved ? <p role="status">{t('payments.delivery.saved')}</p> : null}
      </form>
    </section>
  );
}
