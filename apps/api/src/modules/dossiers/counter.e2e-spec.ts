import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createRequire } from 'node:module';
import type { AuditResponse, CounterIntakeResponse, DossierDto, DossierListResponse } from '@motcua/shared';
import { bearer, createUser, loginAs, randomNationalId } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, binary, createWorld, fieldsOf, VALID_FORM, type World } from './dossiers.factories.js';

// pdf-parse's index runs a self-test on import; its lib entry is the parser alone.
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

describe('counter intake (POST /counter/dossiers)', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-counter-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const intake = (nationalId: string, over: object = {}) => ({
    procedureCode: w.procedure.code,
    applicant: { nationalId, fullName: 'Lê Thị Mai', dateOfBirth: '1990-05-17', phone: '0905111222' },
    formData: VALID_FORM,
    ...over,
  });

  it('registers a walk-in dossier RECEIVED at the desk’s agency, with code and due date', async () => {
    const res = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(randomNationalId()));
    expect(res.status).toBe(201);
    const d = res.body as DossierDto;
    expect(d).toMatchObject({
      status: 'RECEIVED',
      channel: 'COUNTER',
      nationalStatusCode: 2,
      agency: { code: w.agency.code },
      applicant: { fullName: 'Lê Thị Mai' },
      receivedAt: t.clock.now().toISOString(),
      dueAt: '2026-12-02T10:00:00.000Z',
      formData: VALID_FORM,
    });
    expect(d.code).toMatch(new RegExp(`^${w.agency.code.replace(/\./g, '\\.')}-261127-\\d{4}$`));
    expect(d.timeline.map((e) => [e.type, e.fromStatus, e.toStatus, e.actor.role])).toEqual([
      ['submit', 'DRAFT', 'SUBMITTED', 'RECEPTIONIST'],
      ['receive', 'SUBMITTED', 'RECEIVED', 'RECEPTIONIST'],
    ]);
    const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${d.id}/audit`);
    expect(audit.body.valid).toBe(true);
  });

  it('submits through the action engine as the table’s counter_submit: the desk’s note, no message to the applicant', async () => {
    const res = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(randomNationalId()));
    expect(res.status).toBe(201);
    const [submit] = await t.ds.query<object[]>(
      `SELECT type, actor_id, actor_role, note FROM dossier_event WHERE dossier_id = $1 ORDER BY seq LIMIT 1`,
      [res.body.id],
    );
    expect(submit).toEqual({
      type: 'submit',
      actor_id: w.staff.RECEPTIONIST.id,
      actor_role: 'RECEPTIONIST',
      note: 'Nộp trực tiếp tại Bộ phận Một cửa',
    });
    // The submit is silent (the receipt is handed over at once); the receive tells the applicant.
    const messages = await t.ds.query<{ action: string }[]>(
      `SELECT payload->>'action' AS action FROM outbox WHERE payload->>'dossierId' = $1 ORDER BY id`,
      [res.body.id],
    );
    expect(messages.map((m) => m.action)).toEqual(['receive']);
  });

  /** A password account (unverified) registered over HTTP, signed in. */
  async function registered(nationalId: string, fullName = 'Kẻ Chiếm Số') {
    const password = 'Ngoi-Nha-Xanh-2026!';
    const res = await request(t.http)
      .post('/api/v1/auth/register')
      .send({ nationalId, fullName, dateOfBirth: '1970-01-01', email: `u.${nationalId}@example.vn`, password });
    expect(res.status).toBe(201);
    const login = await loginAs(t, nationalId, password);
    return { id: res.body.id as string, token: `Bearer ${login.accessToken}` };
  }
  const listOf = async (token: string) =>
    ((await request(t.http).get('/api/v1/dossiers').set('Authorization', token)).body as DossierListResponse).items.map(
      (d) => d.id,
    );
  const claim = (token: string, code: string) =>
    request(t.http).post('/api/v1/dossiers/claim').set('Authorization', token).send({ code });

  it('keeps a counter dossier from a password account that registered its national ID first (squatting)', async () => {
    const nationalId = randomNationalId();
    const squatter = await registered(nationalId);
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId)))
      .body as CounterIntakeResponse;
    expect(created.applicant.id).not.toBe(squatter.id);
    expect(await listOf(squatter.token)).toEqual([]);
    const direct = await request(t.http).get(`/api/v1/dossiers/${created.id}`).set('Authorization', squatter.token);
    expect(direct.status).toBe(404);
    const receipt = await request(t.http)
      .get(`/api/v1/dossiers/${created.id}/receipt.pdf`)
      .set('Authorization', squatter.token);
    expect(receipt.status).toBe(404);
  });

  it('keeps a counter dossier from a password account registered after it, too', async () => {
    const nationalId = randomNationalId();
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId)))
      .body as CounterIntakeResponse;
    const later = await registered(nationalId);
    expect(later.id).not.toBe(created.applicant.id);
    expect(await listOf(later.token)).toEqual([]);
  });

  it('answers the claim code once, 60 random bits, stored only as a hash', async () => {
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(randomNationalId())))
      .body as CounterIntakeResponse;
    expect(created.claimCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const [row] = await t.ds.query(`SELECT code_hash FROM counter_claim WHERE dossier_id = $1`, [created.id]);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.claimCode.replace(/-/g, ''));
    const again = await as(t, w.staff.RECEPTIONIST).get(`/dossiers/${created.id}`);
    expect(again.body).not.toHaveProperty('claimCode');
  });

  it('brings the dossier into the account with the claim code, once; a used or wrong code is 404', async () => {
    const nationalId = randomNationalId();
    const citizen = await registered(nationalId, 'Lê Thị Mai');
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId)))
      .body as CounterIntakeResponse;
    expect(await listOf(citizen.token)).toEqual([]);
    // Typed back as people do: lowercase, spaces for dashes.
    const typed = created.claimCode.toLowerCase().replace(/-/g, ' ');
    const ok = await claim(citizen.token, typed);
    expect(ok.status).toBe(200);
    expect((ok.body as DossierDto).id).toBe(created.id);
    expect((ok.body as DossierDto).applicant.id).toBe(citizen.id);
    expect(await listOf(citizen.token)).toEqual([created.id]);
    // The new applicant is sealed by a `claim` event of the keyed chain, so the audit tells it from a tampered row.
    const sealed = (await as(t, w.staff.MANAGER).get(`/dossiers/${created.id}/audit`)).body as AuditResponse;
    expect(sealed).toMatchObject({ valid: true, reason: null });
    expect(sealed.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'DRAFT', 'SUBMITTED'],
      ['receive', 'SUBMITTED', 'RECEIVED'],
      ['claim', 'RECEIVED', 'RECEIVED'],
    ]);
    expect((await claim(citizen.token, created.claimCode)).status).toBe(404);
    expect((await claim(citizen.token, 'ABCD-EFGH-JKMN')).status).toBe(404);
    // The timeline's hash chain still checks out.
    const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${created.id}/audit`);
    expect(audit.body.valid).toBe(true);
  });

  it('refuses the claim code to an account of another national ID (404), leaving it usable', async () => {
    const nationalId = randomNationalId();
    const stranger = await registered(randomNationalId());
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId)))
      .body as CounterIntakeResponse;
    expect((await claim(stranger.token, created.claimCode)).status).toBe(404);
    expect(await listOf(stranger.token)).toEqual([]);
    const owner = await registered(nationalId, 'Lê Thị Mai');
    expect((await claim(owner.token, created.claimCode)).status).toBe(200);
  });

  it('limits claims per account (429 with Retry-After)', async () => {
    const citizen = await registered(randomNationalId());
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await claim(citizen.token, `ZZZZ-ZZZZ-ZZ${i}Z`.slice(0, 14))).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const res = await claim(citizen.token, 'ZZZZ-ZZZZ-ZZZZ');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('is for citizens only; any text that is not a live code is a wrong code (404), a missing one a 400', async () => {
    expect((await as(t, w.staff.RECEPTIONIST).post('/dossiers/claim', { code: 'ABCD-EFGH-JKMN' })).status).toBe(403);
    expect((await as(t, null).post('/dossiers/claim', { code: 'ABCD-EFGH-JKMN' })).status).toBe(401);
    expect((await as(t, w.otherCitizen).post('/dossiers/claim', { code: '<script>' })).status).toBe(404);
    const bad = await as(t, w.otherCitizen).post('/dossiers/claim', { code: '' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['code']);
  });

  it('prints the claim code on the receipt when the desk sends it, and only the dossier’s own', async () => {
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(randomNationalId())))
      .body as CounterIntakeResponse;
    const pdfText = async (code?: string) => {
      let r = binary(as(t, w.staff.RECEPTIONIST).get(`/dossiers/${created.id}/receipt.pdf`));
      if (code) r = r.set('Claim-Code', code);
      const res = await r;
      expect(res.status).toBe(200);
      return (await pdfParse(res.body as Buffer)).text;
    };
    expect(await pdfText(created.claimCode)).toContain(created.claimCode);
    expect(await pdfText()).not.toContain('Mã nhận hồ sơ');
    expect(await pdfText('ABCD-EFGH-JKMN')).not.toContain('ABCD-EFGH-JKMN');
  });

  it('files a counter dossier straight into the verified account of its national ID', async () => {
    const verified = await createUser(t.ds, { verified: true });
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(verified.nationalId!)))
      .body as CounterIntakeResponse;
    expect(created.applicant.id).toBe(verified.id);
    expect(await listOf(bearer(t, verified))).toEqual([created.id]);
  });

  it('refuses a procedure the desk’s agency does not handle (422) and an unknown one (422)', async () => {
    const other = await as(t, w.otherStaff.RECEPTIONIST).post('/counter/dossiers', intake(randomNationalId()));
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'AGENCY_NOT_HANDLING', errors: [{ field: 'procedureCode' }] });
    const unknown = await as(t, w.staff.RECEPTIONIST).post(
      '/counter/dossiers',
      intake(randomNationalId(), { procedureCode: 'NO.SUCH' }),
    );
    expect(unknown.status).toBe(422);
  });

  it('validates the form fully (400 naming formData.<key>) and the applicant (400)', async () => {
    const form = await as(t, w.staff.RECEPTIONIST).post(
      '/counter/dossiers',
      intake(randomNationalId(), { formData: { childFullName: 'An' } }),
    );
    expect(form.status).toBe(400);
    expect(fieldsOf(form).sort()).toEqual([
      'formData.childDateOfBirth',
      'formData.childGender',
      'formData.motherNationalId',
    ]);
    const applicant = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake('12345'));
    expect(applicant.status).toBe(400);
    expect(applicant.body.errors[0].field).toBe('applicant.nationalId');
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM dossier WHERE agency_code = $1 AND channel = 'COUNTER' AND status = 'DRAFT'`,
      [w.agency.code],
    );
    expect(n).toBe(0);
  });

  it('is for receptionists only', async () => {
    for (const user of [w.citizen, w.staff.OFFICER, w.staff.MANAGER, w.staff.ADMIN]) {
      expect((await as(t, user).post('/counter/dossiers', intake(randomNationalId()))).status).toBe(403);
    }
  });
});
