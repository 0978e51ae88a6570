import { zodResolver } from '@hookform/resolvers/zod';
import { buildFormValidator, type DossierDto, type FormField, type ProcedureDetail } from '@motcua/shared';
import { useEffect, useMemo, useState } from 'react';
import { useForm, type FieldErrors, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ErrorPrefix, ErrorSummary, Field } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { fieldErrorMessage } from './fieldErrors';
import { FormFieldControl, fieldId } from './FormFieldControl';
import { toDraftPatch, toFormDefaults } from './formValues';
import { StepLayout } from './StepLayout';
import { useSaveDraft } from './useDraft';

export interface StepNav {
  caption: string;
  captionLang: string;
  stepLabel: string;
  back: string;
  next: string;
  focusHeading: boolean;
}

/** A failing field of this page: its key and the shared validator's error code. */
interface Problem {
  key: string;
  code: string | undefined;
}

const AGENCY_ID = 'f-agencyCode';

/**
 * One page of questions. Validated with the shared validator of exactly these fields (the one the
 * API applies at submit), saved to the draft on "Continue"; "Save and come back later" saves what
 * is there without checking it.
 */
export function QuestionsStep({
  procedure,
  dossier,
  fields,
  title,
  nav,
  showAgency,
  serverErrors,
  onSaved,
}: {
  procedure: ProcedureDetail;
  dossier: DossierDto;
  fields: FormField[];
  title: string;
  nav: StepNav;
  showAgency: boolean;
  /** Errors the API named at submit for fields of this page. */
  serverErrors: Record<string, string>;
  /** The page's answers were saved: its submit errors are settled. */
  onSaved: (keys: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const text = useCatalogText();
  const navigate = useNavigate();
  const save = useSaveDraft(dossier.id);
  const [agencyCode, setAgencyCode] = useState(dossier.agency.code);
  const [summary, setSummary] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);

  const validator = useMemo(() => buildFormValidator({ fields }), [fields]);
  const form = useForm<FieldValues>({
    resolver: zodResolver(validator),
    defaultValues: toFormDefaults(fields, dossier.formData),
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = form;

  // The API's errors at submit, brought back to their page: the summary is adjusted during render, the
  // form library (outside React's state) in an effect.
  const [seenServer, setSeenServer] = useState<{ fields: FormField[]; errors: Record<string, string> } | null>(null);
  if (seenServer?.fields !== fields || seenServer.errors !== serverErrors) {
    setSeenServer({ fields, errors: serverErrors });
    const named = fields.filter((f) => serverErrors[f.key]);
    if (named.length) setSummary(named.map((f) => ({ key: f.key, code: serverErrors[f.key] })));
  }
  useEffect(() => {
    for (const f of fields) if (serverErrors[f.key]) setError(f.key, { type: 'server', message: serverErrors[f.key] });
  }, [fields, serverErrors, setError]);

  const message = (key: string, code: string | undefined) => {
    const field = fields.find((f) => f.key === key);
    return field ? fieldErrorMessage(t, field, code, english) : '';
  };
  // A new array only when the summary or the language changes: the summary takes focus on each new one.
  const summaryErrors = useMemo(
    () =>
      summary.map((p) => {
        const field = fields.find((f) => f.key === p.key);
        return { fieldId: fieldId(p.key), message: field ? fieldErrorMessage(t, field, p.code, english) : '' };
      }),
    [summary, fields, t, english],
  );

  const body = (values: FieldValues) => ({
    formData: toDraftPatch(fields, values),
    ...(agencyCode !== dossier.agency.code ? { agencyCode } : {}),
  });

  const onValid = async (values: FieldValues) => {
    setSaveError(null);
    try {
      await save.mutateAsync(body(values));
    } catch (e) {
      setSaveError(e);
      return;
    }
    onSaved(fields.map((f) => f.key));
    await navigate(nav.next);
  };

  const onInvalid = (errs: FieldErrors) => {
    const failing = fields.filter((f) => errs[f.key]);
    setSummary(failing.map((f) => ({ key: f.key, code: errs[f.key]?.message as string | undefined })));
  };

  const saveForLater = async () => {
    setSaveError(null);
    try {
      await save.mutateAsync(body(getValues()));
    } catch (e) {
      setSaveError(e);
      return;
    }
    await navigate('/dossiers', { state: { notice: 'draftSaved' } });
  };

  return (
    <StepLayout
      caption={nav.caption}
      captionLang={nav.captionLang}
      title={title}
      stepLabel={nav.stepLabel}
      back={nav.back}
      focusHeading={nav.focusHeading}
      errorSummary={<ErrorSummary title={t('errors.summaryTitle')} errors={summaryErrors} />}
    >
      <p className="muted">{t('apply.questions.requiredNote')}</p>
      <form noValidate onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}>
        {showAgency ? (
          <Field id={AGENCY_ID} label={t('apply.agency.label')} hint={t('apply.agency.hint')} required>
            <select value={agencyCode} onChange={(e) => setAgencyCode(e.target.value)}>
              {procedure.agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {text.name(a)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {fields.map((f) => (
          <FormFieldControl
            key={f.key}
            field={f}
            register={register}
            error={errors[f.key] ? message(f.key, errors[f.key]?.message as string | undefined) : undefined}
          />
        ))}
        {saveError ? (
          <div className="load-error" role="alert">
            <p>
              <ErrorPrefix />
              {dossierErrorText(t, saveError)}
            </p>
          </div>
        ) : null}
        <div className="button-group">
          <Button type="submit" disabled={isSubmitting || save.isPending}>
            {t('apply.continue')}
          </Button>
          <Button variant="secondary" disabled={save.isPending} onClick={() => void saveForLater()}>
            {t('apply.saveForLater')}
          </Button>
        </div>
      </form>
    </StepLayout>
  );
}
