import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateAgencyInput,
  CreateSectorInput,
  FormSchema,
  ProcedureVersionInput,
  PutHolidayInput,
} from '@motcua/shared';
import type { ResultTemplate, ResultTemplateSource } from './result-template.js';
import type {
  AgencyView,
  HolidayView,
  ProcedureSearch,
  ProcedureSummaryView,
  ProcedureVersionView,
  SectorView,
} from './catalog.types.js';

/** The version columns written for a procedure (POST creates version 1, PUT the next). */
export type ProcedureVersionRow = Omit<ProcedureVersionView, 'currentVersion' | 'publishedAt'> & {
  publishedAt: Date;
  publishedBy: string | null;
};

/** The row of a version to publish, from a validated POST/PUT body. */
export function procedureVersionRow(
  code: string,
  version: number,
  v: ProcedureVersionInput,
  publishedAt: Date,
  publishedBy: string | null,
): ProcedureVersionRow {
  return {
    code,
    version,
    name: v.name,
    nameEn: v.nameEn ?? null,
    sectorCode: v.sectorCode,
    onlineLevel: v.onlineLevel,
    processingDays: v.processingDays,
    fee: v.fee,
    agencyCodes: v.agencyCodes,
    requiredDocuments: v.requiredDocuments,
    formSchema: v.formSchema,
    description: v.description ?? null,
    descriptionEn: v.descriptionEn ?? null,
    legalBasis: v.legalBasis ?? null,
    result: v.result ?? null,
    resultEn: v.resultEn ?? null,
    feeNote: v.feeNote ?? null,
    feeNoteEn: v.feeNoteEn ?? null,
    publishedAt,
    publishedBy,
  };
}

const AGENCY_COLUMNS = `code, name, name_en AS "nameEn", level, parent_code AS "parentCode",
  address, phone, opening_hours AS "openingHours", opening_hours_en AS "openingHoursEn"`;
const SUMMARY_COLUMNS = `p.code, p.name, p.name_en AS "nameEn", p.sector_code AS "sectorCode",
  p.online_level AS "onlineLevel", p.processing_days AS "processingDays", p.fee`;
const VERSION_COLUMNS = `v.procedure_code AS code, v.version, p.current_version AS "currentVersion",
  v.name, v.name_en AS "nameEn", v.sector_code AS "sectorCode", v.online_level AS "onlineLevel",
  v.processing_days AS "processingDays", v.fee, v.agency_codes AS "agencyCodes",
  v.required_documents AS "requiredDocuments", v.form_schema AS "formSchema",
  v.description, v.description_en AS "descriptionEn", v.legal_basis AS "legalBasis",
  v.result, v.result_en AS "resultEn", v.fee_note AS "feeNote", v.fee_note_en AS "feeNoteEn",
  v.published_at AS "publishedAt"`;
// Dates as text: node-pg would turn a `date` into a Date at local midnight.
const HOLIDAY_COLUMNS = `date::text AS date, name, name_en AS "nameEn", kind`;

/** The normalised search text and name expressions; the same as the trigram indexes'. */
const NAME = `lower(f_unaccent(p.name))`;
const NAME_EN = `lower(f_unaccent(coalesce(p.name_en, '')))`;

/** Catalog data access only: no rules here (the service owns them and the transactions). */
@Injectable()
export class CatalogRepository {
  constructor(private readonly ds: DataSource) {}

  // ---- Agencies ----

  findAgencies(m: EntityManager = this.ds.manager): Promise<AgencyView[]> {
    return m.query(`
      SELECT ${AGENCY_COLUMNS} FROM agency
      ORDER BY array_position(ARRAY['CITY', 'DEPARTMENT', 'WARD', 'COMMUNE'], level), code`);
  }

