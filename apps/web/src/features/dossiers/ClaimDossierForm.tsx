import type { DossierDto } from '@motcua/shared';
import { claimDossierSchema } from '@motcua/shared/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, ErrorSummary, Field, TryAgainLater } from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { retryAfterSeconds } from '../../lib/retryAfter';
import { Notice } from './Notice';
import { dossierErrorText } from './dossierErrors';

const FIELD_ID = 'claim-code';

/**
 * "I filed at the desk": the one-time code printed on the counter receipt brings that dossier into
 * the citizen's account (POST /dossiers/claim). Without it, a counter dossier stays out of an
 * account whose national ID is not proven by a digital-citizen login.
 */
export function ClaimDossierForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Claims are rate-limited (429): a wait under its own title, not a mistake in the code. */
  const [limited, setLimited] = useState<{ seconds: number; at: Date; now: Date } | null>(null);
  const claim = useMutation({
    mutationFn: (value: string) => api<DossierDto>('/dossiers/claim', { method: 'POST', body: { code: value } }),
    onSuccess: async () => {
      setCode('');
      await queryClient.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    },
    onError: (e) => {
      const seconds = retryAfterSeconds(e);
      if (seconds === null) return setError(claimErrorText(e));
      const now = new Date();
      setLimited({ seconds, at: new Date(now.getTime() + seconds * 1000), now });
    },
  });

  const claimErrorText = (e: unknown): string => {
    if (e instanceof ApiError && e.status === 404) return t('dossiers.claim.notFound');
    if (e instanceof ApiError && e.status === 400) return t('dossiers.claim.invalid');
    return dossierErrorText(t, e);
  };

  // The same array while the error stands: a new one would pull the focus back to the summary on every key.
  const summary = useMemo(() => (error ? [{ fieldId: FIELD_ID, message: error }] : []), [error]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    claim.reset();
    setLimited(null);
    const parsed = claimDossierSchema.safeParse({ code });
    if (!parsed.success) {
      setError(code.trim() ? t('dossiers.claim.invalid') : t('dossiers.claim.required'));
      return;
    }
    setError(null);
    claim.mutate(parsed.data.code);
  };

  return (
    <section className="claim-dossier" aria-labelledby="claim-dossier-title">
      <h2 id="claim-dossier-title">{t('dossiers.claim.title')}</h2>
      <p>{t('dossiers.claim.lead')}</p>
      {claim.isSuccess ? (
        <Notice focus>
          {t('dossiers.claim.done', { code: claim.data.code ?? '' })}{' '}
          <Link to={`/dossiers/${encodeURIComponent(claim.data.id)}`}>{t('dossiers.claim.open')}</Link>
        </Notice>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        {limited ? (
          <TryAgainLater
            id="claim-limited"
            title={t('dossiers.claim.limitedTitle')}
            reason={t('dossiers.claim.limitedText')}
            {...limited}
          />
        ) : null}
        <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
        <Field
          id={FIELD_ID}
          label={t('dossiers.claim.code')}
          hint={t('dossiers.claim.hint')}
          error={error ?? undefined}
        >
          <input
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={claim.isPending}>
          {claim.isPending ? t('app.loading') : t('dossiers.claim.submit')}
        </Button>
      </form>
    </section>
  );
}
