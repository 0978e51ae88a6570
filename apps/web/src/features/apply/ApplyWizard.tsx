import type { DossierDto, ProcedureDetail, ProfileValues } from '@motcua/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Navigate, useSearchParams } from 'react-router';
import { useCatalogText } from '../catalog/useCatalogText';
import { Loading } from '../../components/ui';
import { QuestionsStep, type StepNav } from './QuestionsStep';
import { prefetchFormRules } from './loadFormRules';
import { firstIncompleteStep, firstStepOfNewDraft, planWizard, type StepId } from './steps';

// Only later steps need these: loaded when reached, so step 1 ships without them (issue 16).
const DocumentsStep = lazy(async () => ({ default: (await import('./DocumentsStep')).DocumentsStep }));
const CheckAnswers = lazy(async () => ({ default: (await import('./CheckAnswers')).CheckAnswers }));

const NONE: Record<string, string> = {};
const NO_CODES: string[] = [];

/**
 * The application wizard of one draft: a page per group of questions, the documents, "check your
 * answers". The step is in the URL (`/apply/{code}/{step}`), so the browser's back button and the
 * "Change" links work; without one, the applicant resumes at the first incomplete step.
 */
export function ApplyWizard({
  procedure,
  dossier,
  step,
  profile,
  footer,
}: {
  procedure: ProcedureDetail;
  dossier: DossierDto;
  step: string | undefined;
  profile?: { values: ProfileValues; verified: boolean };
  /** Shown below a step, only once the step itself is (the privacy notice): never below a loading line it would then jump from. */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const [params] = useSearchParams();
  const plan = useMemo(() => planWizard(procedure), [procedure]);
  // What the API refused at submit, shown on the step it belongs to.
  const [serverErrors, setServerErrors] = useState<Record<string, string>>(NONE);
  const [serverMissing, setServerMissing] = useState<string[]>(NO_CODES);
  // The first page shown keeps the focus where the browser put it; later steps focus their heading.
  const [firstStep, setFirstStep] = useState<string | null>(null);
  const onFieldErrors = useCallback((e: Record<string, string>) => setServerErrors(e), []);
  const onMissingDocuments = useCallback((codes: string[]) => setServerMissing(codes), []);
  const onSaved = useCallback(
    (keys: string[]) =>
      setServerErrors((errors) =>
        keys.some((k) => k in errors)
          ? Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k)))
          : errors,
      ),
    [],
  );
  const onDocumentsDone = useCallback(() => setServerMissing(NO_CODES), []);
  // The validator (zod) is not in step 1's bundle; it loads at the applicant's first tap, key or focus (issue 16).
  useEffect(() => prefetchFormRules(), []);

  const base = `/apply/${encodeURIComponent(procedure.code)}`;
  const resuming = !step || !plan.steps.includes(step);
  // A new draft's first step is known at once; a draft with answers waits for the validator to judge them.
  const startAt = resuming ? firstStepOfNewDraft(plan, dossier) : null;
  const [resumeAt, setResumeAt] = useState<{ dossier: DossierDto; step: StepId } | null>(null);
  useEffect(() => {
    if (!resuming || startAt !== null) return;
    let live = true;
    firstIncompleteStep(plan, dossier).then(
      (at) => live && setResumeAt({ dossier, step: at }),
      // The validator did not load (offline): start at the beginning rather than stay on a spinner.
      () => live && setResumeAt({ dossier, step: plan.steps[0] }),
    );
    return () => {
      live = false;
    };
  }, [resuming, startAt, plan, dossier]);
  if (resuming) {
    const at = startAt ?? (resumeAt?.dossier === dossier ? resumeAt.step : null);
    return at === null ? <Loading /> : <Navigate replace to={`${base}/${at}`} />;
  }
  // Remembered during render (React's "adjusting state when a prop changes"): the first valid step.
  if (firstStep === null) setFirstStep(step);
  const index = plan.steps.indexOf(step);
  const returning = params.get('return') === 'check' && step !== 'check';
  const nav: StepNav = {
    caption: text.name(procedure),
    captionLang: text.nameLang(procedure),
    stepLabel: t('apply.stepOf', { n: index + 1, total: plan.steps.length }),
    back: returning
      ? `${base}/check`
      : index === 0
        ? `/procedures/${encodeURIComponent(procedure.code)}`
        : `${base}/${plan.steps[index - 1]}`,
    next: returning ? `${base}/check` : `${base}/${plan.steps[index + 1] ?? 'check'}`,
    focusHeading: step !== (firstStep ?? step),
  };

  if (step === 'documents') {
    return (
      <Suspense fallback={<Loading />}>
        <DocumentsStep
          key={step}
          dossier={dossier}
          documents={plan.documents}
          nav={nav}
          serverMissing={serverMissing}
          onDone={onDocumentsDone}
        />
        {footer}
      </Suspense>
    );
  }
  if (step === 'check') {
    return (
      <Suspense fallback={<Loading />}>
        <CheckAnswers
          key={step}
          procedure={procedure}
          dossier={dossier}
          plan={plan}
          base={base}
          nav={nav}
          onFieldErrors={onFieldErrors}
          onMissingDocuments={onMissingDocuments}
        />
        {footer}
      </Suspense>
    );
  }
  const page = Number(step);
  const title =
    plan.pages.length > 1
      ? t('apply.questions.titleOf', { n: page, total: plan.pages.length })
      : t('apply.questions.title');
  return (
    <>
      <QuestionsStep
        key={step}
        procedure={procedure}
        dossier={dossier}
        fields={plan.pages[page - 1]}
        title={title}
        nav={nav}
        showAgency={page === 1 && plan.agencyChoice}
        serverErrors={serverErrors}
        onSaved={onSaved}
        profile={profile}
      />
      {footer}
    </>
  );
}