  async findAgency(code: string, m: EntityManager = this.ds.manager): Promise<AgencyView | null> {
    const rows: AgencyView[] = await m.query(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** Which of these agency codes exist. */
  async findExistingAgencyCodes(codes: string[], m: EntityManager = this.ds.manager): Promise<Set<string>> {
    const rows: { code: string }[] = await m.query(`SELECT code FROM agency WHERE code = ANY($1)`, [codes]);
    return new Set(rows.map((r) => r.code));
  }

  /** The agency and every agency below it. */
  async findSubtreeCodes(code: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows: { code: string }[] = await m.query(
      `WITH RECURSIVE tree AS (
         SELECT code FROM agency WHERE code = $1
         UNION
         SELECT a.code FROM agency a JOIN tree t ON a.parent_code = t.code
       )
       SELECT code FROM tree ORDER BY code`,
      [code],
    );
    return rows.map((r) => r.code);
  }

  /** Inserts unless the code exists; false when it did. */
  async insertAgency(a: CreateAgencyInput, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO agency (code, name, name_en, level, parent_code, address, phone, opening_hours, opening_hours_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        a.code,
        a.name,
        a.nameEn ?? null,
        a.level,
        a.parentCode ?? null,
        a.address ?? null,
        a.phone ?? null,
        a.openingHours ?? null,
        a.openingHoursEn ?? null,
      ],
    );
    return rows.length === 1;
  }

  /** Fills contact fields that are still empty (never overwrites what an admin set). */
  async fillAgencyContact(a: CreateAgencyInput, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(
      `UPDATE agency SET address = coalesce(address, $2), phone = coalesce(phone, $3),
              opening_hours = coalesce(opening_hours, $4), opening_hours_en = coalesce(opening_hours_en, $5)
        WHERE code = $1`,
      [a.code, a.address ?? null, a.phone ?? null, a.openingHours ?? null, a.openingHoursEn ?? null],
    );
  }

  // ---- Sectors ----

  findSectors(m: EntityManager = this.ds.manager): Promise<SectorView[]> {
    return m.query(`SELECT code, name, name_en AS "nameEn" FROM sector ORDER BY name, code`);
  }

  async sectorExists(code: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM sector WHERE code = $1`, [code]);
    return rows.length === 1;
  }

  async insertSector(s: CreateSectorInput, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO sector (code, name, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [s.code, s.name, s.nameEn ?? null],
    );
    return rows.length === 1;
  }

  // ---- Procedures ----

  /**
   * One page of current procedures. With text: an unaccented, case-free substring of the name
   * (vi or en), or a trigram word similarity above pg_trgm's threshold (typos); ranked exact,
   * prefix, substring, then by similarity. Every value is a parameter and LIKE wildcards in the
   * text are escaped; the text is normalised first so that the trigram indexes serve the match.
   */
  async searchProcedures(s: ProcedureSearch, m: EntityManager = this.ds.manager): Promise<ProcedureSummaryView[]> {
    const { where, params } = await this.searchWhere(s, m);
    const n = params.length;
    return m.query(
      `SELECT ${SUMMARY_COLUMNS}
       FROM procedure p
       WHERE ${where}
       ORDER BY
         CASE WHEN $2::text IS NULL THEN 0
              WHEN ${NAME} = $2 OR ${NAME_EN} = $2 OR p.code = $1 THEN 0
              WHEN ${NAME} LIKE $3 || '%' OR ${NAME_EN} LIKE $3 || '%' THEN 1
              WHEN ${NAME} LIKE '%' || $3 || '%' OR ${NAME_EN} LIKE '%' || $3 || '%' THEN 2
              ELSE 3 END,
         CASE WHEN $2::text IS NULL THEN 0
              ELSE greatest(word_similarity($2, ${NAME}), word_similarity($2, ${NAME_EN})) END DESC,
         p.name, p.code
       LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, s.limit, s.offset],
    );
  }

  async countProcedures(s: ProcedureSearch, m: EntityManager = this.ds.manager): Promise<number> {
    const { where, params } = await this.searchWhere(s, m);
    const rows: { total: number }[] = await m.query(
      `SELECT count(*)::int AS total FROM procedure p WHERE ${where}`,
      params,
    );
    return rows[0].total;
  }

  /**
   * $1 the text as typed, $2 normalised (unaccented, lower case), $3 that with LIKE wildcards
   * escaped. Planned with the values (unnamed statements), so `'%' || $3 || '%'` is a constant
   * pattern the trigram index can serve.
   */
  private async searchWhere(s: ProcedureSearch, m: EntityManager): Promise<{ where: string; params: unknown[] }> {
    let text: string | null = null;
    if (s.q) {
      const rows: { t: string }[] = await m.query(`SELECT lower(f_unaccent($1::text)) AS t`, [s.q]);
      text = rows[0].t;
    }
    const escaped = text?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null;
    const params: unknown[] = [
      s.q || null,
      text,
      escaped,
      s.sectorCode ?? null,
      s.agencyCode ?? null,
      s.onlineLevel ?? null,
    ];
    const where = `($2::text IS NULL
        OR ${NAME} LIKE '%' || $3 || '%' OR ${NAME_EN} LIKE '%' || $3 || '%'
        OR $2 <% ${NAME} OR $2 <% ${NAME_EN}
        OR p.code = $1)
      AND ($4::text IS NULL OR p.sector_code = $4)
      AND ($5::text IS NULL OR EXISTS (
            SELECT 1 FROM procedure_agency pa WHERE pa.procedure_code = p.code AND pa.agency_code = $5))
      AND ($6::text IS NULL OR p.online_level = $6)`;
    return { where, params };
  }

  async procedureExists(code: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM procedure WHERE code = $1`, [code]);
    return rows.length === 1;
  }

  /** The procedure's current version number, its row locked until the transaction ends. */
  async lockProcedure(code: string, m: EntityManager): Promise<number | null> {
    const rows: { currentVersion: number }[] = await m.query(
      `SELECT current_version AS "currentVersion" FROM procedure WHERE code = $1 FOR UPDATE`,
      [code],
    );
    return rows[0]?.currentVersion ?? null;
  }

  /** A version (the current one when `version` is omitted). */
  async findProcedureVersion(
    code: string,
    version: number | undefined,
    m: EntityManager = this.ds.manager,
  ): Promise<ProcedureVersionView | null> {
    const rows: ProcedureVersionView[] = await m.query(
      `SELECT ${VERSION_COLUMNS}
       FROM procedure p JOIN procedure_version v ON v.procedure_code = p.code
       WHERE p.code = $1 AND v.version = coalesce($2::int, p.current_version)`,
      [code, version ?? null],
    );
    return rows[0] ?? null;
  }

  /** Creates the procedure row with version 1's summary; false when the code exists. */
  async insertProcedure(v: ProcedureVersionRow, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO procedure (code, current_version, name, name_en, sector_code, online_level, processing_days, fee,
                              created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [v.code, v.version, v.name, v.nameEn, v.sectorCode, v.onlineLevel, v.processingDays, v.fee, v.publishedAt],
    );
    return rows.length === 1;
  }

  /** Points the procedure at a newly published version and copies its summary. */
  async updateProcedureCurrent(v: ProcedureVersionRow, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE procedure SET current_version = $2, name = $3, name_en = $4, sector_code = $5, online_level = $6,
                            processing_days = $7, fee = $8, updated_at = $9
       WHERE code = $1`,
      [v.code, v.version, v.name, v.nameEn, v.sectorCode, v.onlineLevel, v.processingDays, v.fee, v.publishedAt],
    );
  }

  /** A demo procedure's result template, unless one is set (an admin's is kept). */
  async setResultTemplateIfNone(code: string, template: ResultTemplate, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE procedure_version SET result_template = $2 WHERE procedure_code = $1 AND result_template IS NULL`,
      [code, JSON.stringify(template)],
    );
  }

  /** The result template of a procedure version and the form it is filled from; null without one. */
  async findResultTemplate(code: string, version: number): Promise<ResultTemplateSource | null> {
    const rows: { template: ResultTemplate; formSchema: FormSchema }[] = await this.ds.query(
      `SELECT result_template AS template, form_schema AS "formSchema" FROM procedure_version
        WHERE procedure_code = $1 AND version = $2 AND result_template IS NOT NULL`,
      [code, version],
    );
    return rows[0] ?? null;
  }

  async insertProcedureVersion(v: ProcedureVersionRow, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO procedure_version (procedure_code, version, name, name_en, sector_code, online_level,
         processing_days, fee, agency_codes, required_documents, form_schema, description, description_en,
         legal_basis, result, result_en, fee_note, fee_note_en, published_at, published_by, result_template)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
               -- A new version keeps the previous one's result template (issue 14): the form may change, the document not.
               (SELECT result_template FROM procedure_version WHERE procedure_code = $1 AND version = $2 - 1))`,
      [
        v.code,
        v.version,
        v.name,
        v.nameEn,
        v.sectorCode,
        v.onlineLevel,
        v.processingDays,
        v.fee,
        v.agencyCodes,
        JSON.stringify(v.requiredDocuments),
        JSON.stringify(v.formSchema),
        v.description,
        v.descriptionEn,
        v.legalBasis,
        v.result,
        v.resultEn,
        v.feeNote,
        v.feeNoteEn,
        v.publishedAt,
        v.publishedBy,
      ],
    );
  }

  async replaceProcedureAgencies(code: string, agencyCodes: string[], m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM procedure_agency WHERE procedure_code = $1`, [code]);
    await m.query(
      `INSERT INTO procedure_agency (procedure_code, agency_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [code, agencyCodes],
    );
  }

  async isProcedureHandledBy(code: string, agencyCode: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM procedure_agency WHERE procedure_code = $1 AND agency_code = $2`,
      [code, agencyCode],
    );
    return rows.length === 1;
  }

  // ---- Holidays ----

  findHolidays(year: number | undefined, m: EntityManager = this.ds.manager): Promise<HolidayView[]> {
    return m.query(
      `SELECT ${HOLIDAY_COLUMNS} FROM holiday
       WHERE $1::int IS NULL OR (date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1))
       ORDER BY date`,
      [year ?? null],
    );
  }

  async upsertHoliday(date: string, h: PutHolidayInput, at: Date, m: EntityManager = this.ds.manager) {
    const rows: HolidayView[] = await m.query(
      `INSERT INTO holiday (date, name, name_en, kind, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind,
                                        updated_at = EXCLUDED.updated_at
       RETURNING ${HOLIDAY_COLUMNS}`,
      [date, h.name, h.nameEn ?? null, h.kind, at],
    );
    return rows[0];
  }

  async deleteHoliday(date: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected]: [unknown[], number] = await m.query(`DELETE FROM holiday WHERE date = $1`, [date]);
    return affected === 1;
  }
}
