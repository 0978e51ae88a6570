import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog: sectors, versioned procedures with their handling agencies, and the holiday
 * calendar (seeded with Vietnam's official days off for 2025-2027).
 *
 * `procedure` holds the code and the CURRENT version's summary (what the public list searches
 * and filters); `procedure_version` keeps every published version in full, so a dossier refers
 * to (procedure_code, version) and keeps the rules it was filed under.
 */
export class Catalog1764400000000 implements MigrationInterface {
  name = 'Catalog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sector (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        name_en     text,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE procedure (
        code             text PRIMARY KEY,
        current_version  integer NOT NULL CHECK (current_version >= 1),
        name             text NOT NULL,
        name_en          text,
        sector_code      text NOT NULL REFERENCES sector(code),
        online_level     text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL')),
        processing_days  integer NOT NULL CHECK (processing_days >= 0),
        fee              integer NOT NULL CHECK (fee >= 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX procedure_sector_idx ON procedure (sector_code)`);
    // Search without diacritics and with typos. unaccent first, then lower: the database may run
    // with the C locale, whose lower() folds ASCII only (unaccent turns Đ into D, Ư into U…).
    await q.query(`CREATE INDEX procedure_name_trgm_idx ON procedure USING gin (lower(f_unaccent(name)) gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX procedure_name_en_trgm_idx ON procedure USING gin (lower(f_unaccent(coalesce(name_en, ''))) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE procedure_version (
        procedure_code      text NOT NULL REFERENCES procedure(code),
        version             integer NOT NULL CHECK (version >= 1),
        name                text NOT NULL,
        name_en             text,
        sector_code         text NOT NULL REFERENCES sector(code),
        online_level        text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL')),
        processing_days     integer NOT NULL CHECK (processing_days >= 0),
        fee                 integer NOT NULL CHECK (fee >= 0),
        agency_codes        text[] NOT NULL,
        required_documents  jsonb NOT NULL,
        form_schema         jsonb NOT NULL,
        description         text,
        description_en      text,
        legal_basis         text,
        result              text,
        result_en           text,
        fee_note            text,
        fee_note_en         text,
        published_at        timestamptz NOT NULL,
        published_by        uuid REFERENCES app_user(id),
        PRIMARY KEY (procedure_code, version)
      )`);

    // The agencies that handle a procedure now (its current version's agency_codes), for the
    // agencyCode filter and for "which procedures does this ward handle".
    await q.query(`
      CREATE TABLE procedure_agency (
        procedure_code  text NOT NULL REFERENCES procedure(code),
        agency_code     text NOT NULL REFERENCES agency(code),
        PRIMARY KEY (procedure_code, agency_code)
      )`);
    await q.query(`CREATE INDEX procedure_agency_agency_idx ON procedure_agency (agency_code)`);

    await q.query(`
      CREATE TABLE holiday (
        date        date PRIMARY KEY,
        name        text NOT NULL,
        name_en     text,
        kind        text NOT NULL DEFAULT 'HOLIDAY' CHECK (kind IN ('HOLIDAY', 'WORKING_DAY')),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);

    for (const [date, kind, name, nameEn] of HOLIDAYS) {
      await q.query(`INSERT INTO holiday (date, kind, name, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        date,
        kind,
        name,
        nameEn,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday`);
    await q.query(`DROP TABLE procedure_agency`);
    await q.query(`DROP TABLE procedure_version`);
    await q.query(`DROP TABLE procedure`);
    await q.query(`DROP TABLE sector`);
  }
}

const TET_DL = ['Tết Dương lịch', "New Year's Day"] as const;
const TET_NGUYEN_DAN = ['Tết Nguyên đán', 'Lunar New Year (Tết)'] as const;
const GIO_TO = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day'] as const;
const REUNIFICATION = ['Ngày Chiến thắng (30/4)', 'Reunification Day'] as const;
const LABOUR = ['Ngày Quốc tế Lao động (1/5)', 'International Labour Day'] as const;
const NATIONAL_DAY = ['Quốc khánh (2/9)', 'National Day'] as const;
const off = (date: string, [name, nameEn]: readonly [string, string], note = '') =>
  [date, 'HOLIDAY', name + note, nameEn] as const;
const swapped = (date: string, forDate: string) =>
  [date, 'WORKING_DAY', `Làm bù cho ngày nghỉ ${forDate}`, `Make-up working day for ${forDate}`] as const;

/**
 * Weekdays off for civil servants (Labour Code 2019, art. 112: public holidays, plus the days
 * in lieu and bridging days the government announces each year) and the make-up Saturdays.
 * Weekend days inside a break are not listed: they are days off anyway.
 */
const HOLIDAYS: (readonly [string, 'HOLIDAY' | 'WORKING_DAY', string, string])[] = [
  // 2025 (announced by Notice 6150/TB-LĐTBXH, 2024).
  off('2025-01-01', TET_DL),
  // Tết Ất Tỵ: Sat 25/1 to Sun 2/2/2025, nine days.
  off('2025-01-27', TET_NGUYEN_DAN, ' (28 tháng Chạp)'),
  off('2025-01-28', TET_NGUYEN_DAN, ' (29 tháng Chạp)'),
  off('2025-01-29', TET_NGUYEN_DAN, ' (Mùng 1)'),
  off('2025-01-30', TET_NGUYEN_DAN, ' (Mùng 2)'),
  off('2025-01-31', TET_NGUYEN_DAN, ' (Mùng 3)'),
  off('2025-04-07', GIO_TO),
  // 30/4 - 4/5/2025: Friday 2/5 off, made up on Saturday 26/4.
  swapped('2025-04-26', '02/05/2025'),
  off('2025-04-30', REUNIFICATION),
  off('2025-05-01', LABOUR),
  off('2025-05-02', ['Nghỉ hoán đổi dịp 30/4 - 1/5', 'Bridging day off (swapped with Saturday 26 April)']),
  // Quốc khánh 2025: Sat 30/8 to Tue 2/9 (2/9 and the adjacent Monday 1/9).
  off('2025-09-01', NATIONAL_DAY, ' (ngày liền kề)'),
  off('2025-09-02', NATIONAL_DAY),

  // 2026 (Tết Dương lịch and Tết Nguyên đán as approved by the Prime Minister, late 2025).
  off('2026-01-01', TET_DL),
  off('2026-01-02', ['Nghỉ hoán đổi dịp Tết Dương lịch', 'Bridging day off (swapped with Saturday 10 January)']),
  swapped('2026-01-10', '02/01/2026'),
  // Tết Bính Ngọ: Sat 14/2 to Sun 22/2/2026, nine days.
  off('2026-02-16', TET_NGUYEN_DAN, ' (29 tháng Chạp)'),
  off('2026-02-17', TET_NGUYEN_DAN, ' (Mùng 1)'),
  off('2026-02-18', TET_NGUYEN_DAN, ' (Mùng 2)'),
  off('2026-02-19', TET_NGUYEN_DAN, ' (Mùng 3)'),
  off('2026-02-20', TET_NGUYEN_DAN, ' (Mùng 4)'),
  // 10/3 Bính Ngọ is Sunday 26/4/2026: the day in lieu is Monday 27/4.
  off('2026-04-27', GIO_TO, ' (nghỉ bù)'),
  off('2026-04-30', REUNIFICATION),
  off('2026-05-01', LABOUR),
  // Quốc khánh 2026 (Wednesday): 2/9 and the adjacent Tuesday 1/9. The proposed bridging
  // Monday 31/8 and its make-up Saturday were not confirmed when this was written: add them
  // with PUT /admin/holidays once announced.
  off('2026-09-01', NATIONAL_DAY, ' (ngày liền kề)'),
  off('2026-09-02', NATIONAL_DAY),

  // 2027: the statutory days. The government had not yet announced the Tết plan, the adjacent
  // day of 2/9 or any bridging days: the Tết days and 3/9 below follow the usual pattern and
  // must be checked against the announcement (PUT/DELETE /admin/holidays).
  off('2027-01-01', TET_DL),
  // Tết Đinh Mùi: mùng 1 is Saturday 6/2/2027; 29 Chạp + mùng 1-4, the weekend days in lieu.
  off('2027-02-05', TET_NGUYEN_DAN, ' (29 tháng Chạp)'),
  off('2027-02-08', TET_NGUYEN_DAN, ' (Mùng 3)'),
  off('2027-02-09', TET_NGUYEN_DAN, ' (Mùng 4)'),
  off('2027-02-10', TET_NGUYEN_DAN, ' (nghỉ bù Mùng 1)'),
  off('2027-02-11', TET_NGUYEN_DAN, ' (nghỉ bù Mùng 2)'),
  off('2027-04-16', GIO_TO),
  off('2027-04-30', REUNIFICATION),
  // 1/5/2027 is a Saturday: the day in lieu is Monday 3/5.
  off('2027-05-03', LABOUR, ' (nghỉ bù)'),
  off('2027-09-02', NATIONAL_DAY),
  off('2027-09-03', NATIONAL_DAY, ' (ngày liền kề)'),
];
