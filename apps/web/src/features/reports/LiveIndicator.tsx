import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { SseStatus } from '../../lib/sse';

/** At most one "figures updated" announcement this often: a busy office must not drown the screen reader. */
export const ANNOUNCE_EVERY_MS = 60_000;

/**
 * The live feed's state, in words ("Live", "Reconnecting…"), with the time of the last update.
 * Screen readers hear only the changes of connection and, rarely, that the figures moved.
 */
export function LiveIndicator({ status, updatedAt }: { status: SseStatus; updatedAt: Date | null }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const lastAnnounced = useRef(0);
  const seenUpdate = useRef<Date | null>(null);
  const lastStatus = useRef<SseStatus>(status);

  useEffect(() => {
    if (status === lastStatus.current) return;
    const was = lastStatus.current;
    lastStatus.current = status;
    if (status === 'reconnecting' || status === 'stopped') setMessage(t(`dashboard.live.announce.${status}`));
    else if (status === 'open' && was === 'reconnecting') setMessage(t('dashboard.live.announce.back'));
  }, [status, t]);

  useEffect(() => {
    if (!updatedAt) return;
    const first = seenUpdate.current === null;
    seenUpdate.current = updatedAt;
    // The first summary is the page loading, not news.
    if (first) return;
    const now = updatedAt.getTime();
    if (now - lastAnnounced.current < ANNOUNCE_EVERY_MS) return;
    lastAnnounced.current = now;
    setMessage(t('dashboard.live.announce.updated', { time: formatDateTime(updatedAt) }));
  }, [updatedAt, t]);

  return (
    <div className={`live live--${status}`}>
      <span className="live__dot" aria-hidden="true" />
      <span className="live__label">{t(`dashboard.live.status.${status}`)}</span>
      {updatedAt ? (
        <span className="live__time muted">
          {' · '}
          {t('dashboard.live.updatedAt', { time: formatDateTime(updatedAt) })}
        </span>
      ) : null}
      <span className="visually-hidden" role="status" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
