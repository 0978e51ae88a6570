import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { toLocalDate, type DossierDto, type DossierListResponse } from '@motcua/shared';
import { bearer } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createUser } from '../../test/auth-helpers.js';
import { buildProcedureInput, createProcedure } from '../catalog/catalog.factories.js';
import {
  as,
  attach,
  binary,
  createDraft,
  createWorld,
  fieldsOf,
  dossierIn,
  ELF,
  PDF,
  PNG,
  stateOf,
  submitted,
  VALID_FORM,
  type World,
} from './dossiers.factories.js';

describe('dossiers over HTTP: drafts, attachments, submit, reading', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-dossiers-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('drafts', () => {
    it('creates a draft at the procedure’s first agency, version 1', async () => {
      const res = await as(t, w.citizen).post('/dossiers', { procedureCode: w.procedure.code, formData: {} });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), status: 'DRAFT', version: 1 });
      const detail = await as(t, w.citizen).get(`/dossiers/${res.body.id}`);
      expect(detail.body).toMatchObject({
        status: 'DRAFT',
        code: null,
        channel: 'ONLINE',
        nationalStatusCode: null,
        agency: { code: w.agency.code, name: w.agency.name },
        procedure: { code: w.procedure.code, name: w.procedure.name, onlineLevel: 'FULL', version: 1 },
        applicant: { id: w.citizen.id, fullName: w.citizen.fullName },
        availableActions: ['submit'],
        timeline: [],
        sla: null,
      });
    });

    it('refuses an agency that does not handle the procedure (422 naming agencyCode)', async () => {
      const res = await as(t, w.citizen).post('/dossiers', {
        procedureCode: w.procedure.code,
        agencyCode: w.otherAgency.code,
        formData: {},
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'agencyCode', message: expect.any(String) }]);
    });

    it('refuses an unknown procedure (422 naming procedureCode) and unknown body fields (400)', async () => {
      const unknown = await as(t, w.citizen).post('/dossiers', { procedureCode: 'NO.SUCH', formData: {} });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].field).toBe('procedureCode');
      const extra = await as(t, w.citizen).post('/dossiers', { procedureCode: w.procedure.code, status: 'RETURNED' });
      expect(extra.status).toBe(400);
      expect(extra.body.errors).toEqual([{ field: 'status', message: 'Unknown field' }]);
    });

    it('keeps a partial draft but refuses unknown keys and wrong JSON types, naming formData.<key>', async () => {
      const id = await createDraft(w, w.citizen, {});
      const partial = await as(t, w.citizen).patch(`/dossiers/${id}`, { formData: { childFullName: 'An' } });
      expect(partial.status).toBe(200);
      expect(partial.body.formData).toEqual({ childFullName: 'An' });
      expect(partial.body.version).toBe(2);

      const bad = await as(t, w.citizen).patch(`/dossiers/${id}`, {
        formData: { nickname: 'x', copies: 'two', childGender: 3 },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad).sort()).toEqual(['formData.childGender', 'formData.copies', 'formData.nickname']);
      expect((await stateOf(w, id)).version).toBe(2);
    });

    it('merges form data on PATCH (null removes a key) and checks the version when given', async () => {
      const id = await createDraft(w, w.citizen, { childFullName: 'An', phone: '0905123456' });
      const res = await as(t, w.citizen).patch(`/dossiers/${id}`, { formData: { phone: null, copies: 2 }, version: 1 });
      expect(res.status).toBe(200);
      expect(res.body.formData).toEqual({ childFullName: 'An', copies: 2 });
      const stale = await as(t, w.citizen).patch(`/dossiers/${id}`, { formData: { copies: 3 }, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
    });

    it('edits drafts only, and only the applicant’s (another citizen: 404)', async () => {
      const id = (await submitted(w)).id;
      const res = await as(t, w.citizen).patch(`/dossiers/${id}`, { formData: { copies: 1 } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_DRAFT');
      const draft = await createDraft(w);
      expect((await as(t, w.otherCitizen).patch(`/dossiers/${draft}`, { formData: {} })).status).toBe(404);
      expect((await as(t, w.otherCitizen).get(`/dossiers/${draft}`)).status).toBe(404);
    });

    it('hides a draft from the staff of its agency (404)', async () => {
      const id = await createDraft(w);
      expect((await as(t, w.staff.RECEPTIONIST).get(`/dossiers/${id}`)).status).toBe(404);
      expect((await as(t, w.staff.ADMIN).get(`/dossiers/${id}`)).status).toBe(404);
    });

    it('answers 404 for an id that is not a uuid', async () => {
      expect((await as(t, w.citizen).get('/dossiers/not-a-uuid')).status).toBe(404);
    });
  });

  describe('attachments', () => {
    it('stores a file with its type decided by content and its sha256; Vietnamese names survive', async () => {
      const id = await createDraft(w);
      const res = await as(t, w.citizen).upload(
        `/dossiers/${id}/attachments`,
        { documentCode: 'TO_KHAI' },
        PNG,
        'Tờ khai đăng ký.pdf',
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        documentCode: 'TO_KHAI',
        fileName: 'Tờ khai đăng ký.pdf',
        mimeType: 'image/png',
        size: PNG.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        uploadedAt: expect.any(String),
      });

      const download = await binary(as(t, w.citizen).get(`/dossiers/${id}/attachments/${res.body.id}`));
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="To khai dang ky.pdf"; filename*=UTF-8''T%E1%BB%9D%20khai%20%C4%91%C4%83ng%20k%C3%BD.pdf`,
      );
      expect((download.body as Buffer).equals(PNG)).toBe(true);
    });

    it('refuses an executable renamed .pdf (415) and stores nothing', async () => {
      const id = await createDraft(w);
      const res = await as(t, w.citizen).upload(
        `/dossiers/${id}/attachments`,
        { documentCode: 'TO_KHAI' },
        ELF,
        'ho-so.pdf',
      );
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('FILE_TYPE_NOT_ACCEPTED');
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [id]);
      expect(n).toBe(0);
    });

    it('refuses a file over the document’s maxSizeMb (413)', async () => {
      const id = await createDraft(w);
      // GIAY_CHUNG_SINH allows 5 MB.
      const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      const res = await as(t, w.citizen).upload(
        `/dossiers/${id}/attachments`,
        { documentCode: 'GIAY_CHUNG_SINH' },
        big,
        'giay-chung-sinh.pdf',
      );
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('FILE_TOO_LARGE');
    });

    it('refuses a document code the procedure does not require (400 naming documentCode) and a missing file', async () => {
      const id = await createDraft(w);
      const res = await as(t, w.citizen).upload(`/dossiers/${id}/attachments`, { documentCode: 'CMND' }, PDF, 'x.pdf');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('documentCode');
      const noFile = await request(t.http)
        .post(`/api/v1/dossiers/${id}/attachments`)
        .set('Authorization', bearer(t, w.citizen))
        .field('documentCode', 'TO_KHAI');
      expect(noFile.status).toBe(400);
      expect(noFile.body.errors[0].field).toBe('file');
    });

    it('accepts uploads from the applicant only, while DRAFT or SUPPLEMENT_REQUESTED', async () => {
      const draft = await createDraft(w);
      const other = await as(t, w.otherCitizen).upload(
        `/dossiers/${draft}/attachments`,
        { documentCode: 'TO_KHAI' },
        PDF,
        'a.pdf',
      );
      expect(other.status).toBe(404);
      const staff = await as(t, w.staff.RECEPTIONIST).upload(
        `/dossiers/${draft}/attachments`,
        { documentCode: 'TO_KHAI' },
        PDF,
        'a.pdf',
      );
      expect(staff.status).toBe(403);
      const received = await dossierIn(w, 'RECEIVED');
      const late = await as(t, w.citizen).upload(
        `/dossiers/${received}/attachments`,
        { documentCode: 'TO_KHAI' },
        PDF,
        'a.pdf',
      );
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('UPLOAD_NOT_ALLOWED');
      const waiting = await dossierIn(w, 'SUPPLEMENT_REQUESTED');
      await attach(w, waiting, 'UY_QUYEN');
    });

    it('serves a file to the staff of the agency once submitted, and 404 to another citizen', async () => {
      const { id } = await submitted(w);
      const detail = (await as(t, w.citizen).get(`/dossiers/${id}`)).body as DossierDto;
      const file = detail.attachments[0];
      expect((await as(t, w.otherCitizen).get(`/dossiers/${id}/attachments/${file.id}`)).status).toBe(404);
      expect((await as(t, w.otherStaff.OFFICER).get(`/dossiers/${id}/attachments/${file.id}`)).status).toBe(404);
      const staff = await binary(as(t, w.staff.OFFICER).get(`/dossiers/${id}/attachments/${file.id}`));
      expect(staff.status).toBe(200);
      expect((staff.body as Buffer).equals(PDF)).toBe(true);
      // Another dossier's attachment id under this dossier: 404.
      const other = await submitted(w);
      const otherFile = ((await as(t, w.citizen).get(`/dossiers/${other.id}`)).body as DossierDto).attachments[0];
      expect((await as(t, w.citizen).get(`/dossiers/${id}/attachments/${otherFile.id}`)).status).toBe(404);
    });
  });

  describe('removing a file from a draft (our addition: docs/api.md)', () => {
    const upload = async (id: string, documentCode = 'TO_KHAI') =>
      (await as(t, w.citizen).upload(`/dossiers/${id}/attachments`, { documentCode }, PDF, 'to-khai.pdf')).body as {
        id: string;
      };
    const remove = (id: string, attachmentId: string, user = w.citizen) =>
      as(t, user).delete(`/dossiers/${id}/attachments/${attachmentId}`);

    it('removes it (204): the draft no longer lists it, and a new file replaces it', async () => {
      const id = await createDraft(w);
      const first = await upload(id);
      const res = await remove(id, first.id);
      expect(res.status).toBe(204);
      const after = await as(t, w.citizen).get(`/dossiers/${id}`);
      expect((after.body as DossierDto).attachments).toEqual([]);
      const second = await upload(id);
      const again = await as(t, w.citizen).get(`/dossiers/${id}`);
      expect((again.body as DossierDto).attachments.map((a) => a.id)).toEqual([second.id]);
      expect((await remove(id, first.id)).status).toBe(404);
    });

    it('is 404 for another citizen’s draft or another dossier’s attachment, and removes nothing', async () => {
      const id = await createDraft(w);
      const mine = await upload(id);
      expect((await remove(id, mine.id, w.otherCitizen)).status).toBe(404);
      const other = await createDraft(w);
      expect((await remove(other, mine.id)).status).toBe(404);
      expect((await remove(id, 'not-a-uuid')).status).toBe(404);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE dossier_id = $1`, [id]);
      expect(n).toBe(1);
    });

    it('is 409 once the dossier is sent: a sealed attachment stays', async () => {
      const id = await createDraft(w);
      const file = await upload(id);
      await attach(w, id, 'GIAY_CHUNG_SINH');
      const sent = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
      expect(sent.status).toBe(200);
      const res = await remove(id, file.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_DRAFT');
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE id = $1`, [file.id]);
      expect(n).toBe(1);
    });

    it('the API’s role cannot delete attachments itself: only the draft function may', async () => {
      const id = await createDraft(w);
      const file = await upload(id);
      await expect(t.ds.query(`DELETE FROM attachment WHERE id = $1`, [file.id])).rejects.toThrow(/permission denied/);
    });
  });

  describe('date bounds and verified values at submit', () => {
    const bounded = () =>
      buildProcedureInput({
        agencyCodes: [w.agency.code],
        requiredDocuments: [],
        formSchema: {
          fields: [
            { key: 'name', label: 'Họ tên', labelEn: 'Name', type: 'text', required: true, profileField: 'fullName' },
            {
              key: 'born',
              label: 'Ngày sinh',
              labelEn: 'Born',
              type: 'date',
              required: true,
              min: '1900-01-01',
              max: 'today',
              profileField: 'birthDate',
            },
          ],
        },
      });
    const submitAs = async (user: typeof w.citizen, procedureCode: string, formData: object) => {
      const draft = await as(t, user).post('/dossiers', { procedureCode, formData });
      return as(t, user).post(`/dossiers/${draft.body.id}/submit`).set('Idempotency-Key', randomUUID());
    };

    it('refuses a date after today (the clock’s day in Asia/Ho_Chi_Minh), naming the field (400)', async () => {
      const proc = await createProcedure(t.ds, bounded());
      const today = toLocalDate(t.clock.now());
      const tomorrow = toLocalDate(new Date(t.clock.now().getTime() + 86_400_000));
      const future = await submitAs(w.citizen, proc.code, { name: 'An', born: tomorrow });
      expect(future.status).toBe(400);
      expect(future.body.errors).toEqual([{ field: 'formData.born', message: 'date_too_late' }]);
      const early = await submitAs(w.citizen, proc.code, { name: 'An', born: '1899-12-31' });
      expect(early.body.errors).toEqual([{ field: 'formData.born', message: 'date_too_early' }]);
      expect((await submitAs(w.citizen, proc.code, { name: 'An', born: today })).status).toBe(200);
    });

    it('for a verified (digital-citizen) applicant, refuses a name or birth date other than the verified one', async () => {
      const proc = await createProcedure(t.ds, bounded());
      const verified = await createUser(t.ds, { fullName: 'Lê Thị Hoa', dateOfBirth: '1988-03-04', verified: true });
      const other = await submitAs(verified, proc.code, { name: 'Người Khác', born: '1988-03-04' });
      expect(other.status).toBe(400);
      expect(other.body.errors).toEqual([{ field: 'formData.name', message: 'not_verified_value' }]);
      expect((await submitAs(verified, proc.code, { name: 'Lê Thị Hoa', born: '1988-03-04' })).status).toBe(200);
      // An unverified account typed its own details: nothing to hold them to.
      expect((await submitAs(w.citizen, proc.code, { name: 'Người Khác', born: '1988-03-04' })).status).toBe(200);
    });
  });

  describe('submit', () => {
    it('requires an Idempotency-Key (400)', async () => {
      const id = await createDraft(w);
      const res = await as(t, w.citizen).post(`/dossiers/${id}/submit`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('Idempotency-Key');
    });

    it('refuses a form that fails the procedure’s schema, naming every bad field (400), nothing changed', async () => {
      const id = await createDraft(w, w.citizen, { childFullName: '', childGender: 'OTHER', copies: 11 });
      for (const doc of ['TO_KHAI', 'GIAY_CHUNG_SINH']) await attach(w, id, doc);
      const res = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
      expect(res.status).toBe(400);
      expect(fieldsOf(res).sort()).toEqual([
        'formData.childDateOfBirth',
        'formData.childFullName',
        'formData.childGender',
        'formData.copies',
        'formData.motherNationalId',
      ]);
      expect(await stateOf(w, id)).toEqual({ status: 'DRAFT', version: 1, events: 0 });
    });

    it('refuses a missing required document (422 naming documents.<code>), optional ones aside', async () => {
      const id = await createDraft(w);
      await attach(w, id, 'UY_QUYEN');
      const res = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
      expect(res.status).toBe(422);
      expect(fieldsOf(res)).toEqual(['documents.TO_KHAI', 'documents.GIAY_CHUNG_SINH']);
      expect(await stateOf(w, id)).toEqual({ status: 'DRAFT', version: 1, events: 0 });
    });

    it('assigns the code {agencyCode}-{yyMMdd}-{seq} and answers the api.md shape', async () => {
      const id = await createDraft(w);
      for (const doc of ['TO_KHAI', 'GIAY_CHUNG_SINH']) await attach(w, id, doc);
      const res = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        code: expect.stringMatching(new RegExp(`^${w.agency.code.replace(/\./g, '\\.')}-261127-\\d{4}$`)),
        status: 'SUBMITTED',
        submittedAt: t.clock.now().toISOString(),
        version: 2,
      });
    });

    it('replays the first answer for the same key and body; the same key with another request is 422', async () => {
      const id = await createDraft(w);
      for (const doc of ['TO_KHAI', 'GIAY_CHUNG_SINH']) await attach(w, id, doc);
      const key = randomUUID();
      const first = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key);
      const again = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const otherBody = await as(t, w.citizen)
        .post(`/dossiers/${id}/submit`, { version: 1 })
        .set('Idempotency-Key', key);
      expect(otherBody.status).toBe(422);
      expect(otherBody.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherDossier = await createDraft(w);
      const otherPath = await as(t, w.citizen).post(`/dossiers/${otherDossier}/submit`).set('Idempotency-Key', key);
      expect(otherPath.status).toBe(422);
      // A new key on the submitted dossier is an ordinary wrong-status action.
      const newKey = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
      expect(newKey.status).toBe(409);
      expect((await stateOf(w, id)).events).toBe(1);
    });

    it('keys are per user: another citizen’s same key does not replay someone else’s answer', async () => {
      const { id } = await submitted(w);
      const key = randomUUID();
      const mine = await createDraft(w, w.otherCitizen);
      for (const doc of ['TO_KHAI', 'GIAY_CHUNG_SINH']) await attach(w, mine, doc, w.otherCitizen);
      const res = await as(t, w.otherCitizen).post(`/dossiers/${mine}/submit`).set('Idempotency-Key', key);
      expect(res.status).toBe(200);
      const theirs = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key);
      expect(theirs.status).toBe(409);
    });
  });

  describe('reading', () => {
    it('lists my dossiers newest first with keyset pagination, no duplicates', async () => {
      const citizen = (await createWorld(t)).citizen;
      const mine = await createWorld(t);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        t.clock.advance(1000);
        ids.push(await createDraft(mine, mine.citizen));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await as(t, mine.citizen).get(`/dossiers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        const page = res.body as DossierListResponse;
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
      expect((await as(t, citizen).get('/dossiers')).body.items).toEqual([]);
    });

    it('filters by status, lists the agency’s submitted dossiers for its staff only', async () => {
      const x = await createWorld(t);
      await createDraft(x);
      const { id } = await submitted(x);
      const drafts = await as(t, x.citizen).get('/dossiers?status=DRAFT');
      expect((drafts.body as DossierListResponse).items.every((d) => d.status === 'DRAFT')).toBe(true);
      const staff = await as(t, x.staff.RECEPTIONIST).get('/dossiers');
      expect((staff.body as DossierListResponse).items.map((d) => d.id)).toEqual([id]);
      expect(staff.body.items[0]).toMatchObject({
        status: 'SUBMITTED',
        nationalStatusCode: 1,
        applicant: { fullName: x.citizen.fullName },
      });
      expect((await as(t, x.otherStaff.RECEPTIONIST).get('/dossiers')).body.items).toEqual([]);
    });

    it('filters by procedureCode on the server: the apply flow finds the draft of one procedure in one request', async () => {
      const x = await createWorld(t);
      const other = await createProcedure(t.ds, { agencyCodes: [x.agency.code] });
      const ofX = await createDraft(x);
      const res = await as(t, x.citizen).post('/dossiers', { procedureCode: other.code, formData: {} });
      expect(res.status).toBe(201);
      const ofOther = (res.body as { id: string }).id;
      const list = async (q: string) =>
        ((await as(t, x.citizen).get(`/dossiers?${q}`)).body as DossierListResponse).items.map((d) => d.id);
      expect(await list(`status=DRAFT&procedureCode=${encodeURIComponent(other.code)}`)).toEqual([ofOther]);
      expect(await list(`status=DRAFT&procedureCode=${encodeURIComponent(x.procedure.code)}`)).toEqual([ofX]);
      expect((await list('status=DRAFT')).sort()).toEqual([ofX, ofOther].sort());
      // Another citizen's draft of the same procedure stays out of the answer.
      expect(
        (
          (await as(t, x.otherCitizen).get(`/dossiers?procedureCode=${encodeURIComponent(other.code)}`))
            .body as DossierListResponse
        ).items,
      ).toEqual([]);
      const bad = await as(t, x.citizen).get('/dossiers?procedureCode=a%20b');
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['procedureCode']);
    });

    it('refuses limit above 100 and a forged cursor (400 naming them)', async () => {
      const big = await as(t, w.citizen).get('/dossiers?limit=101');
      expect(big.status).toBe(400);
      expect(big.body.errors[0].field).toBe('limit');
      const forged = await as(t, w.citizen).get('/dossiers?cursor=bm90LWEtY3Vyc29y');
      expect(forged.status).toBe(400);
      expect(forged.body.errors[0].field).toBe('cursor');
    });

    it('shows the detail of api.md with the timeline, SLA and the caller’s actions', async () => {
      const id = await dossierIn(w, 'RECEIVED');
      const citizenView = (await as(t, w.citizen).get(`/dossiers/${id}`)).body as DossierDto;
      expect(citizenView).toMatchObject({
        status: 'RECEIVED',
        nationalStatusCode: 2,
        channel: 'ONLINE',
        receivedAt: t.clock.now().toISOString(),
        // Friday 27/11/2026 09:00 + 3 working days = Wednesday 2/12 17:00 local.
        dueAt: '2026-12-02T10:00:00.000Z',
        sla: 'ON_TIME',
        assignee: null,
        availableActions: ['withdraw'],
        rating: null,
      });
      expect(citizenView.timeline).toEqual([
        {
          type: 'submit',
          fromStatus: 'DRAFT',
          toStatus: 'SUBMITTED',
          actor: { fullName: w.citizen.fullName, role: 'CITIZEN' },
          note: null,
          at: expect.any(String),
        },
        {
          type: 'receive',
          fromStatus: 'SUBMITTED',
          toStatus: 'RECEIVED',
          actor: { fullName: w.staff.RECEPTIONIST.fullName, role: 'RECEPTIONIST' },
          note: null,
          at: expect.any(String),
        },
      ]);
      expect(citizenView.attachments).toHaveLength(2);
      const officer = (await as(t, w.staff.OFFICER).get(`/dossiers/${id}`)).body as DossierDto;
      expect(officer.availableActions).toEqual(['assign']);
      const manager = (await as(t, w.staff.MANAGER).get(`/dossiers/${id}`)).body as DossierDto;
      expect(manager.availableActions).toEqual([]);
      expect((await as(t, w.otherStaff.OFFICER).get(`/dossiers/${id}`)).status).toBe(404);
    });
  });

  describe('tracking, receipt, apology, rating', () => {
    it('tracks a dossier by code publicly, without personal data; a draft or unknown code is 404', async () => {
      const { code } = await submitted(w);
      const res = await as(t, null).get(`/tracking/${code}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code,
        procedureName: w.procedure.name,
        agencyName: w.agency.name,
        status: 'SUBMITTED',
        submittedAt: expect.any(String),
        dueAt: null,
        completedAt: null,
      });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(w.citizen.fullName);
      expect(text).not.toContain(w.citizen.nationalId!);
      expect(text).not.toContain(w.citizen.id);
      expect((await as(t, null).get('/tracking/000.00.00.H17-261127-9999')).status).toBe(404);
    });

    it('rates once, after the result is returned, by the applicant only', async () => {
      const open = await dossierIn(w, 'APPROVED');
      expect((await as(t, w.citizen).post(`/dossiers/${open}/rating`, { score: 5 })).status).toBe(409);
      const id = await dossierIn(w, 'RETURNED');
      expect((await as(t, w.otherCitizen).post(`/dossiers/${id}/rating`, { score: 5 })).status).toBe(404);
      expect((await as(t, w.citizen).post(`/dossiers/${id}/rating`, { score: 6 })).status).toBe(400);
      const first = await as(t, w.citizen).post(`/dossiers/${id}/rating`, { score: 4, comment: 'Nhanh, chu đáo' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ dossierId: id, score: 4, comment: 'Nhanh, chu đáo', at: expect.any(String) });
      const second = await as(t, w.citizen).post(`/dossiers/${id}/rating`, { score: 1 });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('ALREADY_RATED');
      expect((await as(t, w.citizen).get(`/dossiers/${id}`)).body.rating).toMatchObject({ score: 4 });
    });

    it('gives no receipt for a draft (409)', async () => {
      const id = await createDraft(w);
      expect((await as(t, w.citizen).get(`/dossiers/${id}/receipt.pdf`)).status).toBe(409);
    });

    it('gives no apology letter before one is issued (404)', async () => {
      const id = await dossierIn(w, 'RECEIVED');
      const res = await as(t, w.citizen).get(`/dossiers/${id}/apology.pdf`);
      expect(res.status).toBe(404);
    });
  });

  it('lists every dossier, counter and tracking route in the OpenAPI document', async () => {
    const doc = (await request(t.http).get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/dossiers',
        'GET /api/v1/dossiers',
        'GET /api/v1/dossiers/{id}',
        'PATCH /api/v1/dossiers/{id}',
        'POST /api/v1/dossiers/{id}/attachments',
        'GET /api/v1/dossiers/{id}/attachments/{attachmentId}',
        'DELETE /api/v1/dossiers/{id}/attachments/{attachmentId}',
        'POST /api/v1/dossiers/{id}/submit',
        'POST /api/v1/dossiers/{id}/actions',
        'POST /api/v1/dossiers/{id}/supplement',
        'POST /api/v1/dossiers/{id}/withdraw',
        'POST /api/v1/dossiers/{id}/rating',
        'GET /api/v1/dossiers/{id}/receipt.pdf',
        'GET /api/v1/dossiers/{id}/apology.pdf',
        'GET /api/v1/dossiers/{id}/audit',
        'GET /api/v1/tracking/{code}',
        'POST /api/v1/counter/dossiers',
      ]),
    );
  });

  describe('a procedure without required documents', () => {
    it('submits with no attachment', async () => {
      const proc = await createProcedure(t.ds, { agencyCodes: [w.agency.code], requiredDocuments: [] });
      const res = await as(t, w.citizen).post('/dossiers', { procedureCode: proc.code, formData: VALID_FORM });
      const submit = await as(t, w.citizen)
        .post(`/dossiers/${res.body.id}/submit`)
        .set('Idempotency-Key', randomUUID());
      expect(submit.status).toBe(200);
    });
  });
});
