import type {
  NotificationItem,
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesInput,
  Role,
} from '@motcua/shared';
// By module: the bell is in the shell, which must not carry zod (issue 16, the front end's budget).
import { can } from '@motcua/shared/permissions';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../lib/i18n';
import { useAuth } from '../../app/useAuth';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/**
 * How often the bell asks for the unread count. A light poll rather than a stream (api.md, our
 * additions): one indexed count a minute per signed-in tab, plus a refresh when the tab regains
 * focus and after every mark-read, costs less than a held connection and a stream row per tab.
 */
export const UNREAD_POLL_MS = 60_000;
export const NOTIFICATIONS_PAGE_SIZE = 20;

const withLang = (lang: string) => ({ 'Accept-Language': lang });

/** The bell's count: the `unread` of a one-item page. */
export function useUnreadCount() {
  const { user } = useAuth();
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: ({ signal }) =>
      api<NotificationList>('/notifications?unread=true&limit=1', { signal, headers: withLang(i18n.language) }),
    select: (list) => list.unread,
    enabled: user !== null,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 0,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

export function useNotificationList(unreadOnly: boolean) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList(unreadOnly, i18n.language),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(NOTIFICATIONS_PAGE_SIZE) });
      if (unreadOnly) params.set('unread', 'true');
      if (pageParam) params.set('cursor', pageParam);
      return api<NotificationList>(`/notifications?${params.toString()}`, {
        signal,
        headers: withLang(i18n.language),
      });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/notifications/read-all', { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) => api<NotificationPreferences>('/notifications/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesInput) =>
      api<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(queryKeys.notificationPreferences, saved),
  });
}

/**
 * Where an item leads: a citizen's dossier page (a result ready at its rating section), the staff
 * work screen, the manager's read-only one; nothing without a dossier.
 */
export function notificationHref(
  user: { roles: readonly Role[] } | null,
  item: Pick<NotificationItem, 'type' | 'dossierId'>,
): string | null {
  if (!item.dossierId || !user) return null;
  const id = encodeURIComponent(item.dossierId);
  if (can(user, 'dossier.own')) return `/dossiers/${id}${item.type === 'RESULT_READY' ? '#danh-gia' : ''}`;
  if (can(user, 'dossier.act')) return `/staff/dossiers/${id}`;
  if (can(user, 'report.read')) return `/manager/dossiers/${id}`;
  return null;
}
