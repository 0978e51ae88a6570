import type { DataSource, EntityManager } from 'typeorm';
import {
  computeDueAt,
  decidedOutcome,
  processingWorkingDays,
  TIME_ZONE,
  toLocalDate,
  WorkingCalendar,
  type DecidedOutcome,
} from '@motcua/shared';
import { rebuildSummaries, type RebuildResult } from '../../modules/reports/summary-rebuild.js';

/**
 * A demo (and benchmark) history of dossiers, generated in PostgreSQL with set-based SQL: 50,000
 * dossiers with their hash-chained timelines in seconds, millions for the data-scale benches.
 *
 * The mix follows Da Nang's published figures roughly: ~60 % filed online (70 % for FULL
 * procedures, 45 % for PARTIAL ones, 2 % by post), short procedures (birth registration,
 * certified copies) far more frequent than long ones, ~72 % decided early, ~18 % on the due day,
 * ~10 % late, 8 % rejected, 3 % of online filings refused at reception, 1.5 % withdrawn, a third of
 * the online applicants rating the service (mostly 4 and 5). Due dates follow computeDueAt over the
 * holiday calendar; the timeline events are hash-chained exactly as the workflow writes them, so
 * the audit check passes on generated dossiers. Every value is a deterministic function of
 * (seed, dossier number) except the row ids.
 *
 * Dossiers are written straight to the tables, not through applyAction (that would take hours
 * for millions), so the summary tables are rebuilt at the end.
 */
export interface HistoryOptions {
  /** How many dossiers. */
  count: number;
  /** First and last local day of submission (default: the 365 days up to today). */
  from?: string;
  to?: string;
  /** Decides every random choice; the same seed gives the same history. */
  seed?: string;
  /** "Now": decisions, returns and ratings after it have not happened yet (default: the clock's now). */
  now?: Date;
  /** Applicants to spread the dossiers over (default: a third of count, at least 100). */
  applicants?: number;
  /** Skip the summary rebuild (a bench that loads in several batches rebuilds once at the end). */
  skipRebuild?: boolean;
}

export interface HistoryResult {
  dossiers: number;
  events: number;
  ratings: number;
  /** Confirmed payments (one per paid fee) and signed results (one per decided FULL dossier). */
  payments: number;
  results: number;
  summary: RebuildResult | null;
}

const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Gia', 'Thị Thu', 'Văn Hoàng', 'Thị Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Nhung',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];

/** Generated citizens' national IDs: 0489 + 8 digits, kept apart from real-looking demo accounts. */
const APPLICANT_PREFIX = '0489';

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/** A uniform number in [0, 1) from the seed ($1), the dossier number and a salt. */
const R = (salt: string, i: string) =>
  `((hashtext($1 || ':' || ${i} || ':${salt}')::float8 + 2147483648) / 4294967296)`;

/** A local time (timestamp without zone) as an instant, to the millisecond: the zone by dossierClock's name. */
const instant = (localTs: string) => `date_trunc('milliseconds', (${localTs}) AT TIME ZONE '${TIME_ZONE}')`;

/**
 * Fill `count` dossiers submitted between `from` and `to`, with their timelines and ratings, then
 * rebuild the summary tables. Needs the catalog (procedures with agencies); uses the staff of
 * each agency as actors when there are some.
 */
export async function generateHistory(ds: DataSource, options: HistoryOptions): Promise<HistoryResult> {
  const now = options.now ?? new Date();
  const to = options.to ?? toLocalDate(now);
  const from = options.from ?? toLocalDate(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000));
  const seed = options.seed ?? 'motcua';
  const count = Math.max(0, Math.floor(options.count));
  const applicants = Math.max(1, options.applicants ?? Math.max(100, Math.ceil(count / 3)));
  if (count === 0) return { dossiers: 0, events: 0, ratings: 0, payments: 0, results: 0, summary: null };

  const result = await ds.transaction(async (m) => {
    await prepare(m, { seed, from, to, applicants });
    await generateDossiers(m, { seed, count, now });
    await withTimeFacts(m);
    await generateEvents(m);
    return writeAll(m);
  });
  const summary = options.skipRebuild ? null : await rebuildSummaries(ds);
  return { ...result, summary };
}

