import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, ErrorSummary, Field, Loading, QueryLoadError } from '../../components/ui';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { DossierTimeline } from '../../features/dossiers/DossierTimeline';
import { StatusTag } from '../../features/dossiers/StatusTags';
import { TrackingRating } from '../../features/dossiers/TrackingRating';
import { isNotFound, useTracking } from '../../features/dossiers/useDossiers';
import { useDossierText } from '../../features/dossiers/useDossierText';
import { formatDate, formatDateTime } from '../../lib/format';

const CODE_ID = 'track-code';

/** Codes are printed in capitals (`000.30.01.H17-261127-0001`); people type them in any case, with spaces. */
function normaliseCode(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/**
 * /track and /track/:code — public tracking by dossier code, no login. The receipt's QR code
 * adds `?t=` (its token): the page then shows the public timeline too (steps and dates).
 */
export function TrackPage() {
  const { t } = useTranslation();
  const text = useDossierText();
  const navigate = useNavigate();
  const { code: rawCode } = useParams();
  const [searchParams] = useSearchParams();
  const code = rawCode ? normaliseCode(rawCode) : null;
  const token = searchParams.get('t');
  const [value, setValue] = useState(code ?? '');
  const [empty, setEmpty] = useState(false);
  const [searched, setSearched] = useState(false);
  const tracking = useTracking(code, token);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // A new code in the URL (a search, back/forward) replaces the box's text, adjusted during render.
  const [seenCode, setSeenCode] = useState(code);
  if (code !== seenCode) {
    setSeenCode(code);
    setValue(code ?? '');
  }
  // After a search on this page, the answer takes the focus (a scan of the QR code opens the page as is).
  useEffect(() => {
    if (searched && !tracking.isPending) resultHeading.current?.focus();
  }, [searched, tracking.isPending, code]);

  const summary = useMemo(() => (empty ? [{ fieldId: CODE_ID, message: t('tracking.codeRequired') }] : []), [empty, t]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCode(value);
    setEmpty(!c);
    if (!c) return;
    setSearched(true);
    void navigate(`/track/${encodeURIComponent(c)}`);
  };

  return (
    <div className="narrow">
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <h1>{t('tracking.title')}</h1>
      <p className="lead">{t('tracking.lead')}</p>
      <form noValidate onSubmit={onSubmit} className="track-form">
        <Field
          id={CODE_ID}
          label={t('tracking.code')}
          hint={t('tracking.codeHint')}
          error={empty ? t('tracking.codeRequired') : undefined}
        >
          <input
            type="text"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
          />
        </Field>
        <Button type="submit">{t('tracking.submit')}</Button>
      </form>

      {!code ? null : tracking.isPending ? (
        <Loading />
      ) : tracking.isError ? (
        isNotFound(tracking.error) ? (
          <section aria-labelledby="track-result">
            <h2 id="track-result" ref={resultHeading} tabIndex={-1}>
              {t('tracking.notFoundTitle')}
            </h2>
            <p>{t('tracking.notFoundBody', { code })}</p>
          </section>
        ) : (
          <QueryLoadError query={tracking} errorText={dossierErrorText} />
        )
      ) : (
        <section aria-labelledby="track-result" className="track-result">
          <h2 id="track-result" ref={resultHeading} tabIndex={-1}>
            {t('tracking.resultTitle')} <span className="dossier-code">{tracking.data.code}</span>
          </h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('dossiers.fields.status')}</dt>
              <dd>
                <StatusTag status={tracking.data.status} />
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('dossiers.fields.procedure')}</dt>
              <dd lang="vi">{tracking.data.procedureName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('dossiers.fields.agency')}</dt>
              <dd lang="vi">{tracking.data.agencyName}</dd>
            </div>
            {tracking.data.submittedAt ? (
              <div className="summary-list__row">
                <dt>{t('dossiers.fields.submittedAt')}</dt>
                <dd>{formatDateTime(tracking.data.submittedAt)}</dd>
              </div>
            ) : null}
            {tracking.data.dueAt ? (
              <div className="summary-list__row">
                <dt>{t('dossiers.fields.dueAt')}</dt>
                <dd>{formatDate(tracking.data.dueAt)}</dd>
              </div>
            ) : null}
            {tracking.data.completedAt ? (
              <div className="summary-list__row">
                <dt>{t('dossiers.fields.completedAt')}</dt>
                <dd>{formatDateTime(tracking.data.completedAt)}</dd>
              </div>
            ) : null}
          </dl>
          <h3>{t('tracking.nextTitle')}</h3>
          <p>{text.next(tracking.data.status)}</p>
          {tracking.data.status === 'RETURNED' ? <TrackingRating code={tracking.data.code} /> : null}
          {tracking.data.timeline ? (
            <>
              <h3>{t('tracking.timelineTitle')}</h3>
              <DossierTimeline
                events={tracking.data.timeline.map((e) => ({
                  ...e,
                  actor: { fullName: null, role: null },
                  note: null,
                }))}
              />
            </>
          ) : null}
        </section>
      )}
    </div>
  );
}
