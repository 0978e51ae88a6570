import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { UNSAFE_TEXT_MESSAGE } from '@motcua/shared';
import { bearer, randomNationalId } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  as,
  createDraft,
  createWorld,
  submitted,
  VALID_FORM,
  type World,
} from '../modules/dossiers/dossiers.factories.js';

/**
 * The edge rule (issue 12): NUL, unpaired surrogates, broken percent-encoding, `__proto__` keys
 * and hostile nesting are a 400 naming the field, wherever they come, before any guard, pipe,
 * service or PostgreSQL sees them (PostgreSQL refuses them in text and jsonb: that was a 500).
 */
describe('bad text is refused at the edge, naming the field', () => {
  let t: TestApp;
  let w: World;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-edge-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A raw JSON body: `\ud800` stays a JSON escape, as an attacker sends it. */
  const raw = (method: 'post' | 'patch', url: string, json: string, token?: string) => {
    let r = request(t.http)[method](`/api/v1${url}`).set('Content-Type', 'application/json');
    if (token) r = r.set('Authorization', token);
    return r.send(json);
  };
  const fields = (res: request.Response) => (res.body as { errors?: { field: string }[] }).errors?.map((e) => e.field);

  function expectRefused(res: request.Response, field: string) {
    expect([res.status, res.headers['content-type']]).toEqual([
      400,
      expect.stringContaining('application/problem+json'),
    ]);
    expect(fields(res)).toContain(field);
  }

  it('refuses a NUL in the login before the credentials are checked (the guard reads the body first)', async () => {
    const res = await raw(
      'post',
      '/auth/login',
      JSON.stringify({ username: `${w.citizen.username}\u0000`, password: 'x' }),
    );
    expectRefused(res, 'username');
    expect(res.body.errors[0].message).toBe(UNSAFE_TEXT_MESSAGE);
  });

  it('refuses NUL and lone surrogates at registration, naming each field', async () => {
    const res = await raw(
      'post',
      '/auth/register',
      `{"nationalId":"${randomNationalId()}","fullName":"L\\u0000an","dateOfBirth":"1990-05-17",` +
        `"email":"a\\ud800@example.vn","password":"Mai-Dang-Ky-Ho-So-2026!"}`,
    );
    expectRefused(res, 'fullName');
    expect(fields(res)).toEqual(['fullName', 'email']);
  });

  it('refuses a lone surrogate in a draft’s form data as formData.<key>', async () => {
    const auth = bearer(t, w.citizen);
    const body = JSON.stringify({ procedureCode: w.procedure.code, formData: VALID_FORM }).replace(
      '"Nguyễn Văn An"',
      '"Nguy\\udc00n"',
    );
    expectRefused(await raw('post', '/dossiers', body, auth), 'formData.childFullName');
    const id = await createDraft(w);
    expectRefused(
      await raw('patch', `/dossiers/${id}`, '{"formData":{"childFullName":"a\\u0000"}}', auth),
      'formData.childFullName',
    );
    const [{ form }]: { form: Record<string, unknown> }[] = await t.ds.query(
      `SELECT form_data AS form FROM dossier WHERE id = $1`,
      [id],
    );
    expect(form).toEqual(VALID_FORM);
  });

  it('refuses a NUL in a search query, a tracking code or any path, and broken percent-encoding', async () => {
    const { code } = await submitted(w);
    expectRefused(await request(t.http).get('/api/v1/procedures?q=khai%00sinh'), 'q');
    expectRefused(await request(t.http).get('/api/v1/procedures?q=%E0%A4%A'), 'q');
    expectRefused(await request(t.http).get('/api/v1/procedures?sectorCode=%ED%A0%80'), 'sectorCode');
    expectRefused(await request(t.http).get(`/api/v1/tracking/${code}%00`), 'path');
    expectRefused(await request(t.http).get('/api/v1/tracking/%E0%A4%A'), 'path');
    expectRefused(await request(t.http).get('/api/v1/tracking/%'), 'path');
    // The valid code still answers.
    expect((await request(t.http).get(`/api/v1/tracking/${code}`)).status).toBe(200);
  });

  it('refuses a __proto__ key (zod would drop it silently) and nesting deeper than 32 levels', async () => {
    const auth = bearer(t, w.citizen);
    const draft = (formData: string) =>
      raw('post', '/dossiers', `{"procedureCode":"${w.procedure.code}","formData":${formData}}`, auth);
    expectRefused(await draft('{"childFullName":"An","__proto__":{"isAdmin":true}}'), 'formData.__proto__');
    const deep = await draft(`{"childFullName":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toEqual({
      field: expect.stringMatching(/^formData\.childFullName\[0\]/),
      message: 'Nested deeper than 32 levels',
    });
  });

  it('answers what Node’s parser refuses (a 20 kB URL) as problem+json too', async () => {
    const res = await request(t.http).get(`/api/v1/procedures?q=${'x'.repeat(20_000)}`);
    expect([res.status, res.headers['content-type']]).toEqual([431, 'application/problem+json']);
    expect(res.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('refuses a birth date in the future, before 1900 or unreal, at registration and at the counter', async () => {
    const register = (dateOfBirth: string) =>
      request(t.http)
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)
        .send({
          nationalId: randomNationalId(),
          fullName: 'Lê Thị Mai',
          dateOfBirth,
          email: `mai.${randomNationalId()}@example.vn`,
          password: 'Mai-Dang-Ky-Ho-So-2026!',
        });
    const counter = (dateOfBirth: string) =>
      as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', {
        procedureCode: w.procedure.code,
        applicant: { nationalId: randomNationalId(), fullName: 'Lê Thị Mai', dateOfBirth },
        formData: VALID_FORM,
      });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const date of [tomorrow, '9999-12-31', '1899-12-31', '2026-02-30', '0000-00-00']) {
      expectRefused(await register(date), 'dateOfBirth');
      expectRefused(await counter(date), 'applicant.dateOfBirth');
    }
    expect((await counter('1990-05-17')).status).toBe(201);
  });
});
