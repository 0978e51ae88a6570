import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { act, as, binary, createWorld, dossierIn, submitted, type World } from './dossiers.factories.js';

// pdf-parse's index runs a self-test on import; its lib entry is the parser alone.
const require = createRequire(__filename);
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

jest.setTimeout(120_000);

let addressSeq = 0;
/** Each test its own client address (the API trusts X-Forwarded-For from loopback), so limits do not leak between tests. */
const newAddress = () => `203.0.113.${++addressSeq}`;

describe('public tracking: limited per address, the timeline behind the receipt’s token', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-tracking-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const track = (code: string, address: string, token?: string) =>
    request(t.http)
      .get(`/api/v1/tracking/${encodeURIComponent(code)}`)
      .query(token === undefined ? {} : { t: token })
      .set('X-Forwarded-For', address);

  async function tokenOf(id: string): Promise<string> {
    const [row]: { token: string }[] = await t.ds.query(`SELECT tracking_token AS token FROM dossier WHERE id = $1`, [
      id,
    ]);
    return row.token;
  }

  it('gives every dossier its own unguessable token (at least 128 random bits)', async () => {
    const a = await submitted(w);
    const b = await submitted(w);
    const [ta, tb] = [await tokenOf(a.id), await tokenOf(b.id)];
    expect(ta).toMatch(/^[0-9a-f]{64}$/);
    expect(tb).toMatch(/^[0-9a-f]{64}$/);
    expect(ta).not.toBe(tb);
  });

  it('prints the token in the receipt’s tracking link, and with it the public timeline opens: steps and dates, no names or notes', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    await act(w, w.staff.OFFICER, id, 'request_supplement', { note: 'Bổ sung bản sao giấy chứng sinh' });
    const token = await tokenOf(id);
    const pdf = await binary(as(t, w.citizen).get(`/dossiers/${id}/receipt.pdf`));
    expect(pdf.status).toBe(200);
    const text = (await pdfParse(pdf.body as Buffer)).text.replace(/\s+/g, '');
    expect(text).toContain(`?t=${token}`);

    const [{ code }]: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE id = $1`, [id]);
    const address = newAddress();
    const plain = await track(code, address);
    const withToken = await track(code, address, token);
    expect(plain.status).toBe(200);
    expect(plain.body.timeline).toBeUndefined();
    expect(withToken.status).toBe(200);
    expect(withToken.body).toEqual({ ...plain.body, timeline: expect.any(Array) });
    expect(withToken.body.timeline).toEqual([
      { type: 'submit', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', at: expect.any(String) },
      { type: 'receive', fromStatus: 'SUBMITTED', toStatus: 'RECEIVED', at: expect.any(String) },
      { type: 'assign', fromStatus: 'RECEIVED', toStatus: 'IN_PROCESSING', at: expect.any(String) },
      {
        type: 'request_supplement',
        fromStatus: 'IN_PROCESSING',
        toStatus: 'SUPPLEMENT_REQUESTED',
        at: expect.any(String),
      },
    ]);
    const body = JSON.stringify(withToken.body);
    for (const secret of [
      w.citizen.fullName,
      w.staff.OFFICER.fullName,
      w.staff.RECEPTIONIST.fullName,
      'giấy chứng sinh',
    ]) {
      expect(body).not.toContain(secret);
    }
  });

  it('answers a wrong token, or another dossier’s, exactly as no token: no error that confirms anything', async () => {
    const a = await submitted(w);
    const b = await submitted(w);
    const address = newAddress();
    const plain = await track(a.code, address);
    const wrong = ['0'.repeat(64), (await tokenOf(a.id)).slice(0, 63), await tokenOf(b.id), 'x', ''];
    for (const token of wrong) {
      const res = await track(a.code, address, token);
      expect([token, res.status, res.body]).toEqual([token, 200, plain.body]);
    }
    // An unknown code is 404 with or without a token.
    const unknown = await track('000.00.00.H17-261127-9999', address, await tokenOf(a.id));
    expect(unknown.status).toBe(404);
    // Over-long tokens are bad input, named.
    const long = await track(a.code, address, 'a'.repeat(500));
    expect([long.status, long.body.errors?.[0]?.field]).toEqual([400, 't']);
  });

  it('limits lookups to 60 a minute per address (429 with Retry-After), whether the codes exist or not', async () => {
    const { code } = await submitted(w);
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 1; i <= 60; i++) {
      const probe = i % 2 ? code : `000.00.00.H17-261127-${String(i).padStart(4, '0')}`;
      statuses.push((await track(probe, address)).status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const refused = await track(code, address);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected; a minute or two later this one is served again.
    expect((await track(code, newAddress())).status).toBe(200);
    t.clock.advance(120_000);
    expect((await track(code, address)).status).toBe(200);
  });
});
