import { api } from './api';
import {
  clearSession,
  getAccessToken,
  getRefreshToken,
  getStoredUser,
  login,
  logout,
  restoreSession,
  storeSession,
} from './auth';
import { problem, stubApi } from '../test/api-stub';
import { citizenLogin } from '../test/fixtures';

const expired = { status: 401, body: problem(401, 'UNAUTHENTICATED', 'Token expired') };

describe('session and token refresh', () => {
  beforeEach(() => {
    localStorage.clear();
    clearSession();
  });

  it('keeps the access token in memory only, the refresh token and user in storage', async () => {
    stubApi({ 'POST /auth/login': { body: citizenLogin } });
    await login('048095001234', 'Mot-cau-rat-dai-2026');
    expect(getAccessToken()).toBe('access-citizen');
    expect(getRefreshToken()).toBe('refresh-citizen');
    expect(getStoredUser()?.fullName).toBe('Nguyễn Văn An');
    expect(Object.values({ ...localStorage })).not.toContain('access-citizen');
  });

  it('after a reload, renews the session before the first call: no call is ever answered 401', async () => {
    // What a reload leaves: the refresh token and the user in storage, no access token in memory.
    localStorage.setItem('motcua.refreshToken', 'r1');
    localStorage.setItem('motcua.user', JSON.stringify(citizenLogin.user));
    const fetched = stubApi({
      'GET /dossiers': ({ headers }) =>
        headers.get('Authorization') === 'Bearer new' ? { body: { items: [], nextCursor: null } } : expired,
      'POST /auth/refresh': { body: { ...citizenLogin, accessToken: 'new', refreshToken: 'r2' } },
    });
    await restoreSession();
    await api('/dossiers');
    expect(fetched.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /auth/refresh', 'GET /dossiers']);
    // Signed out, or already holding a token: nothing to restore.
    await restoreSession();
    clearSession();
    await restoreSession();
    expect(fetched.calls).toHaveLength(2);
  });

  it('refreshes once on a 401 and retries the call with the new token', async () => {
    storeSession({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900 }, citizenLogin.user);
    const fetched = stubApi({
      'GET /dossiers': ({ headers }) =>
        headers.get('Authorization') === 'Bearer new' ? { body: { items: [], nextCursor: null } } : expired,
      'POST /auth/refresh': { body: { ...citizenLogin, accessToken: 'new', refreshToken: 'r2' } },
    });
    await expect(api('/dossiers')).resolves.toEqual({ items: [], nextCursor: null });
    expect(fetched.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /dossiers',
      'POST /auth/refresh',
      'GET /dossiers',
    ]);
    expect(fetched.calls[1].body).toEqual({ refreshToken: 'r1' });
    expect(getRefreshToken()).toBe('r2');
  });

  it('shares one refresh between calls that fail together (a rotated token must not be reused)', async () => {
    storeSession({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900 }, citizenLogin.user);
    const fetched = stubApi({
      'GET /dossiers': ({ headers }) =>
        headers.get('Authorization') === 'Bearer new' ? { body: { items: [] } } : expired,
      'GET /auth/me': ({ headers }) =>
        headers.get('Authorization') === 'Bearer new' ? { body: { id: 'u' } } : expired,
      'POST /auth/refresh': { body: { ...citizenLogin, accessToken: 'new', refreshToken: 'r2' } },
    });
    await Promise.all([api('/dossiers'), api('/auth/me')]);
    expect(fetched.calls.filter((c) => c.path === '/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused, and does not loop', async () => {
    storeSession({ accessToken: 'old', refreshToken: 'spent', expiresIn: 900 }, citizenLogin.user);
    const fetched = stubApi({
      'GET /dossiers': expired,
      'POST /auth/refresh': { status: 401, body: problem(401, 'INVALID_REFRESH_TOKEN', 'Refresh token reused') },
    });
    await expect(api('/dossiers')).rejects.toMatchObject({ status: 401 });
    expect(fetched.calls).toHaveLength(2);
    expect(getRefreshToken()).toBeNull();
    expect(getStoredUser()).toBeNull();
  });

  it('never treats a wrong password as an expired token', async () => {
    const fetched = stubApi({
      'POST /auth/login': { status: 401, body: problem(401, 'INVALID_CREDENTIALS', 'Wrong username or password') },
    });
    localStorage.setItem('motcua.refreshToken', 'r1');
    await expect(login('x', 'y')).rejects.toMatchObject({ status: 401 });
    expect(fetched.calls.map((c) => c.path)).toEqual(['/auth/login']);
  });

  it('revokes the refresh token on logout and forgets the session even when the server is unreachable', async () => {
    storeSession({ accessToken: 'a', refreshToken: 'r1', expiresIn: 900 }, citizenLogin.user);
    const fetched = stubApi({ 'POST /auth/logout': { status: 204 } });
    await logout();
    expect(fetched.calls[0]).toMatchObject({ method: 'POST', path: '/auth/logout', body: { refreshToken: 'r1' } });
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();

    storeSession({ accessToken: 'a', refreshToken: 'r2', expiresIn: 900 }, citizenLogin.user);
    globalThis.fetch = jest.fn(() => Promise.reject(new TypeError('network down')));
    await logout();
    expect(getRefreshToken()).toBeNull();
  });
});
