import type { StaffList, StaffMember } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/**
 * The officers a dossier can be handed to: GET /staff?role=OFFICER (api.md, Staff), the active
 * officers of the caller's agency with their open load, in name order, the caller left out.
 */
export function useOfficers(enabled: boolean, selfId: string): { officers: StaffMember[]; isPending: boolean } {
  const q = useQuery({
    queryKey: queryKeys.staff('OFFICER'),
    queryFn: ({ signal }) => api<StaffList>('/staff?role=OFFICER', { signal }),
    enabled,
    staleTime: 30_000,
  });
  return { officers: (q.data?.items ?? []).filter((s) => s.id !== selfId), isPending: enabled && q.isPending };
}