/** Calendar, weighted procedures, applicants and staff as temporary tables. */
async function prepare(
  m: EntityManager,
  o: { seed: string; from: string; to: string; applicants: number },
): Promise<void> {
  // gen_wd: every day with n = working days up to it; gen_wk: the k-th working day.
  await m.query(
    `CREATE TEMP TABLE gen_wd ON COMMIT DROP AS
     SELECT g::date AS day,
            sum(CASE WHEN h.kind = 'HOLIDAY' THEN 0 WHEN h.kind = 'WORKING_DAY' THEN 1
                     WHEN extract(isodow FROM g) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY g)::int AS n,
            CASE WHEN h.kind = 'HOLIDAY' THEN false WHEN h.kind = 'WORKING_DAY' THEN true
                 ELSE extract(isodow FROM g) < 6 END AS working
       FROM generate_series($1::date - 10, $2::date + 150, interval '1 day') AS g
       LEFT JOIN holiday h ON h.date = g::date`,
    [o.from, o.to],
  );
  await m.query(`CREATE TEMP TABLE gen_wk ON COMMIT DROP AS SELECT n AS k, day FROM gen_wd WHERE working`);
  await m.query(`CREATE UNIQUE INDEX ON gen_wk (k)`);
  await m.query(`CREATE UNIQUE INDEX ON gen_wd (day)`);

  // Short procedures are filed far more often (birth registration, certified copies).
  await m.query(
    `CREATE TEMP TABLE gen_proc ON COMMIT DROP AS
     WITH p AS (
       SELECT pv.procedure_code AS code, pv.version, pv.sector_code, pv.online_level, pv.processing_days, pv.fee,
              pv.agency_codes,
              (CASE WHEN pv.processing_days <= 1 THEN 6 WHEN pv.processing_days <= 3 THEN 4
                    WHEN pv.processing_days <= 7 THEN 2 ELSE 1 END)::float8 AS w
         FROM procedure pr
         JOIN procedure_version pv ON pv.procedure_code = pr.code AND pv.version = pr.current_version
        WHERE cardinality(pv.agency_codes) > 0
     )
     SELECT p.*, (sum(w) OVER (ORDER BY code) - w) / sum(w) OVER () AS lo,
            sum(w) OVER (ORDER BY code) / sum(w) OVER () AS hi
       FROM p`,
  );
  const [{ procedures }]: { procedures: number }[] = await m.query(`SELECT count(*)::int AS procedures FROM gen_proc`);
  if (procedures === 0) throw new Error('No procedure with an agency: load the catalog first (demo seed)');
  // The last interval ends at 1 exactly, whatever the float sums say.
  await m.query(`UPDATE gen_proc SET hi = 2 WHERE hi = (SELECT max(hi) FROM gen_proc)`);

  await m.query(
    `INSERT INTO app_user (username, national_id, full_name, date_of_birth, roles, created_at, updated_at)
     SELECT nid, nid,
            (${sqlArray(FAMILY)})[1 + floor(${R('fam', 'g')} * ${FAMILY.length})::int] || ' ' ||
            (${sqlArray(MIDDLE)})[1 + floor(${R('mid', 'g')} * ${MIDDLE.length})::int] || ' ' ||
            (${sqlArray(GIVEN)})[1 + floor(${R('giv', 'g')} * ${GIVEN.length})::int],
            date '1950-01-01' + floor(${R('dob', 'g')} * 20000)::int,
            ARRAY['CITIZEN'], $3::date, $3::date
       FROM generate_series(1, $2::int) AS g, LATERAL (SELECT '${APPLICANT_PREFIX}' || lpad(g::text, 8, '0') AS nid) x
     ON CONFLICT DO NOTHING`,
    [o.seed, o.applicants, o.from],
  );
  await m.query(
    `CREATE TEMP TABLE gen_app ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY national_id))::int AS k, id, full_name
       FROM app_user WHERE national_id LIKE '${APPLICANT_PREFIX}%' AND roles = ARRAY['CITIZEN']
      ORDER BY national_id LIMIT $1`,
    [o.applicants],
  );
  await m.query(`CREATE UNIQUE INDEX ON gen_app (k)`);

  // One receptionist, officer and approver per agency when it has some (else events name none).
  await m.query(
    `CREATE TEMP TABLE gen_staff ON COMMIT DROP AS
     SELECT agency_code,
            (array_agg(id ORDER BY id) FILTER (WHERE 'RECEPTIONIST' = ANY(roles)))[1] AS rec_id,
            (array_agg(full_name ORDER BY id) FILTER (WHERE 'RECEPTIONIST' = ANY(roles)))[1] AS rec_name,
            (array_agg(id ORDER BY id) FILTER (WHERE 'OFFICER' = ANY(roles)))[1] AS off_id,
            (array_agg(full_name ORDER BY id) FILTER (WHERE 'OFFICER' = ANY(roles)))[1] AS off_name,
            (array_agg(id ORDER BY id) FILTER (WHERE 'APPROVER' = ANY(roles)))[1] AS apr_id,
            (array_agg(full_name ORDER BY id) FILTER (WHERE 'APPROVER' = ANY(roles)))[1] AS apr_name
       FROM app_user WHERE agency_code IS NOT NULL GROUP BY agency_code`,
  );
}

