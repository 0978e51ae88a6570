import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, binary, createWorld, dossierIn, PNG, type World } from '../dossiers/dossiers.factories.js';
import { flipSignedByte, RESULT_PDF } from './results.factories.js';

describe('Public verification of signed results (api.md, Electronic results)', () => {
  let t: TestApp;
  let w: World;
  let id: string;
  let code: string;
  let signed: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    id = await dossierIn(w, 'APPROVED');
    const [row]: { verificationCode: string }[] = await t.ds.query(
      `SELECT verification_code AS "verificationCode" FROM dossier_result WHERE dossier_id = $1`,
      [id],
    );
    code = row.verificationCode;
    signed = (await binary(as(t, w.staff.APPROVER).get(`/dossiers/${id}/result.pdf`))).body as Buffer;
  });
  afterAll(() => t.close());

  const check = (file: Buffer, name = 'ket-qua.pdf') =>
    request(t.http).post('/api/v1/verify').attach('file', file, { filename: name, contentType: 'application/pdf' });

  it('GET /verify/{code} answers issuer, procedure, date, hash, revoked, and no personal data', async () => {
    const res = await request(t.http).get(`/api/v1/verify/${code}`);
    expect(res.status).toBe(200);
    const [d]: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE id = $1`, [id]);
    expect(res.body).toEqual({
      valid: true,
      dossierCode: d.code,
      procedureName: w.procedure.name,
      agencyName: w.agency.name,
      issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      signer: `CN=${w.agency.name}, O=${w.agency.code}`,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      revoked: false,
    });
    expect(JSON.stringify(res.body)).not.toContain(w.citizen.fullName);
    // The verification code carries at least 128 random bits.
    expect(Buffer.from(code, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('an unknown code is 404 (and an unsigned result has no public code)', async () => {
    expect((await request(t.http).get(`/api/v1/verify/${'A'.repeat(32)}`)).status).toBe(404);
    expect((await request(t.http).get(`/api/v1/verify/${'x'.repeat(500)}`)).status).toBe(404);
    const pending = await dossierIn(w, 'IN_PROCESSING');
    await as(t, w.staff.OFFICER).upload(`/dossiers/${pending}/result`, {}, RESULT_PDF, 'a.pdf').expect(201);
    const [row]: { c: string }[] = await t.ds.query(
      `SELECT verification_code AS c FROM dossier_result WHERE dossier_id = $1`,
      [pending],
    );
    expect((await request(t.http).get(`/api/v1/verify/${row.c}`)).status).toBe(404);
  });

  it('POST /verify: the issued file is valid; one changed byte is not; an unsigned PDF is not; not a PDF is 415', async () => {
    const ok = await check(signed);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, signer: `CN=${w.agency.name}, O=${w.agency.code}` });
    expect((ok.body as { dossierCode: string }).dossierCode).toMatch(/\S/);

    const tampered = await check(flipSignedByte(signed));
    expect(tampered.body).toEqual({ valid: false, reason: 'DIGEST_MISMATCH' });
    expect((await check(RESULT_PDF)).body).toEqual({ valid: false, reason: 'NO_SIGNATURE' });
    expect((await check(PNG, 'x.pdf')).status).toBe(415);
  });

  it('a revoked result is shown as revoked and no longer valid', async () => {
    await t.ds.query(`UPDATE dossier_result SET revoked_at = now() WHERE dossier_id = $1`, [id]);
    const res = await request(t.http).get(`/api/v1/verify/${code}`);
    expect(res.body).toMatchObject({ valid: false, revoked: true });
    expect((await check(signed)).body).toMatchObject({ valid: false, reason: 'REVOKED' });
  });

  it('limits look-ups per address (429 with Retry-After)', async () => {
    let res: request.Response | undefined;
    for (let i = 0; i < 61; i++) {
      res = await request(t.http).get(`/api/v1/verify/${code}`);
      if (res.status === 429) break;
    }
    expect(res?.status).toBe(429);
    expect(res?.headers['retry-after']).toMatch(/^\d+$/);
  });
});
