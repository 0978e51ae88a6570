import { useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, Checkbox, Loading, QueryLoadError } from '../../components/ui';
import { NotificationList } from '../../features/notifications/NotificationList';
import { useMarkAllRead, useNotificationList } from '../../features/notifications/useNotifications';

/** /notifications — the signed-in user's inbox: newest first, mark all read, a page at a time. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly);
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p role="status">
        {list.data
          ? unread > 0
            ? t('notifications.list.unreadCount', { count: unread })
            : t('notifications.list.allRead')
          : null}
      </p>
      <div className="button-group">
        <Button variant="secondary" onClick={() => markAll.mutate()} disabled={unread === 0 || markAll.isPending}>
          {t('notifications.list.markAllRead')}
        </Button>
        <Link to="/account/notifications">{t('notifications.list.settings')}</Link>
      </div>
      <Checkbox
        id="inbox-unread-only"
        label={t('notifications.list.unreadOnly')}
        inputProps={{ checked: unreadOnly, onChange: (e) => setUnreadOnly(e.target.checked) }}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryLoadError query={list} />
      ) : items.length === 0 ? (
        <p className="empty-state">
          {unreadOnly ? t('notifications.list.emptyUnread') : t('notifications.list.empty')}
        </p>
      ) : (
        <>
          <NotificationList items={items} />
          {list.hasNextPage ? (
            <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {t('notifications.list.more')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
