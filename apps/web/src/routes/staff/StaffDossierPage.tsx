import type { DossierDto, UserSummary } from '@motcua/shared';
import { can } from '@motcua/shared/permissions';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation, useParams } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Loading, QueryLoadError } from '../../components/ui';
import { SummaryRows, useAnswerRows } from '../../features/apply/AnswersList';
import { useProcedure } from '../../features/catalog/useProcedure';
import { ActionPanel } from '../../features/desk/ActionPanel';
import { ResultPanel } from '../../features/desk/ResultPanel';
import { StaffDocuments } from '../../features/desk/StaffDocuments';
import { StaffDossierFacts } from '../../features/desk/StaffDossierFacts';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { DossierTimeline } from '../../features/dossiers/DossierTimeline';
import { isNotFound, useDossier } from '../../features/dossiers/useDossiers';
import { CounterPaymentForm } from '../../features/payments/CounterPaymentForm';
import { canPayOnline } from '../../features/payments/useFeeText';
import '../../features/queue/desk.css';

/**
 * /staff/dossiers/:id (and /manager/dossiers/:id, read-only for managers): the dossier's work
 * screen: what to do now, the facts, the form data, the documents, the history.
 */
export function StaffDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const back = useLocation().pathname.startsWith('/manager') ? '/manager' : '/staff';
  const dossier = useDossier(id);
  const backLink = (
    <p>
      <Link to={back}>{back === '/manager' ? t('desk.work.backToDashboard') : t('desk.work.backToQueue')}</Link>
    </p>
  );
  if (!user) return null;
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    return (
      <>
        {backLink}
        <h1>{isNotFound(dossier.error) ? t('desk.work.notFound') : t('desk.work.loadError')}</h1>
        {isNotFound(dossier.error) ? (
          <p>{t('desk.work.notFoundBody')}</p>
        ) : (
          <QueryLoadError query={dossier} errorText={dossierErrorText} />
        )}
      </>
    );
  }
  return (
    <>
      {backLink}
      <WorkScreen dossier={dossier.data} user={user} />
    </>
  );
}

function WorkScreen({ dossier: d, user }: { dossier: DossierDto; user: UserSummary }) {
  const { t } = useTranslation();
  const procedure = useProcedure(d.procedure.code);
  const answers = useAnswerRows(procedure.data?.formSchema.fields ?? [], d.formData);
  // Without the form schema (procedure withdrawn from the catalog), the raw keys still say something.
  const rows = procedure.data
    ? answers
    : Object.entries(d.formData).map(([key, v]) => ({ key, label: key, value: v === null ? '' : JSON.stringify(v) }));
  return (
    <>
      <h1 className="work-title">
        {t('desk.work.title')} <span className="dossier-code">{d.code ?? t('desk.work.noCode')}</span>
      </h1>
      <p className="lead" lang="vi">
        {d.procedure.name}
      </p>
      <ActionPanel dossier={d} user={user} />
      {can(user, 'payment.counter') && canPayOnline(d) ? <CounterPaymentForm dossier={d} /> : null}
      <ResultPanel dossier={d} user={user} />
      <h2>{t('desk.work.factsTitle')}</h2>
      <StaffDossierFacts dossier={d} />
      <h2>{t('desk.work.formTitle')}</h2>
      {procedure.isPending ? <Loading /> : <SummaryRows rows={rows} />}
      <h2>{t('desk.work.documentsTitle')}</h2>
      <StaffDocuments dossier={d} procedure={procedure.data} />
      <h2>{t('desk.work.timelineTitle')}</h2>
      <DossierTimeline events={d.timeline} />
    </>
  );
}
