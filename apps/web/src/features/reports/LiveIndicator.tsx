import { useState } from 'react';
import { useTranslation } from '../../lib/i18n';
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
  // What was last seen and said, adjusted during render when the props change (React's "adjusting state
  // when a prop changes"), so the announcement lands in the same render as the new figures.
  const [seen, setSeen] = useState<{
    status: SseStatus;
    updatedAt: Date | null;
    announcedAt: number;
    message: string;
  }>({ status, updatedAt, announcedAt: 0, message: '' });
  if (status !== seen.status || (updatedAt !== null && updatedAt !== seen.updatedAt)) {
    let { message, announcedAt } = seen;
    if (status !== seen.status) {
      if (status === 'reconnecting' || status === 'stopped') message = t(`dashboard.live.announce.${status}`);
      else if (status === 'open' && seen.status === 'reconnecting') message = t('dashboard.live.announce.back');
    }
    // The first summary is the page loading, not news.
    if (updatedAt !== null && updatedAt !== seen.updatedAt && seen.updatedAt !== null) {
      const now = updatedAt.getTime();
      if (now - announcedAt >= ANNOUNCE_EVERY_MS) {
        announcedAt = now;
        message = t('dashboard.live.announce.updated', { time: formatDateTime(updatedAt) });
      }
    }
    setSeen({ status, updatedAt: updatedAt ?? seen.updatedAt, announcedAt, message });
  }
  const { message } = seen;

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
