import { z } from 'zod';
import { ONLINE_LEVELS } from './dossier-status.js';
import { formSchemaSchema } from './form-schema.js';
import { calendarDate, endOfYearsAhead, safeText, todayInVietnam } from './input.js';

/** The Catalog and Administration-catalog contract of api.md: responses and request bodies. */

export const AGENCY_LEVELS = ['CITY', 'DEPARTMENT', 'WARD', 'COMMUNE'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export const agencyLevelSchema = z.enum(AGENCY_LEVELS);

/** Electronic agency codes (`000.00.12.H17`): no '-', which separates a dossier code's parts. */
export const agencyCodeSchema = safeText()
  .regex(/^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/, 'Letters A-Z, digits and dots, e.g. 000.00.12.H17')
  .max(40);
export const sectorCodeSchema = safeText()
  .regex(/^[A-Z0-9][A-Z0-9_.]*$/, 'Capital letters, digits, _ and dots, e.g. HO_TICH')
  .max(40);
/** National procedure codes look like `1.001193`; our own may use letters too. */
export const procedureCodeSchema = safeText()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._]*$/, 'Letters, digits, _ and dots, e.g. 1.001193')
  .max(40);

const name = safeText().trim().min(1).max(500);
const longText = safeText().trim().max(10_000);

/**
 * Where and when to go (our addition to api.md, issue 16): the office's street address, phone and
 * opening hours; null when the agency has not published them.
 */
export const agencyContactSchema = z.object({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  openingHours: z.string().nullable(),
  openingHoursEn: z.string().nullable(),
});
export type AgencyContact = z.infer<typeof agencyContactSchema>;

export const agencyDtoSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    level: agencyLevelSchema,
    parentCode: z.string().nullable(),
  })
  .extend(agencyContactSchema.shape);
export type AgencyDto = z.infer<typeof agencyDtoSchema>;

export const sectorDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
});
export type SectorDto = z.infer<typeof sectorDtoSchema>;

export const requiredDocumentSchema = z.strictObject({
  code: safeText()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Letters, digits, _ . -')
    .max(40),
  name: name,
  nameEn: name.optional(),
  required: z.boolean(),
  /** Per-file upload limit (api.md: default 10). */
  maxSizeMb: z.number().int().min(1).max(50).default(10),
});
export type RequiredDocument = z.output<typeof requiredDocumentSchema>;

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  sectorCode: z.string(),
  onlineLevel: z.enum(ONLINE_LEVELS),
  processingDays: z.number().int(),
  /** Integer VND; 0 = free. */
  fee: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

/** A downloadable form template (mẫu đơn, tờ khai) of a procedure. */
export const procedureTemplateSchema = z.object({
  /** The file name in the template's URL, e.g. `to-khai.pdf`. */
  name: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  mimeType: z.string(),
  /** Path under the API base, e.g. `/procedures/1.001193/templates/to-khai.pdf`. */
  url: z.string(),
});
export type ProcedureTemplate = z.infer<typeof procedureTemplateSchema>;

export const procedureDetailSchema = procedureSummarySchema.extend({
  /** The current (latest published) version; a dossier keeps the one it was filed under. */
  version: z.number().int(),
  publishedAt: z.string(),
  agencyCodes: z.array(z.string()),
  /** The handling agencies with their names and (our addition) where and when to go, for the procedure page. */
  agencies: z.array(
    z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }).extend(agencyContactSchema.shape),
  ),
  requiredDocuments: z.array(requiredDocumentSchema),
  formSchema: formSchemaSchema,
  description: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  /** Legal basis (căn cứ pháp lý): laws, decrees, circulars. */
  legalBasis: z.string().nullable(),
  /** What the applicant receives (kết quả thực hiện), e.g. "Giấy khai sinh". */
  result: z.string().nullable(),
  resultEn: z.string().nullable(),
  /** Fee details beyond the integer `fee` (per page, per copy, exemptions). */
  feeNote: z.string().nullable(),
  feeNoteEn: z.string().nullable(),
  /** Our addition: when the current version was published (the page's "last updated"). */
  updatedAt: z.string(),
  /** Our addition: blank forms to print and fill in, served by `GET /procedures/{code}/templates/{name}`. */
  templates: z.array(procedureTemplateSchema),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

