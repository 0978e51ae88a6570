import type { DossierActionRequest, DossierDto } from '@motcua/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** POST /dossiers/{id}/actions; the answer is the dossier as it now is. */
export function useStaffAction(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierActionRequest) =>
      api<DossierDto>(`/dossiers/${encodeURIComponent(dossierId)}/actions`, { method: 'POST', body }),
    onSuccess: (dossier) => {
      queryClient.setQueryData(queryKeys.dossier(dossierId), dossier);
      void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
    },
  });
}

/** Someone else acted first (stale version), or the dossier moved on: only a reload helps. */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409;
}
