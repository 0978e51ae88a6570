import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../lib/i18n';
import { useParams } from 'react-router';
import { LoadError, Loading } from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

/** GET /verify/{code} (api.md, Electronic results): no personal data. */
interface VerificationDto {
  valid: boolean;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  issuedAt: string;
  signer: string;
  sha256: string;
  revoked: boolean;
}

const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * /verify/:code — what the QR code on a signed result opens, on a phone, without login: who
 * issued the result, for which procedure, when, its hash, and whether it was revoked.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => api<VerificationDto>(`/verify/${encodeURIComponent(code)}`, { signal }),
    retry: (count, e) => !notFound(e) && count < 1,
  });

  return (
    <div className="narrow">
      <h1>{t('verify.title')}</h1>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        notFound(q.error) ? (
          <section aria-labelledby="verify-result">
            <h2 id="verify-result">{t('verify.notFoundTitle')}</h2>
            <p>{t('verify.notFoundBody')}</p>
          </section>
        ) : (
          <LoadError message={t('errors.generic')} onRetry={() => void q.refetch()} retryLabel={t('catalog.retry')} />
        )
      ) : (
        <section aria-labelledby="verify-result">
          <h2 id="verify-result">
            {q.data.revoked ? t('verify.revoked') : q.data.valid ? t('verify.valid') : t('verify.invalid')}
          </h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('verify.dossierCode')}</dt>
              <dd className="dossier-code">{q.data.dossierCode}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('verify.procedure')}</dt>
              <dd lang="vi">{q.data.procedureName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('verify.agency')}</dt>
              <dd lang="vi">{q.data.agencyName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('verify.issuedAt')}</dt>
              <dd>{formatDateTime(q.data.issuedAt)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('verify.signer')}</dt>
              <dd lang="vi">{q.data.signer}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('verify.sha256')}</dt>
              <dd>
                <code className="hash">{q.data.sha256}</code>
              </dd>
            </div>
          </dl>
          <p>{t('verify.hashHint')}</p>
        </section>
      )}
    </div>
  );
}
