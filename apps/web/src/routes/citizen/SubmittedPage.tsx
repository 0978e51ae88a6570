import { useTranslation } from '../../lib/i18n';
import { Link, Navigate, useParams } from 'react-router';
import { Loading, Panel, QueryLoadError } from '../../components/ui';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { DownloadButton } from '../../features/dossiers/DownloadButton';
import { useDossier } from '../../features/dossiers/useDossiers';
import { useDossierText } from '../../features/dossiers/useDossierText';
import { formatDate } from '../../lib/format';

/** /dossiers/:id/submitted — the confirmation: the dossier code, the due date, the receipt. */
export function SubmittedPage() {
  const { t } = useTranslation();
  const text = useDossierText();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  if (dossier.isPending || (dossier.isFetching && dossier.data?.status === 'DRAFT')) return <Loading />;
  if (dossier.isError) {
    return (
      <>
        <h1>{t('dossiers.loadErrorTitle')}</h1>
        <QueryLoadError query={dossier} errorText={dossierErrorText} />
      </>
    );
  }
  const d = dossier.data;
  if (d.status === 'DRAFT' || !d.code)
    return <Navigate replace to={`/apply/${encodeURIComponent(d.procedure.code)}`} />;
  const page = `/dossiers/${encodeURIComponent(d.id)}`;
  return (
    <>
      <Panel title={t('dossiers.submitted.title')}>
        <p className="panel__lead">{t('dossiers.submitted.codeLabel')}</p>
        <p className="panel__code dossier-code">{d.code}</p>
      </Panel>
      <p>
        {t('dossiers.submitted.sentTo')} <strong lang="vi">{d.agency.name}</strong>.
      </p>
      {d.dueAt ? (
        <p>
          {t('dossiers.submitted.dueAt')} <strong>{formatDate(d.dueAt)}</strong>
        </p>
      ) : (
        <p>{t('dossiers.submitted.dueLater')}</p>
      )}
      <h2>{t('dossiers.submitted.receiptTitle')}</h2>
      <p>{t('dossiers.submitted.receiptBody')}</p>
      <DownloadButton
        variant="primary"
        path={`${page}/receipt.pdf`}
        fileName={`phieu-tiep-nhan-${d.code}.pdf`}
        label={t('dossiers.detail.receipt')}
      />
      <h2>{t('dossiers.submitted.nextTitle')}</h2>
      <p>{text.next(d.status)}</p>
      <ul className="link-list">
        <li>
          <Link to={page}>{t('dossiers.submitted.viewDossier')}</Link>
        </li>
        <li>
          <Link to="/dossiers">{t('dossiers.submitted.myDossiers')}</Link>
        </li>
        <li>
          <Link to="/procedures">{t('dossiers.submitted.another')}</Link>
        </li>
      </ul>
    </>
  );
}
