import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import {
  act,
  as,
  binary,
  createWorld,
  dossierIn,
  ELF,
  PNG,
  stateOf,
  uploadResult,
  versionOf,
  type World,
} from '../dossiers/dossiers.factories.js';
import { runPdfsig } from './pdfsig.js';
import { makePdf, RESULT_PDF } from './results.factories.js';

const VALID = 'Signature Validation: Signature is Valid.';

interface ResultRowView {
  signed: boolean;
  sha256: string;
  originalSha256: string;
  signer: string | null;
  verificationCode: string;
}

describe('Electronic results (api.md, Electronic results)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  async function rowOf(id: string): Promise<ResultRowView | undefined> {
    const rows: ResultRowView[] = await t.ds.query(
      `SELECT signed, sha256, original_sha256 AS "originalSha256", signer, verification_code AS "verificationCode"
         FROM dossier_result WHERE dossier_id = $1`,
      [id],
    );
    return rows[0];
  }

  const upload = (id: string, file: Buffer, user = w.staff.APPROVER, name = 'ket-qua.pdf') =>
    as(t, user).upload(`/dossiers/${id}/result`, {}, file, name);

  it('the assigned officer uploads an unsigned result while processing and may replace it', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    const first = await upload(id, RESULT_PDF, w.staff.OFFICER);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fileName: 'ket-qua.pdf', size: RESULT_PDF.length, signed: false });
    expect(Object.keys(first.body as object).sort()).toEqual(['fileName', 'id', 'sha256', 'signed', 'size']);
    const other = await makePdf(2);
    const second = await upload(id, other, w.staff.OFFICER, 'ban-moi.pdf');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: (first.body as { id: string }).id, size: other.length, signed: false });
    expect((await rowOf(id))?.verificationCode).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  });

  it('refuses a non-PDF by content (415) and a file past the limit (413)', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    expect((await upload(id, PNG, w.staff.OFFICER, 'a.pdf')).status).toBe(415);
    expect((await upload(id, ELF, w.staff.OFFICER, 'a.pdf')).status).toBe(415);
    const big = Buffer.concat([RESULT_PDF, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const tooLarge = await upload(id, big, w.staff.OFFICER);
    expect(tooLarge.status).toBe(413);
    expect(await rowOf(id)).toBeUndefined();
  });

  it('only the assigned officer or an approver of the agency, only while processing or decided', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    expect((await upload(id, RESULT_PDF, w.officer2)).status).toBe(403);
    expect((await upload(id, RESULT_PDF, w.staff.RECEPTIONIST)).status).toBe(403);
    expect((await upload(id, RESULT_PDF, w.citizen)).status).toBe(403);
    expect((await upload(id, RESULT_PDF, w.otherStaff.APPROVER)).status).toBe(404);
    const received = await dossierIn(w, 'RECEIVED');
    const res = await upload(received, RESULT_PDF);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESULT_UPLOAD_NOT_ALLOWED' });
    expect(await rowOf(received)).toBeUndefined();
  });

  it('approve without a result on electronic delivery is 409 RESULT_MISSING and changes nothing', async () => {
    const id = await dossierIn(w, 'PENDING_APPROVAL');
    const before = await stateOf(w, id);
    const res = await as(t, w.staff.APPROVER).post(`/dossiers/${id}/actions`, {
      action: 'approve',
      version: await versionOf(w, id),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESULT_MISSING' });
    expect(await stateOf(w, id)).toEqual(before);
  });

  it('approve signs the result (pdfsig: valid); staff download it any time, the applicant once returned', async () => {
    const id = await dossierIn(w, 'PENDING_APPROVAL');
    await uploadResult(w, id);
    expect((await rowOf(id))?.signed).toBe(false);
    await act(w, w.staff.APPROVER, id, 'approve');
    const row = (await rowOf(id))!;
    expect(row).toMatchObject({ signed: true, signer: `CN=${w.agency.name}, O=${w.agency.code}` });
    expect(row.sha256).not.toBe(row.originalSha256);

    const staffCopy = await binary(as(t, w.staff.OFFICER).get(`/dossiers/${id}/result.pdf`));
    expect(staffCopy.status).toBe(200);
    expect(staffCopy.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = staffCopy.body as Buffer;
    expect(runPdfsig(pdf)).toContain(VALID);

    expect((await as(t, w.citizen).get(`/dossiers/${id}/result.pdf`)).status).toBe(404);
    expect((await as(t, w.otherStaff.APPROVER).get(`/dossiers/${id}/result.pdf`)).status).toBe(404);
    // The dossier shows its result: to staff now, to the applicant once returned.
    const forStaff = await as(t, w.staff.OFFICER).get(`/dossiers/${id}`);
    expect(forStaff.body).toMatchObject({
      result: { sha256: row.sha256, signed: true, signer: row.signer, verificationCode: row.verificationCode },
    });
    expect((await as(t, w.citizen).get(`/dossiers/${id}`)).body).toMatchObject({ result: null });
    await act(w, w.staff.RECEPTIONIST, id, 'return_result');
    expect((await as(t, w.citizen).get(`/dossiers/${id}`)).body).toMatchObject({
      result: { sha256: row.sha256, signed: true },
    });
    const mine = await binary(as(t, w.citizen).get(`/dossiers/${id}/result.pdf`));
    expect(mine.status).toBe(200);
    expect((mine.body as Buffer).equals(pdf)).toBe(true);
    expect((await as(t, w.otherCitizen).get(`/dossiers/${id}/result.pdf`)).status).toBe(404);

    // Signed: no longer replaced.
    const again = await upload(id, RESULT_PDF);
    expect(again.status).toBe(409);
  });

  it('return_result on electronic delivery without a signed result is 409 RESULT_MISSING', async () => {
    const id = await dossierIn(w, 'APPROVED');
    // A dossier decided before results existed: no result row.
    await t.ds.query(`DELETE FROM dossier_result WHERE dossier_id = $1`, [id]);
    const before = await stateOf(w, id);
    const res = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/actions`, {
      action: 'return_result',
      version: await versionOf(w, id),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESULT_MISSING' });
    expect(await stateOf(w, id)).toEqual(before);
  });

  it('fixes endToEnd at return_result (null before), seals it, and a forged flag breaks the audit', async () => {
    const id = await dossierIn(w, 'APPROVED');
    const detail = async () => (await as(t, w.staff.MANAGER).get(`/dossiers/${id}`)).body as { endToEnd: unknown };
    expect((await detail()).endToEnd).toBeNull();
    await act(w, w.staff.RECEPTIONIST, id, 'return_result');
    // ONLINE, FULL, no fee, signed result, ELECTRONIC delivery.
    expect((await detail()).endToEnd).toBe(true);
    const [event]: { state: { figures?: { endToEnd: boolean } } }[] = await t.ds.query(
      `SELECT state FROM dossier_event WHERE dossier_id = $1 AND type = 'return_result'`,
      [id],
    );
    expect(event.state.figures).toEqual({ endToEnd: true, digitised: true });
    const audit = () => as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect((await audit()).body).toMatchObject({ valid: true });
    await t.ds.query(`UPDATE dossier SET end_to_end = false WHERE id = $1`, [id]);
    const after = await audit();
    expect(after.body).toMatchObject({ valid: false });
    expect(JSON.stringify(after.body)).toContain('figures');
  });

  it('a paper-delivered (PARTIAL) dossier returns with endToEnd false', async () => {
    const paper = await createWorld(t, { onlineLevel: 'PARTIAL' });
    const id = await dossierIn(paper, 'RETURNED');
    expect(((await as(t, paper.staff.MANAGER).get(`/dossiers/${id}`)).body as { endToEnd: unknown }).endToEnd).toBe(
      false,
    );
  });

  it("seals the signed result's sha256 in the decision's keyed audit link: a swapped file shows", async () => {
    const id = await dossierIn(w, 'APPROVED');
    const audit = () => as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect((await audit()).body).toMatchObject({ valid: true });
    const [event]: { state: { result?: { sha256: string } } }[] = await t.ds.query(
      `SELECT state FROM dossier_event WHERE dossier_id = $1 AND type = 'approve'`,
      [id],
    );
    expect(event.state.result?.sha256).toBe((await rowOf(id))?.sha256);
    await t.ds.query(`UPDATE dossier_result SET sha256 = original_sha256 WHERE dossier_id = $1`, [id]);
    const after = await audit();
    expect(after.body).toMatchObject({ valid: false });
    expect(JSON.stringify(after.body)).toContain('result');
  });

  it('a result uploaded after the decision (the refusal letter) is signed at upload, then kept', async () => {
    // Paper delivery (a PARTIAL procedure): the decision may come before the result.
    const paper = await createWorld(t, { onlineLevel: 'PARTIAL' });
    const id = await dossierIn(paper, 'PENDING_APPROVAL');
    await act(paper, paper.staff.APPROVER, id, 'reject', { note: 'Không đủ điều kiện' });
    expect(await rowOf(id)).toBeUndefined();
    const res = await upload(id, RESULT_PDF, paper.staff.APPROVER);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signed: true });
    const copy = await binary(as(t, paper.staff.APPROVER).get(`/dossiers/${id}/result.pdf`));
    expect(runPdfsig(copy.body as Buffer)).toContain(VALID);
    const again = await upload(id, RESULT_PDF, paper.staff.APPROVER);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'RESULT_ALREADY_SIGNED' });
  });
});

describe('Electronic results without the agency certificate', () => {
  let t: TestApp;
  let w: World;
  let emptyDir: string;

  beforeAll(async () => {
    emptyDir = mkdtempSync(path.join(tmpdir(), 'motcua-p12-'));
    t = await createTestApp({ SIGNING_P12_DIR: emptyDir, SIGNING_P12_PASSWORD: 'x' });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('approve answers 503 SIGNING_KEY_MISSING and changes nothing', async () => {
    const id = await dossierIn(w, 'PENDING_APPROVAL');
    await uploadResult(w, id);
    const before = await stateOf(w, id);
    const res = await as(t, w.staff.APPROVER).post(`/dossiers/${id}/actions`, {
      action: 'approve',
      version: await versionOf(w, id),
    });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SIGNING_KEY_MISSING' });
    expect(await stateOf(w, id)).toEqual(before);
    const [row]: { signed: boolean }[] = await t.ds.query(`SELECT signed FROM dossier_result WHERE dossier_id = $1`, [
      id,
    ]);
    expect(row.signed).toBe(false);
  });
});