export const HOLIDAY_KINDS = ['HOLIDAY', 'WORKING_DAY'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** A calendar exception: a weekday off (`HOLIDAY`) or a compensating working Saturday. */
export const holidayDtoSchema = z.object({
  date: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(HOLIDAY_KINDS),
});
export type HolidayDto = z.infer<typeof holidayDtoSchema>;

export interface Page<T> {
  items: T[];
  total: number;
}
export interface ItemList<T> {
  items: T[];
}

// ---- Requests ----

/** A real calendar date YYYY-MM-DD, unbounded (callers bound it: calendarDate({min, max})). */
export const isoDateSchema = calendarDate();

/** Holidays are kept from 2000 (the oldest dossiers' deadlines) to five years ahead. */
export const HOLIDAY_MIN_DATE = '2000-01-01';
export const HOLIDAY_YEARS_AHEAD = 5;
/** The `{date}` of PUT and DELETE /admin/holidays/{date}. */
export const holidayDateSchema = calendarDate({ min: HOLIDAY_MIN_DATE, max: endOfYearsAhead(HOLIDAY_YEARS_AHEAD) });

/** Longest search text kept; the rest is cut (a 5,000-character q is not an error). */
export const PROCEDURE_QUERY_MAX_LENGTH = 200;
export const PROCEDURE_PAGE_SIZE_MAX = 100;
export const PROCEDURE_PAGE_SIZE_DEFAULT = 20;

/** Remove NUL and other C0 controls (PostgreSQL refuses NUL in text), cap by code points. */
export function cleanSearchText(q: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return Array.from(cleaned).slice(0, PROCEDURE_QUERY_MAX_LENGTH).join('').trim();
}

const intParam = (min: number, max: number) =>
  safeText()
    .regex(/^\d{1,9}$/, 'A whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Query strings are not strict: an unknown parameter (a cache-buster) is ignored, not refused. */
export const procedureSearchQuerySchema = z.object({
  q: safeText().transform(cleanSearchText).optional(),
  sectorCode: safeText().max(100).optional(),
  agencyCode: safeText().max(100).optional(),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  page: intParam(1, 100_000).optional(),
  pageSize: intParam(1, PROCEDURE_PAGE_SIZE_MAX).optional(),
});
export type ProcedureSearchQuery = z.output<typeof procedureSearchQuerySchema>;

export const holidayQuerySchema = z.object({
  year: safeText()
    .regex(/^\d{4}$/, 'A year, e.g. 2026')
    .transform(Number)
    .refine((y) => y >= Number(HOLIDAY_MIN_DATE.slice(0, 4)), `Not before ${HOLIDAY_MIN_DATE.slice(0, 4)}`)
    .refine((y) => y <= Number(todayInVietnam().slice(0, 4)) + HOLIDAY_YEARS_AHEAD, 'Too far ahead')
    .optional(),
});

/** Optional contact of an agency (our addition): the seed fills Da Nang's demo offices. */
const contactText = safeText().trim().min(1).max(500);

export const createAgencySchema = z.strictObject({
  code: agencyCodeSchema,
  name: name,
  nameEn: name.optional(),
  level: agencyLevelSchema,
  parentCode: agencyCodeSchema.nullish(),
  address: contactText.optional(),
  phone: safeText()
    .trim()
    .regex(/^[0-9 ()+.-]{6,30}$/, 'A phone number, e.g. 0236 3822 333')
    .optional(),
  openingHours: contactText.optional(),
  openingHoursEn: contactText.optional(),
});
export type CreateAgencyInput = z.output<typeof createAgencySchema>;

export const createSectorSchema = z.strictObject({
  code: sectorCodeSchema,
  name: name,
  nameEn: name.optional(),
});
export type CreateSectorInput = z.output<typeof createSectorSchema>;

const procedureVersionShape = {
  name: name,
  nameEn: name.optional(),
  sectorCode: sectorCodeSchema,
  agencyCodes: z.array(agencyCodeSchema).min(1).max(200),
  onlineLevel: z.enum(ONLINE_LEVELS),
  /** 0 = same day. */
  processingDays: z.number().int().min(0).max(365),
  fee: z.number().int().min(0).max(1_000_000_000),
  requiredDocuments: z.array(requiredDocumentSchema).max(50),
  formSchema: formSchemaSchema,
  description: longText.optional(),
  descriptionEn: longText.optional(),
  legalBasis: longText.optional(),
  result: safeText().trim().max(1000).optional(),
  resultEn: safeText().trim().max(1000).optional(),
  feeNote: safeText().trim().max(1000).optional(),
  feeNoteEn: safeText().trim().max(1000).optional(),
};

function refuseDuplicates(p: { agencyCodes: string[]; requiredDocuments: { code: string }[] }, ctx: z.RefinementCtx) {
  const check = (keys: string[], path: (i: number) => (string | number)[]) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: path(i), message: `Duplicate ${k}` });
      seen.add(k);
    });
  };
  check(p.agencyCodes, (i) => ['agencyCodes', i]);
  check(
    p.requiredDocuments.map((d) => d.code),
    (i) => ['requiredDocuments', i, 'code'],
  );
}

/** The body of PUT /admin/procedures/{code}: a complete new version (the code is in the path). */
export const procedureVersionInputSchema = z.strictObject(procedureVersionShape).superRefine(refuseDuplicates);
export type ProcedureVersionInput = z.output<typeof procedureVersionInputSchema>;

/** The body of POST /admin/procedures: version 1 with its code. */
export const createProcedureSchema = z
  .strictObject({ code: procedureCodeSchema, ...procedureVersionShape })
  .superRefine(refuseDuplicates);
export type CreateProcedureInput = z.output<typeof createProcedureSchema>;

export const putHolidaySchema = z.strictObject({
  name: name,
  nameEn: name.optional(),
  /** Default HOLIDAY; WORKING_DAY marks a compensating working Saturday. */
  kind: z.enum(HOLIDAY_KINDS).default('HOLIDAY'),
});
export type PutHolidayInput = z.output<typeof putHolidaySchema>;
