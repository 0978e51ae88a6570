import type { Page, ProcedureSummary } from '@motcua/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys, type ProcedureSearchParams } from '../../lib/queryKeys';

export function proceduresPath(params: ProcedureSearchParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `/procedures?${s}` : '/procedures';
}

/** One page of the catalog search; the previous page stays on screen while the next loads. */
export function useProcedures(params: ProcedureSearchParams) {
  return useQuery({
    queryKey: queryKeys.procedures(params),
    queryFn: ({ signal }) => api<Page<ProcedureSummary>>(proceduresPath(params), { signal }),
    placeholderData: keepPreviousData,
  });
}
