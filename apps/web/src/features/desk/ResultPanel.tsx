import type { DossierDto, DossierStatus, UserSummary } from '@motcua/shared';
import { can } from '@motcua/shared/permissions';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, Dialog, ErrorMessage, Field } from '../../components/ui';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { DownloadButton } from '../dossiers/DownloadButton';

/** Statuses in which the result may be uploaded (api.md, Electronic results). */
const UPLOAD_STATUSES: readonly DossierStatus[] = ['IN_PROCESSING', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED'];

/** The reason of a revocation: as the API's revokeResultSchema takes it. */
const REASON_MIN = 3;
const REASON_MAX = 500;

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
  const [done, setDone] = useState<'uploaded' | 'generated' | 'revoked' | null>(null);
  const [revoking, setRevoking] = useState(false);
  const result = dossier.result;
  const revoked = Boolean(result?.revokedAt);
  // Our addition (docs/api.md): the agency's approver withdraws an issued result with a reason.
  const mayRevoke = Boolean(result?.signed) && !revoked && can(user, 'result.revoke');
  const mayUpload =
    UPLOAD_STATUSES.includes(dossier.status) &&
    !result?.signed &&
    (user.roles.includes('APPROVER') || (user.roles.includes('OFFICER') && dossier.assignee?.id === user.id));
  if (!result && !mayUpload) return null;

  const send = async (call: () => Promise<unknown>, outcome: 'uploaded' | 'generated') => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(outcome);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dossier(dossier.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const base = `/dossiers/${encodeURIComponent(dossier.id)}/result`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const body = new FormData();
    body.set('file', file, file.name);
    void send(() => api(base, { method: 'POST', body }), 'uploaded');
  };
  const onGenerate = () => void send(() => api(`${base}/generate`, { method: 'POST' }), 'generated');

  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t('desk.result.title')}</h2>
      {result ? (
        <p>
          {result.fileName} —{' '}
          {result.signed ? t('desk.result.signed', { signer: result.signer }) : t('desk.result.unsigned')}
          {revoked ? (
            <strong className="result-revoked">
              {' '}
              — {t('desk.result.revoked', { reason: result.revokedReason ?? '' })}
            </strong>
          ) : null}
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
      {done ? <p role="status">{t(`desk.result.${done}`)}</p> : null}
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
          {dossier.procedure.hasResultTemplate ? (
            <Button variant="secondary" onClick={onGenerate} disabled={busy} aria-busy={busy || undefined}>
              {t('desk.result.generate')}
            </Button>
          ) : null}
        </form>
      ) : null}
      {mayRevoke ? (
        <Button variant="warning" onClick={() => setRevoking(true)}>
          {t('desk.result.revoke')}
        </Button>
      ) : null}
      {revoking ? (
        <RevokeDialog
          dossier={dossier}
          onDone={() => {
            setRevoking(false);
            setDone('revoked');
          }}
          onCancel={() => setRevoking(false)}
        />
      ) : null}
    </section>
  );
}

/** Revoking asks for the reason, which the verification page does not show but the timeline keeps. */
function RevokeDialog({
  dossier,
  onDone,
  onCancel,
}: {
  dossier: DossierDto;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (text.length < REASON_MIN) return setFieldError(t('desk.result.reasonRequired', { min: REASON_MIN }));
    if (text.length > REASON_MAX) return setFieldError(t('desk.note.tooLong', { max: REASON_MAX }));
    setFieldError(null);
    setPending(true);
    setError(null);
    try {
      await api(`/dossiers/${encodeURIComponent(dossier.id)}/result/revoke`, {
        method: 'POST',
        body: { reason: text },
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.dossier(dossier.id) });
      onDone();
    } catch (err) {
      setError(dossierErrorText(t, err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title={t('desk.result.revoke')} onClose={onCancel} describedBy="revoke-about">
      <p id="revoke-about">{t('desk.result.revokeAbout', { code: dossier.code ?? '' })}</p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <Field id="revoke-reason" label={t('desk.result.reason')} error={fieldError ?? undefined} required>
          <textarea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorMessage alert error={error} />
        <div className="dialog__buttons">
          <Button type="submit" variant="warning" disabled={pending} aria-busy={pending || undefined}>
            {t('desk.result.revoke')}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('desk.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
