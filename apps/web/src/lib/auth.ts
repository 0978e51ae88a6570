import type { LoginResponse, RefreshResponse, TokenPair, UserDto, UserSummary } from '@motcua/shared';
import { api, setAccessTokenProvider, setUnauthorizedHandler } from './api';

/**
 * The session: the access token lives in memory only (a script injected later cannot
 * read it from storage), the refresh token and the user in localStorage so that a
 * reload or a new tab stays logged in.
 */
const REFRESH_KEY = 'motcua.refreshToken';
const USER_KEY = 'motcua.user';

let accessToken: string | null = null;
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Private mode: the session lasts for this page only.
  }
}

function notify(): void {
  for (const l of listeners) l();
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getRefreshToken(): string | null {
  return read(REFRESH_KEY);
}

let cachedUserJson: string | null = null;
let cachedUser: UserSummary | null = null;
/** The logged-in user, or null; the same object until the session changes (for useSyncExternalStore). */
export function getStoredUser(): UserSummary | null {
  const json = read(USER_KEY);
  if (json === cachedUserJson) return cachedUser;
  cachedUserJson = json;
  try {
    cachedUser = json ? (JSON.parse(json) as UserSummary) : null;
  } catch {
    cachedUser = null;
  }
  return cachedUser;
}

export function toUserSummary(u: UserDto | UserSummary): UserSummary {
  return { id: u.id, fullName: u.fullName, roles: u.roles, agencyCode: u.agencyCode };
}

/** Store a new token pair (and the user, when known) and tell the subscribers. */
export function storeSession(pair: TokenPair, user?: UserSummary): void {
  accessToken = pair.accessToken;
  write(REFRESH_KEY, pair.refreshToken);
  if (user) write(USER_KEY, JSON.stringify(toUserSummary(user)));
  notify();
}

export function storeUser(user: UserSummary): void {
  write(USER_KEY, JSON.stringify(toUserSummary(user)));
  notify();
}

export function clearSession(): void {
  accessToken = null;
  write(REFRESH_KEY, null);
  write(USER_KEY, null);
  notify();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What public/session-boot.js left: the renewal it started at page load, for this token. */
interface SessionBoot {
  token: string;
  answer: Promise<{ status: number; text: string }>;
}
type BootWindow = { motcuaSessionBoot?: SessionBoot | null };

/**
 * The renewal public/session-boot.js started at page load, claimed when this module loads (before
 * any of the app's calls): the boot script, if it only runs now, sends nothing, so one token is
 * never sent twice. Taken at most once, for the token it was started with.
 */
let bootRenewal: SessionBoot | null = (globalThis as BootWindow).motcuaSessionBoot ?? null;
(globalThis as BootWindow).motcuaSessionBoot = null;

function takeBootRenewal(refreshToken: string): SessionBoot['answer'] | null {
  const boot = bootRenewal;
  bootRenewal = null;
  return boot && boot.token === refreshToken ? boot.answer : null;
}

/** For tests: what the boot script would have left before this module loaded. */
export function adoptBootRenewal(boot: SessionBoot | null): void {
  bootRenewal = boot;
}

/** The boot script's answer as api() would have given it: the new pair, or a throw. */
async function bootAnswer(answer: SessionBoot['answer']): Promise<RefreshResponse> {
  const { status, text } = await answer;
  if (status < 200 || status > 299) throw new Error(`refresh answered ${status}`);
  return JSON.parse(text) as RefreshResponse;
}

let refreshing: Promise<boolean> | null = null;
/**
 * Trade the refresh token for a new pair. Calls that fail together share one refresh:
 * refresh tokens rotate, so a second use of the same one would revoke the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = getRefreshToken();
    if (!refreshToken) return false;
    try {
      const early = takeBootRenewal(refreshToken);
      const res = early
        ? await bootAnswer(early)
        : await api<RefreshResponse>('/auth/refresh', { method: 'POST', body: { refreshToken } });
      storeSession(res, res.user);
      return true;
    } catch {
      clearSession();
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * On page load: a stored session (refresh token, no access token yet, as after a reload) is
 * renewed BEFORE the app's first API call, instead of that call failing with 401 and then
 * refreshing (issue 16: a 401 on every signed-in page load). Resolves once there is a token, or
 * none to be had (the session is then cleared).
 */
export async function restoreSession(): Promise<void> {
  if (accessToken || !getRefreshToken()) return;
  await refreshSession();
}

export async function login(username: string, password: string): Promise<LoginResponse> {
  const res = await api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });
  storeSession(res, res.user);
  return res;
}

/** Revoke the refresh token on the server; the local session ends whatever the answer. */
export async function logout(): Promise<void> {
  const refreshToken = getRefreshToken();
  try {
    if (refreshToken) await api<void>('/auth/logout', { method: 'POST', body: { refreshToken } });
  } catch {
    // Already expired or the network is down: forgetting the tokens locally is what matters.
  } finally {
    clearSession();
  }
}

/** After the digital-citizen (OIDC) login: keep the pair, then ask who we are. */
export async function completeOidcLogin(pair: TokenPair): Promise<UserSummary> {
  storeSession(pair);
  try {
    const me = toUserSummary(await api<UserDto>('/auth/me'));
    storeUser(me);
    return me;
  } catch (e) {
    clearSession();
    throw e;
  }
}

// Another tab logged in or out: follow it.
globalThis.addEventListener?.('storage', (e: StorageEvent) => {
  if (e.key === null || e.key === REFRESH_KEY || e.key === USER_KEY) notify();
});

setAccessTokenProvider(getAccessToken);
setUnauthorizedHandler(refreshSession);
