import type { CounterIntakeResponse } from '@motcua/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, Panel } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { DownloadButton } from '../dossiers/DownloadButton';

/**
 * The walk-in dossier was received: its code, when the result is due, the one-time claim code
 * (shown this once, as only its hash is kept) and the slip to print with it.
 */
export function CounterConfirmation({ dossier, onAnother }: { dossier: CounterIntakeResponse; onAnother: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const code = dossier.code ?? dossier.id;
  return (
    <div ref={ref} tabIndex={-1} className="counter-done">
      <Panel title={t('desk.counter.doneTitle')}>
        <p>
          {t('desk.counter.doneCode')}
          <br />
          <strong className="dossier-code">{code}</strong>
        </p>
      </Panel>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('desk.fields.applicant')}</dt>
          <dd lang="vi">{dossier.applicant.fullName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('desk.fields.procedure')}</dt>
          <dd lang="vi">{dossier.procedure.name}</dd>
        </div>
        {dossier.dueAt ? (
          <div className="summary-list__row">
            <dt>{t('desk.counter.dueAt')}</dt>
            <dd>
              <time dateTime={dossier.dueAt}>{formatDateTime(dossier.dueAt)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      <section className="claim-code" aria-labelledby="claim-code-title">
        <h2 id="claim-code-title">{t('desk.counter.claimCodeTitle')}</h2>
        <p>
          <strong className="dossier-code">{dossier.claimCode}</strong>
        </p>
        <p>{t('desk.counter.claimCodeHint')}</p>
      </section>
      <p>
        <DownloadButton
          variant="primary"
          path={`/dossiers/${encodeURIComponent(dossier.id)}/receipt.pdf`}
          fileName={`phieu-tiep-nhan-${code}.pdf`}
          label={t('desk.receipt')}
          headers={{ 'Claim-Code': dossier.claimCode }}
        />
      </p>
      <p>
        <Link to={`/staff/dossiers/${encodeURIComponent(dossier.id)}`}>{t('desk.counter.open')}</Link>
      </p>
      <Button variant="secondary" onClick={onAnother}>
        {t('desk.counter.another')}
      </Button>
    </div>
  );
}
