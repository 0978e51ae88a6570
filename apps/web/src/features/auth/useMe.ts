import type { UserDto } from '@motcua/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** The logged-in user's full record (GET /auth/me). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api<UserDto>('/auth/me', { signal }),
  });
}
