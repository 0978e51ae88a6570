import {
  buildFormValidator,
  computeDueAt,
  createProcedureSchema,
  FORM_FIELD_TYPES,
  localDateTime,
  procedureVersionInputSchema,
} from '@motcua/shared';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildProcedureInput, createAgency, createProcedure, setHoliday } from './catalog.factories.js';
import { catalogDemoSeed } from './catalog.seed.js';
import { CITY, DEMO_PROCEDURES, DEPT_JUSTICE, LOCAL_AGENCIES, WARD_HAI_CHAU } from './catalog.seed-data.js';
import { CatalogService } from './catalog.service.js';

describe('CatalogService on PostgreSQL', () => {
  let t: TestApp;
  let catalog: CatalogService;

  beforeAll(async () => {
    t = await createTestApp();
    catalog = t.app.get(CatalogService);
    await catalogDemoSeed.run(t.ds);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('demo seed', () => {
    it('is idempotent: a second run adds and changes nothing', async () => {
      const before = await Promise.all(['agency', 'sector', 'procedure', 'procedure_version'].map(count));
      await catalogDemoSeed.run(t.ds);
      const after = await Promise.all(['agency', 'sector', 'procedure', 'procedure_version'].map(count));
      expect(after).toEqual(before);
    });

    it('holds at least 20 valid procedures whose forms use every field type', () => {
      expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(20);
      for (const p of DEMO_PROCEDURES) expect(createProcedureSchema.safeParse(p).success).toBe(true);
      const types = new Set(DEMO_PROCEDURES.flatMap((p) => p.formSchema.fields.map((f) => f.type)));
      expect([...types].sort()).toEqual([...FORM_FIELD_TYPES].sort());
    });

    it('makes birth registration a free, full-process online procedure of every ward and commune', async () => {
      const birth = await catalog.getProcedureVersion('1.001193');
      expect(birth).toMatchObject({ name: 'Đăng ký khai sinh', onlineLevel: 'FULL', fee: 0, version: 1 });
      expect(birth.agencyCodes.sort()).toEqual([...LOCAL_AGENCIES].sort());
      expect(LOCAL_AGENCIES.length).toBeGreaterThanOrEqual(6);
      expect(await catalog.isProcedureHandledBy('1.001193', WARD_HAI_CHAU)).toBe(true);
      expect(await catalog.isProcedureHandledBy('1.001193', DEPT_JUSTICE)).toBe(false);
    });

    it('gives the birth registration form a validator a realistic application passes', async () => {
      const { formSchema } = await catalog.getProcedureVersion('1.001193');
      const result = buildFormValidator(formSchema).safeParse({
        childFullName: 'Nguyễn Minh Anh',
        childDateOfBirth: '2026-11-20',
        childGender: 'NU',
        childEthnicity: 'KINH',
        placeOfBirth: 'Bệnh viện Phụ sản - Nhi Đà Nẵng',
        hometown: 'Hải Châu, Đà Nẵng',
        motherFullName: 'Trần Thị Hoa',
        motherNationalId: '048195000123',
        requesterName: 'Trần Thị Hoa',
        requesterNationalId: '048195000123',
        requesterPhone: '0905123456',
        requesterRelation: 'ME',
        resultDelivery: 'TRUC_TUYEN',
        declaration: true,
      });
      expect(result.success).toBe(true);
    });
  });

  describe('procedure versions', () => {
    it('keeps version 1 unchanged after version 2 is published', async () => {
      const p = await createProcedure(t.ds, { processingDays: 3 });
      const { code: _code, ...input } = buildProcedureInput({ agencyCodes: p.agencyCodes, sectorCode: p.sectorCode });
      await catalog.publishProcedureVersion(
        p.code,
        procedureVersionInputSchema.parse({ ...input, processingDays: 10, formSchema: { fields: [] } }),
        null,
      );
      const v1 = await catalog.getProcedureVersion(p.code, 1);
      const current = await catalog.getProcedureVersion(p.code);
      expect(v1).toMatchObject({ version: 1, processingDays: 3, currentVersion: 2 });
      expect(v1.formSchema.fields.length).toBeGreaterThan(0);
      expect(current).toMatchObject({ version: 2, processingDays: 10, formSchema: { fields: [] } });
    });

    it('numbers concurrent publications 2 and 3 without losing one', async () => {
      const p = await createProcedure(t.ds);
      const { code: _code, ...input } = buildProcedureInput({ agencyCodes: p.agencyCodes, sectorCode: p.sectorCode });
      const version = procedureVersionInputSchema.parse(input);
      await Promise.all([
        catalog.publishProcedureVersion(p.code, version, null),
        catalog.publishProcedureVersion(p.code, version, null),
      ]);
      expect((await catalog.getProcedureVersion(p.code)).version).toBe(3);
      expect((await catalog.getProcedureVersion(p.code, 2)).version).toBe(2);
    });

    it('answers not found for an unknown procedure or version, and findProcedureVersion null', async () => {
      await expect(catalog.getProcedureVersion('NOPE')).rejects.toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
      await expect(catalog.getProcedureVersion('1.001193', 9)).rejects.toMatchObject({
        code: 'PROCEDURE_VERSION_NOT_FOUND',
      });
      expect(await catalog.findProcedureVersion('NOPE')).toBeNull();
    });

    it('reads inside a caller’s transaction', async () => {
      const p = await createProcedure(t.ds);
      await t.ds.transaction(async (m) => {
        expect((await catalog.getProcedureVersion(p.code, 1, m)).code).toBe(p.code);
        expect((await catalog.getWorkingCalendar(m)).isWorkingDay('2026-02-17')).toBe(false);
      });
    });
  });

  describe('working calendar from the holiday table', () => {
    it('carries the seeded 2025-2027 holidays into due dates (Tết 2026)', async () => {
      const cal = await catalog.getWorkingCalendar();
      // Received Friday 13/2/2026 at 16:59 and 17:01, the last working day before Tết.
      expect(computeDueAt(localDateTime('2026-02-13', 16, 59), 1, cal)).toEqual(localDateTime('2026-02-23', 17));
      expect(computeDueAt(localDateTime('2026-02-13', 17, 1), 1, cal)).toEqual(localDateTime('2026-02-24', 17));
      expect(cal.isWorkingDay('2025-04-26')).toBe(true);
      expect(cal.isWorkingDay('2027-04-16')).toBe(false);
    });

    it('follows a holiday added by an admin', async () => {
      expect((await catalog.getWorkingCalendar()).isWorkingDay('2026-12-04')).toBe(true);
      await setHoliday(t.ds, '2026-12-04');
      expect((await catalog.getWorkingCalendar()).isWorkingDay('2026-12-04')).toBe(false);
    });
  });

  describe('agency tree', () => {
    it('puts the departments and wards under the city', async () => {
      const subtree = await catalog.getAgencySubtreeCodes(CITY);
      expect(subtree).toEqual(expect.arrayContaining([CITY, DEPT_JUSTICE, WARD_HAI_CHAU]));
      expect(await catalog.isAgencyOf(CITY, WARD_HAI_CHAU)).toBe(true);
      expect(await catalog.isAgencyOf(WARD_HAI_CHAU, WARD_HAI_CHAU)).toBe(true);
      expect(await catalog.isAgencyOf(WARD_HAI_CHAU, CITY)).toBe(false);
      expect(await catalog.isAgencyOf(DEPT_JUSTICE, WARD_HAI_CHAU)).toBe(false);
    });

    it('follows several levels', async () => {
      const parent = await createAgency(t.ds, { level: 'DEPARTMENT', parentCode: CITY });
      const child = await createAgency(t.ds, { parentCode: parent.code });
      expect(await catalog.isAgencyOf(CITY, child.code)).toBe(true);
      expect(await catalog.getAgencySubtreeCodes(parent.code)).toEqual([parent.code, child.code].sort());
      await expect(catalog.getAgency('NOPE')).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
      expect(await catalog.findAgency(child.code)).toMatchObject({ parentCode: parent.code, level: 'WARD' });
    });
  });
});
