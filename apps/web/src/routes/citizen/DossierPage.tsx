import type { DossierDto } from '@motcua/shared';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation, useParams } from 'react-router';
import { Loading, QueryLoadError } from '../../components/ui';
import { SummaryRows, useAnswerRows } from '../../features/apply/AnswersList';
import { useProcedure } from '../../features/catalog/useProcedure';
import { DossierDocuments } from '../../features/dossiers/DossierDocuments';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { DossierFacts } from '../../features/dossiers/DossierFacts';
import { DossierTimeline } from '../../features/dossiers/DossierTimeline';
import { DownloadButton } from '../../features/dossiers/DownloadButton';
import { Notice } from '../../features/dossiers/Notice';
import { RATING_ANCHOR } from '../../features/dossiers/rating-anchor';
import { StatusTag } from '../../features/dossiers/StatusTags';
import { isNotFound, useDossier } from '../../features/dossiers/useDossiers';
import { useDossierText } from '../../features/dossiers/useDossierText';
import { PayFeeButton } from '../../features/payments/PayFeeButton';
import { canPayOnline } from '../../features/payments/useFeeText';

// Forms of some statuses only: loaded when shown (they bring the shared rules, hence zod).
const SupplementForm = lazy(async () => ({
  default: (await import('../../features/dossiers/SupplementForm')).SupplementForm,
}));
const RatingForm = lazy(async () => ({ default: (await import('../../features/dossiers/RatingForm')).RatingForm }));

/** The officer's latest note asking for a supplement. */
function supplementRequest(d: DossierDto): string | null {
  const asked = d.timeline.filter((e) => e.toStatus === 'SUPPLEMENT_REQUESTED' && e.note);
  return asked.length ? (asked[asked.length - 1].note ?? null) : null;
}

/** /dossiers/:id — where the dossier stands, what happens next, what the citizen can do now. */
export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) {
    if (isNotFound(dossier.error)) {
      return (
        <>
          <h1>{t('dossiers.notFound.title')}</h1>
          <p>{t('dossiers.notFound.body')}</p>
          <p>
            <Link to="/dossiers">{t('dossiers.backToList')}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>{t('dossiers.loadErrorTitle')}</h1>
        <QueryLoadError query={dossier} errorText={dossierErrorText} />
      </>
    );
  }
  return <DossierDetails dossier={dossier.data} />;
}

