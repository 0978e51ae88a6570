import type { z } from 'zod';
import {
  createAgencySchema,
  createProcedureSchema,
  createSectorSchema,
  holidayDateSchema,
  holidayQuerySchema,
  procedureSearchQuerySchema,
  putHolidaySchema,
} from './catalog.js';
import {
  counterDossierSchema,
  createDossierSchema,
  dossierActionSchema,
  dossierListQuerySchema,
  ratingSchema,
  supplementDossierSchema,
  updateDossierSchema,
  withdrawDossierSchema,
} from './dossier.js';
import { buildDraftValidator, buildFormValidator, type FormSchema } from './form-schema.js';
import { createStaffUserSchema, dateOfBirthSchema, loginSchema, refreshSchema, registerSchema } from './identity.js';
import {
  calendarDate,
  isSafeText,
  MAX_INPUT_DEPTH,
  safeText,
  todayInVietnam,
  UNSAFE_TEXT_MESSAGE,
  unsafeInputFieldErrors,
  unsafeInputIssues,
} from './input.js';
import { zodFieldErrors } from './problem.js';
import { queueQuerySchema } from './queue.js';

const fields = (r: { success: boolean; error?: z.ZodError }) => (r.error ? zodFieldErrors(r.error) : []);

describe('isSafeText / safeText: no NUL, no unpaired surrogate', () => {
  it('accepts Vietnamese, emoji (a well-formed surrogate pair) and other controls', () => {
    for (const s of ['Nguyễn Văn Ạn', '🙂👨‍👩‍👧', '', 'tab\there', '\ufeff']) expect(isSafeText(s)).toBe(true);
  });

  it('refuses NUL and each kind of lone surrogate, wherever it stands', () => {
    for (const s of ['\u0000', 'a\u0000b', '\ud800', 'x\udbff', '\udc00y', '\udfff\ud800', 'ok🙂\ud83d']) {
      expect(isSafeText(s)).toBe(false);
    }
  });

  it('keeps the rules chained after it and reports the bad text first', () => {
    const s = safeText().trim().min(1).max(5);
    expect(s.parse('  abc ')).toBe('abc');
    expect(s.safeParse('a\u0000').error?.issues.map((i) => i.message)).toEqual([UNSAFE_TEXT_MESSAGE]);
  });
});

