import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createProcedureSchema,
  type CreateAgencyInput,
  type CreateProcedureInput,
  type CreateSectorInput,
  type HolidayKind,
} from '@motcua/shared';
import { CatalogRepository, procedureVersionRow } from './catalog.repository.js';
import type { AgencyView, ProcedureVersionView, SectorView } from './catalog.types.js';

/**
 * Builders for tests of any module: `buildX` in memory, `createX(ds, overrides)` persisted
 * straight through the catalog repository (no HTTP, no admin needed).
 */

const suffix = () => randomBytes(3).toString('hex').toUpperCase();

export const TEST_SECTOR_CODE = 'TEST_SECTOR';

export function buildAgencyInput(overrides: Partial<CreateAgencyInput> = {}): CreateAgencyInput {
  const code = overrides.code ?? `999.30.${suffix()}.H17`;
  return { code, name: `Phường Thử ${code}`, nameEn: `Test Ward ${code}`, level: 'WARD', ...overrides };
}

/** A valid POST /admin/procedures body: a ward procedure with a form using several field types. */
export function buildProcedureInput(overrides: Partial<CreateProcedureInput> = {}): CreateProcedureInput {
  return {
    code: `T.${suffix()}`,
    name: 'Đăng ký khai sinh (thử nghiệm)',
    nameEn: 'Birth registration (test)',
    sectorCode: TEST_SECTOR_CODE,
    agencyCodes: [],
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 0,
    requiredDocuments: [
      { code: 'TO_KHAI', name: 'Tờ khai', nameEn: 'Form', required: true, maxSizeMb: 10 },
      { code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', nameEn: 'Birth notice', required: true, maxSizeMb: 5 },
      { code: 'UY_QUYEN', name: 'Văn bản ủy quyền', nameEn: 'Power of attorney', required: false, maxSizeMb: 10 },
    ],
    formSchema: {
      fields: [
        {
          key: 'childFullName',
          label: 'Họ tên trẻ',
          labelEn: "Child's name",
          type: 'text',
          required: true,
          maxLength: 100,
        },
        { key: 'childDateOfBirth', label: 'Ngày sinh', labelEn: 'Date of birth', type: 'date', required: true },
        {
          key: 'childGender',
          label: 'Giới tính',
          labelEn: 'Sex',
          type: 'select',
          required: true,
          options: [
            { value: 'NAM', label: 'Nam', labelEn: 'Male' },
            { value: 'NU', label: 'Nữ', labelEn: 'Female' },
          ],
        },
        {
          key: 'motherNationalId',
          label: 'Số định danh mẹ',
          labelEn: "Mother's ID",
          type: 'nationalId',
          required: true,
        },
        { key: 'phone', label: 'Điện thoại', labelEn: 'Phone', type: 'phone', required: false },
        {
          key: 'copies',
          label: 'Số bản sao',
          labelEn: 'Copies',
          type: 'number',
          required: false,
          min: 0,
          max: 10,
          integer: true,
        },
      ],
    },
    ...overrides,
  };
}

export async function createAgency(ds: DataSource, overrides: Partial<CreateAgencyInput> = {}): Promise<AgencyView> {
  const repo = new CatalogRepository(ds);
  const input = buildAgencyInput(overrides);
  await repo.insertAgency(input);
  return (await repo.findAgency(input.code))!;
}

/** A sector (left as it is when the code exists). */
export async function createSector(ds: DataSource, overrides: Partial<CreateSectorInput> = {}): Promise<SectorView> {
  const input = { code: `S_${suffix()}`, name: 'Lĩnh vực thử', nameEn: 'Test sector', ...overrides };
  await new CatalogRepository(ds).insertSector(input);
  return { code: input.code, name: input.name, nameEn: input.nameEn ?? null };
}

/**
 * A published procedure (version 1). Its sector is created when missing; without agencyCodes a
 * new ward is created to handle it.
 */
export async function createProcedure(
  ds: DataSource,
  overrides: Partial<CreateProcedureInput> = {},
  publishedAt = new Date('2026-01-05T01:00:00Z'),
): Promise<ProcedureVersionView> {
  const repo = new CatalogRepository(ds);
  const built = buildProcedureInput(overrides);
  await repo.insertSector({ code: built.sectorCode, name: `Lĩnh vực ${built.sectorCode}` });
  if (built.agencyCodes.length === 0) built.agencyCodes = [(await createAgency(ds)).code];
  const { code, ...v } = createProcedureSchema.parse(built);
  const row = procedureVersionRow(code, 1, v, publishedAt, null);
  await ds.transaction(async (m) => {
    if (!(await repo.insertProcedure(row, m))) throw new Error(`Procedure ${code} exists`);
    await repo.insertProcedureVersion(row, m);
    await repo.replaceProcedureAgencies(code, row.agencyCodes, m);
  });
  return (await repo.findProcedureVersion(code, 1))!;
}

/** A calendar exception (a weekday off, or a make-up working Saturday), replacing any. */
export async function setHoliday(
  ds: DataSource,
  date: string,
  kind: HolidayKind = 'HOLIDAY',
  name = kind === 'HOLIDAY' ? 'Ngày nghỉ thử' : 'Làm bù thử',
): Promise<void> {
  await new CatalogRepository(ds).upsertHoliday(date, { name, kind }, new Date());
}
