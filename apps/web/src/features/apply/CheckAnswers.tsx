import type { DossierDto, ProcedureDetail } from '@motcua/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { Button, ErrorSummary } from '../../components/ui';
import { queryKeys } from '../../lib/queryKeys';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { DeliveryChoice } from '../payments/DeliveryChoice';
import { useFeeText } from '../payments/useFeeText';
import { SummaryRows, useAnswerRows, type AnswerRow } from './AnswersList';
import { documentFieldId } from './DocumentUpload';
import { fieldId } from './FormFieldControl';
import type { StepNav } from './QuestionsStep';
import { StepLayout } from './StepLayout';
import { pageOfField, type WizardPlan } from './steps';
import { submitDossier } from './submitDossier';

const SUBMIT_ID = 'submit-dossier';

/** "Check your answers", each with its "Change" link, then the submit. */
export function CheckAnswers({
  procedure,
  dossier,
  plan,
  base,
  nav,
  onFieldErrors,
  onMissingDocuments,
}: {
  procedure: ProcedureDetail;
  dossier: DossierDto;
  plan: WizardPlan;
  /** `/apply/{code}` */
  base: string;
  nav: StepNav;
  onFieldErrors: (errors: Record<string, string>) => void;
  onMissingDocuments: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const feeText = useFeeText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const changeTo = (step: string | number, target: string) => `${base}/${step}?return=check#${target}`;
  const fields = plan.pages.flat();
  const answerRows = useAnswerRows(fields, dossier.formData, (f) =>
    changeTo(pageOfField(plan, f.key) ?? 1, fieldId(f.key)),
  );
  const agency = procedure.agencies.find((a) => a.code === dossier.agency.code);
  const rows: AnswerRow[] = [
    {
      key: 'agency',
      label: t('apply.agency.label'),
      value: agency ? text.name(agency) : dossier.agency.name,
      changeTo: plan.agencyChoice && plan.pages.length > 0 ? changeTo(1, 'f-agencyCode') : undefined,
    },
    ...answerRows,
    { key: 'fee', label: t('dossiers.fields.fee'), value: text.fee(procedure.fee) },
    {
      key: 'delivery',
      label: t('payments.delivery.label'),
      value: feeText.delivery(dossier.deliveryMethod, dossier.postalAddress),
    },
  ];
  const documentRows: AnswerRow[] = plan.documents.map((d) => {
    const files = dossier.attachments.filter((a) => a.documentCode === d.code);
    return {
      key: d.code,
      label: text.name(d),
      value: files.length ? (
        files.map((f) => f.fileName).join('\n')
      ) : (
        <span className="muted">{t('apply.check.noFile')}</span>
      ),
      changeTo: changeTo('documents', documentFieldId(d.code)),
    };
  });

  const summaryErrors = useMemo(
    () => (error ? [{ fieldId: SUBMIT_ID, message: dossierErrorText(t, error) }] : []),
    [error, t],
  );

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    const outcome = await submitDossier(dossier.id);
    setSubmitting(false);
    switch (outcome.kind) {
      case 'submitted':
        await navigate(`/dossiers/${encodeURIComponent(dossier.id)}/submitted`, { replace: true });
        // Nothing refetches now (the wizard may still be on screen for a moment; a refetch there would
        // start a new draft); the next visit of the wizard looks for a draft again.
        void queryClient.invalidateQueries({ queryKey: queryKeys.draftFor(procedure.code), refetchType: 'none' });
        void queryClient.invalidateQueries({ queryKey: [...queryKeys.dossiers, 'list'] });
        return;
      case 'fields': {
        onFieldErrors(outcome.errors);
        const firstPage = Math.min(...Object.keys(outcome.errors).map((k) => pageOfField(plan, k) ?? Infinity));
        if (Number.isFinite(firstPage)) {
          await navigate(`${base}/${firstPage}?return=check`);
          return;
        }
        setError(new Error('form'));
        return;
      }
      case 'documents':
        onMissingDocuments(outcome.codes);
        await navigate(`${base}/documents?return=check`);
        return;
      case 'error':
        setError(outcome.error);
        return;
    }
  };

  return (
    <StepLayout
      caption={nav.caption}
      captionLang={nav.captionLang}
      title={t('apply.check.title')}
      stepLabel={nav.stepLabel}
      back={nav.back}
      focusHeading={nav.focusHeading}
      errorSummary={<ErrorSummary title={t('errors.summaryTitle')} errors={summaryErrors} />}
    >
      <h2>{t('apply.check.answersTitle')}</h2>
      <SummaryRows rows={rows} />
      {documentRows.length > 0 ? (
        <>
          <h2>{t('apply.check.documentsTitle')}</h2>
          <SummaryRows rows={documentRows} />
        </>
      ) : null}
      <DeliveryChoice dossier={dossier} />
      <h2>{t('apply.check.sendTitle')}</h2>
      <p>{t('apply.check.sendLead')}</p>
      <Button id={SUBMIT_ID} onClick={() => void submit()} disabled={submitting} aria-busy={submitting || undefined}>
        {submitting ? t('apply.check.sending') : t('apply.check.send')}
      </Button>
    </StepLayout>
  );
}