/**
 * The time facts of the generated dossiers from dossierClock, as each transition would have
 * written them: the due time at receipt, the outcome and processing working days at the decision.
 * SQL only placed the times; the calendar and the 17:00 cut-off stay in TypeScript.
 */
async function withTimeFacts(m: EntityManager): Promise<void> {
  const holidays: { date: string; kind: 'HOLIDAY' | 'WORKING_DAY' }[] = await m.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM holiday`,
  );
  const calendar = new WorkingCalendar(holidays);
  const rows: { id: string; receivedAt: Date; completedAt: Date | null; processingDays: number }[] = await m.query(
    `SELECT id, received_at AS "receivedAt", completed_at AS "completedAt", processing_days AS "processingDays"
       FROM gen_x WHERE received_at IS NOT NULL`,
  );
  const ids: string[] = [];
  const due: string[] = [];
  const outcomes: (DecidedOutcome | null)[] = [];
  const days: (number | null)[] = [];
  for (const r of rows) {
    const dueAt = computeDueAt(r.receivedAt, r.processingDays, calendar);
    ids.push(r.id);
    due.push(dueAt.toISOString());
    outcomes.push(r.completedAt ? decidedOutcome(r.completedAt, dueAt) : null);
    days.push(r.completedAt ? processingWorkingDays(r.receivedAt, r.completedAt, calendar) : null);
  }
  await m.query(
    `UPDATE gen_x d SET due_at = u.due, decided_outcome = u.outcome, processing_working_days = u.days
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::int[]) AS u(id, due, outcome, days)
      WHERE d.id = u.id`,
    [ids, due, outcomes, days],
  );
}

/** One row per dossier with every time and outcome decided (gen_d). */
async function generateDossiers(m: EntityManager, o: { seed: string; count: number; now: Date }): Promise<void> {
  const [{ k0, k1 }]: { k0: number; k1: number }[] = await m.query(
    `SELECT (SELECT n FROM gen_wd WHERE day = (SELECT min(day) FROM gen_wd) + 9) AS k0,
            (SELECT n FROM gen_wd WHERE day = (SELECT max(day) FROM gen_wd) - 150) AS k1`,
  );
  if (k1 <= k0) throw new Error('No working day in the history period');
  const [{ apps }]: { apps: number }[] = await m.query(`SELECT count(*)::int AS apps FROM gen_app`);

  await m.query(
    `CREATE TEMP TABLE gen_d ON COMMIT DROP AS
     WITH b AS (
       SELECT g AS i, gen_random_uuid() AS id,
              ${R('p', 'g')} AS rp, ${R('a', 'g')} AS ra, ${R('c', 'g')} AS rc, ${R('d', 'g')} AS rd, ${R('t', 'g')} AS rt, ${R('h', 'g')} AS rh,
              ${R('y', 'g')} AS ry, ${R('x', 'g')} AS rx, ${R('o', 'g')} AS ro, ${R('o2', 'g')} AS ro2, ${R('s', 'g')} AS rs,
              ${R('s2', 'g')} AS rs2, ${R('q', 'g')} AS rq, ${R('f', 'g')} AS rf, ${R('f2', 'g')} AS rf2, ${R('u', 'g')} AS ru,
              ${R('v', 'g')} AS rv, ${R('w', 'g')} AS rw
         FROM generate_series(1, $2::int) AS g
     ),
     p AS (
       SELECT b.*, pr.code AS procedure_code, pr.version AS procedure_version, pr.sector_code, pr.online_level,
              pr.processing_days, pr.fee,
              pr.agency_codes[1 + floor(b.ra * cardinality(pr.agency_codes))::int] AS agency_code,
              CASE WHEN b.rc < 0.02 THEN 'POSTAL'
                   WHEN b.rc < 0.02 + CASE WHEN pr.online_level = 'FULL' THEN 0.70 ELSE 0.45 END THEN 'ONLINE'
                   ELSE 'COUNTER' END AS channel,
              $3::int + 1 + floor(b.rd * ($4::int - $3::int))::int AS k_sub,
              (SELECT a.id FROM gen_app a WHERE a.k = 1 + floor(b.rw * $6::int)::int) AS applicant_id
         FROM b JOIN gen_proc pr ON b.rp >= pr.lo AND b.rp < pr.hi
     ),
     s AS (
       -- Online filings come in at any hour (a fifth after 17:00); the desk works 07:30-16:30.
       SELECT p.*, wk.day AS sub_day, (p.channel = 'ONLINE' AND p.rt < 0.2) AS after_hours,
              least(${instant(`wk.day + CASE WHEN p.channel = 'ONLINE' AND p.rt < 0.2
                                  THEN interval '17 hours' + p.rh * interval '5 hours'
                                  ELSE interval '7 hours 30 minutes' + p.rh * interval '9 hours' END`)},
                    date_trunc('milliseconds', $5::timestamptz - (1 + p.ry * 60) * interval '1 minute')) AS submitted_at
         FROM p JOIN gen_wk wk ON wk.k = p.k_sub
     ),
     r AS (
       SELECT s.*,
              (s.channel = 'ONLINE' AND s.rx < 0.03) AS refused,
              (s.channel = 'ONLINE' AND s.rx >= 0.03 AND s.rx < 0.045) AS withdrawing,
              CASE WHEN s.channel <> 'ONLINE' THEN s.submitted_at
                   WHEN s.after_hours THEN ${instant(`(SELECT day FROM gen_wk WHERE k = s.k_sub + 1)
                                                       + interval '8 hours' + s.ry * interval '2 hours'`)}
                   ELSE date_trunc('milliseconds', s.submitted_at + (10 + s.ry * 200) * interval '1 minute') END
                AS receipt_at
         FROM s
     ),
     e AS (
       -- The working day decisions are placed from (the receipt's); the due time itself, with its
       -- 17:00 cut-off, is dossierClock's, set in TypeScript afterwards (withTimeFacts).
       SELECT r.*, CASE WHEN r.after_hours THEN r.k_sub + 1 ELSE r.k_sub END AS k_eff
         FROM r
     ),
     t AS (
       SELECT e.*,
              CASE WHEN e.ro < 0.72 THEN CASE WHEN e.processing_days = 0 THEN 0
                                              ELSE floor(e.ro2 * e.processing_days)::int END
                   WHEN e.ro < 0.90 THEN e.processing_days
                   ELSE e.processing_days + 1 + floor(e.ro2 * 5)::int END AS dd
         FROM e
     ),
     c AS (
       SELECT t.*,
              greatest(${instant(`(SELECT day FROM gen_wk WHERE k = t.k_eff + t.dd)
                                   + interval '7 hours 45 minutes' + t.rs * interval '8 hours 30 minutes'`)},
                       t.receipt_at + interval '30 minutes') AS decision_at
         FROM t
     )
     SELECT c.id, c.i, c.procedure_code, c.procedure_version, c.sector_code, c.online_level, c.processing_days, c.fee,
            c.agency_code, c.channel, c.applicant_id, c.submitted_at, c.rq, c.rf, c.rf2, c.ru, c.rv, c.rs2,
            CASE
              WHEN c.refused THEN CASE WHEN c.receipt_at <= $5 THEN 'NOT_ACCEPTED' ELSE 'SUBMITTED' END
              WHEN c.receipt_at > $5 THEN 'SUBMITTED'
              WHEN c.withdrawing THEN CASE WHEN c.receipt_at + interval '2 hours' <= $5 THEN 'WITHDRAWN' ELSE 'RECEIVED' END
              WHEN c.decision_at > $5 THEN CASE WHEN c.rs2 < 0.15 THEN 'RECEIVED'
                                                WHEN c.rs2 < 0.25 THEN 'SUPPLEMENT_REQUESTED'
                                                WHEN c.rs2 < 0.80 THEN 'IN_PROCESSING'
                                                ELSE 'PENDING_APPROVAL' END
              WHEN c.decision_at + (1 + c.rf * 47) * interval '1 hour' <= $5 THEN 'RETURNED'
              WHEN c.rq < 0.08 THEN 'REJECTED'
              ELSE 'APPROVED' END AS status,
            CASE WHEN c.refused OR c.receipt_at > $5 THEN NULL ELSE c.receipt_at END AS received_at,
            CASE WHEN c.refused AND c.receipt_at <= $5 THEN c.receipt_at END AS refused_at,
            NULL::timestamptz AS due_at, NULL::text AS decided_outcome, NULL::int AS processing_working_days,
            CASE WHEN NOT c.refused AND NOT c.withdrawing AND c.decision_at <= $5 THEN c.decision_at END AS completed_at,
            CASE WHEN NOT c.refused AND NOT c.withdrawing AND c.decision_at + (1 + c.rf * 47) * interval '1 hour' <= $5
                 THEN date_trunc('milliseconds', c.decision_at + (1 + c.rf * 47) * interval '1 hour') END AS returned_at,
            CASE WHEN c.withdrawing THEN date_trunc('milliseconds', c.receipt_at + interval '2 hours') END AS withdrawn_at,
            c.receipt_at
       FROM c`,
    [o.seed, o.count, k0, k1, o.now, apps],
  );
  // Derived times of the intermediate steps, and the rating; "rejected" only for decided ones.
  await m.query(
    `CREATE TEMP TABLE gen_x ON COMMIT DROP AS
     SELECT d.*,
            d.status IN ('APPROVED', 'REJECTED', 'RETURNED') AS decided,
            (d.completed_at IS NOT NULL AND d.rq < 0.08) AS rejected,
            CASE WHEN d.completed_at IS NOT NULL
                 THEN date_trunc('milliseconds', d.received_at + (d.completed_at - d.received_at) * 0.15)
                 WHEN d.status IN ('IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL')
                 THEN date_trunc('milliseconds', d.received_at + ($1::timestamptz - d.received_at) * 0.3) END AS assign_at,
            CASE WHEN d.status = 'SUPPLEMENT_REQUESTED'
                 THEN date_trunc('milliseconds', d.received_at + ($1::timestamptz - d.received_at) * 0.5) END
              AS supplement_at,
            CASE WHEN d.completed_at IS NOT NULL
                 THEN date_trunc('milliseconds', d.received_at + (d.completed_at - d.received_at) * 0.8)
                 WHEN d.status = 'PENDING_APPROVAL'
                 THEN date_trunc('milliseconds', d.received_at + ($1::timestamptz - d.received_at) * 0.7) END AS sfa_at,
            CASE WHEN d.status = 'RETURNED' AND d.returned_at + interval '3 hours' <= $1
                      AND d.ru < CASE WHEN d.channel = 'ONLINE' THEN 0.35 ELSE 0.12 END
                 THEN CASE WHEN d.rv < 0.05 THEN 1 WHEN d.rv < 0.10 THEN 2 WHEN d.rv < 0.20 THEN 3
                           WHEN d.rv < 0.45 THEN 4 ELSE 5 END END AS score,
            st.rec_id, st.rec_name, st.off_id, st.off_name, st.apr_id, st.apr_name, a.full_name AS applicant_name
       FROM gen_d d
       LEFT JOIN gen_staff st ON st.agency_code = d.agency_code
       JOIN app_user a ON a.id = d.applicant_id`,
    [o.now],
  );
  await m.query(`CREATE UNIQUE INDEX ON gen_x (id)`);
}

/** The timeline of each dossier (gen_e), hash-chained level by level like eventHash. */
async function generateEvents(m: EntityManager): Promise<void> {
  const staff = (role: 'rec' | 'off' | 'apr', roleName: string) =>
    `x.${role}_id, '${roleName}', COALESCE(x.${role}_name, 'Cán bộ')`;
  const applicant = `x.applicant_id, 'CITIZEN', x.applicant_name`;
  await m.query(
    `CREATE TEMP TABLE gen_s ON COMMIT DROP AS
     WITH steps (dossier_id, step, type, from_status, to_status, actor_id, actor_role, actor_name, note, at) AS (
       SELECT x.id, 1, 'submit', 'DRAFT', 'SUBMITTED',
              -- The desk files a walk-in dossier for the applicant.
              CASE WHEN x.channel = 'COUNTER' THEN x.rec_id ELSE x.applicant_id END,
              CASE WHEN x.channel = 'COUNTER' THEN 'RECEPTIONIST' ELSE 'CITIZEN' END,
              CASE WHEN x.channel = 'COUNTER' THEN COALESCE(x.rec_name, 'Cán bộ') ELSE x.applicant_name END,
              CASE WHEN x.channel = 'COUNTER' THEN 'Nộp trực tiếp tại Bộ phận Một cửa' END, x.submitted_at
         FROM gen_x x
       UNION ALL
       SELECT x.id, 2, 'refuse', 'SUBMITTED', 'NOT_ACCEPTED', ${staff('rec', 'RECEPTIONIST')},
              'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan', x.refused_at
         FROM gen_x x WHERE x.refused_at IS NOT NULL
       UNION ALL
       SELECT x.id, 2, 'receive', 'SUBMITTED', 'RECEIVED', ${staff('rec', 'RECEPTIONIST')}, NULL, x.received_at
         FROM gen_x x WHERE x.received_at IS NOT NULL
       UNION ALL
       SELECT x.id, 3, 'withdraw', 'RECEIVED', 'WITHDRAWN', ${applicant}, NULL, x.withdrawn_at
         FROM gen_x x WHERE x.status = 'WITHDRAWN'
       UNION ALL
       SELECT x.id, 3, 'assign', 'RECEIVED', 'IN_PROCESSING', ${staff('off', 'OFFICER')}, NULL, x.assign_at
         FROM gen_x x WHERE x.assign_at IS NOT NULL
       UNION ALL
       SELECT x.id, 4, 'request_supplement', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', ${staff('off', 'OFFICER')},
              'Đề nghị bổ sung giấy tờ còn thiếu', x.supplement_at
         FROM gen_x x WHERE x.supplement_at IS NOT NULL
       UNION ALL
       SELECT x.id, 4, 'submit_for_approval', 'IN_PROCESSING', 'PENDING_APPROVAL', ${staff('off', 'OFFICER')},
              NULL, x.sfa_at
         FROM gen_x x WHERE x.sfa_at IS NOT NULL
       UNION ALL
       SELECT x.id, 5, CASE WHEN x.rejected THEN 'reject' ELSE 'approve' END, 'PENDING_APPROVAL',
              CASE WHEN x.rejected THEN 'REJECTED' ELSE 'APPROVED' END, ${staff('apr', 'APPROVER')},
              CASE WHEN x.rejected THEN 'Không đủ điều kiện theo quy định' END, x.completed_at
         FROM gen_x x WHERE x.completed_at IS NOT NULL
       UNION ALL
       SELECT x.id, 6, 'return_result', CASE WHEN x.rejected THEN 'REJECTED' ELSE 'APPROVED' END, 'RETURNED',
              ${staff('rec', 'RECEPTIONIST')}, NULL, x.returned_at
         FROM gen_x x WHERE x.status = 'RETURNED'
     )
     SELECT s.*, (row_number() OVER (PARTITION BY s.dossier_id ORDER BY s.step))::int AS seq
       FROM steps s`,
  );
  await m.query(`CREATE UNIQUE INDEX ON gen_s (dossier_id, seq)`);
  // eventHash: sha256 of the previous hash ('' for the first) then the event's canonical JSON
  // (keys sorted, `at` as ISO UTC with milliseconds), as audit/hash-chain.ts writes it.
  const json = `'{"actorId":' || COALESCE(to_json(e.actor_id::text)::text, 'null')
    || ',"actorRole":' || COALESCE(to_json(e.actor_role)::text, 'null')
    || ',"at":' || to_json(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
    || ',"dossierId":' || to_json(e.dossier_id::text)::text
    || ',"fromStatus":' || COALESCE(to_json(e.from_status)::text, 'null')
    || ',"note":' || COALESCE(to_json(e.note)::text, 'null')
    || ',"seq":' || e.seq
    || ',"toStatus":' || COALESCE(to_json(e.to_status)::text, 'null')
    || ',"type":' || to_json(e.type)::text || '}'`;
  const cols = `e.dossier_id, e.seq, e.type, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_name,
    e.note, e.at`;
  // One pass down each chain (a recursive CTE), seq 1 first.
  await m.query(
    `CREATE TEMP TABLE gen_e ON COMMIT DROP AS
     WITH RECURSIVE chain AS (
       SELECT ${cols}, NULL::text AS prev_hash, encode(sha256(convert_to(${json}, 'UTF8')), 'hex') AS hash
         FROM gen_s e WHERE e.seq = 1
       UNION ALL
       SELECT ${cols}, c.hash, encode(sha256(convert_to(c.hash || ${json}, 'UTF8')), 'hex')
         FROM chain c JOIN gen_s e ON e.dossier_id = c.dossier_id AND e.seq = c.seq + 1
     )
     SELECT * FROM chain`,
  );
  await m.query(`CREATE UNIQUE INDEX ON gen_e (dossier_id, seq)`);
}

/** Dossiers (with codes continuing each agency's daily sequence), events, ratings, code counters. */
async function writeAll(m: EntityManager): Promise<Omit<HistoryResult, 'summary'>> {
  await m.query(
    `CREATE TEMP TABLE gen_code ON COMMIT DROP AS
     SELECT x.id, x.agency_code, vn_local_date(x.submitted_at) AS day,
            COALESCE(s.last_seq, 0)
              + row_number() OVER (PARTITION BY x.agency_code, vn_local_date(x.submitted_at) ORDER BY x.submitted_at, x.id)
              AS seq
       FROM gen_x x
       LEFT JOIN dossier_code_seq s ON s.agency_code = x.agency_code AND s.day = vn_local_date(x.submitted_at)`,
  );
  const [{ dossiers }]: { dossiers: number }[] = await m.query(
    `WITH ins AS (
       INSERT INTO dossier (id, code, procedure_code, procedure_version, agency_code, applicant_id, channel, status,
         version, form_data, online_level, sector_code, processing_days, fee, fee_paid_at, fee_paid_online,
         fee_status, delivery_method,
         submitted_at, received_at, due_at, completed_at, returned_at, supplement_requested_at, assignee_id,
         decided_outcome, processing_working_days, end_to_end, digitised,
         last_event_seq, last_event_hash, created_at, updated_at)
       SELECT x.id, x.agency_code || '-' || to_char(c.day, 'YYMMDD') || '-' || lpad(c.seq::text, greatest(4, length(c.seq::text)), '0'),
              x.procedure_code, x.procedure_version, x.agency_code, x.applicant_id, x.channel, x.status,
              1 + last.seq, '{}'::jsonb, x.online_level, x.sector_code, x.processing_days, x.fee,
              CASE WHEN x.fee > 0 AND x.received_at IS NOT NULL THEN x.received_at END,
              CASE WHEN x.fee > 0 AND x.received_at IS NOT NULL THEN x.channel = 'ONLINE' AND x.rf2 < 0.75 END,
              -- The fee state the payment columns above imply (api.md, "Fees and online payment").
              CASE WHEN x.fee = 0 THEN 'NONE'
                   WHEN x.received_at IS NULL THEN 'UNPAID'
                   WHEN x.status IN ('WITHDRAWN', 'NOT_ACCEPTED') THEN 'REFUND_DUE'
                   ELSE 'PAID' END,
              CASE WHEN x.online_level = 'FULL' THEN 'ELECTRONIC' ELSE 'COUNTER' END,
              x.submitted_at, x.received_at, x.due_at, x.completed_at, x.returned_at, x.supplement_at,
              CASE WHEN x.assign_at IS NOT NULL THEN x.off_id END, x.decided_outcome, x.processing_working_days,
              -- Fixed at return as isEndToEnd / isDigitised (metrics.ts) would: FULL versions deliver a
              -- signed result electronically; online filings upload every required document; the fee
              -- is paid online exactly when fee_paid_online above is true.
              CASE WHEN x.returned_at IS NOT NULL
                   THEN x.channel = 'ONLINE' AND x.online_level = 'FULL' AND (x.fee = 0 OR x.rf2 < 0.75) END,
              CASE WHEN x.returned_at IS NOT NULL THEN x.channel = 'ONLINE' AND x.online_level = 'FULL' END,
              last.seq, last.hash, x.submitted_at - interval '20 minutes', last.at
         FROM gen_x x
         JOIN gen_code c ON c.id = x.id
         JOIN LATERAL (SELECT e.seq, e.hash, e.at FROM gen_e e WHERE e.dossier_id = x.id ORDER BY e.seq DESC LIMIT 1)
           AS last ON true
        ORDER BY x.submitted_at
       RETURNING 1)
     SELECT count(*)::int AS dossiers FROM ins`,
  );
  const [{ events }]: { events: number }[] = await m.query(
    `WITH ins AS (
       INSERT INTO dossier_event (dossier_id, seq, type, from_status, to_status, actor_id, actor_role, actor_name,
         note, at, prev_hash, hash)
       SELECT dossier_id, seq, type, from_status, to_status, actor_id, actor_role, actor_name, note, at, prev_hash, hash
         FROM gen_e ORDER BY dossier_id, seq
       RETURNING 1)
     SELECT count(*)::int AS events FROM ins`,
  );
  const [{ ratings }]: { ratings: number }[] = await m.query(
    `WITH ins AS (
       INSERT INTO dossier_rating (dossier_id, score, comment, at)
       SELECT id, score, NULL, returned_at + interval '3 hours' FROM gen_x WHERE score IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS ratings FROM ins`,
  );
  // The payment behind each paid fee (api.md, "Fees and online payment"): online through VNPay
  // (a gateway transaction number), else cash at the desk (a receipt number); confirmed at receipt.
  const [{ payments }]: { payments: number }[] = await m.query(
    `WITH ins AS (
       INSERT INTO payment (id, dossier_id, provider, amount, status, created_at, confirmed_at, gateway_txn_no,
         bank_code, response_code, receipt_no, created_by)
       SELECT gen_random_uuid(), d.id, CASE WHEN d.fee_paid_online THEN 'vnpay' ELSE 'counter' END, d.fee, 'PAID',
              d.fee_paid_at - interval '4 minutes', d.fee_paid_at,
              CASE WHEN d.fee_paid_online THEN (14000000 + x.i)::text END,
              CASE WHEN d.fee_paid_online THEN 'NCB' END, CASE WHEN d.fee_paid_online THEN '00' END,
              CASE WHEN NOT d.fee_paid_online THEN 'BL-' || to_char(d.fee_paid_at, 'YYMMDD') || '-' || x.i END,
              CASE WHEN NOT d.fee_paid_online THEN x.rec_id END
         FROM gen_x x JOIN dossier d ON d.id = x.id
        WHERE d.fee_paid_at IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS payments FROM ins`,
  );
  // The signed result of each decided FULL dossier (electronic delivery needs one at the decision,
  // api.md "Electronic results"), so endToEnd and digitised above rest on real rows. Signing
  // 100,000 PDFs would take hours and the bytes would say nothing: these rows are marked
  // `history` (no file behind them; downloading one is 404, verifying its code works), with a
  // hash that names no stored file, a fresh verification code (two random UUIDs: 244 random bits)
  // and the agency's signer as the dev PKI writes it (pki.ts subjectText).
  const [{ results }]: { results: number }[] = await m.query(
    `WITH ins AS (
       INSERT INTO dossier_result (id, dossier_id, file_name, size, sha256, original_sha256, signed, signed_at, signer,
         verification_code, uploaded_by, uploaded_at, history)
       SELECT gen_random_uuid(), d.id, 'ket-qua-' || d.code || '.pdf', 48000 + (x.i % 9000),
              encode(sha256(convert_to('history:' || d.id::text, 'UTF8')), 'hex'),
              encode(sha256(convert_to('history-original:' || d.id::text, 'UTF8')), 'hex'),
              true, d.completed_at, 'CN=' || a.name || ', O=' || a.code,
              rtrim(translate(encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
                                     'base64'), '+/', '-_'), '='),
              COALESCE(x.off_id, x.apr_id, x.applicant_id), x.sfa_at, true
         FROM gen_x x JOIN dossier d ON d.id = x.id JOIN agency a ON a.code = d.agency_code
        WHERE d.completed_at IS NOT NULL AND d.online_level = 'FULL'
       RETURNING 1)
     SELECT count(*)::int AS results FROM ins`,
  );
  // Later submissions on the same days continue after the generated codes (gap-free).
  await m.query(
    `INSERT INTO dossier_code_seq AS s (agency_code, day, last_seq)
     SELECT agency_code, day, max(seq) FROM gen_code GROUP BY 1, 2
     ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = greatest(s.last_seq, EXCLUDED.last_seq)`,
  );
  return { dossiers, events, ratings, payments, results };
}
