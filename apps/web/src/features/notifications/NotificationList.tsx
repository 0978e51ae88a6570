import type { NotificationItem } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Button } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { notificationHref, useMarkRead } from './useNotifications';

/**
 * The inbox's items, newest first. Opening one marks it read, then goes to its dossier; an item
 * without a dossier has a "mark read" button instead.
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return (
    <ul className="inbox">
      {items.map((n) => {
        const href = notificationHref(user, n);
        const unread = n.readAt === null;
        const open = (e: React.MouseEvent) => {
          if (!unread || !href) return;
          e.preventDefault();
          // Marked read first, so the inbox counts right when the user comes back.
          markRead.mutate(n.id, { onSettled: () => void navigate(href) });
        };
        return (
          <li key={n.id} className={unread ? 'inbox__item inbox__item--unread' : 'inbox__item'}>
            <h2 className="inbox__title">
              {unread ? <span className="visually-hidden">{t('notifications.list.unread')}: </span> : null}
              {href ? (
                <Link to={href} onClick={open}>
                  {n.title}
                </Link>
              ) : (
                n.title
              )}
            </h2>
            <p className="inbox__body">{n.body}</p>
            <p className="inbox__meta">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              {unread ? (
                <>
                  {' · '}
                  <span className="tag tag--info" aria-hidden="true">
                    {t('notifications.list.unread')}
                  </span>
                  {!href ? (
                    <>
                      {' '}
                      <Button variant="link" onClick={() => markRead.mutate(n.id)}>
                        {t('notifications.list.markRead')}
                      </Button>
                    </>
                  ) : null}
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
