import type { ItemList, SectorDto } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export function useSectors() {
  return useQuery({
    queryKey: queryKeys.sectors,
    queryFn: ({ signal }) => api<ItemList<SectorDto>>('/sectors', { signal }),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}
