import type { QueuePage } from '@motcua/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export const QUEUE_PAGE_SIZE = 20;

export function queuePath(params: Record<string, string>, cursor?: string | null, limit = QUEUE_PAGE_SIZE): string {
  const qs = new URLSearchParams({ ...params, limit: String(limit) });
  if (cursor) qs.set('cursor', cursor);
  return `/queue?${qs.toString()}`;
}

/** A staff queue, oldest due first, a page at a time ("load more" with the keyset cursor). */
export function useQueue(params: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: queryKeys.queuePage(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<QueuePage>(queuePath(params, pageParam), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Colleagues change the queue all day: always ask again when it is shown.
    staleTime: 0,
  });
}

/** The first `limit` rows of a queue (the dashboard's overdue list). */
export function useQueueHead(params: Record<string, string>, limit: number) {
  return useQuery({
    queryKey: queryKeys.queuePage({ ...params, head: String(limit) }),
    queryFn: ({ signal }) => api<QueuePage>(queuePath(params, null, limit), { signal }),
    staleTime: 0,
  });
}
