import type { DossierDto, DossierStatus, UserSummary } from '@motcua/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage } from '../../components/ui';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { DownloadButton } from '../dossiers/DownloadButton';

/** Statuses in which the result may be uploaded (api.md, Electronic results). */
const UPLOAD_STATUSES: readonly DossierStatus[] = ['IN_PROCESSING', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'];

/**
 * The result document: the assigned officer or an approver uploads the PDF (replaceable until
 * the decision signs it; signed at upload after it); staff download it, signed or not.
 */
export function ResultPanel({ dossier, user }: { dossier: DossierDto; user: UserSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const result = dossier.result;
  const mayUpload =
    UPLOAD_STATUSES.includes(dossier.status) &&
    !result?.signed &&
    (user.roles.includes('APPROVER') || (user.roles.includes('OFFICER') && dossier.assignee?.id === user.id));
  if (!result && !mayUpload) return null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const body = new FormData();
      body.set('file', file, file.name);
      await api(`/dossiers/${encodeURIComponent(dossier.id)}/result`, { method: 'POST', body });
      setDone(true);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dossier(dossier.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t('desk.result.title')}</h2>
      {result ? (
        <p>
          {result.fileName} —{' '}
          {result.signed ? t('desk.result.signed', { signer: result.signer }) : t('desk.result.unsigned')}
        </p>
      ) : (
        <p>{t('desk.result.none')}</p>
      )}
      {result ? (
        <DownloadButton
          path={`/dossiers/${encodeURIComponent(dossier.id)}/result.pdf`}
          fileName={result.fileName}
          label={t('desk.result.download')}
          variant="secondary"
        />
      ) : null}
      {done ? <p role="status">{t('desk.result.uploaded')}</p> : null}
      {error ? <ErrorMessage alert error={dossierErrorText(t, error)} /> : null}
      {mayUpload ? (
        <form onSubmit={(e) => void onSubmit(e)} className="result-upload">
          <label htmlFor="result-file">{t('desk.result.fileLabel')}</label>
          <input
            id="result-file"
            type="file"
            accept=".pdf,application/pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button type="submit" disabled={!file || busy}>
            {result ? t('desk.result.replace') : t('desk.result.upload')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
