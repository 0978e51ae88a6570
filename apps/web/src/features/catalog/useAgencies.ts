import type { AgencyDto, ItemList } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export function useAgencies({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.agencies,
    queryFn: ({ signal }) => api<ItemList<AgencyDto>>('/agencies', { signal }),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}
