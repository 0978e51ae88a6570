import fc from 'fast-check';
import type { z } from 'zod';
import { zodFieldErrors } from './problem.js';
import {
  buildDraftValidator,
  buildFormValidator,
  DEFAULT_MAX_LENGTH,
  emptyFormData,
  FORM_ERROR_CODES,
  FORM_FIELD_TYPES,
  formSchemaSchema,
  lockedProfileFields,
  profilePrefill,
  verifiedProfileIssues,
  type FormField,
  type FormFieldType,
  type FormSchema,
} from './form-schema.js';

const f = (type: FormFieldType, extra: Partial<FormField> = {}): FormField => ({
  key: extra.key ?? type,
  label: `Nhãn ${type}`,
  labelEn: `Label ${type}`,
  type,
  required: true,
  ...(type === 'select' ? { options: [{ value: 'A', label: 'A', labelEn: 'A' }] } : {}),
  ...extra,
});

function issuesOf(result: z.ZodSafeParseResult<unknown>) {
  return result.success ? [] : zodFieldErrors(result.error);
}

describe('formSchemaSchema: the schema of a form schema', () => {
  it('accepts one field of every type', () => {
    const schema = { fields: FORM_FIELD_TYPES.map((t) => f(t)) };
    expect(formSchemaSchema.safeParse(schema).success).toBe(true);
  });

  it('refuses an unknown field type, naming it', () => {
    const r = formSchemaSchema.safeParse({
      fields: [f('text'), f('text', { key: 'b' }), { ...f('text', { key: 'c' }), type: 'file' }],
    });
    expect(issuesOf(r).map((e) => e.field)).toContain('fields[2].type');
  });

  it('refuses duplicate keys', () => {
    const r = formSchemaSchema.safeParse({ fields: [f('text', { key: 'name' }), f('email', { key: 'name' })] });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[1].key']);
  });

  it('refuses keys that are not identifiers', () => {
    for (const key of ['', '1abc', 'a b', 'a.b', '_private', 'x'.repeat(65)]) {
      const r = formSchemaSchema.safeParse({ fields: [f('text', { key })] });
      expect(issuesOf(r).map((e) => e.field)).toContain('fields[0].key');
    }
  });

  it('refuses options on a non-select field and a select without options', () => {
    const r = formSchemaSchema.safeParse({
      fields: [
        f('text', { options: [{ value: 'x', label: 'x', labelEn: 'x' }] }),
        { key: 's', label: 's', labelEn: 's', type: 'select', required: true },
      ],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[0].options', 'fields[1].options']);
  });

  it('refuses duplicate option values', () => {
    const r = formSchemaSchema.safeParse({
      fields: [
        f('select', {
          options: [
            { value: 'A', label: 'A', labelEn: 'A' },
            { value: 'A', label: 'B', labelEn: 'B' },
          ],
        }),
      ],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[0].options[1].value']);
  });

  it('refuses min above max, and bounds on a field that has none', () => {
    const r = formSchemaSchema.safeParse({
      fields: [f('number', { min: 5, max: 1 }), f('text', { key: 't', min: 1 }), f('date', { key: 'd', max: 3 })],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[0].max', 'fields[1].min', 'fields[2].max']);
  });

  it('accepts date bounds written YYYY-MM-DD or today, and refuses any other', () => {
    const ok = formSchemaSchema.safeParse({
      fields: [f('date', { min: '1900-01-01', max: 'today' }), f('date', { key: 'd2', min: 'today' })],
    });
    expect(issuesOf(ok)).toEqual([]);
    const r = formSchemaSchema.safeParse({
      fields: [
        f('date', { min: '2026-02-30' }),
        f('date', { key: 'd2', max: 'tomorrow' }),
        f('date', { key: 'd3', min: '2026-05-01', max: '2026-04-30' }),
        f('number', { key: 'n', min: 'today' }),
      ],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual([
      'fields[0].min',
      'fields[1].max',
      'fields[2].max',
      'fields[3].min',
    ]);
  });

  it('accepts a profile mapping only on a field type that fits the value', () => {
    expect(issuesOf(formSchemaSchema.safeParse({ fields: [f('date', { profileField: 'birthDate' })] }))).toEqual([]);
    const r = formSchemaSchema.safeParse({
      fields: [f('number', { profileField: 'phone' }), f('text', { key: 't', profileField: 'address' as never })],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[0].profileField', 'fields[1].profileField']);
  });

  it('refuses maxLength and pattern where they mean nothing, and a broken pattern', () => {
    const r = formSchemaSchema.safeParse({
      fields: [
        f('number', { maxLength: 3 }),
        f('select', { key: 's', pattern: 'x' }),
        f('text', { key: 't', pattern: '([' }),
      ],
    });
    expect(issuesOf(r).map((e) => e.field)).toEqual(['fields[0].maxLength', 'fields[1].pattern', 'fields[2].pattern']);
  });

  it('refuses unknown properties of a field', () => {
    const r = formSchemaSchema.safeParse({ fields: [{ ...f('text'), placeholder: 'x' }] });
    expect(issuesOf(r)).toEqual([{ field: 'fields[0].placeholder', message: 'Unknown field' }]);
  });
});

describe('buildFormValidator: form data at submit', () => {
  const schema: FormSchema = {
    fields: [
      f('text', { key: 'name', maxLength: 10 }),
      f('text', { key: 'code', required: false, pattern: '[A-Z]{2}[0-9]{2}' }),
      f('textarea', { key: 'note', required: false }),
      f('number', { key: 'copies', min: 1, max: 5, integer: true }),
      f('date', { key: 'born' }),
      f('select', {
        key: 'sex',
        options: [
          { value: 'NAM', label: 'Nam', labelEn: 'Male' },
          { value: 'NU', label: 'Nữ', labelEn: 'Female' },
        ],
      }),
      f('checkbox', { key: 'agree' }),
      f('email', { key: 'mail', required: false }),
      f('phone', { key: 'tel' }),
      f('nationalId', { key: 'cccd' }),
    ],
  };
  const v = buildFormValidator(schema);
  const ok = {
    name: 'Nguyễn An',
    copies: 2,
    born: '2026-01-31',
    sex: 'NU',
    agree: true,
    tel: '0905123456',
    cccd: '048095000123',
  };
  const errorsFor = (data: Record<string, unknown>) => issuesOf(v.safeParse(data));

  it('accepts complete data, with optional fields absent, null or empty', () => {
    expect(errorsFor(ok)).toEqual([]);
    expect(errorsFor({ ...ok, code: null, note: '', mail: undefined })).toEqual([]);
    expect(errorsFor({ ...ok, code: 'AB12', note: 'Ghi chú', mail: 'an@example.vn', tel: '+84905123456' })).toEqual([]);
  });

  it('says "required" for each missing required field', () => {
    expect(errorsFor({})).toEqual(
      ['name', 'copies', 'born', 'sex', 'agree', 'tel', 'cccd'].map((field) => ({ field, message: 'required' })),
    );
  });

  it('says "required" for blank text, an emptied number input and an unticked declaration', () => {
    expect(errorsFor({ ...ok, name: '   ', copies: Number.NaN, agree: false })).toEqual([
      { field: 'name', message: 'required' },
      { field: 'copies', message: 'required' },
      { field: 'agree', message: 'required' },
    ]);
  });

  it('gives each rule its own message code', () => {
    expect(
      errorsFor({
        ...ok,
        name: 'x'.repeat(11),
        code: 'ab12',
        copies: 9,
        born: '2026-02-30',
        sex: 'X',
        mail: 'not-an-email',
        tel: '12345',
        cccd: '04809500012',
      }),
    ).toEqual([
      { field: 'name', message: 'too_long' },
      { field: 'code', message: 'invalid_format' },
      { field: 'copies', message: 'too_big' },
      { field: 'born', message: 'invalid_date' },
      { field: 'sex', message: 'invalid_option' },
      { field: 'mail', message: 'invalid_email' },
      { field: 'tel', message: 'invalid_phone' },
      { field: 'cccd', message: 'invalid_national_id' },
    ]);
    expect(errorsFor({ ...ok, copies: 0 })).toEqual([{ field: 'copies', message: 'too_small' }]);
    expect(errorsFor({ ...ok, copies: 1.5 })).toEqual([{ field: 'copies', message: 'not_integer' }]);
  });

  it('says "invalid_type" for a value of the wrong JSON type', () => {
    expect(errorsFor({ ...ok, name: 42, copies: '2', agree: 'true' })).toEqual([
      { field: 'name', message: 'invalid_type' },
      { field: 'copies', message: 'invalid_type' },
      { field: 'agree', message: 'invalid_type' },
    ]);
  });

  it('anchors patterns: the whole value must match', () => {
    expect(errorsFor({ ...ok, code: 'xAB12y' })).toEqual([{ field: 'code', message: 'invalid_format' }]);
  });

  it('refuses keys the schema does not have', () => {
    expect(errorsFor({ ...ok, hacked: 'x' })).toEqual([{ field: 'hacked', message: 'Unknown field' }]);
  });

  it('caps text without a maxLength at the default', () => {
    const note = 'x'.repeat(DEFAULT_MAX_LENGTH.textarea + 1);
    expect(errorsFor({ ...ok, note })).toEqual([{ field: 'note', message: 'too_long' }]);
  });

  it('only ever uses the documented message codes for field rules', () => {
    const codes = new Set<string>(FORM_ERROR_CODES);
    const messages = errorsFor({ name: 1, copies: 'x', born: 3, sex: [], agree: {}, tel: 1, cccd: null }).map(
      (e) => e.message,
    );
    expect(messages.every((m) => codes.has(m))).toBe(true);
  });
});

describe('buildFormValidator: date bounds', () => {
  const schema: FormSchema = {
    fields: [
      f('date', { key: 'born', min: '1900-01-01', max: 'today' }),
      f('date', { key: 'appointment', required: false, min: 'today' }),
    ],
  };
  const at = (today: string, data: Record<string, unknown>) =>
    issuesOf(buildFormValidator(schema, { today }).safeParse(data));

  it('reads today on the day given (the API passes its clock’s day in Asia/Ho_Chi_Minh)', () => {
    expect(at('2026-12-07', { born: '2026-12-07', appointment: '2026-12-07' })).toEqual([]);
    expect(at('2026-12-07', { born: '2026-12-08' })).toEqual([{ field: 'born', message: 'date_too_late' }]);
    expect(at('2026-12-08', { born: '2026-12-08' })).toEqual([]);
    expect(at('2026-12-07', { born: '1990-01-01', appointment: '2026-12-06' })).toEqual([
      { field: 'appointment', message: 'date_too_early' },
    ]);
  });

  it('refuses a date before a fixed min', () => {
    expect(at('2026-12-07', { born: '1899-12-31' })).toEqual([{ field: 'born', message: 'date_too_early' }]);
  });

  it('leaves bounds to submit: a draft holds a future birth date', () => {
    expect(buildDraftValidator(schema).safeParse({ born: '2999-01-01' }).success).toBe(true);
  });

  it('without a day given, today is Vietnam’s (not the machine’s zone)', () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T18:30:00Z') }); // 01:30 on the 8th in Hà Nội
    try {
      expect(issuesOf(buildFormValidator(schema).safeParse({ born: '2026-12-08' }))).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('profile prefill and verified values', () => {
  const schema: FormSchema = {
    fields: [
      f('text', { key: 'name', profileField: 'fullName' }),
      f('date', { key: 'born', profileField: 'birthDate' }),
      f('phone', { key: 'tel', profileField: 'phone' }),
      f('text', { key: 'other' }),
    ],
  };
  const profile = { fullName: 'Nguyễn Văn An', birthDate: '1990-05-12', phone: null, nationalId: '048090000123' };

  it('prefills mapped fields the profile has a value for, and only those', () => {
    expect(profilePrefill(schema, profile)).toEqual({ name: 'Nguyễn Văn An', born: '1990-05-12' });
  });

  it('locks only the verified kinds of value (name, birth date, national ID)', () => {
    expect([...lockedProfileFields(schema, { ...profile, phone: '0905123456' }).keys()]).toEqual(['name', 'born']);
  });

  it('names each locked field whose value differs, the same name in another Unicode form passing', () => {
    expect(
      verifiedProfileIssues(schema, { name: 'Nguyễn Văn An'.normalize('NFD'), born: '1990-05-12' }, profile),
    ).toEqual([]);
    expect(verifiedProfileIssues(schema, { name: 'Trần Thị Bình', born: '1990-05-12' }, profile)).toEqual([
      { field: 'name', message: 'not_verified_value' },
    ]);
    expect(verifiedProfileIssues(schema, { name: 'Nguyễn Văn An' }, profile)).toEqual([
      { field: 'born', message: 'not_verified_value' },
    ]);
  });
});

describe('buildDraftValidator: a draft is checked for shape only', () => {
  const schema: FormSchema = {
    fields: [
      f('text', { key: 'name', maxLength: 3 }),
      f('number', { key: 'n', min: 1, max: 2 }),
      f('select', { key: 's' }),
      f('checkbox', { key: 'c' }),
      f('nationalId', { key: 'id' }),
    ],
  };
  const draft = buildDraftValidator(schema);

  it('accepts an empty draft and half-typed values that would fail at submit', () => {
    expect(draft.safeParse({}).success).toBe(true);
    expect(draft.safeParse({ name: 'too long for submit', n: 99, s: 'ZZ', c: false, id: '12' }).success).toBe(true);
    expect(draft.safeParse({ name: null, n: null }).success).toBe(true);
  });

  it('refuses unknown keys and wrong JSON types', () => {
    expect(issuesOf(draft.safeParse({ name: 1, n: '1', c: 'yes', extra: 1 }))).toEqual([
      { field: 'name', message: 'invalid_type' },
      { field: 'n', message: 'invalid_type' },
      { field: 'c', message: 'invalid_type' },
      { field: 'extra', message: 'Unknown field' },
    ]);
  });

  it('still bounds the size of a draft string', () => {
    expect(issuesOf(draft.safeParse({ name: 'x'.repeat(10_001) }))).toEqual([{ field: 'name', message: 'too_long' }]);
  });
});

describe('emptyFormData', () => {
  it('gives react-hook-form defaults that a draft accepts', () => {
    const schema: FormSchema = { fields: FORM_FIELD_TYPES.map((t) => f(t)) };
    const empty = emptyFormData(schema);
    expect(empty).toMatchObject({ text: '', checkbox: false, number: undefined, select: '' });
    expect(buildDraftValidator(schema).safeParse(empty).success).toBe(true);
  });
});

// ---- Properties ----

/** Patterns with a generator of matching values (anchored, no whitespace). */
const PATTERNS: { pattern: string; arb: fc.Arbitrary<string>; maxLen: number }[] = [
  { pattern: '[A-Z]{2}[0-9]{2,4}', arb: fc.stringMatching(/^[A-Z]{2}[0-9]{2,4}$/), maxLen: 6 },
  { pattern: '[a-z]+(-[a-z]+)*', arb: fc.stringMatching(/^[a-z]{1,8}(-[a-z]{1,8}){0,2}$/), maxLen: 26 },
  { pattern: '\\p{L}+', arb: fc.constantFrom('Đà', 'Nẵng', 'Hải', 'Châu', 'ơi'), maxLen: 5 },
];

interface Generated {
  field: FormField;
  valid: fc.Arbitrary<unknown>;
}

const labelArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

function fieldArb(key: string): fc.Arbitrary<Generated> {
  return fc
    .record({ type: fc.constantFrom(...FORM_FIELD_TYPES), required: fc.boolean(), label: labelArb, labelEn: labelArb })
    .chain(({ type, required, label, labelEn }): fc.Arbitrary<Generated> => {
      const base = { key, label, labelEn, type, required };
      const opt = <T>(arb: fc.Arbitrary<T>) =>
        required ? arb : fc.oneof(arb, fc.constant(undefined), fc.constant(null));
      const optString = (arb: fc.Arbitrary<string>) => (required ? arb : fc.oneof(opt(arb), fc.constant('')));
      switch (type) {
        case 'text':
        case 'textarea':
          return fc.oneof(
            fc.integer({ min: 1, max: 50 }).map((maxLength) => ({
              field: { ...base, maxLength },
              valid: optString(fc.string({ minLength: 1, maxLength }).filter((s) => s.trim() !== '')),
            })),
            fc.constantFrom(...PATTERNS).map((p) => ({
              field: { ...base, pattern: p.pattern, maxLength: p.maxLen },
              valid: optString(p.arb),
            })),
          );
        case 'number':
          return fc
            .record({
              a: fc.integer({ min: -1000, max: 1000 }),
              b: fc.integer({ min: -1000, max: 1000 }),
              integer: fc.boolean(),
            })
            .map(({ a, b, integer }) => {
              const [min, max] = a <= b ? [a, b] : [b, a];
              const value = integer
                ? fc.integer({ min, max })
                : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
              return { field: { ...base, min, max, integer }, valid: opt(value) };
            });
        case 'date':
          // Fixed bounds (or none) around the generated dates; `today` bounds have their own tests.
          return fc
            .record({
              a: fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
              b: fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
              bounds: fc.constantFrom('none', 'min', 'max', 'both'),
            })
            .map(({ a, b, bounds }) => {
              const [lo, hi] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort();
              const min = bounds === 'min' || bounds === 'both' ? lo : undefined;
              const max = bounds === 'max' || bounds === 'both' ? hi : undefined;
              const from = new Date(`${min ?? '1900-01-01'}T00:00:00Z`);
              const to = new Date(`${max ?? '2099-12-31'}T00:00:00Z`);
              const dates = fc
                .date({ min: from, max: to, noInvalidDate: true })
                .map((d) => d.toISOString().slice(0, 10));
              return { field: { ...base, ...(min ? { min } : {}), ...(max ? { max } : {}) }, valid: optString(dates) };
            });
        case 'select':
          return fc.uniqueArray(fc.stringMatching(/^[A-Z_]{1,6}$/), { minLength: 1, maxLength: 6 }).map((values) => ({
            field: { ...base, options: values.map((value) => ({ value, label: value, labelEn: value })) },
            valid: optString(fc.constantFrom(...values)),
          }));
        case 'checkbox':
          return fc.constant({ field: base, valid: required ? fc.constant(true) : opt(fc.boolean()) });
        case 'email':
          return fc.constant({
            field: base,
            valid: optString(
              fc
                .tuple(fc.stringMatching(/^[a-z0-9._]{1,20}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/))
                .map(([local, domain]) => `${local}@${domain}.vn`),
            ),
          });
        case 'phone':
          return fc.constant({ field: base, valid: optString(fc.stringMatching(/^(\+84|0)\d{9,10}$/)) });
        case 'nationalId':
          return fc.constant({ field: base, valid: optString(fc.stringMatching(/^\d{12}$/)) });
      }
    });
}

const keysArb = fc.uniqueArray(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/), { minLength: 1, maxLength: 8 });
const formArb = keysArb.chain((keys) => fc.tuple(...keys.map((k) => fieldArb(k))));

/** A form schema and data that satisfies it (absent optional values left out). */
const validCaseArb = formArb.chain((generated) =>
  fc.tuple(fc.constant(generated), fc.tuple(...generated.map((g) => g.valid))).map(([gen, values]) => {
    const data: Record<string, unknown> = {};
    gen.forEach((g, i) => {
      if (values[i] !== undefined) data[g.field.key] = values[i];
    });
    return { schema: { fields: gen.map((g) => g.field) }, data };
  }),
);

/** A value certainly invalid for a field at submit (wrong type, missing, out of bounds…). */
function invalidArb(field: FormField): fc.Arbitrary<unknown> {
  const wrongType =
    field.type === 'number'
      ? fc.constantFrom('1', true, [], {})
      : field.type === 'checkbox'
        ? fc.constantFrom('true', 1, [])
        : fc.constantFrom(1, true, [], {});
  const specific: fc.Arbitrary<unknown>[] = [wrongType];
  if (field.required) specific.push(fc.constant(undefined), fc.constant(null));
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (field.maxLength) specific.push(fc.constant('x'.repeat(field.maxLength + 1)));
      if (field.pattern) specific.push(fc.constant('?!0'));
      if (field.required) specific.push(fc.constantFrom('', '   '));
      break;
    case 'number':
      specific.push(fc.constant(Number(field.max ?? 0) + 1), fc.constant(Number(field.min ?? 0) - 1));
      if (
        field.integer &&
        typeof field.min === 'number' &&
        typeof field.max === 'number' &&
        field.max - field.min >= 1
      ) {
        specific.push(fc.constant(field.min + 0.5));
      }
      break;
    case 'date':
      specific.push(fc.constantFrom('2026-02-30', '31/01/2026', '2026-1-5', 'hôm nay'));
      // The day before min and the day after max (bounds are fixed dates in the generator).
      if (typeof field.min === 'string' && field.min > '1900-01-01')
        specific.push(
          fc.constant(new Date(Date.parse(`${field.min}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)),
        );
      if (typeof field.max === 'string')
        specific.push(
          fc.constant(new Date(Date.parse(`${field.max}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)),
        );
      break;
    case 'select':
      specific.push(fc.constant('NOT_AN_OPTION_VALUE'));
      break;
    case 'checkbox':
      if (field.required) specific.push(fc.constant(false));
      break;
    case 'email':
      specific.push(fc.constantFrom('no-at-sign', 'a@b', 'a b@c.vn', '@c.vn'));
      break;
    case 'phone':
      specific.push(fc.constantFrom('12345', '0905 123 456', '+1 555 0100', '09051234567890'));
      break;
    case 'nationalId':
      specific.push(fc.constantFrom('12345678901', '1234567890123', '04809500012a'));
      break;
  }
  return fc.oneof(...specific);
}

describe('form validator properties', () => {
  it('every generated schema is a valid form schema', () => {
    fc.assert(
      fc.property(validCaseArb, ({ schema }) => {
        expect(formSchemaSchema.safeParse(schema).success).toBe(true);
      }),
    );
  });

  it('valid data for any valid schema passes', () => {
    fc.assert(
      fc.property(validCaseArb, ({ schema, data }) => {
        const result = buildFormValidator(schema).safeParse(data);
        expect(issuesOf(result)).toEqual([]);
        expect(buildDraftValidator(schema).safeParse(data).success).toBe(true);
      }),
    );
  });

  it('one invalid value fails, naming that field and no other', () => {
    const caseArb = validCaseArb.chain(({ schema, data }) =>
      fc
        .nat(schema.fields.length - 1)
        .chain((i) => invalidArb(schema.fields[i]).map((bad) => ({ schema, data, field: schema.fields[i], bad }))),
    );
    fc.assert(
      fc.property(caseArb, ({ schema, data, field, bad }) => {
        const broken = { ...data };
        if (bad === undefined) delete broken[field.key];
        else broken[field.key] = bad;
        const errors = issuesOf(buildFormValidator(schema).safeParse(broken));
        expect(errors.length).toBeGreaterThan(0);
        expect(new Set(errors.map((e) => e.field))).toEqual(new Set([field.key]));
      }),
    );
  });

  it('an unknown key fails, naming it', () => {
    fc.assert(
      fc.property(validCaseArb, ({ schema, data }) => {
        const errors = issuesOf(buildFormValidator(schema).safeParse({ ...data, ['zz-unknown']: 1 }));
        expect(errors).toEqual([{ field: 'zz-unknown', message: 'Unknown field' }]);
      }),
    );
  });
});
