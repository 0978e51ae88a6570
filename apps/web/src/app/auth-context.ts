import type { LoginResponse, TokenPair, UserSummary } from '@motcua/shared';
import { createContext } from 'react';

export interface AuthContextValue {
  /** The logged-in user, or null when nobody is. */
  user: UserSummary | null;
  login(username: string, password: string): Promise<LoginResponse>;
  /** Finish a digital-citizen (OIDC) login from the tokens the callback handed over. */
  completeOidcLogin(pair: TokenPair): Promise<UserSummary>;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
