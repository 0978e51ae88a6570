import request from 'supertest';
import type { AgencyDto, HolidayDto, ProcedureDetail, ProcedureSummary, Problem } from '@motcua/shared';
import { bearer, createUser, ensureAgency, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildProcedureInput } from './catalog.factories.js';
import { catalogDemoSeed } from './catalog.seed.js';
import { CatalogService } from './catalog.service.js';
import { DEPT_JUSTICE, WARD_HAI_CHAU } from './catalog.seed-data.js';

const API = '/api/v1';

/** The typed `items` of a list answer, and the field names of a problem's errors. */
const itemsOf = <T>(res: request.Response) => (res.body as { items: T[] }).items;
const fieldsOf = (res: request.Response) => ((res.body as Problem).errors ?? []).map((e) => e.field);

describe('catalog and catalog administration over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let citizen: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    await catalogDemoSeed.run(t.ds);
    admin = await createUser(t.ds, { roles: ['ADMIN'] });
    citizen = await createUser(t.ds);
    await ensureAgency(t.ds, WARD_HAI_CHAU);
    officer = await createUser(t.ds, {
      roles: ['OFFICER', 'MANAGER', 'APPROVER', 'RECEPTIONIST'],
      agencyCode: WARD_HAI_CHAU,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const search = (query: Record<string, string>) => request(t.http).get(`${API}/procedures`).query(query);
  const codes = (items: ProcedureSummary[]) => items.map((p) => p.code);
  const asAdmin = (req: request.Test) => req.set('Authorization', bearer(t, admin));

  describe('GET /agencies and /sectors', () => {
    it('lists the agency tree, the city first, every other agency under a parent', async () => {
      const res = await request(t.http).get(`${API}/agencies`).expect(200);
      expect(res.body.items[0]).toEqual({
        code: '000.00.00.H17',
        name: 'UBND thành phố Đà Nẵng',
        nameEn: "Da Nang City People's Committee",
        level: 'CITY',
        parentCode: null,
        address: expect.stringContaining('24 Trần Phú'),
        phone: expect.stringMatching(/^0236 /),
        openingHours: expect.stringContaining('Thứ Hai đến Thứ Sáu'),
        openingHoursEn: expect.stringContaining('Monday to Friday'),
      });
      expect(res.body.items).toContainEqual(
        expect.objectContaining({
          code: DEPT_JUSTICE,
          name: 'Sở Tư pháp',
          level: 'DEPARTMENT',
          parentCode: '000.00.00.H17',
        }),
      );
      expect(
        itemsOf<AgencyDto>(res).filter((a) => a.level === 'WARD' || a.level === 'COMMUNE').length,
      ).toBeGreaterThanOrEqual(6);
    });

    it('lists sectors with code and name', async () => {
      const res = await request(t.http).get(`${API}/sectors`).expect(200);
      expect(res.body.items).toContainEqual({ code: 'HO_TICH', name: 'Hộ tịch', nameEn: 'Civil status' });
    });
  });

  describe('GET /procedures search', () => {
    it('finds "Đăng ký khai sinh" typed without diacritics, first', async () => {
      const res = await search({ q: 'dang ky khai sinh' }).expect(200);
      expect(res.body.items[0]).toEqual({
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        sectorCode: 'HO_TICH',
        onlineLevel: 'FULL',
        processingDays: 1,
        fee: 0,
      });
    });

    it('finds it with diacritics, in capitals, and by a part of the name', async () => {
      for (const q of ['Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH', 'khai sinh']) {
        const res = await search({ q }).expect(200);
        expect(codes(res.body.items)[0]).toBe('1.001193');
      }
    });

    it('still finds it with a one-letter typo', async () => {
      for (const q of ['dang ky khai sihn', 'dang ki khai sinh', 'đăng ký khai xinh']) {
        const res = await search({ q }).expect(200);
        expect(codes(res.body.items)[0]).toBe('1.001193');
      }
    });

    it('matches đ with d', async () => {
      const a = await search({ q: 'đăng ký thường trú' }).expect(200);
      const b = await search({ q: 'dang ky thuong tru' }).expect(200);
      expect(codes(a.body.items)[0]).toBe('1.004222');
      expect(codes(b.body.items)[0]).toBe('1.004222');
    });

    it('finds by English name and by code', async () => {
      expect(codes((await search({ q: 'birth registration' }).expect(200)).body.items)[0]).toBe('1.001193');
      expect(codes((await search({ q: '1.004222' }).expect(200)).body.items)[0]).toBe('1.004222');
    });

    it('ranks an exact or prefix match above a mere similar name', async () => {
      const res = await search({ q: 'dang ky ket hon' }).expect(200);
      expect(codes(res.body.items)[0]).toBe('1.000894');
    });

    it('finds nothing for unrelated text', async () => {
      const res = await search({ q: 'xyzzy quux' }).expect(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    });

    it('filters by sector, agency and online level', async () => {
      const bySector = await search({ sectorCode: 'HO_TICH', pageSize: '100' }).expect(200);
      expect(bySector.body.total).toBeGreaterThan(0);
      expect(itemsOf<ProcedureSummary>(bySector).every((p) => p.sectorCode === 'HO_TICH')).toBe(true);

      const byAgency = await search({ agencyCode: DEPT_JUSTICE, pageSize: '100' }).expect(200);
      expect(codes(byAgency.body.items)).toContain('DN.LLTP.01');
      expect(codes(byAgency.body.items)).not.toContain('1.001193');

      const partial = await search({ onlineLevel: 'PARTIAL', q: 'khai sinh' }).expect(200);
      expect(itemsOf<ProcedureSummary>(partial).every((p) => p.onlineLevel === 'PARTIAL')).toBe(true);
      expect(codes(partial.body.items)).not.toContain('1.001193');
    });

    it('pages with page and pageSize, total counting every match', async () => {
      const all = await search({ pageSize: '100' }).expect(200);
      const total = all.body.total as number;
      expect(total).toBeGreaterThanOrEqual(20);
      const p1 = await search({ pageSize: '5', page: '1' }).expect(200);
      const p2 = await search({ pageSize: '5', page: '2' }).expect(200);
      expect(p1.body.items).toHaveLength(5);
      expect(p1.body.total).toBe(total);
      expect(codes(p1.body.items).concat(codes(p2.body.items))).toEqual(codes(all.body.items).slice(0, 10));
      const beyond = await search({ pageSize: '5', page: '1000' }).expect(200);
      expect(beyond.body).toEqual({ items: [], total });
    });

    it('answers 400 naming the parameter for pageSize above 100 or a bad page', async () => {
      for (const [query, field] of [
        [{ pageSize: '101' }, 'pageSize'],
        [{ pageSize: '0' }, 'pageSize'],
        [{ page: '0' }, 'page'],
        [{ page: 'abc' }, 'page'],
        [{ onlineLevel: 'SOME' }, 'onlineLevel'],
      ] as const) {
        const res = await search(query).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(fieldsOf(res)).toEqual([field]);
      }
    });

    it('never answers 500 to hostile search text', async () => {
      const hostile = [
        "'",
        '"',
        '%',
        '_',
        '\\',
        '%_\\\'"',
        "'; DROP TABLE procedure; --",
        '\\%\\_',
        'x'.repeat(5000),
        'khai\u0007sinh',
        '😀🇻🇳👨‍👩‍👧',
        '😀'.repeat(1000),
        '<script>alert(1)</script>',
        '   ',
      ];
      for (const q of hostile) {
        const res = await search({ q });
        expect(res.status).toBe(200);
        expect(Array.isArray(res.body.items)).toBe(true);
        expect(typeof res.body.total).toBe('number');
      }
      expect((await request(t.http).get(`${API}/procedures?q=a&q=b`)).status).toBe(400);
      expect((await request(t.http).get(`${API}/procedures?q[$gt]=`)).status).toBeLessThan(500);
      // Other control characters are dropped: the rest still searches.
      expect(codes((await search({ q: 'khai\u0007sinh' })).body.items)).toContain('1.001193');
      // NUL, a lone surrogate or broken percent-encoding: 400 naming q (issue 12, the edge rule).
      for (const q of ['%00', 'khai%00sinh', '%ED%A0%80', '%E0%A4%A', '%']) {
        const res = await request(t.http).get(`${API}/procedures?q=${q}`).expect(400);
        expect(res.body.errors[0].field).toBe('q');
      }
    });

    it('treats LIKE wildcards as plain characters', async () => {
      for (const q of ['%', '_', '%%', '%_%', '\\%']) {
        const res = await search({ q }).expect(200);
        expect(res.body.total).toBe(0);
      }
    });
  });

  describe('GET /procedures/{code}', () => {
    it('shows what a citizen needs: documents, form, agencies, time, fee, version', async () => {
      const res = await request(t.http).get(`${API}/procedures/1.001193`).expect(200);
      const p = res.body as ProcedureDetail;
      expect(p).toMatchObject({
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        onlineLevel: 'FULL',
        processingDays: 1,
        fee: 0,
        version: 1,
      });
      expect(p.agencyCodes).toContain(WARD_HAI_CHAU);
      expect(p.agencies).toContainEqual(
        expect.objectContaining({ code: WARD_HAI_CHAU, name: 'Phường Hải Châu', nameEn: 'Hai Chau Ward' }),
      );
      expect(p.requiredDocuments.map((d) => d.code)).toEqual(expect.arrayContaining(['TO_KHAI', 'GIAY_CHUNG_SINH']));
      expect(p.requiredDocuments[0]).toEqual(
        expect.objectContaining({ name: expect.stringContaining('Tờ khai'), required: true, maxSizeMb: 10 }),
      );
      expect(new Set(p.formSchema.fields.map((f) => f.type))).toEqual(
        new Set(['text', 'date', 'select', 'nationalId', 'phone', 'email', 'number', 'checkbox']),
      );
      expect(p.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('adds where and when to go, the legal basis, the last update and the templates (our additions)', async () => {
      const p = (await request(t.http).get(`${API}/procedures/1.001193`).expect(200)).body as ProcedureDetail;
      const ward = p.agencies.find((a) => a.code === WARD_HAI_CHAU);
      expect(ward).toMatchObject({
        address: expect.stringContaining('phường Hải Châu'),
        phone: expect.stringMatching(/^0236 3000 \d{3}$/),
        openingHours: expect.stringContaining('17:00'),
        openingHoursEn: expect.stringContaining('17:00'),
      });
      expect(p.legalBasis).toContain('Luật Hộ tịch');
      expect(p.updatedAt).toBe(p.publishedAt);
      expect(p.templates).toEqual([
        {
          name: 'to-khai.pdf',
          title: 'Tờ khai đăng ký khai sinh',
          titleEn: expect.stringContaining('Birth registration'),
          mimeType: 'application/pdf',
          url: '/procedures/1.001193/templates/to-khai.pdf',
        },
      ]);
    });

    it('serves the declaration template as a PDF built from the form schema; 404 for an unknown one', async () => {
      const res = await request(t.http)
        .get(`${API}/procedures/1.001193/templates/to-khai.pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="to-khai.pdf"');
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      // The same version renders the same bytes (dated by its publication, not by the request).
      const again = await request(t.http)
        .get(`${API}/procedures/1.001193/templates/to-khai.pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(Buffer.compare(again.body as Buffer, body)).toBe(0);

      const unknown = await request(t.http).get(`${API}/procedures/1.001193/templates/other.pdf`).expect(404);
      expect(unknown.body).toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
      await request(t.http).get(`${API}/procedures/9.999999/templates/to-khai.pdf`).expect(404);
    });

    it('answers 404 for an unknown procedure', async () => {
      const res = await request(t.http).get(`${API}/procedures/9.999999`).expect(404);
      expect(res.body).toMatchObject({ status: 404, code: 'PROCEDURE_NOT_FOUND' });
    });
  });

  describe('GET /holidays', () => {
    it('lists the year’s days off with their names, Tết 2026 included', async () => {
      const res = await request(t.http).get(`${API}/holidays`).query({ year: '2026' }).expect(200);
      const dates = itemsOf<HolidayDto>(res).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d.startsWith('2026-'))).toBe(true);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({ date: '2026-02-17', name: 'Tết Nguyên đán (Mùng 1)', kind: 'HOLIDAY' }),
      );
      expect(res.body.items).toContainEqual(expect.objectContaining({ date: '2026-01-10', kind: 'WORKING_DAY' }));
    });

    it('answers 400 for a year that is not a year', async () => {
      const res = await request(t.http).get(`${API}/holidays`).query({ year: '26x' }).expect(400);
      expect(res.body.errors[0].field).toBe('year');
    });
  });

  describe('administration', () => {
    const adminRoutes: [string, string, object?][] = [
      ['post', '/admin/agencies', { code: '999.1', name: 'X', level: 'WARD' }],
      ['post', '/admin/sectors', { code: 'X', name: 'X' }],
      ['post', '/admin/procedures', buildProcedureInput()],
      ['put', '/admin/procedures/1.001193', buildProcedureInput()],
      ['put', '/admin/holidays/2026-11-20', { name: 'X' }],
      ['delete', '/admin/holidays/2026-02-17'],
    ];

    it('refuses every admin route without a token (401) and to non-admins (403)', async () => {
      for (const [method, path, body] of adminRoutes) {
        const call = () =>
          (request(t.http) as unknown as Record<string, (p: string) => request.Test>)[method](`${API}${path}`);
        expect((await call().send(body)).status).toBe(401);
        for (const user of [citizen, officer]) {
          const res = await call().set('Authorization', bearer(t, user)).send(body);
          expect(res.status).toBe(403);
        }
      }
      // Nothing changed: Tết is still a holiday.
      const res = await request(t.http).get(`${API}/holidays`).query({ year: '2026' });
      expect(itemsOf<HolidayDto>(res).map((h) => h.date)).toContain('2026-02-17');
    });

    it('creates an agency (201), refuses a duplicate (409) and an unknown parent (400)', async () => {
      const body = {
        code: '000.30.99.H17',
        name: 'Phường Hòa Xuân',
        nameEn: 'Hoa Xuan Ward',
        level: 'WARD',
        parentCode: '000.00.00.H17',
        // Our addition: where and when to go, optional.
        address: '1 Trần Quang Khải, phường Hòa Xuân',
        phone: '0236 3000 299',
        openingHours: 'Thứ Hai đến Thứ Sáu',
      };
      const res = await asAdmin(request(t.http).post(`${API}/admin/agencies`))
        .send(body)
        .expect(201);
      expect(res.body).toEqual({ ...body, openingHoursEn: null });
      await asAdmin(request(t.http).post(`${API}/admin/agencies`))
        .send({ ...body, code: '000.30.98.H17', phone: 'call us' })
        .expect(400);
      await asAdmin(request(t.http).post(`${API}/admin/agencies`))
        .send(body)
        .expect(409);
      const orphan = await asAdmin(request(t.http).post(`${API}/admin/agencies`))
        .send({ ...body, code: '000.30.98.H17', parentCode: 'NOPE' })
        .expect(400);
      expect(orphan.body.errors).toEqual([{ field: 'parentCode', message: 'Unknown agency' }]);
      const bad = await asAdmin(request(t.http).post(`${API}/admin/agencies`))
        .send({ code: 'a-b', name: '', level: 'DISTRICT', extra: 1 })
        .expect(400);
      expect(fieldsOf(bad).sort()).toEqual(['code', 'extra', 'level', 'name']);
    });

    it('creates a sector (201) and refuses a duplicate (409)', async () => {
      const res = await asAdmin(request(t.http).post(`${API}/admin/sectors`))
        .send({ code: 'GIAO_DUC', name: 'Giáo dục' })
        .expect(201);
      expect(res.body).toEqual({ code: 'GIAO_DUC', name: 'Giáo dục', nameEn: null });
      const dup = await asAdmin(request(t.http).post(`${API}/admin/sectors`))
        .send({ code: 'GIAO_DUC', name: 'Giáo dục' })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE_SECTOR');
    });

    it('creates a procedure (201) that search then finds, and refuses its code again (409)', async () => {
      const body = buildProcedureInput({
        code: 'T.NEW.1',
        name: 'Cấp giấy phép tổ chức lễ hội',
        nameEn: 'Festival permit',
        sectorCode: 'HO_TICH',
        agencyCodes: [WARD_HAI_CHAU, '000.30.03.H17'],
      });
      const res = await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send(body)
        .expect(201);
      expect(res.body).toMatchObject({ code: 'T.NEW.1', version: 1, agencyCodes: [WARD_HAI_CHAU, '000.30.03.H17'] });
      expect(codes((await search({ q: 'giay phep to chuc le hoi' })).body.items)[0]).toBe('T.NEW.1');
      const dup = await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send(body)
        .expect(409);
      expect(dup.body).toMatchObject({
        code: 'DUPLICATE_PROCEDURE',
        errors: [{ field: 'code', message: 'Already exists' }],
      });
    });

    it('answers 400 naming each malformed field of a procedure', async () => {
      const body = buildProcedureInput({ sectorCode: 'HO_TICH', agencyCodes: [WARD_HAI_CHAU] });
      const fields = body.formSchema.fields.map((f, i) => (i === 2 ? { ...f, type: 'file' } : f));
      const res = await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send({ ...body, processingDays: -2, onlineLevel: 'HALF', formSchema: { fields } })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res).sort()).toEqual(['formSchema.fields[2].type', 'onlineLevel', 'processingDays'].sort());
    });

    it('answers 400 for rules of the form schema and the documents', async () => {
      const body = buildProcedureInput({ sectorCode: 'HO_TICH', agencyCodes: [WARD_HAI_CHAU] });
      const [first, ...rest] = body.formSchema.fields;
      const res = await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send({
          ...body,
          fee: 10.5,
          requiredDocuments: [{ code: 'A', name: 'A', required: 'yes', maxSizeMb: 500 }],
          formSchema: { fields: [{ ...first, min: 10, max: 1 }, ...rest, { ...rest[0] }] },
          color: 'red',
        })
        .expect(400);
      expect(fieldsOf(res).sort()).toEqual(
        [
          'color',
          'fee',
          // A text field has neither min nor max, and max is below min.
          'formSchema.fields[0].max',
          'formSchema.fields[0].max',
          'formSchema.fields[0].min',
          // The appended copy of field 1 repeats its key.
          'formSchema.fields[6].key',
          'requiredDocuments[0].maxSizeMb',
          'requiredDocuments[0].required',
        ].sort(),
      );
    });

    it('answers 400 naming an unknown sector or agency', async () => {
      const body = buildProcedureInput({ sectorCode: 'NO_SUCH', agencyCodes: [WARD_HAI_CHAU, '123.45.67.X00'] });
      const res = await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send(body)
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'sectorCode', message: 'Unknown sector' },
        { field: 'agencyCodes[1]', message: 'Unknown agency' },
      ]);
    });

    it('publishes a new version with PUT; version 1 keeps its rules for dossiers filed under it', async () => {
      const v1 = buildProcedureInput({ code: 'T.VER.1', sectorCode: 'HO_TICH', agencyCodes: [WARD_HAI_CHAU] });
      await asAdmin(request(t.http).post(`${API}/admin/procedures`))
        .send(v1)
        .expect(201);
      const { code: _code, ...rest } = v1;
      const v2 = {
        ...rest,
        processingDays: 7,
        fee: 50000,
        requiredDocuments: [{ code: 'DON', name: 'Đơn đề nghị', required: true }],
        formSchema: {
          fields: [{ key: 'reason', label: 'Lý do', labelEn: 'Reason', type: 'textarea', required: true }],
        },
      };
      const res = await asAdmin(request(t.http).put(`${API}/admin/procedures/T.VER.1`))
        .send(v2)
        .expect(200);
      expect(res.body).toMatchObject({ code: 'T.VER.1', version: 2, processingDays: 7, fee: 50000 });

      const shown = await request(t.http).get(`${API}/procedures/T.VER.1`).expect(200);
      expect(shown.body).toMatchObject({ version: 2, processingDays: 7 });
      expect((shown.body as ProcedureDetail).formSchema.fields.map((f) => f.key)).toEqual(['reason']);

      const catalog = t.app.get(CatalogService);
      const old = await catalog.getProcedureVersion('T.VER.1', 1);
      expect(old).toMatchObject({ version: 1, currentVersion: 2, processingDays: 3, fee: 0 });
      expect(old.formSchema).toEqual(v1.formSchema);
      expect(old.requiredDocuments.map((d) => d.code)).toEqual(['TO_KHAI', 'GIAY_CHUNG_SINH', 'UY_QUYEN']);
      await expect(catalog.getProcedureVersion('T.VER.1', 3)).rejects.toMatchObject({ status: 404 });
    });

    it('answers 404 to PUT of an unknown procedure and 400 to a body with its code', async () => {
      const { code: _code, ...rest } = buildProcedureInput({ sectorCode: 'HO_TICH', agencyCodes: [WARD_HAI_CHAU] });
      await asAdmin(request(t.http).put(`${API}/admin/procedures/NO.SUCH`))
        .send(rest)
        .expect(404);
      const res = await asAdmin(request(t.http).put(`${API}/admin/procedures/1.001193`))
        .send({ ...rest, code: 'X' })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'code', message: 'Unknown field' }]);
    });

    it('adds, replaces and deletes holidays; the working calendar follows at once', async () => {
      const catalog = t.app.get(CatalogService);
      expect((await catalog.getWorkingCalendar()).isWorkingDay('2026-11-20')).toBe(true);

      const put = await asAdmin(request(t.http).put(`${API}/admin/holidays/2026-11-20`))
        .send({ name: 'Nghỉ thử', nameEn: 'Test day off' })
        .expect(200);
      expect(put.body).toEqual({ date: '2026-11-20', name: 'Nghỉ thử', nameEn: 'Test day off', kind: 'HOLIDAY' });
      await asAdmin(request(t.http).put(`${API}/admin/holidays/2026-11-20`))
        .send({ name: 'Nghỉ thử (sửa)' })
        .expect(200);
      const listed = await request(t.http).get(`${API}/holidays`).query({ year: '2026' });
      expect(listed.body.items).toContainEqual(expect.objectContaining({ date: '2026-11-20', name: 'Nghỉ thử (sửa)' }));
      expect((await catalog.getWorkingCalendar()).isWorkingDay('2026-11-20')).toBe(false);

      await asAdmin(request(t.http).delete(`${API}/admin/holidays/2026-11-20`)).expect(204);
      await asAdmin(request(t.http).delete(`${API}/admin/holidays/2026-11-20`)).expect(404);
      expect((await catalog.getWorkingCalendar()).isWorkingDay('2026-11-20')).toBe(true);
    });

    it('takes a compensating Saturday as a working day and refuses one on a weekday', async () => {
      await asAdmin(request(t.http).put(`${API}/admin/holidays/2026-11-21`))
        .send({ name: 'Làm bù', kind: 'WORKING_DAY' })
        .expect(200);
      expect((await t.app.get(CatalogService).getWorkingCalendar()).isWorkingDay('2026-11-21')).toBe(true);
      const res = await asAdmin(request(t.http).put(`${API}/admin/holidays/2026-11-23`))
        .send({ name: 'Làm bù', kind: 'WORKING_DAY' })
        .expect(400);
      expect(res.body.errors[0].field).toBe('kind');
    });

    it('answers 400 naming the date for a day that does not exist or is out of range', async () => {
      for (const date of ['2026-02-30', '2026-13-01', 'tomorrow', '9999-12-24', '1999-12-31', '0000-01-01']) {
        const res = await asAdmin(request(t.http).put(`${API}/admin/holidays/${date}`))
          .send({ name: 'X' })
          .expect(400);
        expect(res.body.errors[0].field).toBe('date');
      }
      await asAdmin(request(t.http).put(`${API}/admin/holidays/2026-12-01`))
        .send({ name: '' })
        .expect(400);
    });
  });

  it('documents the catalog routes in the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/v1/procedures',
      '/api/v1/procedures/{code}',
      '/api/v1/procedures/{code}/templates/{name}',
      '/api/v1/admin/procedures/{code}',
      '/api/v1/holidays',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
