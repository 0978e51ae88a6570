import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { act, as, binary, createWorld, dossierIn, type World } from '../dossiers/dossiers.factories.js';
import type { ResultTemplate } from '../catalog/result-template.js';
import { runPdfsig } from './pdfsig.js';

const VALID = 'Signature Validation: Signature is Valid.';

const TEMPLATE: ResultTemplate = {
  title: 'Trích lục khai sinh',
  reference: 'Số: {{dossier.code}}/TLKS',
  intro: '{{agency.name}} trích lục việc đăng ký khai sinh như sau:',
  fields: [
    { label: 'Họ, chữ đệm, tên', value: '{{form.childFullName}}' },
    { label: 'Ngày sinh', value: '{{form.childDateOfBirth}}' },
    { label: 'Giới tính', value: '{{form.childGender}}' },
    { label: 'Người đi đăng ký', value: '{{applicant.fullName}}' },
  ],
  signerTitle: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH',
};

/** The text of a PDF as poppler's pdftotext reads it (the generated document's words, diacritics included). */
function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-text-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('our additions to Electronic results (docs/api.md): generate, revoke; the fee receipt', () => {
  let t: TestApp;
  let w: World;
  let paid: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    await t.ds.query(`UPDATE procedure_version SET result_template = $2 WHERE procedure_code = $1`, [
      w.procedure.code,
      JSON.stringify(TEMPLATE),
    ]);
    paid = await createWorld(t, { fee: 30_000 });
  });
  afterAll(() => t.close());

  const generate = (id: string, user = w.staff.APPROVER) => as(t, user).post(`/dossiers/${id}/result/generate`, {});

  it('generates the result from the template, filled from the dossier; signed by the decision (pdfsig)', async () => {
    const id = await dossierIn(w, 'PENDING_APPROVAL');
    const detail = await as(t, w.staff.APPROVER).get(`/dossiers/${id}`);
    expect(detail.body).toMatchObject({ procedure: { hasResultTemplate: true } });
    const res = await generate(id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signed: false });
    await act(w, w.staff.APPROVER, id, 'approve');
    const file = await binary(as(t, w.staff.APPROVER).get(`/dossiers/${id}/result.pdf`));
    const pdf = file.body as Buffer;
    expect(runPdfsig(pdf)).toContain(VALID);
    const text = textOf(pdf);
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Nguyễn Văn An');
    // A select answer by its label, a date as dd/mm/yyyy.
    expect(text).toContain('20/11/2026');
    expect(text).toMatch(/Giới tính:\s+Nam/);
    expect(text).not.toContain('{{');
  });

  it('after the decision a generated result is signed at once; the same callers and statuses as an upload', async () => {
    const paper = await createWorld(t, { onlineLevel: 'PARTIAL' });
    await t.ds.query(`UPDATE procedure_version SET result_template = $2 WHERE procedure_code = $1`, [
      paper.procedure.code,
      JSON.stringify(TEMPLATE),
    ]);
    const id = await dossierIn(paper, 'PENDING_APPROVAL');
    await act(paper, paper.staff.APPROVER, id, 'approve');
    expect((await generate(id, paper.staff.RECEPTIONIST)).status).toBe(403);
    expect((await generate(id, paper.citizen)).status).toBe(403);
    expect((await generate(id, w.staff.APPROVER)).status).toBe(404);
    const res = await generate(id, paper.staff.APPROVER);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signed: true });
    expect((await generate(id, paper.staff.APPROVER)).body).toMatchObject({ code: 'RESULT_ALREADY_SIGNED' });
    const received = await dossierIn(paper, 'RECEIVED');
    expect((await generate(received, paper.staff.APPROVER)).body).toMatchObject({
      code: 'RESULT_UPLOAD_NOT_ALLOWED',
    });
  });

  it('answers 409 RESULT_NO_TEMPLATE for a procedure without one', async () => {
    const other = await createWorld(t);
    const id = await dossierIn(other, 'IN_PROCESSING');
    expect((await as(t, other.staff.APPROVER).get(`/dossiers/${id}`)).body).toMatchObject({
      procedure: { hasResultTemplate: false },
    });
    const res = await as(t, other.staff.APPROVER).post(`/dossiers/${id}/result/generate`, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESULT_NO_TEMPLATE' });
  });

  it('an approver revokes an issued result with a reason: timeline event, verify says revoked', async () => {
    const id = await dossierIn(w, 'RETURNED');
    const [{ code }]: { code: string }[] = await t.ds.query(
      `SELECT verification_code AS code FROM dossier_result WHERE dossier_id = $1`,
      [id],
    );
    const pdf = (await binary(as(t, w.citizen).get(`/dossiers/${id}/result.pdf`))).body as Buffer;
    const revoke = (user = w.staff.APPROVER, reason = 'Cấp sai thông tin ngày sinh') =>
      as(t, user).post(`/dossiers/${id}/result/revoke`, { reason });
    expect((await revoke(w.staff.OFFICER)).status).toBe(403);
    expect((await revoke(w.otherStaff.APPROVER)).status).toBe(404);
    expect((await revoke(w.staff.APPROVER, '')).status).toBe(400);
    expect((await request(t.http).get(`/api/v1/verify/${code}`)).body).toMatchObject({ valid: true, revoked: false });

    const res = await revoke();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revokedReason: 'Cấp sai thông tin ngày sinh', revokedAt: expect.any(String) });
    expect((await revoke()).body).toMatchObject({ code: 'RESULT_ALREADY_REVOKED' });

    expect((await request(t.http).get(`/api/v1/verify/${code}`)).body).toMatchObject({ valid: false, revoked: true });
    const checked = await request(t.http).post('/api/v1/verify').attach('file', pdf, 'ket-qua.pdf');
    expect(checked.body).toMatchObject({ valid: false, reason: 'REVOKED' });
    const detail = (await as(t, w.citizen).get(`/dossiers/${id}`)).body as {
      result: { revokedReason: string };
      timeline: { type: string; note: string }[];
    };
    expect(detail.result.revokedReason).toBe('Cấp sai thông tin ngày sinh');
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'result_revoked', note: 'Cấp sai thông tin ngày sinh' });
    // The revocation is sealed in the audit chain like every timeline event.
    expect((await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`)).body).toMatchObject({ valid: true });
  });

  it('refuses to revoke where nothing is issued (409 RESULT_NOT_ISSUED)', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    const res = await as(t, w.staff.APPROVER).post(`/dossiers/${id}/result/revoke`, { reason: 'Không có' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESULT_NOT_ISSUED' });
  });

  it('the fee receipt: 404 before payment; after it, a signed PDF to the applicant and the agency staff', async () => {
    const id = await dossierIn(paid, 'RECEIVED');
    const receipt = (user = paid.citizen) => binary(as(t, user).get(`/dossiers/${id}/fee-receipt.pdf`));
    expect((await receipt()).status).toBe(404);
    const counter = await as(t, paid.staff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, {
      receiptNo: 'BL-000777',
    });
    expect(counter.status).toBe(201);
    const mine = await receipt();
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = mine.body as Buffer;
    expect(runPdfsig(pdf)).toContain(VALID);
    const text = textOf(pdf);
    expect(text).toContain('BIÊN LAI THU PHÍ');
    expect(text).toContain('BL-000777');
    expect(text).toContain('30.000 đồng');
    expect(text).toContain((counter.body as { id: string }).id);
    expect((await receipt(paid.staff.OFFICER)).status).toBe(200);
    expect((await receipt(paid.otherCitizen)).status).toBe(404);
    expect((await receipt(paid.otherStaff.RECEPTIONIST)).status).toBe(404);
  });
});
