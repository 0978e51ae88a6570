import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adoptBootRenewal, clearSession, getAccessToken, getRefreshToken, restoreSession } from './auth';
import { problem, stubApi } from '../test/api-stub';
import { citizenLogin } from '../test/fixtures';

/**
 * public/session-boot.js (loaded `async` by index.html) starts a stored session's renewal while the
 * app's code downloads; lib/auth.ts takes its answer. One refresh token must never be sent twice.
 */
const BOOT_SOURCE = readFileSync(path.join(__dirname, '../../public/session-boot.js'), 'utf8');
type BootWindow = { motcuaSessionBoot?: Parameters<typeof adoptBootRenewal>[0] };
const bootWindow = window as unknown as BootWindow;

/** The boot script run as the browser runs it: its own source, a classic script, not a module. */
function runBootScript(): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  new Function(BOOT_SOURCE)();
}

/** The boot script, then the app's shell taking what it left. */
function runBootThenApp(): void {
  runBootScript();
  adoptBootRenewal(bootWindow.motcuaSessionBoot ?? null);
  bootWindow.motcuaSessionBoot = null;
}

describe('the session renewed while the code loads (session-boot.js)', () => {
  beforeEach(() => {
    localStorage.clear();
    clearSession();
    adoptBootRenewal(null);
    delete bootWindow.motcuaSessionBoot;
  });

  it('the shell claims the renewal as it loads, so a late boot script sends nothing', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./auth');
    });
    expect(bootWindow.motcuaSessionBoot).toBeNull();
    localStorage.setItem('motcua.refreshToken', 'r1');
    const fetched = stubApi({});
    runBootScript();
    expect(fetched.calls).toHaveLength(0);
  });

  it('sends nothing without a stored session', () => {
    const fetched = stubApi({});
    runBootScript();
    expect(fetched.calls).toHaveLength(0);
    expect(bootWindow.motcuaSessionBoot).toBeUndefined();
  });

  it('after a reload, renews once, with the request the app would send, and the app uses that answer', async () => {
    localStorage.setItem('motcua.refreshToken', 'r1');
    localStorage.setItem('motcua.user', JSON.stringify(citizenLogin.user));
    const fetched = stubApi({
      'POST /auth/refresh': { body: { ...citizenLogin, accessToken: 'new', refreshToken: 'r2' } },
    });
    runBootThenApp();
    expect(fetched.calls).toEqual([
      expect.objectContaining({ method: 'POST', path: '/auth/refresh', body: { refreshToken: 'r1' } }),
    ]);
    await restoreSession();
    expect(fetched.calls).toHaveLength(1);
    expect(getAccessToken()).toBe('new');
    expect(getRefreshToken()).toBe('r2');
  });

  it('a refused renewal ends the session, as the app’s own would, without sending the token again', async () => {
    localStorage.setItem('motcua.refreshToken', 'spent');
    const fetched = stubApi({
      'POST /auth/refresh': { status: 401, body: problem(401, 'INVALID_REFRESH_TOKEN', 'Refresh token reused') },
    });
    runBootThenApp();
    await restoreSession();
    expect(fetched.calls).toHaveLength(1);
    expect(getRefreshToken()).toBeNull();
    expect(getAccessToken()).toBeNull();
  });

  it('offline, the renewal fails (no unhandled rejection) and the session ends as before', async () => {
    localStorage.setItem('motcua.refreshToken', 'r1');
    globalThis.fetch = jest.fn(() => Promise.reject(new TypeError('network down')));
    runBootThenApp();
    await restoreSession();
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
    expect(getRefreshToken()).toBeNull();
  });

  it('an answer for another token is not used: the app renews the stored one itself', async () => {
    localStorage.setItem('motcua.refreshToken', 'r1');
    const fetched = stubApi({
      'POST /auth/refresh': { body: { ...citizenLogin, accessToken: 'mine', refreshToken: 'r2' } },
    });
    adoptBootRenewal({ token: 'other', answer: Promise.resolve({ status: 200, text: '{}' }) });
    await restoreSession();
    expect(fetched.calls.map((c) => c.body)).toEqual([{ refreshToken: 'r1' }]);
    expect(getAccessToken()).toBe('mine');
  });
});
