import type { QueuePage } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { queuePath } from '../queue/useQueue';

export interface Colleague {
  id: string;
  fullName: string;
}

const WORKED = { status: 'IN_PROCESSING,SUPPLEMENT_REQUESTED,PENDING_APPROVAL,APPROVED,REJECTED' };

/**
 * Officers to hand a dossier to. api.md has no staff directory, so these are the officers the
 * agency's queue shows at work (plus the dossier's current assignee), in name order.
 */
export function useColleagues(enabled: boolean, extra: Colleague | null, selfId: string) {
  const q = useQuery({
    queryKey: queryKeys.queuePage({ ...WORKED, colleagues: '1' }),
    queryFn: ({ signal }) => api<QueuePage>(queuePath(WORKED, null, 100), { signal }),
    enabled,
    staleTime: 60_000,
  });
  const byId = new Map<string, Colleague>();
  for (const item of q.data?.items ?? []) if (item.assignee) byId.set(item.assignee.id, item.assignee);
  if (extra) byId.set(extra.id, extra);
  byId.delete(selfId);
  const list = [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  return { colleagues: list, isPending: enabled && q.isPending };
}
