import type { DossierDto, DossierListResponse, DossierStatus, TrackingDto } from '@motcua/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export const MY_DOSSIERS_PAGE_SIZE = 20;

const notFound = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 403);
/** A 404 will not turn into a dossier by asking again. */
const retryUnlessNotFound = (count: number, e: unknown) => !notFound(e) && count < 1;

/** The citizen's dossiers, newest first, a page at a time ("load more" with the keyset cursor). */
export function useMyDossiers(status: DossierStatus | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.myDossiers(status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(MY_DOSSIERS_PAGE_SIZE) });
      if (status) params.set('status', status);
      if (pageParam) params.set('cursor', pageParam);
      return api<DossierListResponse>(`/dossiers?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: queryKeys.dossier(id),
    queryFn: ({ signal }) => api<DossierDto>(`/dossiers/${encodeURIComponent(id)}`, { signal }),
    enabled: id !== '',
    retry: retryUnlessNotFound,
    staleTime: 0,
  });
}

/** Public tracking by code: no personal data, no login. The receipt's token (`t`) adds the public timeline. */
export function useTracking(code: string | null, token: string | null = null) {
  return useQuery({
    queryKey: queryKeys.tracking(code ?? '', token),
    queryFn: ({ signal }) =>
      api<TrackingDto>(`/tracking/${encodeURIComponent(code ?? '')}${token ? `?t=${encodeURIComponent(token)}` : ''}`, {
        signal,
      }),
    enabled: !!code,
    retry: retryUnlessNotFound,
  });
}

export function isNotFound(e: unknown): boolean {
  return notFound(e);
}
