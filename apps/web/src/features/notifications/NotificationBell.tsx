import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { useUnreadCount } from './useNotifications';

/**
 * The header's bell: a link to the inbox whose accessible name carries the unread count; a rise of
 * the count is also said once through a polite live region (WCAG 4.1.3, status messages).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (unread.data === undefined) return;
    // The first count is part of the page, not news; only a later rise is announced.
    if (previous.current !== null && unread.data > previous.current) {
      setAnnouncement(t('notifications.bell.announce', { count: unread.data }));
    }
    previous.current = unread.data;
  }, [unread.data, t]);
  const label = count > 0 ? t('notifications.bell.labelUnread', { count }) : t('notifications.bell.labelNone');
  return (
    <>
      <Link to="/notifications" className="header__link header__bell" aria-label={label}>
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count > 0 ? (
          <span className="header__badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </Link>
      {/* A bare live region (no status role): the page's own status messages stay the only ones. */}
      <span className="visually-hidden header__bell-live" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </>
  );
}