function DossierDetails({ dossier: d }: { dossier: DossierDto }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const location = useLocation();
  const [notice, setNotice] = useState<{ key: string; focus: boolean } | null>(() => {
    const key = (location.state as { notice?: string } | null)?.notice;
    return key ? { key, focus: false } : null;
  });
  // Arriving from a "result ready" link: focus (and so scroll to) the rating section.
  useEffect(() => {
    if (location.hash === '#danh-gia') document.getElementById('danh-gia')?.focus();
  }, [location.hash]);
  const procedure = useProcedure(d.procedure.code).data;
  const answers = useAnswerRows(procedure?.formSchema.fields ?? [], d.formData);
  const note = d.status === 'SUPPLEMENT_REQUESTED' ? supplementRequest(d) : null;
  const actions = d.availableActions;
  const base = `/dossiers/${encodeURIComponent(d.id)}`;
  const canRate = d.status === 'RETURNED' && d.rating === null;
  // A link to the rating (tracking page, "result ready" e-mail) opens the page there.
  const toRating = location.hash === `#${RATING_ANCHOR}`;
  // The letter exists once issued (api.md: 404 before); appointmentAt says one was.
  const apologised = d.appointmentAt !== null;
  const fileCode = d.code ?? d.id;

  return (
    <>
      <p className="caption">
        {t('dossiers.fields.code')}: <span className="dossier-code">{d.code ?? t('dossiers.noCodeYet')}</span>
      </p>
      <h1 lang="vi">{d.procedure.name}</h1>
      {notice ? (
        <Notice key={notice.key} focus={notice.focus}>
          {t(`dossiers.notice.${notice.key}`)}
        </Notice>
      ) : null}

      <section className="status-box" aria-labelledby="status-title">
        <h2 id="status-title">{t('dossiers.detail.statusTitle')}</h2>
        <p>
          <StatusTag status={d.status} />
        </p>
        <p>{text.next(d.status)}</p>
        {note ? (
          <div className="inset">
            <p className="inset__title">{t('dossiers.supplement.officerNote')}</p>
            <p className="pre-line" lang="vi">
              {note}
            </p>
          </div>
        ) : null}
      </section>

      {actions.includes('submit') ? (
        <p>
          <Link className="btn btn--primary" to={`/apply/${encodeURIComponent(d.procedure.code)}`}>
            {t('dossiers.detail.continueDraft')}
          </Link>
        </p>
      ) : null}
      {canPayOnline(d) ? <PayFeeButton dossier={d} /> : null}
      <Suspense fallback={<Loading />}>
        {actions.includes('supplement') ? (
          <SupplementForm
            dossier={d}
            procedure={procedure}
            onDone={() => setNotice({ key: 'supplemented', focus: true })}
          />
        ) : null}
      </Suspense>
      <div id={RATING_ANCHOR}>
        <Suspense fallback={<Loading />}>
          {canRate ? (
            <RatingForm
              dossierId={d.id}
              focusOnMount={toRating}
              onDone={() => setNotice({ key: 'rated', focus: true })}
            />
          ) : null}
        </Suspense>
        {d.rating ? <p>{t('dossiers.rating.given', { score: d.rating.score })}</p> : null}
      </div>

      <h2>{t('dossiers.detail.factsTitle')}</h2>
      <DossierFacts dossier={d} />

      {d.submittedAt || apologised ? (
        <>
          <h2>{t('dossiers.detail.downloadsTitle')}</h2>
          <div className="button-group">
            {d.submittedAt ? (
              <DownloadButton
                path={`${base}/receipt.pdf`}
                fileName={`phieu-tiep-nhan-${fileCode}.pdf`}
                label={t('dossiers.detail.receipt')}
              />
            ) : null}
            {apologised ? (
              <DownloadButton
                path={`${base}/apology.pdf`}
                fileName={`thu-xin-loi-${fileCode}.pdf`}
                label={t('dossiers.detail.apology')}
              />
            ) : null}
            {d.fee.paidAt ? (
              // The electronic fee receipt (our addition, docs/api.md): there once the payment is confirmed.
              <DownloadButton
                path={`${base}/fee-receipt.pdf`}
                fileName={`bien-lai-${fileCode}.pdf`}
                label={t('dossiers.detail.feeReceipt')}
              />
            ) : null}
            {d.result?.signed ? (
              <DownloadButton
                path={`${base}/result.pdf`}
                fileName={`ket-qua-${fileCode}.pdf`}
                label={t('dossiers.detail.result')}
              />
            ) : null}
          </div>
        </>
      ) : null}

      <h2>{t('dossiers.detail.documentsTitle')}</h2>
      <DossierDocuments dossier={d} procedure={procedure} />

      {answers.length ? (
        <>
          <h2>{t('dossiers.detail.answersTitle')}</h2>
          <SummaryRows rows={answers} />
        </>
      ) : null}

      <h2>{t('dossiers.detail.timelineTitle')}</h2>
      <DossierTimeline events={d.timeline} />

      {actions.includes('withdraw') ? (
        <>
          <h2>{t('dossiers.withdraw.sectionTitle')}</h2>
          <p>{t('dossiers.withdraw.sectionBody')}</p>
          <p>
            <Link className="btn btn--secondary" to={`${base}/withdraw`}>
              {t('dossiers.withdraw.start')}
            </Link>
          </p>
        </>
      ) : null}
      <p>
        <Link to="/dossiers">{t('dossiers.backToList')}</Link>
      </p>
    </>
  );
}
