import type { DossierDto, ProcedureDetail, SupplementDossierRequest } from '@motcua/shared';
import { NOTE_MAX_LENGTH } from '@motcua/shared/dossier';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { DocumentUpload } from '../apply/DocumentUpload';
import { useAddAttachment } from '../apply/useDraft';
import { dossierErrorText } from './dossierErrors';
import { useDossierAction } from './useDossierAction';

const NOTE_ID = 'supplement-note';

/**
 * Answering a supplement request: upload what the officer asked for, say in a note what was
 * added, send. The dossier goes back to the officer and its clock runs again.
 */
export function SupplementForm({
  dossier,
  procedure,
  onDone,
}: {
  dossier: DossierDto;
  procedure: ProcedureDetail | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ kind: 'required' | 'tooLong' } | { kind: 'api'; error: unknown } | null>(
    null,
  );
  const addAttachment = useAddAttachment(dossier.id);
  const send = useDossierAction<SupplementDossierRequest>(dossier.id, 'supplement');
  const uploadedSince = dossier.supplementRequestedAt ?? '';

  const noteError =
    problem?.kind === 'required'
      ? t('dossiers.supplement.noteRequired')
      : problem?.kind === 'tooLong'
        ? t('dossiers.supplement.noteTooLong', { max: NOTE_MAX_LENGTH })
        : problem?.kind === 'api' && problem.error instanceof ApiError && problem.error.fieldError('note')
          ? t('dossiers.supplement.noteRequired')
          : undefined;
  const summary = useMemo(
    () =>
      problem
        ? [
            {
              fieldId: NOTE_ID,
              message: noteError ?? dossierErrorText(t, problem.kind === 'api' ? problem.error : null),
            },
          ]
        : [],
    [problem, noteError, t],
  );

  const onSubmit = async () => {
    const trimmed = note.trim();
    if (!trimmed) return setProblem({ kind: 'required' });
    if (trimmed.length > NOTE_MAX_LENGTH) return setProblem({ kind: 'tooLong' });
    setProblem(null);
    try {
      await send.mutateAsync({ note: trimmed });
      onDone();
    } catch (e) {
      setProblem({ kind: 'api', error: e });
    }
  };

  return (
    <section className="action-block" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t('dossiers.supplement.title')}</h2>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <p>{t('dossiers.supplement.lead')}</p>
      {procedure?.requiredDocuments.map((d) => (
        <DocumentUpload
          key={d.code}
          dossierId={dossier.id}
          document={d}
          attachments={dossier.attachments.filter((a) => a.documentCode === d.code && a.uploadedAt >= uploadedSince)}
          onUploaded={addAttachment}
        />
      ))}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Field
          id={NOTE_ID}
          label={t('dossiers.supplement.note')}
          hint={t('dossiers.supplement.noteHint')}
          error={noteError}
          required
        >
          <textarea rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? t('dossiers.sending') : t('dossiers.supplement.send')}
        </Button>
      </form>
    </section>
  );
}
