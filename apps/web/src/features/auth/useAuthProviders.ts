import type { AuthProvidersResponse } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** Which login methods the server offers; the VNeID button shows only when OIDC is configured. */
export function useAuthProviders() {
  return useQuery({
    queryKey: queryKeys.authProviders,
    queryFn: ({ signal }) => api<AuthProvidersResponse>('/auth/providers', { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
