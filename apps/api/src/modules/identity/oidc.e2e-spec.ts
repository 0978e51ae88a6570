import request from 'supertest';
import type { DossierDto, DossierListResponse } from '@motcua/shared';
import { createUser, loginAs, randomNationalId } from '../../test/auth-helpers.js';
import { startOidcTestProvider, type OidcTestAccount, type OidcTestProvider } from '../../test/oidc-test-provider.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, createWorld, VALID_FORM } from '../dossiers/dossiers.factories.js';

const PUBLIC_URL = 'http://motcua.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const CLIENT_ID = 'motcua';
const CLIENT_SECRET = 'motcua-client-secret-for-tests';

/**
 * Digital-citizen login against a real OpenID Connect provider (oidc-provider) in a
 * child process. The browser's part is played by fetch with a cookie jar; the
 * provider's redirects to our callback are replayed on the app through supertest.
 */
describe('digital-citizen login (OIDC, code + PKCE) against a real provider', () => {
  let provider: OidcTestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcTestProvider(CLIENT_ID, CLIENT_SECRET, CALLBACK);
    t = await createTestApp({
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  /** Run the browser's round trip; returns where the callback sends the browser. */
  async function roundTrip(account: OidcTestAccount): Promise<string> {
    return (await roundTripWithCallback(account)).redirect;
  }

  async function roundTripWithCallback(account: OidcTestAccount): Promise<{ callback: string; redirect: string }> {
    await provider.useAccount(account);
    const start = await request(t.http).get('/api/v1/auth/oidc/login').expect(302);
    let location: string = start.headers.location;
    expect(location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    const authUrl = new URL(location);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toBeTruthy();
    expect(authUrl.searchParams.get('redirect_uri')).toBe(CALLBACK);

    const jar = new Map<string, string>();
    for (let hops = 0; !location.startsWith(CALLBACK); hops++) {
      if (hops > 10) throw new Error('too many redirects at the provider');
      const res = await fetch(location, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      if (res.status < 300 || res.status >= 400)
        throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      location = new URL(res.headers.get('location')!, location).href;
    }
    const callback = location.slice(PUBLIC_URL.length);
    const back = await request(t.http).get(callback).expect(302);
    return { callback, redirect: back.headers.location };
  }

  function tokensOf(redirect: string) {
    expect(redirect.startsWith(`${PUBLIC_URL}/login/callback#`)).toBe(true);
    const fragment = new URLSearchParams(redirect.slice(redirect.indexOf('#') + 1));
    return {
      accessToken: fragment.get('accessToken')!,
      refreshToken: fragment.get('refreshToken')!,
      expiresIn: fragment.get('expiresIn'),
    };
  }

  it('says the provider is offered', async () => {
    expect((await request(t.http).get('/api/v1/auth/providers').expect(200)).body).toEqual({ oidc: true });
  });

  it('creates a citizen at the first login and reuses it at the next one', async () => {
    const nationalId = randomNationalId();
    const account = {
      sub: `vneid-${nationalId}`,
      acr: 'urn:vneid:loa:2',
      claims: { SoDinhDanh: nationalId, name: 'Lê Thị Hoa', birthdate: '1988-03-04' },
    };
    const first = tokensOf(await roundTrip(account));
    expect(first.expiresIn).toBe('900');
    const me = await request(t.http)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${first.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({
      nationalId,
      username: nationalId,
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1988-03-04',
      roles: ['CITIZEN'],
      assuranceLevel: 2,
    });
    await request(t.http).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);

    const second = tokensOf(await roundTrip(account));
    const me2 = await request(t.http)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${second.accessToken}`)
      .expect(200);
    expect(me2.body.id).toBe(me.body.id);
    const rows = await t.ds.query(`SELECT oidc_sub FROM app_user WHERE national_id = $1`, [nationalId]);
    expect(rows).toEqual([{ oidc_sub: account.sub }]);
  });

  it('links a citizen registered earlier with the same national ID', async () => {
    const registered = await createUser(t.ds, { fullName: 'Phạm Văn Nam' });
    const redirect = await roundTrip({
      sub: `vneid-linked-${registered.nationalId}`,
      claims: { SoDinhDanh: registered.nationalId, name: 'Phạm Văn Nam', LoA: 2 },
    });
    const { accessToken } = tokensOf(redirect);
    const me = await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: registered.id, assuranceLevel: 2 });
    const rows = await t.ds.query(`SELECT id, oidc_sub FROM app_user WHERE national_id = $1`, [registered.nationalId]);
    expect(rows).toEqual([{ id: registered.id, oidc_sub: `vneid-linked-${registered.nationalId}` }]);
  });

  it('takes over the unverified password account of its national ID: verified, sessions ended, password cleared', async () => {
    const squatter = await createUser(t.ds, { fullName: 'Kẻ Chiếm Số', email: `squatter.${Date.now()}@example.vn` });
    const squatterLogin = await loginAs(t, squatter.username);
    const me = (token: string) => request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    await me(squatterLogin.accessToken).expect(200);

    const { accessToken } = tokensOf(
      await roundTrip({
        sub: `vneid-owner-${squatter.nationalId}`,
        claims: { SoDinhDanh: squatter.nationalId, name: 'Chủ Thật Sự', LoA: 2 },
      }),
    );
    // The squatter's sessions are over: access token, refresh token and password.
    await me(squatterLogin.accessToken).expect(401);
    await request(t.http).post('/api/v1/auth/refresh').send({ refreshToken: squatterLogin.refreshToken }).expect(401);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: squatter.username, password: squatter.password })
      .expect(401);
    const owner = await me(accessToken).expect(200);
    expect(owner.body).toMatchObject({ id: squatter.id, fullName: 'Chủ Thật Sự', verified: true });
    const [row] = await t.ds.query(`SELECT password_hash, email FROM app_user WHERE id = $1`, [squatter.id]);
    // Neither the squatter's password nor their e-mail (where notifications would go) stays.
    expect(row).toEqual({ password_hash: null, email: null });
    const events = await t.ds.query(
      `SELECT type FROM security_event WHERE user_id = $1 AND type = 'IDENTITY_TAKEOVER'`,
      [squatter.id],
    );
    expect(events).toHaveLength(1);
  });

  it('brings the counter dossiers of its national ID into the verified account', async () => {
    const w = await createWorld(t);
    const squatter = await createUser(t.ds);
    const nationalId = squatter.nationalId!;
    const intake = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', {
      procedureCode: w.procedure.code,
      applicant: { nationalId, fullName: 'Chủ Thật Sự' },
      formData: VALID_FORM,
    });
    expect(intake.status).toBe(201);
    const squatterList = await as(t, squatter).get('/dossiers');
    expect(squatterList.body.items).toEqual([]);

    const { accessToken } = tokensOf(
      await roundTrip({ sub: `vneid-counter-${nationalId}`, claims: { SoDinhDanh: nationalId, name: 'Chủ Thật Sự' } }),
    );
    const list = await request(t.http).get('/api/v1/dossiers').set('Authorization', `Bearer ${accessToken}`);
    expect((list.body as DossierListResponse).items.map((d) => d.id)).toEqual([(intake.body as DossierDto).id]);
    // The move is a `claim` event of the keyed audit chain, not an unexplained edit of the applicant.
    const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${(intake.body as DossierDto).id}/audit`);
    expect(audit.body).toMatchObject({ valid: true });
    expect((audit.body as { events: { type: string }[] }).events.map((e) => e.type)).toEqual([
      'submit',
      'receive',
      'claim',
    ]);
    // A later counter dossier goes straight to the verified account.
    const next = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', {
      procedureCode: w.procedure.code,
      applicant: { nationalId, fullName: 'Chủ Thật Sự' },
      formData: VALID_FORM,
    });
    expect(next.body.applicant.id).toBe(squatter.id);
  });

  it('turns the walk-in record into the account when the citizen has none', async () => {
    const w = await createWorld(t);
    const nationalId = randomNationalId();
    const intake = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', {
      procedureCode: w.procedure.code,
      applicant: { nationalId, fullName: 'Người Đến Quầy' },
      formData: VALID_FORM,
    });
    const { accessToken } = tokensOf(
      await roundTrip({ sub: `vneid-walkin-${nationalId}`, claims: { SoDinhDanh: nationalId } }),
    );
    const me = await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: intake.body.applicant.id, username: nationalId, verified: true });
    const list = await request(t.http).get('/api/v1/dossiers').set('Authorization', `Bearer ${accessToken}`);
    expect((list.body as DossierListResponse).items.map((d) => d.id)).toEqual([(intake.body as DossierDto).id]);
  });

  it('accepts the national_id claim when SoDinhDanh is absent', async () => {
    const nationalId = randomNationalId();
    const redirect = await roundTrip({
      sub: `vneid-alt-${nationalId}`,
      claims: { national_id: nationalId, name: 'Võ An' },
    });
    const { accessToken } = tokensOf(redirect);
    const me = await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
    expect(me.body).toMatchObject({ nationalId, assuranceLevel: null });
  });

  it('sends the browser to /login?error=oidc when the provider gives no national ID', async () => {
    const redirect = await roundTrip({ sub: 'vneid-no-id', claims: { name: 'Không Có Số' } });
    expect(redirect).toBe(`${PUBLIC_URL}/login?error=oidc`);
    const events = await t.ds.query<{ detail: { reason: string } }[]>(
      `SELECT detail FROM security_event WHERE type = 'OIDC_LOGIN_FAILURE'`,
    );
    expect(events.some((e) => /national ID/.test(e.detail.reason))).toBe(true);
  });

  it('sends the browser to /login?error=oidc for an unknown state', async () => {
    const res = await request(t.http).get('/api/v1/auth/oidc/callback?code=abc&state=forged').expect(302);
    expect(res.headers.location).toBe(`${PUBLIC_URL}/login?error=oidc`);
  });

  it('sends the browser to /login?error=oidc when a callback is replayed', async () => {
    const nationalId = randomNationalId();
    const { callback, redirect } = await roundTripWithCallback({
      sub: `vneid-replay-${nationalId}`,
      claims: { SoDinhDanh: nationalId },
    });
    tokensOf(redirect);
    const replay = await request(t.http).get(callback).expect(302);
    expect(replay.headers.location).toBe(`${PUBLIC_URL}/login?error=oidc`);
  });

  it('sends the browser to /login?error=oidc when the provider answers an error', async () => {
    const start = await request(t.http).get('/api/v1/auth/oidc/login').expect(302);
    const state = new URL(start.headers.location).searchParams.get('state')!;
    const res = await request(t.http).get(`/api/v1/auth/oidc/callback?error=access_denied&state=${state}`).expect(302);
    expect(res.headers.location).toBe(`${PUBLIC_URL}/login?error=oidc`);
  });
});
