import { createHmac } from 'node:crypto';
import request from 'supertest';
import { createUser, ensureAgency, randomNationalId, TEST_PASSWORD, tokenFor } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { UsersService } from './users.service.js';

const API = '/api/v1';

function fields(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

describe('identity over HTTP: register, login, tokens, me', () => {
  let t: TestApp;
  let ip = 0;
  /** A fresh client address per test: the per-address login throttle must not leak between tests. */
  let from: string;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureAgency(t.ds, 'T.01');
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    from = `198.51.100.${++ip}`;
  });

  const post = (path: string, body: unknown, token?: string) => {
    const r = request(t.http).post(`${API}${path}`).set('X-Forwarded-For', from);
    if (token) r.set('Authorization', `Bearer ${token}`);
    return r.send(body as object);
  };
  const me = (token: string) => request(t.http).get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);

  const citizen = (over: Record<string, unknown> = {}) => ({
    nationalId: randomNationalId(),
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-05-12',
    email: `an.${Math.random().toString(36).slice(2)}@example.vn`,
    phone: '0905123456',
    password: 'Sông-Hàn-2026',
    ...over,
  });

  describe('POST /auth/register', () => {
    it('creates a citizen and answers 201 {id, nationalId, fullName, roles}', async () => {
      const dto = citizen();
      const res = await post('/auth/register', dto).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        nationalId: dto.nationalId,
        fullName: 'Nguyễn Văn An',
        roles: ['CITIZEN'],
      });
      const [row] = await t.ds.query(`SELECT username, password_hash, email, phone FROM app_user WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row.username).toBe(dto.nationalId);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(dto.password);
    });

    it('lets the new citizen log in with national ID and password', async () => {
      const dto = citizen();
      await post('/auth/register', dto).expect(201);
      const res = await post('/auth/login', { username: dto.nationalId, password: dto.password }).expect(200);
      expect(res.body.user).toMatchObject({ fullName: 'Nguyễn Văn An', roles: ['CITIZEN'], agencyCode: null });
    });

    it('refuses a duplicate national ID with 409', async () => {
      const dto = citizen();
      await post('/auth/register', dto).expect(201);
      const res = await post('/auth/register', citizen({ nationalId: dto.nationalId })).expect(409);
      expect(res.body).toMatchObject({ status: 409, code: 'DUPLICATE_NATIONAL_ID' });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a duplicate e-mail with 409, whatever its case', async () => {
      const dto = citizen({ email: 'Chi.Tran@Example.vn' });
      await post('/auth/register', dto).expect(201);
      const res = await post('/auth/register', citizen({ email: 'chi.tran@example.VN' })).expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE_EMAIL', errors: [{ field: 'email' }] });
    });

    it('answers 409, not 500, when two registrations of one national ID race', async () => {
      const nationalId = randomNationalId();
      const answers = await Promise.all([
        post('/auth/register', citizen({ nationalId })),
        post('/auth/register', citizen({ nationalId })),
        post('/auth/register', citizen({ nationalId })),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM app_user WHERE national_id = $1`, [
        nationalId,
      ]);
      expect(count).toBe(1);
    });

    it('names every bad field in a 400', async () => {
      const res = await post('/auth/register', {
        nationalId: '12345',
        fullName: '',
        dateOfBirth: '1990-02-30',
        email: 'not-an-email',
        phone: '12345',
        password: 'short',
      }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toEqual(['dateOfBirth', 'email', 'fullName', 'nationalId', 'password', 'phone']);
    });

    it('names every missing field in a 400', async () => {
      const res = await post('/auth/register', {}).expect(400);
      expect(fields(res.body)).toEqual(['dateOfBirth', 'email', 'fullName', 'nationalId', 'password']);
    });

    it('refuses unknown body fields with a 400 naming them', async () => {
      const res = await post('/auth/register', { ...citizen(), roles: ['ADMIN'] }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'roles', message: 'Unknown field' }]);
    });

    it('refuses a date of birth in the future', async () => {
      const res = await post('/auth/register', citizen({ dateOfBirth: '2999-01-01' })).expect(400);
      expect(fields(res.body)).toEqual(['dateOfBirth']);
    });

    it('refuses a password shorter than 12 characters', async () => {
      const res = await post('/auth/register', citizen({ password: 'Ab1!Ab1!xyz' })).expect(400);
      expect(fields(res.body)).toEqual(['password']);
    });

    it('refuses a common or known-breached password, whatever its case or padding', async () => {
      for (const password of ['123456789012', 'QwertyUiop12', 'basketball!!', 'Password1234!']) {
        const res = await post('/auth/register', citizen({ password })).expect(400);
        expect(res.body).toMatchObject({ code: 'COMMON_PASSWORD', errors: [{ field: 'password' }] });
      }
    });

    it('refuses a password holding the national ID, a name token (accents aside) or the birth date', async () => {
      const nationalId = randomNationalId();
      for (const password of [
        `x${nationalId}!`,
        'Nguyen-rat-vui-7',
        'toi-la-HÙNG-42x',
        'Sinh-12051990-ok',
        'Sinh-19900512-ok',
        'Sinh-12/05/1990k',
        'Nam-sinh-1990-ok',
      ]) {
        const res = await post(
          '/auth/register',
          citizen({ nationalId, fullName: 'Nguyễn Mạnh Hùng', dateOfBirth: '1990-05-12', password }),
        ).expect(400);
        expect(fields(res.body)).toEqual(['password']);
      }
    });

    it('limits registrations per address (429 with Retry-After), which bounds national-ID probing', async () => {
      const answers: number[] = [];
      for (let i = 0; i < 11; i++) answers.push((await post('/auth/register', citizen())).status);
      expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
      const res = await post('/auth/register', citizen()).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('accepts a phone-less registration', async () => {
      const { phone: _phone, ...dto } = citizen();
      await post('/auth/register', dto).expect(201);
    });

    it('leaves a walk-in record apart: the new account is unverified and gets none of its dossiers', async () => {
      const nationalId = randomNationalId();
      const [walkIn] = await t.ds.query<{ id: string }[]>(
        `INSERT INTO app_user (username, national_id, full_name, roles, walk_in)
         VALUES ('~walk-in:' || $1::text, $1, 'Khách Vãng Lai', ARRAY['CITIZEN'], true) RETURNING id`,
        [nationalId],
      );
      const res = await post('/auth/register', citizen({ nationalId })).expect(201);
      expect(res.body.id).not.toBe(walkIn.id);
      const [row] = await t.ds.query(`SELECT verified FROM app_user WHERE id = $1`, [res.body.id]);
      expect(row.verified).toBe(false);
    });
  });

  describe('POST /auth/login', () => {
    it('logs a citizen in by national ID: tokens, expiresIn 900 and the user', async () => {
      const u = await createUser(t.ds);
      const res = await post('/auth/login', { username: u.nationalId, password: TEST_PASSWORD }).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: { id: u.id, fullName: u.fullName, roles: ['CITIZEN'], agencyCode: null },
      });
      const [header, payload] = (res.body.accessToken as string).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      expect(claims).toMatchObject({ sub: u.id, roles: ['CITIZEN'], agencyCode: null, name: u.fullName });
      expect(claims.exp - claims.iat).toBe(900);
      expect(JSON.parse(Buffer.from(header, 'base64url').toString()).alg).toBe('HS256');
    });

    it('logs a staff member in by username, whatever its case, with their agency', async () => {
      const u = await createUser(t.ds, { roles: ['OFFICER'], agencyCode: 'T.01', username: 'chuyenvien.thu' });
      const res = await post('/auth/login', { username: 'ChuyenVien.Thu', password: TEST_PASSWORD }).expect(200);
      expect(res.body.user).toEqual({ id: u.id, fullName: u.fullName, roles: ['OFFICER'], agencyCode: 'T.01' });
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      const u = await createUser(t.ds);
      const wrong = await post('/auth/login', { username: u.username, password: 'Wrong-password-1' }).expect(401);
      const unknown = await post('/auth/login', { username: '000000000001', password: 'Wrong-password-1' }).expect(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      expect(wrong.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    });

    it('refuses a disabled account, and ends its sessions at once', async () => {
      const u = await createUser(t.ds);
      const { body } = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      await me(body.accessToken).expect(200);
      await t.app.get(UsersService).disable(u.id, { id: u.id });
      await me(body.accessToken).expect(401);
      await post('/auth/refresh', { refreshToken: body.refreshToken }).expect(401);
      const wrong = await post('/auth/login', { username: u.username, password: 'Wrong-password-1' }).expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      const res = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(401);
      expect(res.body.code).toBe('ACCOUNT_DISABLED');
    });

    it('refuses an account without a password (walk-in) with the same 401', async () => {
      const u = await createUser(t.ds);
      await t.ds.query(`UPDATE app_user SET password_hash = NULL WHERE id = $1`, [u.id]);
      const res = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('names missing and unknown fields in a 400', async () => {
      const res = await post('/auth/login', { user: 'x' }).expect(400);
      expect(fields(res.body)).toEqual(['password', 'user', 'username']);
    });

    it('names empty and mistyped fields in a 400, as the other routes do', async () => {
      const empty = await post('/auth/login', { username: '', password: '' }).expect(400);
      expect(empty.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(fields(empty.body)).toEqual(['password', 'username']);
      const mistyped = await post('/auth/login', { username: 'someone', password: 12345678901 }).expect(400);
      expect(fields(mistyped.body)).toEqual(['password']);
    });

    it('reads the credentials from the body only, never from the query string', async () => {
      const u = await createUser(t.ds);
      const query = new URLSearchParams({ username: u.username, password: TEST_PASSWORD });
      const res = await request(t.http)
        .post(`${API}/auth/login?${query.toString()}`)
        .set('X-Forwarded-For', from)
        .send({})
        .expect(400);
      expect(fields(res.body)).toEqual(['password', 'username']);
    });

    it('answers the user of the credentials, whatever bearer token comes with them', async () => {
      const other = await createUser(t.ds, { roles: ['ADMIN'] });
      const u = await createUser(t.ds);
      const res = await post(
        '/auth/login',
        { username: u.username, password: TEST_PASSWORD },
        tokenFor(t, other),
      ).expect(200);
      expect(res.body.user.id).toBe(u.id);
    });

    it('answers 429 with Retry-After after 10 failures in a minute for one username, even with the right password', async () => {
      const u = await createUser(t.ds);
      for (let i = 0; i < 10; i++) {
        // Each from another address: the username alone triggers the limit.
        await request(t.http)
          .post(`${API}/auth/login`)
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ username: u.username, password: 'Wrong-password-1' })
          .expect(401);
        t.clock.advance(1000);
      }
      const res = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(429);
      expect(res.body).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      t.clock.advance(retryAfter * 1000);
      await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      const events = await t.ds.query(
        `SELECT type FROM security_event WHERE username = $1 AND type = 'LOGIN_LOCKOUT'`,
        [u.username],
      );
      expect(events).toHaveLength(1);
    });

    it('evaluates at most 10 of 40 parallel wrong passwords for one account (the others 429)', async () => {
      const u = await createUser(t.ds);
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => post('/auth/login', { username: u.username, password: 'Wrong-password-1' })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      const [{ count }] = await t.ds.query(
        `SELECT count(*)::int AS count FROM security_event WHERE username = $1 AND type = 'LOGIN_FAILURE'`,
        [u.username],
      );
      expect(count).toBe(10);
      t.clock.advance(16 * 60_000);
    });

    it('backs off longer with each further lockout of an account, up to 15 minutes', async () => {
      const u = await createUser(t.ds);
      const waits: number[] = [];
      let evaluated = 0;
      for (let attempt = 0; attempt < 60 && evaluated < 40; attempt++) {
        const res = await request(t.http)
          .post(`${API}/auth/login`)
          .set('X-Forwarded-For', `203.0.114.${attempt + 1}`)
          .send({ username: u.username, password: 'Wrong-password-1' });
        if (res.status === 401) {
          evaluated++;
          continue;
        }
        expect(res.status).toBe(429);
        const wait = Number(res.headers['retry-after']);
        waits.push(wait);
        t.clock.advance(wait * 1000);
      }
      expect(Math.max(...waits)).toBeGreaterThan(2 * Math.min(...waits));
      expect(Math.max(...waits)).toBeGreaterThan(120);
      expect(Math.max(...waits)).toBeLessThanOrEqual(15 * 60);
      t.clock.advance(16 * 60_000);
    });

    it('does not let 12 failures against one account block another account from the same address', async () => {
      const victim = await createUser(t.ds);
      const other = await createUser(t.ds);
      for (let i = 0; i < 12; i++) {
        const res = await post('/auth/login', { username: victim.username, password: 'Wrong-password-1' });
        expect([401, 429]).toContain(res.status);
      }
      await post('/auth/login', { username: other.username, password: TEST_PASSWORD }).expect(200);
      t.clock.advance(16 * 60_000);
    });

    it('answers 429 from one address after 100 failures in 15 minutes, for any username', async () => {
      for (let i = 0; i < 100; i++) {
        await post('/auth/login', { username: `nobody.${i}`, password: 'Wrong-password-1' }).expect(401);
      }
      const u = await createUser(t.ds);
      const res = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      from = '192.0.2.200';
      await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      t.clock.advance(31 * 60_000);
    });

    it('counts failures of unknown users the same way (no hint that the account is missing)', async () => {
      for (let i = 0; i < 10; i++) {
        await post('/auth/login', { username: 'ghost.user', password: 'Wrong-password-1' }).expect(401);
      }
      from = '192.0.2.201';
      await post('/auth/login', { username: 'ghost.user', password: 'Wrong-password-1' }).expect(429);
      t.clock.advance(16 * 60_000);
    });

    it('records login success and failure as security events with who, when and from where', async () => {
      const u = await createUser(t.ds);
      await post('/auth/login', { username: u.username, password: 'Wrong-password-1' })
        .set('User-Agent', 'jest-agent')
        .expect(401);
      await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      const events = await t.ds.query<{ type: string; at: Date }[]>(
        `SELECT type, user_id, username, ip, user_agent, at FROM security_event WHERE username = $1 ORDER BY id`,
        [u.username],
      );
      expect(events.map((e) => e.type)).toEqual(['LOGIN_FAILURE', 'LOGIN_SUCCESS']);
      expect(events[0]).toMatchObject({ user_id: u.id, ip: from, user_agent: 'jest-agent' });
      expect(events[1].at.toISOString()).toBe(t.clock.now().toISOString());
    });
  });

  describe('access tokens', () => {
    it('GET /auth/me answers the signed-in user', async () => {
      const u = await createUser(t.ds, { email: 'me@example.vn', dateOfBirth: '1991-01-02' });
      const { body } = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      const res = await me(body.accessToken).expect(200);
      expect(res.body).toEqual({
        id: u.id,
        username: u.username,
        nationalId: u.nationalId,
        fullName: u.fullName,
        dateOfBirth: '1991-01-02',
        email: 'me@example.vn',
        phone: null,
        verified: false,
        roles: ['CITIZEN'],
        agencyCode: null,
        assuranceLevel: null,
        createdAt: expect.any(String),
      });
      expect(res.body).not.toHaveProperty('passwordHash');
    });

    it('answers 401 without a token', async () => {
      const res = await request(t.http).get(`${API}/auth/me`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('answers 401 to a tampered token', async () => {
      const u = await createUser(t.ds);
      const { body } = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      const [h, p, s] = (body.accessToken as string).split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = `${h}.${b64url({ ...claims, roles: ['ADMIN'] })}.${s}`;
      const res = await me(forged).expect(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('answers 401 to an expired token (15 minutes)', async () => {
      const u = await createUser(t.ds);
      const { body } = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      t.clock.advance(14 * 60_000);
      await me(body.accessToken).expect(200);
      t.clock.advance(61_000);
      await me(body.accessToken).expect(401);
    });

    it('answers 401 to an alg:none token', async () => {
      const u = await createUser(t.ds);
      const iat = Math.floor(t.clock.now().getTime() / 1000);
      const claims = { sub: u.id, roles: ['ADMIN'], agencyCode: null, name: 'x', iat, exp: iat + 900 };
      await me(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`).expect(401);
      await me(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}`).expect(401);
    });

    it('answers 401 to a token signed with another secret or another HMAC algorithm', async () => {
      const u = await createUser(t.ds);
      const iat = Math.floor(t.clock.now().getTime() / 1000);
      const claims = { sub: u.id, sid: u.id, roles: ['CITIZEN'], agencyCode: null, name: 'x', iat, exp: iat + 900 };
      const sign = (alg: string, hmac: string, secret: string) => {
        const input = `${b64url({ alg, typ: 'JWT' })}.${b64url(claims)}`;
        return `${input}.${createHmac(hmac, secret).update(input).digest('base64url')}`;
      };
      await me(sign('HS256', 'sha256', t.config.jwtSecret)).expect(200);
      await me(sign('HS256', 'sha256', 'another-secret-of-some-length')).expect(401);
      await me(sign('HS512', 'sha512', t.config.jwtSecret)).expect(401);
    });

    it('ignores a bad token on a public route (the caller is anonymous)', async () => {
      const res = await request(t.http)
        .get(`${API}/auth/providers`)
        .set('Authorization', 'Bearer not.a.token')
        .expect(200);
      expect(res.body).toEqual({ oidc: false });
    });
  });

  describe('refresh tokens', () => {
    const login = async () => {
      const u = await createUser(t.ds);
      const res = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      return { u, tokens: res.body as { accessToken: string; refreshToken: string } };
    };

    it('POST /auth/refresh answers a new pair and the user, rotating the refresh token', async () => {
      const { u, tokens } = await login();
      t.clock.advance(1000);
      const res = await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(200);
      expect(res.body).toMatchObject({ expiresIn: 900, user: { id: u.id, roles: ['CITIZEN'] } });
      expect(res.body.refreshToken).not.toBe(tokens.refreshToken);
      expect(res.body.accessToken).not.toBe(tokens.accessToken);
      await me(res.body.accessToken).expect(200);
      await post('/auth/refresh', { refreshToken: res.body.refreshToken }).expect(200);
    });

    it('stores refresh tokens hashed, never in clear', async () => {
      const { u, tokens } = await login();
      const rows = await t.ds.query(`SELECT token_hash FROM refresh_token WHERE user_id = $1`, [u.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toBe(tokens.refreshToken);
    });

    it('answers 401 to a spent refresh token and revokes its whole family', async () => {
      const { u, tokens } = await login();
      const second = await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(200);
      const reuse = await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
      // The legitimate holder's newer token is revoked too: the thief's copy is worthless.
      await post('/auth/refresh', { refreshToken: second.body.refreshToken }).expect(401);
      const events = await t.ds.query(`SELECT type FROM security_event WHERE user_id = $1 AND type = 'TOKEN_REUSE'`, [
        u.id,
      ]);
      expect(events).toHaveLength(1);
    });

    it('does not revoke the other sessions of the user', async () => {
      const { u, tokens } = await login();
      const other = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(200);
      await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(401);
      await post('/auth/refresh', { refreshToken: other.body.refreshToken }).expect(200);
    });

    it('answers 401 to an unknown or expired refresh token', async () => {
      await post('/auth/refresh', { refreshToken: 'no-such-token' }).expect(401);
      const { tokens } = await login();
      t.clock.advance(15 * 24 * 3600_000);
      await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(401);
    });

    it('names a missing refresh token in a 400', async () => {
      const res = await post('/auth/refresh', {}).expect(400);
      expect(fields(res.body)).toEqual(['refreshToken']);
    });

    it('POST /auth/logout answers 204 and revokes the refresh token', async () => {
      const { tokens } = await login();
      const res = await post('/auth/logout', { refreshToken: tokens.refreshToken }).expect(204);
      expect(res.text).toBe('');
      await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(401);
    });

    it('logout revokes the tokens rotated from the same login too', async () => {
      const { tokens } = await login();
      const next = await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(200);
      await post('/auth/logout', { refreshToken: tokens.refreshToken }).expect(204);
      await post('/auth/refresh', { refreshToken: next.body.refreshToken }).expect(401);
    });

    it('logout ends the session: the same access token is refused at once', async () => {
      const { tokens } = await login();
      await me(tokens.accessToken).expect(200);
      await post('/auth/logout', { refreshToken: tokens.refreshToken }).expect(204);
      const res = await me(tokens.accessToken).expect(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('logout ends only its own session', async () => {
      const { u, tokens } = await login();
      const other = await post('/auth/login', { username: u.username, password: TEST_PASSWORD }).expect(200);
      await post('/auth/logout', { refreshToken: tokens.refreshToken }).expect(204);
      await me(other.body.accessToken).expect(200);
    });

    it('a reused refresh token ends its session: the access tokens of the family are refused', async () => {
      const { tokens } = await login();
      const next = await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(200);
      await post('/auth/refresh', { refreshToken: tokens.refreshToken }).expect(401);
      await me(next.body.accessToken).expect(401);
    });

    it('a password change ends every other session and applies the policy', async () => {
      const { u, tokens } = await login();
      const users = t.app.get(UsersService);
      await expect(users.changePassword(u.id, TEST_PASSWORD, 'Công-Dân-Thử-99')).rejects.toMatchObject({
        status: 400,
        errors: [{ field: 'newPassword' }],
      });
      await expect(users.changePassword(u.id, 'Wrong-password-1', 'Mây-Trắng-Sơn-Trà-7')).rejects.toMatchObject({
        status: 401,
      });
      await users.changePassword(u.id, TEST_PASSWORD, 'Mây-Trắng-Sơn-Trà-7');
      await me(tokens.accessToken).expect(401);
      await post('/auth/login', { username: u.username, password: 'Mây-Trắng-Sơn-Trà-7' }).expect(200);
    });

    it('logout of an unknown token is still 204 (nothing to reveal)', async () => {
      await post('/auth/logout', { refreshToken: 'never-issued' }).expect(204);
    });

    it('names unknown logout fields in a 400', async () => {
      const res = await post('/auth/logout', { refreshToken: 'x', everywhere: true }).expect(400);
      expect(fields(res.body)).toEqual(['everywhere']);
    });
  });

  it('GET /auth/providers says whether digital-ID login is offered', async () => {
    const res = await request(t.http).get(`${API}/auth/providers`).expect(200);
    expect(res.body).toEqual({ oidc: false });
  });

  it('answers the OIDC routes with a problem+json 404 when OIDC is not configured', async () => {
    for (const path of ['/auth/oidc/login', '/auth/oidc/callback?code=x&state=y']) {
      const res = await request(t.http).get(`${API}${path}`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('OIDC_NOT_CONFIGURED');
    }
  });

  it('documents the identity routes in the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    for (const p of ['register', 'login', 'refresh', 'logout', 'me', 'oidc/login', 'oidc/callback']) {
      expect(Object.keys(res.body.paths)).toContain(`/api/v1/auth/${p}`);
    }
    expect(res.body.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema).toMatchObject({
      properties: { nationalId: expect.any(Object) },
    });
  });
});
