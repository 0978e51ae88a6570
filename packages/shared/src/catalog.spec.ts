import { zodFieldErrors } from './problem.js';
import {
  cleanSearchText,
  createProcedureSchema,
  procedureSearchQuerySchema,
  procedureVersionInputSchema,
  PROCEDURE_QUERY_MAX_LENGTH,
  putHolidaySchema,
} from './catalog.js';

const procedure = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  sectorCode: 'HO_TICH',
  agencyCodes: ['000.30.01.H17'],
  onlineLevel: 'FULL',
  processingDays: 1,
  fee: 0,
  requiredDocuments: [{ code: 'TO_KHAI', name: 'Tờ khai', required: true }],
  formSchema: { fields: [] },
};

describe('procedure bodies', () => {
  it('accepts a procedure and defaults a document size to 10 MB', () => {
    const parsed = createProcedureSchema.parse(procedure);
    expect(parsed.requiredDocuments[0].maxSizeMb).toBe(10);
  });

  it('names every bad field of a malformed procedure', () => {
    const r = createProcedureSchema.safeParse({
      ...procedure,
      processingDays: -1,
      onlineLevel: 'HALF',
      fee: 1.5,
      formSchema: { fields: [{ key: 'a', label: 'a', labelEn: 'a', type: 'file', required: true }] },
      extra: true,
    });
    expect(zodFieldErrors(r.error!).map((e) => e.field)).toEqual([
      'onlineLevel',
      'processingDays',
      'fee',
      'formSchema.fields[0].type',
      'extra',
    ]);
  });

  it('refuses duplicate agencies and document codes', () => {
    const { code: _code, ...version } = procedure;
    const r = procedureVersionInputSchema.safeParse({
      ...version,
      agencyCodes: ['000.30.01.H17', '000.30.01.H17'],
      requiredDocuments: [
        { code: 'A', name: 'A', required: true },
        { code: 'A', name: 'B', required: false },
      ],
    });
    expect(zodFieldErrors(r.error!).map((e) => e.field)).toEqual(['agencyCodes[1]', 'requiredDocuments[1].code']);
  });

  it('refuses agency codes with a dash (it separates the parts of a dossier code)', () => {
    const r = createProcedureSchema.safeParse({ ...procedure, agencyCodes: ['000-30'] });
    expect(zodFieldErrors(r.error!).map((e) => e.field)).toEqual(['agencyCodes[0]']);
  });
});

describe('procedure search query', () => {
  it('bounds pageSize to 1..100 and page from 1', () => {
    expect(procedureSearchQuerySchema.safeParse({ pageSize: '100', page: '1' }).success).toBe(true);
    for (const bad of [{ pageSize: '101' }, { pageSize: '0' }, { page: '0' }, { page: '-1' }, { page: 'x' }]) {
      expect(procedureSearchQuerySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('cleans the search text: no NUL or control characters, capped by code points', () => {
    expect(cleanSearchText('a\u0000b\tc')).toBe('a b c');
    const emoji = '😀'.repeat(PROCEDURE_QUERY_MAX_LENGTH + 10);
    expect(Array.from(cleanSearchText(emoji))).toHaveLength(PROCEDURE_QUERY_MAX_LENGTH);
    expect(cleanSearchText(emoji)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('ignores unknown query parameters', () => {
    expect(procedureSearchQuerySchema.parse({ q: 'khai sinh', _: '123' })).toEqual({ q: 'khai sinh' });
  });
});

describe('holiday body', () => {
  it('defaults to a day off', () => {
    expect(putHolidaySchema.parse({ name: 'Tết' }).kind).toBe('HOLIDAY');
  });
});
