import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DossierDto, DossierListResponse } from '@motcua/shared';
import { loginAs, randomNationalId } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, createWorld, fieldsOf, VALID_FORM, type World } from './dossiers.factories.js';

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

  it('creates a shadow citizen who sees the dossier after registering with that national ID', async () => {
    const nationalId = randomNationalId();
    const created = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId)))
      .body as DossierDto;
    const register = await request(t.http)
      .post('/api/v1/auth/register')
      .send({
        nationalId,
        fullName: 'Lê Thị Mai',
        dateOfBirth: '1990-05-17',
        email: `mai.${nationalId}@example.vn`,
        password: 'Mai-Dang-Ky-2026!',
      });
    expect(register.status).toBe(201);
    expect(register.body.id).toBe(created.applicant.id);
    const login = await loginAs(t, nationalId, 'Mai-Dang-Ky-2026!');
    const list = await request(t.http).get('/api/v1/dossiers').set('Authorization', `Bearer ${login.accessToken}`);
    expect((list.body as DossierListResponse).items.map((d) => d.id)).toEqual([created.id]);
  });

  it('links a second walk-in dossier of the same national ID to the same citizen', async () => {
    const nationalId = randomNationalId();
    const a = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId))).body as DossierDto;
    const b = (await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId))).body as DossierDto;
    expect(b.applicant.id).toBe(a.applicant.id);
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
