import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DossierListResponse, DossierStatus } from '@motcua/shared';
import { createUser, randomNationalId, type TestUser } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createAgency } from '../modules/catalog/catalog.factories.js';
import {
  as,
  binary,
  createDraft,
  createWorld,
  dossierIn,
  PDF,
  submitted,
  VALID_FORM,
  type World,
} from '../modules/dossiers/dossiers.factories.js';

// pdf-parse's index runs a self-test on import; its lib entry is the parser alone.
const pdfParse = createRequire(__filename)('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/**
 * IDOR (insecure direct object references), issue 12's attack suite: every resource with an owner,
 * reached by its id by someone who is not its owner nor in its agency scope, is answered 404 (never
 * 403 or 409, which would tell that it exists) and is left exactly as it was (domain.md, Roles).
 * Each case has a control: the rightful caller's same request is not a 404.
 */

jest.setTimeout(120_000);

/** Everything a refused request must leave untouched. */
interface Fingerprint {
  status: string;
  version: number;
  form: unknown;
  applicantId: string;
  attachments: number;
  events: number;
  ratings: number;
}

describe('IDOR: another owner’s or another agency’s objects are 404 and stay untouched', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-idor-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    // A PARTIAL procedure is returned at the desk: no signed result or fee stands between it and RETURNED.
    w = await createWorld(t, { onlineLevel: 'PARTIAL', fee: 0 });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function fingerprint(id: string): Promise<Fingerprint> {
    const [row]: Fingerprint[] = await t.ds.query(
      `SELECT d.status, d.version, d.form_data AS form, d.applicant_id AS "applicantId",
              (SELECT count(*)::int FROM attachment a WHERE a.dossier_id = d.id) AS attachments,
              (SELECT count(*)::int FROM dossier_event e WHERE e.dossier_id = d.id) AS events,
              (SELECT count(*)::int FROM dossier_rating r WHERE r.dossier_id = d.id) AS ratings
         FROM dossier d WHERE d.id = $1`,
      [id],
    );
    return row;
  }

  async function firstAttachment(id: string): Promise<string> {
    const [row]: { id: string }[] = await t.ds.query(
      `SELECT id FROM attachment WHERE dossier_id = $1 ORDER BY uploaded_at, id LIMIT 1`,
      [id],
    );
    return row.id;
  }

  /** One way to reach a dossier: the request, the status it needs, what the owner gets for it. */
  interface Reach {
    status: DossierStatus;
    call: (user: TestUser, id: string, attachmentId: string) => Promise<request.Response> | request.Test;
    /** The rightful caller's answer to the same request (the control). */
    owner: number;
  }

  const citizenReaches: Record<string, Reach> = {
    'reads a draft': { status: 'DRAFT', call: (u, id) => as(t, u).get(`/dossiers/${id}`), owner: 200 },
    'reads a submitted dossier': { status: 'SUBMITTED', call: (u, id) => as(t, u).get(`/dossiers/${id}`), owner: 200 },
    'edits a draft': {
      status: 'DRAFT',
      call: (u, id) => as(t, u).patch(`/dossiers/${id}`, { formData: { ...VALID_FORM, childFullName: 'Kẻ Gian' } }),
      owner: 200,
    },
    'uploads to a draft': {
      status: 'DRAFT',
      call: (u, id) => as(t, u).upload(`/dossiers/${id}/attachments`, { documentCode: 'UY_QUYEN' }, PDF, 'x.pdf'),
      owner: 201,
    },
    'uploads while a supplement is requested': {
      status: 'SUPPLEMENT_REQUESTED',
      call: (u, id) => as(t, u).upload(`/dossiers/${id}/attachments`, { documentCode: 'UY_QUYEN' }, PDF, 'x.pdf'),
      owner: 201,
    },
    'downloads an attachment': {
      status: 'SUBMITTED',
      call: (u, id, a) => binary(as(t, u).get(`/dossiers/${id}/attachments/${a}`)),
      owner: 200,
    },
    'submits a draft': {
      status: 'DRAFT',
      call: (u, id) => as(t, u).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID()),
      owner: 200,
    },
    'withdraws a submitted dossier': {
      status: 'SUBMITTED',
      call: (u, id) => as(t, u).post(`/dossiers/${id}/withdraw`, { note: 'Rút hồ sơ' }),
      owner: 200,
    },
    'hands in a supplement': {
      status: 'SUPPLEMENT_REQUESTED',
      call: (u, id) => as(t, u).post(`/dossiers/${id}/supplement`, { note: 'Đã bổ sung' }),
      owner: 200,
    },
    'rates a returned dossier': {
      status: 'RETURNED',
      call: (u, id) => as(t, u).post(`/dossiers/${id}/rating`, { score: 1, comment: 'Tệ' }),
      owner: 201,
    },
    'downloads the receipt': {
      status: 'RECEIVED',
      call: (u, id) => binary(as(t, u).get(`/dossiers/${id}/receipt.pdf`)),
      owner: 200,
    },
    // No letter issued yet: the owner's 404 is the letter's; an intruder's is the dossier's, the same answer.
    'asks for the apology letter': {
      status: 'RECEIVED',
      call: (u, id) => binary(as(t, u).get(`/dossiers/${id}/apology.pdf`)),
      owner: 404,
    },
  };

  describe('a citizen on another citizen’s dossier', () => {
    it.each(Object.keys(citizenReaches))('%s: 404, nothing changes; the owner is answered', async (name) => {
      const reach = citizenReaches[name];
      const id = await dossierIn(w, reach.status);
      const attachmentId = await firstAttachment(id);
      const before = await fingerprint(id);
      const intruder = await reach.call(w.otherCitizen, id, attachmentId);
      expect(intruder.status).toBe(404);
      expect(await fingerprint(id)).toEqual(before);
      expect(JSON.stringify(intruder.body ?? '')).not.toContain(w.citizen.fullName);
      expect((await reach.call(w.citizen, id, attachmentId)).status).toBe(reach.owner);
    });

    it('does not list another citizen’s dossiers', async () => {
      const mine = await createDraft(w);
      const { id: theirs } = await submitted(w, w.otherCitizen);
      const list = (await as(t, w.otherCitizen).get('/dossiers?limit=100')).body as DossierListResponse;
      const ids = list.items.map((d) => d.id);
      expect(ids).toContain(theirs);
      expect(ids).not.toContain(mine);
    });

    it('cannot reach another dossier’s attachment through its own dossier’s path', async () => {
      const victim = await dossierIn(w, 'SUBMITTED');
      const victimAttachment = await firstAttachment(victim);
      const { id: own } = await submitted(w, w.otherCitizen);
      const res = await as(t, w.otherCitizen).get(`/dossiers/${own}/attachments/${victimAttachment}`);
      expect(res.status).toBe(404);
      // Nor may the attachment's owner fetch it under a dossier that is not its own.
      expect((await as(t, w.citizen).get(`/dossiers/${own}/attachments/${victimAttachment}`)).status).toBe(404);
    });

    it('cannot take over a dossier by claiming its public code (the claim code is another secret)', async () => {
      const { id, code } = await submitted(w);
      const res = await as(t, w.otherCitizen).post('/dossiers/claim', { code });
      expect(res.status).toBe(404);
      expect((await fingerprint(id)).applicantId).toBe(w.citizen.id);
      expect((await as(t, w.otherCitizen).get(`/dossiers/${id}`)).status).toBe(404);
    });
  });

  describe('staff of another agency', () => {
    const roles = ['RECEPTIONIST', 'OFFICER', 'APPROVER'] as const;

    it.each(roles)('%s of agency B reads nothing of agency A’s dossier (detail, receipt, attachment)', async (role) => {
      const id = await dossierIn(w, 'RECEIVED');
      const attachmentId = await firstAttachment(id);
      const outsider = w.otherStaff[role];
      expect((await as(t, outsider).get(`/dossiers/${id}`)).status).toBe(404);
      expect((await binary(as(t, outsider).get(`/dossiers/${id}/receipt.pdf`))).status).toBe(404);
      expect((await binary(as(t, outsider).get(`/dossiers/${id}/attachments/${attachmentId}`))).status).toBe(404);
      expect((await binary(as(t, outsider).get(`/dossiers/${id}/apology.pdf`))).status).toBe(404);
      const list = (await as(t, outsider).get('/dossiers?limit=100')).body as DossierListResponse;
      expect(list.items.map((d) => d.id)).not.toContain(id);
      const queue = (await as(t, outsider).get('/queue?limit=100')).body as { items: { id: string }[] };
      expect(queue.items.map((d) => d.id)).not.toContain(id);
      // Control: the dossier's own agency sees it.
      expect((await as(t, w.staff[role]).get(`/dossiers/${id}`)).status).toBe(200);
    });

    const actions: [(typeof roles)[number], string, DossierStatus, object][] = [
      ['RECEPTIONIST', 'receive', 'SUBMITTED', {}],
      ['RECEPTIONIST', 'refuse', 'SUBMITTED', { note: 'Không thuộc thẩm quyền' }],
      ['OFFICER', 'assign', 'RECEIVED', {}],
      ['OFFICER', 'request_supplement', 'IN_PROCESSING', { note: 'Bổ sung' }],
      ['APPROVER', 'approve', 'PENDING_APPROVAL', {}],
      ['APPROVER', 'reject', 'PENDING_APPROVAL', { note: 'Không đủ điều kiện' }],
    ];
    it.each(actions)(
      '%s of agency B may not %s agency A’s dossier (%s): 404, unchanged',
      async (role, action, status, extra) => {
        const id = await dossierIn(w, status);
        const before = await fingerprint(id);
        const res = await as(t, w.otherStaff[role]).post(`/dossiers/${id}/actions`, {
          action,
          version: before.version,
          ...extra,
        });
        expect(res.status).toBe(404);
        expect(await fingerprint(id)).toEqual(before);
      },
    );

    it('staff of the dossier’s own agency do not see a draft (it is the citizen’s alone)', async () => {
      const id = await createDraft(w);
      for (const role of ['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER'] as const) {
        expect((await as(t, w.staff[role]).get(`/dossiers/${id}`)).status).toBe(404);
      }
    });

    it('an OFFICER takes no action on a dossier assigned to a colleague; nothing changes', async () => {
      const id = await dossierIn(w, 'IN_PROCESSING'); // assigned to w.staff.OFFICER
      for (const [action, extra] of [
        ['submit_for_approval', {}],
        ['assign', {}],
        ['assign', { assigneeId: w.officer2.id, note: 'Tôi nhận' }],
        ['request_supplement', { note: 'Bổ sung' }],
      ] as const) {
        const before = await fingerprint(id);
        const res = await as(t, w.officer2).post(`/dossiers/${id}/actions`, {
          action,
          version: before.version,
          ...extra,
        });
        expect({ action, refused: [403, 409].includes(res.status) }).toEqual({ action, refused: true });
        expect(await fingerprint(id)).toEqual(before);
      }
    });
  });

  describe('managers see their agency’s subtree only', () => {
    let parent: string;
    let sibling: string;
    let child: string;
    const manager = (agencyCode: string) => createUser(t.ds, { roles: ['MANAGER'], agencyCode });

    beforeAll(async () => {
      parent = (await createAgency(t.ds, { level: 'DEPARTMENT' })).code;
      await t.ds.query(`UPDATE agency SET parent_code = $1 WHERE code = $2`, [parent, w.agency.code]);
      sibling = (await createAgency(t.ds, { parentCode: parent })).code;
      child = (await createAgency(t.ds, { parentCode: w.agency.code })).code;
    });

    it('a manager of a sibling, of a child or of an unrelated agency gets 404 for every read', async () => {
      const id = await dossierIn(w, 'RECEIVED');
      const attachmentId = await firstAttachment(id);
      for (const code of [sibling, child, w.otherAgency.code]) {
        const m = await manager(code);
        const got = {
          detail: (await as(t, m).get(`/dossiers/${id}`)).status,
          audit: (await as(t, m).get(`/dossiers/${id}/audit`)).status,
          receipt: (await binary(as(t, m).get(`/dossiers/${id}/receipt.pdf`))).status,
          attachment: (await binary(as(t, m).get(`/dossiers/${id}/attachments/${attachmentId}`))).status,
          summary: (await as(t, m).get(`/reports/summary?agencyCode=${encodeURIComponent(w.agency.code)}`)).status,
        };
        expect({ code, ...got }).toEqual({
          code,
          detail: 404,
          audit: 404,
          receipt: 404,
          attachment: 404,
          summary: 404,
        });
      }
      // Control: the parent agency's manager (and the agency's own) see it.
      for (const m of [await manager(parent), w.staff.MANAGER]) {
        expect((await as(t, m).get(`/dossiers/${id}`)).status).toBe(200);
        expect((await as(t, m).get(`/dossiers/${id}/audit`)).status).toBe(200);
      }
    });
  });

  describe('identity: a walk-in dossier joins an account only through a proven identity', () => {
    const password = 'Lantern-Quasar-7719!';
    const register = (nationalId: string, from: string) =>
      request(t.http)
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', from)
        .send({
          nationalId,
          fullName: 'Kẻ Chiếm Danh',
          dateOfBirth: '1985-03-02',
          email: `squat.${nationalId}@example.vn`,
          password,
        });
    const intake = (nationalId: string) => ({
      procedureCode: w.procedure.code,
      applicant: { nationalId, fullName: 'Lê Thị Mai', dateOfBirth: '1990-05-17', phone: '0905111222' },
      formData: VALID_FORM,
    });
    async function seenBy(nationalId: string, dossierId: string): Promise<{ listed: boolean; detail: number }> {
      const login = await request(t.http).post('/api/v1/auth/login').send({ username: nationalId, password });
      if (login.status !== 200) return { listed: false, detail: 401 };
      const auth = `Bearer ${login.body.accessToken as string}`;
      const list = await request(t.http).get('/api/v1/dossiers?limit=100').set('Authorization', auth);
      const detail = await request(t.http).get(`/api/v1/dossiers/${dossierId}`).set('Authorization', auth);
      return {
        listed: (list.body as DossierListResponse).items.some((d) => d.id === dossierId),
        detail: detail.status,
      };
    }

    it('a password account registered first under someone’s national ID does not get their counter dossier', async () => {
      const nationalId = randomNationalId();
      expect((await register(nationalId, '198.51.100.21')).status).toBe(201);
      const counter = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId));
      expect(counter.status).toBe(201);
      expect(await seenBy(nationalId, counter.body.id as string)).toEqual({ listed: false, detail: 404 });
    });

    it('a password account registered after the walk-in dossier does not get it either', async () => {
      const nationalId = randomNationalId();
      const counter = await as(t, w.staff.RECEPTIONIST).post('/counter/dossiers', intake(nationalId));
      expect(counter.status).toBe(201);
      const res = await register(nationalId, '198.51.100.22');
      expect([201, 409]).toContain(res.status);
      expect(await seenBy(nationalId, counter.body.id as string)).toEqual({
        listed: false,
        detail: res.status === 201 ? 404 : 401,
      });
    });
  });

  describe('public tracking shows no personal data', () => {
    const TRACKING_FIELDS = ['code', 'procedureName', 'agencyName', 'status', 'submittedAt', 'dueAt', 'completedAt'];

    /** The names and identifiers that must never appear on a public page of this world's dossiers. */
    function personal(): string[] {
      const staff = [...Object.values(w.staff), ...Object.values(w.otherStaff), w.officer2];
      return [
        w.citizen.fullName,
        w.citizen.nationalId!,
        w.citizen.id,
        ...staff.map((s) => s.fullName),
        'Bổ sung giấy chứng sinh',
      ];
    }

    /** The unguessable tracking token of the receipt's QR (its link is also printed under the code). */
    async function trackingToken(id: string): Promise<string | null> {
      const pdf = (await binary(as(t, w.citizen).get(`/dossiers/${id}/receipt.pdf`))).body as Buffer;
      const text = `${(await pdfParse(pdf)).text.replace(/\s+/g, '')} ${pdf.toString('latin1')}`;
      return /[?&]t=([A-Za-z0-9_\-.~%]{16,})/.exec(text)?.[1] ?? null;
    }

    async function processedDossier(): Promise<{ id: string; code: string }> {
      const id = await dossierIn(w, 'SUPPLEMENT_REQUESTED');
      const [{ code }]: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE id = $1`, [id]);
      return { id, code };
    }

    it('without the token: the contract’s fields only, no names, no timeline', async () => {
      const { code } = await processedDossier();
      const res = await request(t.http).get(`/api/v1/tracking/${encodeURIComponent(code)}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body as object).sort()).toEqual([...TRACKING_FIELDS].sort());
      const text = JSON.stringify(res.body);
      for (const p of personal()) expect(text).not.toContain(p);
    });

    it('with a wrong token: no timeline and no names either', async () => {
      const { code } = await processedDossier();
      const res = await request(t.http).get(
        `/api/v1/tracking/${encodeURIComponent(code)}?t=${randomUUID().replace(/-/g, '')}`,
      );
      expect([200, 404]).toContain(res.status);
      if (res.status === 200) expect(Object.keys(res.body as object).sort()).toEqual([...TRACKING_FIELDS].sort());
      const text = JSON.stringify(res.body);
      for (const p of personal()) expect(text).not.toContain(p);
    });

    it('with the receipt’s token: the public timeline, still without names or notes', async () => {
      const { id, code } = await processedDossier();
      const token = await trackingToken(id);
      expect({ tokenOnReceipt: token !== null }).toEqual({ tokenOnReceipt: true });
      const res = await request(t.http).get(`/api/v1/tracking/${encodeURIComponent(code)}?t=${token!}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body as object)).toEqual(expect.arrayContaining(TRACKING_FIELDS));
      // The timeline comes on top of the anonymous fields.
      expect(Object.keys(res.body as object).filter((k) => !TRACKING_FIELDS.includes(k))).not.toEqual([]);
      const text = JSON.stringify(res.body);
      for (const p of personal()) expect(text).not.toContain(p);
      // The token opens this dossier only.
      const other = await submitted(w);
      const cross = await request(t.http).get(`/api/v1/tracking/${encodeURIComponent(other.code)}?t=${token!}`);
      if (cross.status === 200) {
        expect(Object.keys(cross.body as object).sort()).toEqual([...TRACKING_FIELDS].sort());
      }
    });
  });

  describe('notifications: one’s own inbox only', () => {
    it('another user’s notification is 404 to mark read and stays unread; lists and read-all touch only one’s own', async () => {
      const { id } = await submitted(w);
      const [victim]: { id: string }[] = await t.ds.query(
        `SELECT id FROM notification WHERE user_id = $1 AND dossier_id = $2 LIMIT 1`,
        [w.citizen.id, id],
      );
      expect({ notified: victim !== undefined }).toEqual({ notified: true });
      for (const intruder of [w.otherCitizen, w.staff.RECEPTIONIST, w.staff.ADMIN]) {
        expect((await as(t, intruder).post(`/notifications/${victim.id}/read`)).status).toBe(404);
        const list = (await as(t, intruder).get('/notifications?limit=100')).body as { items: { id: string }[] };
        expect(list.items.map((n) => n.id)).not.toContain(victim.id);
        expect((await as(t, intruder).post('/notifications/read-all')).status).toBe(204);
      }
      const [{ readAt }] = await t.ds.query(`SELECT read_at AS "readAt" FROM notification WHERE id = $1`, [victim.id]);
      expect(readAt).toBeNull();
      expect((await as(t, w.citizen).post(`/notifications/${victim.id}/read`)).status).toBe(204);
    });
  });
});
