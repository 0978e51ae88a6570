import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import * as session from '../lib/auth';
import { AuthContext, type AuthContextValue } from './auth-context';

/** The session as React state: follows logins, refreshes and a refresh that failed. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const user = useSyncExternalStore(session.subscribeSession, session.getStoredUser, () => null);
  const value = useMemo<AuthContextValue>(() => {
    // What one user fetched must never be shown to the next one on this device.
    const forgetPrivateData = () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'catalog' });
    return {
      user,
      login: async (username, password) => {
        const res = await session.login(username, password);
        forgetPrivateData();
        return res;
      },
      completeOidcLogin: async (pair) => {
        const me = await session.completeOidcLogin(pair);
        forgetPrivateData();
        return me;
      },
      logout: async () => {
        await session.logout();
        forgetPrivateData();
      },
    };
  }, [user, queryClient]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
