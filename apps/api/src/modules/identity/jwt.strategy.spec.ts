import { createHmac } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { FixedClock } from '../../common/clock.js';
import { loadConfig } from '../../config/config.js';
import type { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { PassportService } from './passport.service.js';
import type { SessionsService } from './sessions.service.js';

const SECRET = 'secret-of-app-a-for-tests';

const SESSION = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const ENDED_SESSION = '00000000-0000-4000-8000-000000000000';

/** Sessions as the database would answer: all alive but ENDED_SESSION. */
const sessions = {
  isActive: (sid: string) => Promise.resolve(sid !== ENDED_SESSION),
} as unknown as SessionsService;

/** The identity module's passport for one app (the local strategy is not run here, so it needs no AuthService). */
function passportOf(secret: string, clock: FixedClock): PassportService {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: secret });
  return new PassportService(new JwtStrategy(config, clock, sessions), new LocalStrategy({} as AuthService));
}

function authenticate(passport: PassportService, token: string): Promise<AuthUser | null> {
  const req = { headers: { authorization: `Bearer ${token}` } } as Request;
  return passport.authenticate<AuthUser>('jwt', req, {} as Response);
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A 15-minute HS256 access token issued at `at`, signed by hand so that `claims` may override anything. */
function token(at: Date, claims: Record<string, unknown> = {}, secret = SECRET): string {
  const iat = Math.floor(at.getTime() / 1000);
  const payload = {
    sub: 'user-1',
    sid: SESSION,
    roles: ['OFFICER'],
    agencyCode: 'A.01',
    name: 'Cán Bộ',
    iat,
    exp: iat + 900,
    ...claims,
  };
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe("passport's jwt strategy", () => {
  it('authenticates a token signed with the secret and answers the user of its claims', async () => {
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    expect(await authenticate(passportOf(SECRET, clock), token(clock.now()))).toEqual({
      id: 'user-1',
      fullName: 'Cán Bộ',
      roles: ['OFFICER'],
      agencyCode: 'A.01',
      sessionId: SESSION,
    });
  });

  it('refuses a well-signed token of an ended session, and one that names no session', async () => {
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    const passport = passportOf(SECRET, clock);
    expect(await authenticate(passport, token(clock.now(), { sid: ENDED_SESSION }))).toBeNull();
    expect(await authenticate(passport, token(clock.now(), { sid: undefined }))).toBeNull();
    expect(await authenticate(passport, token(clock.now(), { sid: 'not-a-uuid' }))).toBeNull();
  });

  it('checks expiry against the injected clock, not the system time', async () => {
    // 2001: long expired by the system time, alive by the clock; 2040: the reverse.
    for (const at of ['2001-02-03T04:05:06Z', '2040-02-03T04:05:06Z']) {
      const clock = new FixedClock(new Date(at));
      const passport = passportOf(SECRET, clock);
      const t = token(clock.now());
      clock.advance(15 * 60_000 - 1000);
      expect(await authenticate(passport, t)).not.toBeNull();
      clock.advance(1000);
      expect(await authenticate(passport, t)).toBeNull();
    }
  });

  it('refuses a token without an expiry or with malformed claims', async () => {
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    const passport = passportOf(SECRET, clock);
    const now = clock.now();
    for (const claims of [
      { exp: undefined },
      { exp: 'tomorrow' },
      { sub: 42 },
      { name: undefined },
      { roles: ['KING'] },
      { roles: 'ADMIN' },
      { agencyCode: 7 },
    ]) {
      expect(await authenticate(passport, token(now, claims))).toBeNull();
    }
  });

  it('keeps the strategies of two apps in one process apart (no shared global passport)', async () => {
    const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
    const a = passportOf(SECRET, clock);
    const b = passportOf('secret-of-app-b-for-tests', clock);
    expect(await authenticate(a, token(clock.now()))).not.toBeNull();
    expect(await authenticate(b, token(clock.now()))).toBeNull();
    expect(await authenticate(a, token(clock.now(), {}, 'secret-of-app-b-for-tests'))).toBeNull();
  });
});
