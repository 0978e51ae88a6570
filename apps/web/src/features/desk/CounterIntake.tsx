import { zodResolver } from '@hookform/resolvers/zod';
import type { CounterIntakeResponse, ProcedureDetail, UserSummary } from '@motcua/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, type FieldError as RhfFieldError, type FieldErrors, type FieldValues } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import {
  Button,
  ErrorMessage,
  ErrorSummary,
  Field,
  Loading,
  QueryLoadError,
  type SummaryError,
} from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { fieldErrorMessage, isFormErrorCode } from '../apply/fieldErrors';
import { FormFieldControl, fieldId } from '../apply/FormFieldControl';
import { toFormDefaults } from '../apply/formValues';
import { errorKey } from '../auth/formErrors';
import { useCatalogText } from '../catalog/useCatalogText';
import { useProcedure } from '../catalog/useProcedure';
import { useProcedures } from '../catalog/useProcedures';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { CounterConfirmation } from './CounterConfirmation';
import { APPLICANT_FIELDS, applicantId, counterBody, counterValidator, type ApplicantField } from './counterForm';

const PROCEDURE_ID = 'counter-procedure';

/** A walk-in dossier: the procedure, the applicant, the procedure's form; received at once. */
export function CounterIntake({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const [code, setCode] = useState('');
  const [created, setCreated] = useState<CounterIntakeResponse | null>(null);
  const procedures = useProcedures({ agencyCode: user.agencyCode ?? undefined, pageSize: 100 });

  if (created) {
    return (
      <CounterConfirmation
        dossier={created}
        onAnother={() => {
          setCreated(null);
          setCode('');
        }}
      />
    );
  }
  return (
    <>
      <h1>{t('desk.counter.title')}</h1>
      <p className="lead">{t('desk.counter.lead')}</p>
      {procedures.isError ? (
        <QueryLoadError query={procedures} errorText={dossierErrorText} />
      ) : (
        <Field id={PROCEDURE_ID} label={t('desk.counter.procedure')} hint={t('desk.counter.procedureHint')} required>
          <select value={code} onChange={(e) => setCode(e.target.value)} disabled={procedures.isPending}>
            <option value="">{procedures.isPending ? t('app.loading') : t('desk.counter.chooseProcedure')}</option>
            {(procedures.data?.items ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {text.name(p)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {code ? <CounterFormLoader key={code} code={code} onCreated={setCreated} /> : null}
    </>
  );
}

function CounterFormLoader({ code, onCreated }: { code: string; onCreated: (d: CounterIntakeResponse) => void }) {
  const procedure = useProcedure(code);
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) {
    return <QueryLoadError query={procedure} errorText={dossierErrorText} />;
  }
  return <CounterForm procedure={procedure.data} onCreated={onCreated} />;
}

const APPLICANT_INPUT: Record<ApplicantField, { type: string; className?: string; inputMode?: 'numeric' | 'tel' }> = {
  nationalId: { type: 'text', className: 'input--id', inputMode: 'numeric' },
  fullName: { type: 'text' },
  dateOfBirth: { type: 'date', className: 'input--date' },
  phone: { type: 'tel', className: 'input--id', inputMode: 'tel' },
  email: { type: 'email' },
};

function CounterForm({
  procedure,
  onCreated,
}: {
  procedure: ProcedureDetail;
  onCreated: (d: CounterIntakeResponse) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const queryClient = useQueryClient();
  const fields = procedure.formSchema.fields;
  const validator = useMemo(() => counterValidator(fields), [fields]);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<FieldValues>({
    resolver: zodResolver(validator),
    defaultValues: {
      ...toFormDefaults(fields, {}),
      applicant: { nationalId: '', fullName: '', dateOfBirth: '', phone: '', email: '' },
    },
    shouldFocusError: false,
  });
  const [summaryOn, setSummaryOn] = useState(0);
  const intake = useMutation({
    mutationFn: (body: ReturnType<typeof counterBody>) =>
      api<CounterIntakeResponse>('/counter/dossiers', { method: 'POST', body }),
    onSuccess: (d) => {
      queryClient.setQueryData(queryKeys.dossier(d.id), d);
      void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
      onCreated(d);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      for (const fe of e.problem.errors ?? []) {
        if (fe.field.startsWith('applicant.')) {
          setError(fe.field, { type: 'server' });
        } else if (fe.field.startsWith('formData.')) {
          const key = fe.field.slice('formData.'.length);
          setError(key, { type: 'server', message: isFormErrorCode(fe.message) ? fe.message : 'invalid_type' });
        }
      }
      setSummaryOn((n) => n + 1);
    },
  });

  const applicantErrors = (errors.applicant ?? {}) as FieldErrors;
  const applicantMessage = (f: ApplicantField) => {
    const key = errorKey(f, applicantErrors[f] as RhfFieldError | undefined, getValues(`applicant.${f}`));
    return key ? t(key) : undefined;
  };
  const fieldMessage = (key: string) => {
    const field = fields.find((f) => f.key === key);
    const err = errors[key];
    return field && err ? fieldErrorMessage(t, field, err.message as string | undefined, english) : undefined;
  };

  // Rebuilt on each failed submit (a new array makes the summary take the focus again).
  const summary = useMemo<SummaryError[]>(() => {
    if (!summaryOn) return [];
    const out: SummaryError[] = [];
    for (const f of APPLICANT_FIELDS) {
      const m = applicantMessage(f);
      if (m) out.push({ fieldId: applicantId(f), message: m });
    }
    for (const f of fields) {
      const m = fieldMessage(f.key);
      if (m) out.push({ fieldId: fieldId(f.key), message: m });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a snapshot of the errors at the failed submit that bumped summaryOn: a new array (and focus) per submit, not per keystroke.
  }, [summaryOn, english]);

  return (
    <form
      noValidate
      onSubmit={(e) =>
        void handleSubmit(
          (values) => intake.mutate(counterBody(procedure.code, values, fields)),
          () => setSummaryOn((n) => n + 1),
        )(e)
      }
    >
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <section className="counter-section" aria-labelledby="counter-applicant">
        <h2 id="counter-applicant">{t('desk.counter.applicantTitle')}</h2>
        {APPLICANT_FIELDS.map((f) => (
          <Field
            key={f}
            id={applicantId(f)}
            label={t(`desk.counter.applicant.${f}`)}
            hint={t(`desk.counter.applicantHint.${f}`, { defaultValue: '' }) || undefined}
            error={applicantMessage(f)}
            required={f === 'nationalId' || f === 'fullName'}
          >
            <input
              type={APPLICANT_INPUT[f].type}
              className={APPLICANT_INPUT[f].className}
              inputMode={APPLICANT_INPUT[f].inputMode}
              autoComplete="off"
              spellCheck={false}
              {...register(`applicant.${f}`)}
            />
          </Field>
        ))}
      </section>
      <section className="counter-section" aria-labelledby="counter-form">
        <h2 id="counter-form">{t('desk.counter.formTitle')}</h2>
        {fields.map((f) => (
          <FormFieldControl key={f.key} field={f} register={register} error={fieldMessage(f.key)} />
        ))}
      </section>
      {intake.isError && !(intake.error instanceof ApiError && intake.error.problem.errors?.length) ? (
        <ErrorMessage alert error={dossierErrorText(t, intake.error)} />
      ) : null}
      <Button type="submit" disabled={intake.isPending} aria-busy={intake.isPending || undefined}>
        {t('desk.counter.submit')}
      </Button>
    </form>
  );
}