describe('unsafeInputIssues: one walk over any parsed JSON', () => {
  it('names every bad text by its path, keys included', () => {
    const body = { a: 'ok', formData: { fullName: 'x\u0000', list: ['fine', '\ud800'] }, ['k\u0000']: 1 };
    expect(unsafeInputFieldErrors(body)).toEqual([
      { field: 'k\ufffd', message: UNSAFE_TEXT_MESSAGE },
      { field: 'formData.fullName', message: UNSAFE_TEXT_MESSAGE },
      { field: 'formData.list[1]', message: UNSAFE_TEXT_MESSAGE },
    ]);
  });

  it('refuses a __proto__ key (prototype pollution) but not constructor, a plain field name', () => {
    const body = JSON.parse('{"x":{"__proto__":{"admin":true}},"constructor":1}') as unknown;
    expect(unsafeInputFieldErrors(body)).toEqual([{ field: 'x.__proto__', message: 'Forbidden field name' }]);
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels, without recursion`, () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    const issues = unsafeInputIssues(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0].kind).toBe('depth');
    expect(issues[0].path).toHaveLength(MAX_INPUT_DEPTH);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = [ok];
    expect(unsafeInputIssues(ok)).toEqual([]);
  });

  it('stops at the limit on a body full of bad text', () => {
    expect(unsafeInputIssues(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('calendarDate: a real day, in range', () => {
  const birth = calendarDate({ min: '1900-01-01', max: 'today' });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    for (const s of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '0000-00-00',
      '2026-1-05',
      '+275760-09-13',
      '20261127',
    ]) {
      expect(fields(birth.safeParse(s))).toEqual([{ field: '(body)', message: 'Must be a date YYYY-MM-DD' }]);
    }
  });

  it('holds its bounds, today included (in Vietnam)', () => {
    expect(birth.safeParse('1900-01-01').success).toBe(true);
    expect(birth.safeParse(todayInVietnam()).success).toBe(true);
    expect(fields(birth.safeParse('1899-12-31'))[0].message).toBe('Must not be before 1900-01-01');
    expect(fields(birth.safeParse('9999-12-31'))[0].message).toBe('Must not be in the future');
  });

  it('reads "today" in Asia/Ho_Chi_Minh: 18:00 UTC is already the next day', () => {
    expect(todayInVietnam(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(todayInVietnam(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
  });

  it('is the birth date of registration and of the counter, and the holiday date', () => {
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    expect(dateOfBirthSchema.safeParse(tomorrow).success).toBe(false);
    const applicant = { nationalId: '048090000123', fullName: 'Lê Thị Mai', dateOfBirth: '2026-02-30' };
    expect(fields(counterDossierSchema.safeParse({ procedureCode: '1.001', applicant }))).toEqual([
      { field: 'applicant.dateOfBirth', message: 'Must be a date YYYY-MM-DD' },
    ]);
    expect(holidayDateSchema.safeParse('2027-01-01').success).toBe(true);
    expect(holidayDateSchema.safeParse('9999-01-01').success).toBe(false);
    expect(holidayDateSchema.safeParse('1999-12-31').success).toBe(false);
    expect(holidayQuerySchema.safeParse({ year: '0000' }).success).toBe(false);
    expect(holidayQuerySchema.safeParse({ year: '2026' }).success).toBe(true);
  });
});

/** Every string leaf of a value, by path. */
function stringPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, Array.isArray(v) ? Number(k) : k]));
}

function withNul(v: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  at[last] = `${String(at[last])}\u0000`;
  return copy;
}

const formSchema: FormSchema = {
  fields: [
    { key: 'fullName', label: 'Họ tên', labelEn: 'Name', type: 'text', required: true, hint: 'Như trên CCCD' },
    {
      key: 'sex',
      label: 'Giới tính',
      labelEn: 'Sex',
      type: 'select',
      required: true,
      options: [{ value: 'NAM', label: 'Nam', labelEn: 'Male' }],
    },
  ],
};

/** A valid request for each shared request schema; a NUL in any of its texts must be refused. */
const REQUESTS: [string, z.ZodType, unknown][] = [
  [
    'register',
    registerSchema,
    {
      nationalId: '048090000123',
      fullName: 'An',
      dateOfBirth: '1990-05-12',
      email: 'an@example.vn',
      phone: '0905123456',
      password: 'Sông-Hàn-2026-x',
    },
  ],
  ['login', loginSchema, { username: 'an', password: 'p' }],
  ['refresh', refreshSchema, { refreshToken: 'token' }],
  [
    'staff user',
    createStaffUserSchema,
    { username: 'can.bo', password: 'Một-Cửa-2026-x', fullName: 'B', roles: ['OFFICER'], agencyCode: 'A' },
  ],
  [
    'create dossier',
    createDossierSchema,
    { procedureCode: '1.001', agencyCode: 'A', formData: { fullName: 'An', nested: { list: ['x'] } } },
  ],
  ['update dossier', updateDossierSchema, { formData: { fullName: 'An' }, agencyCode: 'A' }],
  ['action', dossierActionSchema, { action: 'assign', version: 1, note: 'n' }],
  ['supplement', supplementDossierSchema, { note: 'n' }],
  ['withdraw', withdrawDossierSchema, { note: 'n' }],
  ['rating', ratingSchema, { score: 5, comment: 'c' }],
  [
    'counter',
    counterDossierSchema,
    {
      procedureCode: '1.001',
      applicant: {
        nationalId: '048090000123',
        fullName: 'An',
        dateOfBirth: '1990-05-12',
        phone: '0905123456',
        email: 'an@example.vn',
      },
      formData: { fullName: 'An' },
    },
  ],
  ['agency', createAgencySchema, { code: 'A.1', name: 'N', nameEn: 'E', level: 'WARD', parentCode: 'A' }],
  ['sector', createSectorSchema, { code: 'S', name: 'N', nameEn: 'E' }],
  [
    'procedure',
    createProcedureSchema,
    {
      code: 'P.1',
      name: 'N',
      nameEn: 'E',
      sectorCode: 'S',
      agencyCodes: ['A'],
      onlineLevel: 'FULL',
      processingDays: 1,
      fee: 0,
      requiredDocuments: [{ code: 'D', name: 'N', nameEn: 'E', required: true }],
      formSchema,
      description: 'd',
      descriptionEn: 'd',
      legalBasis: 'l',
      result: 'r',
      resultEn: 'r',
      feeNote: 'f',
      feeNoteEn: 'f',
    },
  ],
  ['holiday', putHolidaySchema, { name: 'N', nameEn: 'E' }],
  [
    'procedure search',
    procedureSearchQuerySchema,
    { q: 'khai sinh', sectorCode: 'S', agencyCode: 'A', page: '1', pageSize: '20' },
  ],
  ['dossier list', dossierListQuerySchema, { cursor: 'c', limit: '10' }],
  ['queue', queueQuerySchema, { status: 'RECEIVED', procedureCode: 'P.1', q: 'An', cursor: 'c', limit: '10' }],
  ['holiday year', holidayQuerySchema, { year: '2026' }],
];

describe('every text field of the shared request schemas refuses NUL, naming the field', () => {
  it.each(REQUESTS)('%s', (_name, schema, valid) => {
    expect(fields(schema.safeParse(valid))).toEqual([]);
    const paths = stringPaths(valid);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const named = fields(schema.safeParse(withNul(valid, path))).map((e) => e.field);
      expect([path, named]).toEqual([path, expect.arrayContaining([path.join('.').replace(/\.(\d+)/g, '[$1]')])]);
    }
  });

  it('form data answers with the form error code, before and at submit', () => {
    expect(fields(createDossierSchema.safeParse({ procedureCode: 'P', formData: { fullName: 'a\ud800' } }))).toEqual([
      { field: 'formData.fullName', message: 'invalid_characters' },
    ]);
    expect(fields(buildDraftValidator(formSchema).safeParse({ fullName: 'a\u0000' }))).toEqual([
      { field: 'fullName', message: 'invalid_characters' },
    ]);
    expect(fields(buildFormValidator(formSchema).safeParse({ fullName: '\u0000', sex: 'NAM' }))).toEqual([
      { field: 'fullName', message: 'invalid_characters' },
    ]);
  });
});
