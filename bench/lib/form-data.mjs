import { buildFormValidator, resolveDateBound, todayInVietnam } from '../../packages/shared/dist/index.js';

export const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan'];
export const FAMILY_MORE = ['Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Gia', 'Thị Thu', 'Văn Hoàng'];
export const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương'];
export const GIVEN_MORE = ['Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung', 'Phong'];
const FAMILIES = [...FAMILY, ...FAMILY_MORE];
const GIVENS = [...GIVEN, ...GIVEN_MORE];
const STREETS = [
  'Lê Duẩn',
  'Trần Phú',
  'Bạch Đằng',
  'Nguyễn Văn Linh',
  'Hùng Vương',
  'Phan Châu Trinh',
  'Ông Ích Khiêm',
];
const WARDS = ['Hải Châu', 'Thanh Khê', 'Sơn Trà', 'Hòa Cường', 'Cẩm Lệ', 'Liên Chiểu', 'Ngũ Hành Sơn'];

/** A deterministic pseudo-random generator (mulberry32), so runs are repeatable. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

/** Every word a generated name is made of (to check `searchName` against the database's folding). */
export const NAME_WORDS = [...new Set([...FAMILIES, ...MIDDLE, ...GIVENS].flatMap((w) => w.split(' ')))];

/**
 * A name as the API's trigger stores it in `dossier.applicant_name_search`: lower(f_unaccent(name)).
 * Computed here so the COPY need not look up each applicant; checked word by word against the
 * database before every load (generate.mjs), as unaccent and lower act letter by letter.
 */
export function searchName(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function fullName(r) {
  return `${pick(r, FAMILIES)} ${pick(r, MIDDLE)} ${pick(r, GIVENS)}`;
}

const digits = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
};

/** Candidate values for a patterned text field: the first that matches is used. */
const patternCandidates = (r) => [
  fullName(r),
  `${digits(r, 12)}`,
  `43A-${digits(r, 3)}.${digits(r, 2)}`,
  `${digits(r, 4)}.${digits(r, 2)}-XD`,
  `Số ${1 + Math.floor(r() * 300)} ${pick(r, STREETS)}`,
];

/**
 * Form data that passes a procedure's form schema (the API's submit validation), with plausible
 * Vietnamese values; throws naming the fields it could not fill.
 * @param {{ fields: any[] }} formSchema
 * @param {() => number} r
 */
export function validFormData(formSchema, r) {
  /** @type {Record<string, string | number | boolean>} */
  const out = {};
  for (const f of formSchema.fields) {
    if (!f.required && r() < 0.4) continue;
    const cap = (s) => (f.maxLength ? s.slice(0, f.maxLength) : s);
    switch (f.type) {
      case 'text': {
        if (f.pattern) {
          const re = new RegExp(`^(?:${f.pattern})$`, 'u');
          const v = patternCandidates(r).find((c) => re.test(cap(c)));
          if (v) out[f.key] = cap(v);
        } else if (/name|ten/i.test(f.key)) out[f.key] = cap(fullName(r));
        else out[f.key] = cap(`Số ${1 + Math.floor(r() * 300)} ${pick(r, STREETS)}, phường ${pick(r, WARDS)}, Đà Nẵng`);
        break;
      }
      case 'textarea':
        out[f.key] = cap(
          `Đề nghị cơ quan xem xét giải quyết. Địa chỉ liên hệ: ${pick(r, STREETS)}, ${pick(r, WARDS)}.`,
        );
        break;
      case 'number': {
        const lo = typeof f.min === 'number' ? f.min : 1;
        const hi = typeof f.max === 'number' ? f.max : lo + 100;
        const v = lo + r() * (hi - lo);
        out[f.key] = f.integer ? Math.round(v) : Math.round(v * 10) / 10;
        break;
      }
      case 'date': {
        // Inside the field's bounds (a date or `today`, in Vietnam), else a day of 1960–2019.
        const day = 86_400_000;
        const today = todayInVietnam();
        const min = resolveDateBound(f.min, today) ?? '1960-01-01';
        const max = resolveDateBound(f.max, today) ?? (min > '2019-12-31' ? null : '2019-12-31');
        const lo = Date.parse(`${min}T00:00:00Z`);
        const hi = max ? Date.parse(`${max}T00:00:00Z`) : lo + 365 * day;
        out[f.key] = new Date(lo + Math.floor(r() * ((hi - lo) / day + 1)) * day).toISOString().slice(0, 10);
        break;
      }
      case 'select':
        out[f.key] = pick(r, f.options).value;
        break;
      case 'checkbox':
        out[f.key] = f.required ? true : r() < 0.5;
        break;
      case 'email':
        out[f.key] = `congdan${digits(r, 6)}@example.vn`;
        break;
      case 'phone':
        out[f.key] = `09${digits(r, 8)}`;
        break;
      case 'nationalId':
        out[f.key] = `048${digits(r, 9)}`;
        break;
      default:
        break;
    }
  }
  const check = buildFormValidator(formSchema).safeParse(out);
  if (!check.success) {
    throw new Error(`Bench form data refused: ${check.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return out;
}
