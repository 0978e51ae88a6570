import type { DossierDto, FormField, ProcedureDetail, ProfileValues } from '@motcua/shared';
import { lockedProfileFields, profilePrefill } from '@motcua/shared/form-fields';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { Button, ErrorPrefix, ErrorSummary, Field } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { fieldErrorMessage } from './fieldErrors';
import { FormFieldControl, fieldId } from './FormFieldControl';
import { pageErrors, toDraftPatch, toFormDefaults, type PageValues } from './formValues';
import { StepLayout } from './StepLayout';
import { useAutosave } from './useAutosave';
import { useQuestionsForm, type AnswerErrors, type PageCheck } from './useQuestionsForm';
import { AutosaveStatus } from './AutosaveStatus';

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
  profile,
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
  /** The applicant's profile (prefilling); `verified` locks its verified values (digital-citizen login). */
  profile?: { values: ProfileValues; verified: boolean };
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const text = useCatalogText();
  const navigate = useNavigate();
  const [agencyCode, setAgencyCode] = useState(dossier.agency.code);
  const [summary, setSummary] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);

  // The shared validator of exactly these fields, loaded at the first check (step 1 renders without
  // zod: issue 16, item 16).
  const check = useCallback<PageCheck>((values) => pageErrors(fields, values), [fields]);
  // Fields the procedure maps to the profile start from it where the draft has nothing yet; a
  // verified value (digital-citizen login) is locked and always the verified one (api.md, Catalog).
  const locked = useMemo(
    () => (profile?.verified ? lockedProfileFields({ fields }, profile.values) : new Map<string, string>()),
    [fields, profile],
  );
  const [defaults] = useState(() => {
    const prefill = profile ? profilePrefill({ fields }, profile.values) : {};
    return toFormDefaults(fields, { ...prefill, ...dossier.formData, ...Object.fromEntries(locked) });
  });
  const { register, handleSubmit, setError, getValues, errors, isSubmitting } = useQuestionsForm(defaults, check);

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
  // The summary lists what is still wrong: react-hook-form checks again as the applicant types, and a
  // fixed answer leaves the list (GOV.UK). A new array only when that list or the language changes.
  const current = summary
    .filter((p) => errors[p.key])
    .map((p) => {
      const message = errors[p.key]?.message;
      return `${p.key}:${typeof message === 'string' ? message : (p.code ?? '')}`;
    })
    .join('|');
  const summaryErrors = useMemo(
    () =>
      (current ? current.split('|') : []).map((entry) => {
        const [key, code] = entry.split(':');
        const field = fields.find((f) => f.key === key);
        return { fieldId: fieldId(key), message: field ? fieldErrorMessage(t, field, code, english) : '' };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `summary`: each submit attempt shows (and focuses) it anew
    [current, summary, fields, t, english],
  );

  const body = useCallback(
    async (values: PageValues) => ({
      formData: await toDraftPatch(fields, values),
      ...(agencyCode !== dossier.agency.code ? { agencyCode } : {}),
    }),
    [fields, agencyCode, dossier.agency.code],
  );
  // Saved as the applicant types (issue 16, item 5); "Continue" and "Save and come back later" save now.
  const autosave = useAutosave(
    dossier,
    () => body(getValues()),
    async () => ({ formData: await toDraftPatch(fields, toFormDefaults(fields, dossier.formData)) }),
  );
  const { schedule } = autosave;

  const onValid = async () => {
    setSaveError(null);
    try {
      await autosave.flush();
    } catch (e) {
      setSaveError(e);
      return;
    }
    onSaved(fields.map((f) => f.key));
    await navigate(nav.next);
  };

  const onInvalid = (errs: AnswerErrors) => {
    const failing = fields.filter((f) => errs[f.key]);
    setSummary(failing.map((f) => ({ key: f.key, code: errs[f.key]?.message })));
  };

  const saveForLater = async () => {
    setSaveError(null);
    try {
      await autosave.flush();
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
      <form
        noValidate
        // A check that could not run (the rules did not load: offline) says so, as a failed save does.
        onSubmit={(e) => {
          setSaveError(null);
          void handleSubmit(onValid, onInvalid)(e).catch((err: unknown) => setSaveError(err));
        }}
        // Every answer's change (React's change events bubble: each key typed, each choice made).
        onChange={schedule}
        // Leaving a field saves at once what the pause would have saved.
        onBlur={() => void autosave.flush().catch(() => undefined)}
      >
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
            locked={locked.has(f.key)}
            error={errors[f.key] ? message(f.key, errors[f.key]?.message) : undefined}
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
        <AutosaveStatus state={autosave.state} />
        <div className="button-group">
          <Button type="submit" disabled={isSubmitting}>
            {t('apply.continue')}
          </Button>
          <Button variant="secondary" disabled={isSubmitting} onClick={() => void saveForLater()}>
            {t('apply.saveForLater')}
          </Button>
        </div>
      </form>
    </StepLayout>
  );
}
