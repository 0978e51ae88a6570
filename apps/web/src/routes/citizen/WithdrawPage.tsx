import type { WithdrawDossierRequest } from '@motcua/shared';
import { NOTE_MAX_LENGTH } from '@motcua/shared/dossier';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ErrorSummary, Field, LoadError, Loading } from '../../components/ui';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { useDossierAction } from '../../features/dossiers/useDossierAction';
import { isNotFound, useDossier } from '../../features/dossiers/useDossiers';

const NOTE_ID = 'withdraw-note';

/** /dossiers/:id/withdraw — the confirmation step before withdrawing a dossier (it cannot be undone). */
export function WithdrawPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  const withdraw = useDossierAction<WithdrawDossierRequest>(id, 'withdraw');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const tooLong = note.trim().length > NOTE_MAX_LENGTH;
  const summary = useMemo(
    () =>
      problem
        ? [
            {
              fieldId: NOTE_ID,
              message:
                problem === 'tooLong'
                  ? t('dossiers.withdraw.noteTooLong', { max: NOTE_MAX_LENGTH })
                  : dossierErrorText(t, problem),
            },
          ]
        : [],
    [problem, t],
  );
  const back = `/dossiers/${encodeURIComponent(id)}`;

  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    return (
      <>
        <h1>{isNotFound(dossier.error) ? t('dossiers.notFound.title') : t('dossiers.loadErrorTitle')}</h1>
        <LoadError message={dossierErrorText(t, dossier.error)} retryLabel={t('catalog.retry')} />
        <p>
          <Link to="/dossiers">{t('dossiers.backToList')}</Link>
        </p>
      </>
    );
  }
  const d = dossier.data;
  if (!d.availableActions.includes('withdraw')) {
    return (
      <>
        <h1>{t('dossiers.withdraw.notPossibleTitle')}</h1>
        <p>{t('dossiers.withdraw.notPossibleBody')}</p>
        <p>
          <Link to={back}>{t('dossiers.withdraw.backToDossier')}</Link>
        </p>
      </>
    );
  }

  const onSubmit = async () => {
    if (tooLong) return setProblem('tooLong');
    setProblem(null);
    const trimmed = note.trim();
    try {
      await withdraw.mutateAsync(trimmed ? { note: trimmed } : {});
    } catch (e) {
      setProblem(e);
      return;
    }
    await navigate(back, { replace: true, state: { notice: 'withdrawn' } });
  };

  return (
    <div className="narrow">
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <p className="caption" lang="vi">
        {d.procedure.name}
      </p>
      <h1>{t('dossiers.withdraw.title', { code: d.code ?? '' })}</h1>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <p>
          <span className="visually-hidden">{t('dossiers.warning')}: </span>
          {t('dossiers.withdraw.warning')}
        </p>
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Field
          id={NOTE_ID}
          label={t('dossiers.withdraw.note')}
          hint={t('dossiers.withdraw.noteHint')}
          error={problem === 'tooLong' ? t('dossiers.withdraw.noteTooLong', { max: NOTE_MAX_LENGTH }) : undefined}
        >
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="button-group">
          <Button type="submit" variant="warning" disabled={withdraw.isPending}>
            {withdraw.isPending ? t('dossiers.sending') : t('dossiers.withdraw.confirm')}
          </Button>
          <Link to={back}>{t('dossiers.withdraw.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
