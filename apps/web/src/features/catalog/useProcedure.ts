import type { ProcedureDetail } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** The procedure's query, shared by the pages and by the apply page's draft (useDraftId). */
export function procedureQuery(code: string) {
  return {
    queryKey: queryKeys.procedure(code),
    queryFn: ({ signal }: { signal?: AbortSignal }) =>
      api<ProcedureDetail>(`/procedures/${encodeURIComponent(code)}`, { signal }),
    // A 404 will not turn into a procedure by asking again.
    retry: (count: number, e: Error) => !(e instanceof ApiError && e.status === 404) && count < 1,
  };
}

export function useProcedure(code: string) {
  return useQuery(procedureQuery(code));
}
