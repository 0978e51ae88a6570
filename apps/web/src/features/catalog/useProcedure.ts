import type { ProcedureDetail } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export function useProcedure(code: string) {
  return useQuery({
    queryKey: queryKeys.procedure(code),
    queryFn: ({ signal }) => api<ProcedureDetail>(`/procedures/${encodeURIComponent(code)}`, { signal }),
    // A 404 will not turn into a procedure by asking again.
    retry: (count, e) => !(e instanceof ApiError && e.status === 404) && count < 1,
  });
}
