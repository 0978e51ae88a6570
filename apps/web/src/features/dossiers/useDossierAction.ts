import type { DossierDto } from '@motcua/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** An applicant's action on their dossier (supplement, withdraw, rating); the dossier is reloaded after. */
export function useDossierAction<TBody, TResult = DossierDto>(dossierId: string, action: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<TResult>(`/dossiers/${encodeURIComponent(dossierId)}/${action}`, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.dossiers });
    },
  });
}
