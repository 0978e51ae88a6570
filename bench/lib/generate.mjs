import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import {
  computeDueAt,
  decidedOutcome,
  END_OF_WORKING_DAY_HOUR,
  endOfWorkingDay,
  formatDossierCode,
  isDigitised,
  isEndToEnd,
  localDateKey,
  processingWorkingDays,
  WorkingCalendar,
  zoneOffsetMs,
} from '../../packages/shared/dist/index.js';
import { channel } from './channel.mjs';
import { copyFrom, copyValue as v } from './copy.mjs';
import { fullName, NAME_WORDS, rng, searchName, validFormData } from './form-data.mjs';
import { REPO_ROOT } from './paths.mjs';

const api = (p) => import(path.join(REPO_ROOT, 'apps/api/dist', p));

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
/** The zone's offset and the 17:00 cut-off, read once from the shared clock (dossier-clock.ts). */
const OFFSET = zoneOffsetMs(new Date());
const CUTOFF = END_OF_WORKING_DAY_HOUR * HOUR;
const BATCH = 2_000;

/** Generated citizens' national IDs: 0488 + 8 digits (the API's history generator uses 0489). */
const APPLICANT_PREFIX = '0488';

/**
 * @typedef {{
 *   count: number,
 *   now: Date,
 *   seed?: number,
 *   events?: boolean,
 *   log: (m: string) => void,
 * }} GenerateOptions
 */

/**
 * Fill a migrated, seeded database with `count` dossiers over the year up to `now`, written with
 * COPY … FROM STDIN (four streams at once: dossiers, timeline events, ratings, code counters),
 * after dropping the secondary indexes and foreign keys of the loaded tables (rebuilt afterwards,
 * as pg_restore does), then ANALYZE and the API's own summary rebuild (rebuildSummaries).
 *
 * Distributions (close to the API's history generator, in JS): procedures weighted by how short
 * they are (6/4/2/1 for ≤1, ≤3, ≤7, >7 working days), the agency uniform among the procedure's;
 * channel ONLINE 70 % for FULL procedures and 45 % for PARTIAL ones, 2 % POSTAL, else COUNTER;
 * online filings any day (a fifth of working-day filings after 17:00, weekends at a fifth of the
 * weekday rate), desk filings 07:30–16:30 on working days; 3 % of online filings refused, 1.5 %
 * withdrawn; 72 % decided early, 18 % on the due day, 10 % late; 8 % rejected; results returned
 * 1–48 h after the decision; a third of online applicants (an eighth of the others) rate the
 * service, mostly 4 and 5; fees paid at receipt, three quarters online for online filings.
 * Due dates by the shared computeDueAt over the holiday calendar; timelines hash-chained with the
 * API's eventHash, so the audit check passes on generated dossiers.
 *
 * @param {string} url
 * @param {GenerateOptions} o
 */
export async function generate(url, o) {
  const { eventHash: apiEventHash } = await api('modules/audit/hash-chain.js');
  const eventHash = checkedEventHash(apiEventHash);
  const r = rng(o.seed ?? 20261127);
  const withEvents = o.events !== false;
  const nowMs = o.now.getTime();
  const control = new pg.Client({ connectionString: url });
  await control.connect();
  const timings = {};
  try {
    const world = await loadWorld(control, r);
    const cal = calendarIndex(world.calendar, nowMs);
    selfCheck(cal, world.calendar, r);

    await checkSearchNames(control);

    // ---- drop what slows a bulk load ----
    const saved = await dropForLoad(control);
    o.log(`dropped ${saved.constraints.length} constraints and ${saved.indexes.length} indexes for the load`);

    // ---- applicants ----
    const applicantCount = Math.max(100, Math.ceil(o.count / 3));
    const applicants = new Array(applicantCount);
    const t0 = performance.now();
    const users = await withCopyClient(url, (c) =>
      copyFrom(
        c,
        `COPY app_user (id, username, national_id, full_name, date_of_birth, roles, created_at, updated_at) FROM STDIN`,
        (function* () {
          const from = new Date(nowMs - 400 * DAY).toISOString();
          let lines = '';
          for (let i = 0; i < applicantCount; i++) {
            const id = uuid(r);
            const nid = APPLICANT_PREFIX + String(i + 1).padStart(8, '0');
            const name = fullName(r);
            applicants[i] = { id, name, search: searchName(name) };
            const dob = new Date(Date.UTC(1950 + Math.floor(r() * 55), Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
            lines += `${id}\t${nid}\t${nid}\t${v(name)}\t${dob.toISOString().slice(0, 10)}\t{CITIZEN}\t${from}\t${from}\n`;
            if (lines.length > 256_000) {
              yield lines;
              lines = '';
            }
          }
          yield lines;
        })(),
      ),
    );
    timings.applicantsMs = performance.now() - t0;

    // ---- dossiers, events, ratings: three COPY streams fed by one generator ----
    const streams = {
      dossier: channel(6),
      event: channel(6),
      rating: channel(6),
    };
    const fail = (e) => {
      for (const s of Object.values(streams)) s.fail(e);
      throw e;
    };
    const copies = withCopyClients(url, 3, ([a, b, c]) =>
      Promise.all([
        copyFrom(
          a,
          `COPY dossier (id, code, procedure_code, procedure_version, agency_code, applicant_id, channel, status, version,
             form_data, online_level, sector_code, processing_days, fee, fee_paid_at, fee_paid_online, submitted_at,
             received_at, due_at, completed_at, returned_at, supplement_requested_at, assignee_id, last_event_seq,
             last_event_hash, created_at, updated_at, decided_outcome, processing_working_days, fee_status,
             delivery_method, end_to_end, digitised, applicant_name_search) FROM STDIN`,
          streams.dossier,
        ).catch((e) => fail(e)),
        copyFrom(
          b,
          `COPY dossier_event (dossier_id, seq, type, from_status, to_status, actor_id, actor_role, actor_name, note, at,
             prev_hash, hash) FROM STDIN`,
          streams.event,
        ).catch((e) => fail(e)),
        copyFrom(c, `COPY dossier_rating (dossier_id, score, comment, at) FROM STDIN`, streams.rating).catch((e) =>
          fail(e),
        ),
      ]),
    );
    // Handled below (after the producer stops); a failed COPY makes the producer's push throw.
    copies.catch(() => undefined);
    const t1 = performance.now();
    /** @type {Map<string, number>} agency|day → last sequence number */
    const seqs = new Map();
    const counts = { dossiers: 0, events: 0, ratings: 0, byStatus: /** @type {Record<string, number>} */ ({}) };
    const gen = dossierGenerator({ r, world, cal, nowMs, applicants, seqs, eventHash, withEvents });
    let lastLog = performance.now();
    for (;;) {
      const batch = gen.next(BATCH);
      if (!batch) break;
      counts.dossiers += batch.dossiers;
      counts.events += batch.events;
      counts.ratings += batch.ratings;
      for (const [k, n] of Object.entries(batch.byStatus)) counts.byStatus[k] = (counts.byStatus[k] ?? 0) + n;
      await streams.dossier.push(batch.dossierLines);
      if (batch.eventLines) await streams.event.push(batch.eventLines);
      if (batch.ratingLines) await streams.rating.push(batch.ratingLines);
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        const s = (lastLog - t1) / 1000;
        o.log(`  … ${counts.dossiers.toLocaleString('en')} dossiers in ${s.toFixed(0)} s`);
      }
      if (counts.dossiers >= o.count) break;
    }
    for (const s of Object.values(streams)) s.close();
    const [d, e, rt] = await copies;
    timings.copyMs = performance.now() - t1;
    const copiedBytes = d.bytes + e.bytes + rt.bytes + users.bytes;

    // Later submissions on the same days continue after the generated codes (gap-free).
    await withCopyClient(url, (c) =>
      copyFrom(
        c,
        `COPY dossier_code_seq (agency_code, day, last_seq) FROM STDIN`,
        [...seqs].map(([k, n]) => `${k.replace('|', '\t')}\t${n}\n`).join(''),
      ),
    );

    // ---- rebuild indexes and constraints, statistics, summary rows ----
    const t2 = performance.now();
    await restoreAfterLoad(control, saved);
    timings.indexesMs = performance.now() - t2;
    // VACUUM as well as ANALYZE: a loaded table is then in the state autovacuum keeps a live one
    // in (visibility map set), and autovacuum does not start on it during the measurements.
    const t3 = performance.now();
    for (const t of ['dossier', 'dossier_event', 'dossier_rating', 'app_user'])
      await control.query(`VACUUM (ANALYZE) ${t}`);
    await control.query('ANALYZE');
    timings.analyzeMs = performance.now() - t3;
    const t4 = performance.now();
    const summary = await rebuild(url);
    // Statistics of the rebuilt summary tables (autovacuum would take them later, or never where
    // it is off): the report queries' plans depend on them.
    const { rows: reportTables } = await control.query(
      `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'report\\_%'`,
    );
    for (const { t } of reportTables) await control.query(`ANALYZE ${t}`);
    timings.rebuildMs = performance.now() - t4;
    const sizes = await tableSizes(control);

    const rows = users.rows + d.rows + e.rows + rt.rows;
    return {
      dossiers: d.rows,
      events: e.rows,
      ratings: rt.rows,
      applicants: users.rows,
      byStatus: counts.byStatus,
      copy: {
        seconds: round(timings.copyMs / 1000 + timings.applicantsMs / 1000, 1),
        rows,
        rowsPerSec: Math.round(rows / ((timings.copyMs + timings.applicantsMs) / 1000)),
        dossiersPerSec: Math.round(d.rows / (timings.copyMs / 1000)),
        megabytes: round(copiedBytes / 1e6, 0),
        mbPerSec: round(copiedBytes / 1e6 / ((timings.copyMs + timings.applicantsMs) / 1000), 1),
      },
      indexesSeconds: round(timings.indexesMs / 1000, 1),
      vacuumAnalyzeSeconds: round(timings.analyzeMs / 1000, 1),
      summary: { ...summary, seconds: round(timings.rebuildMs / 1000, 1) },
      sizes,
    };
  } finally {
    await control.end();
  }
}

/** searchName must fold every word of a generated name exactly as the trigger's SQL does. */
async function checkSearchNames(c) {
  const { rows } = await c.query(`SELECT w, lower(f_unaccent(w)) AS folded FROM unnest($1::text[]) w`, [NAME_WORDS]);
  const wrong = rows.filter((x) => x.folded !== searchName(x.w));
  if (wrong.length) throw new Error(`searchName differs from lower(f_unaccent()): ${JSON.stringify(wrong)}`);
}

/** The API's summary rebuild (helper R's rebuildSummaries) on its own TypeORM data source. */
async function rebuild(url) {
  const { createDataSource } = await api('database/database.js');
  const { rebuildSummaries } = await api('modules/reports/summary-rebuild.js');
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    return await rebuildSummaries(ds);
  } finally {
    await ds.destroy();
  }
}

// ---------------------------------------------------------------------------------------------

/** The catalog, calendar and staff the generator draws from. */
async function loadWorld(c, r) {
  const { rows: procs } = await c.query(
    `SELECT pv.procedure_code AS code, pv.version, pv.sector_code AS "sectorCode", pv.online_level AS "onlineLevel",
            pv.processing_days AS "processingDays", pv.fee, pv.agency_codes AS "agencyCodes", pv.form_schema AS "formSchema"
       FROM procedure p JOIN procedure_version pv ON pv.procedure_code = p.code AND pv.version = p.current_version
      WHERE cardinality(pv.agency_codes) > 0
      ORDER BY p.code`,
  );
  if (!procs.length) throw new Error('No procedure with an agency: the demo catalog is missing');
  let total = 0;
  for (const p of procs) {
    p.weight = p.processingDays <= 1 ? 6 : p.processingDays <= 3 ? 4 : p.processingDays <= 7 ? 2 : 1;
    total += p.weight;
    // A pool of valid form data per procedure (validated once, reused: zod per row would dominate).
    p.forms = Array.from({ length: 32 }, () => JSON.stringify(validFormData(p.formSchema, r)));
  }
  let acc = 0;
  for (const p of procs) {
    acc += p.weight / total;
    p.hi = acc;
  }
  procs[procs.length - 1].hi = 1;
  const { rows: holidays } = await c.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM holiday`);
  const { rows: staff } = await c.query(
    `SELECT agency_code AS "agencyCode", roles[1] AS role, (array_agg(id ORDER BY id))[1] AS id,
            (array_agg(full_name ORDER BY id))[1] AS name
       FROM app_user WHERE agency_code IS NOT NULL AND cardinality(roles) = 1
      GROUP BY 1, 2`,
  );
  /** @type {Map<string, Record<string, { id: string, name: string }>>} */
  const staffByAgency = new Map();
  for (const s of staff) {
    const m = staffByAgency.get(s.agencyCode) ?? {};
    m[s.role] = { id: s.id, name: s.name };
    staffByAgency.set(s.agencyCode, m);
  }
  return { procs, calendar: new WorkingCalendar(holidays), staffByAgency };
}

/**
 * Day arithmetic over a precomputed working-day table (days since 1970, local): the shared
 * WorkingCalendar's rules, memoised, because it walks day by day and is called millions of times.
 */
function calendarIndex(calendar, nowMs) {
  const first = Math.floor((nowMs + OFFSET) / DAY) - 420;
  const last = first + 420 + 400;
  const working = new Uint8Array(last - first + 1);
  for (let d = first; d <= last; d++) working[d - first] = calendar.isWorkingDay(dayString(d)) ? 1 : 0;
  const isWorking = (d) => working[d - first] === 1;
  const next = (d) => {
    let x = d + 1;
    while (!isWorking(x)) x++;
    return x;
  };
  const addMemo = new Map();
  const add = (d, n) => {
    const key = d * 64 + n;
    let out = addMemo.get(key);
    if (out === undefined) {
      out = d;
      if (n === 0) while (!isWorking(out)) out++;
      else for (let left = n; left > 0;) if (isWorking(++out)) left--;
      addMemo.set(key, out);
    }
    return out;
  };
  const effective = (ms) => {
    const local = ms + OFFSET;
    const d = Math.floor(local / DAY);
    return isWorking(d) && local - d * DAY < CUTOFF ? d : next(d);
  };
  return {
    first,
    isWorking,
    add,
    effective,
    dueAt: (receivedMs, days) => add(effective(receivedMs), days) * DAY - OFFSET + CUTOFF,
    /** Working days in the year up to today, and every day (online filings come any day). */
    workingDays: (fromDay, toDay) => {
      const out = [];
      for (let d = fromDay; d <= toDay; d++) if (isWorking(d)) out.push(d);
      return out;
    },
  };
}

/** The fast due-date arithmetic must agree with the shared computeDueAt. */
function selfCheck(cal, calendar, r) {
  const base = Date.now() - 360 * DAY;
  for (let i = 0; i < 2000; i++) {
    const at = base + Math.floor(r() * 360 * DAY);
    const days = Math.floor(r() * 21);
    const mine = cal.dueAt(at, days);
    const theirs = computeDueAt(new Date(at), days, calendar).getTime();
    if (mine !== theirs) {
      throw new Error(`Generator due date differs from computeDueAt for ${new Date(at).toISOString()} + ${days}`);
    }
  }
  if (endOfWorkingDay('2026-01-02').getTime() !== Date.parse('2026-01-02T10:00:00Z')) {
    throw new Error('Unexpected endOfWorkingDay');
  }
}

function dayString(d) {
  return new Date(d * DAY).toISOString().slice(0, 10);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4 UUID from the seeded generator (repeatable data sets). */
function uuid(r) {
  const b = new Array(16);
  for (let i = 0; i < 16; i += 4) {
    const x = Math.floor(r() * 4294967296);
    b[i] = x & 255;
    b[i + 1] = (x >>> 8) & 255;
    b[i + 2] = (x >>> 16) & 255;
    b[i + 3] = x >>> 24;
  }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

const iso = (ms) => new Date(ms).toISOString();

const js = JSON.stringify;
const jn = (x) => (x === null || x === undefined ? 'null' : js(x));

/**
 * The API's eventHash (audit/hash-chain.ts: sha256 of the previous hash then the event's
 * canonical JSON, keys sorted) written out for the fixed key set: the generic canonicalJson costs
 * ~15 µs an event, which made hashing the bottleneck of the load. The first 5,000 events are
 * also hashed by the API's function and must agree.
 */
function checkedEventHash(apiEventHash) {
  let checked = 0;
  return (prevHash, e) => {
    const json =
      `{"actorId":${jn(e.actorId)},"actorRole":${jn(e.actorRole)},"at":${js(e.at)},"dossierId":${js(e.dossierId)},` +
      `"fromStatus":${jn(e.fromStatus)},"note":${jn(e.note)},"seq":${e.seq},"toStatus":${jn(e.toStatus)},"type":${js(e.type)}}`;
    const hash = createHash('sha256')
      .update(prevHash ?? '')
      .update(json)
      .digest('hex');
    if (checked < 5000) {
      checked++;
      if (apiEventHash(prevHash, e) !== hash) throw new Error(`Generator event hash differs from the API's: ${json}`);
    }
    return hash;
  };
}

/**
 * The per-dossier model. next(n) returns the COPY lines of the next n dossiers (with their events
 * and ratings), or null when asked to stop by the caller.
 */
function dossierGenerator({ r, world, cal, nowMs, applicants, seqs, eventHash, withEvents }) {
  const today = Math.floor((nowMs + OFFSET) / DAY);
  const fromDay = today - 364;
  const workdays = cal.workingDays(fromDay, today);
  const allDays = [];
  for (let d = fromDay; d <= today; d++) allDays.push(d);
  const pickProc = () => {
    const x = r();
    for (const p of world.procs) if (x < p.hi) return p;
    return world.procs[world.procs.length - 1];
  };
  const clampPast = (ms) => Math.min(ms, nowMs - (1 + Math.floor(r() * 60)) * MIN);

  function one() {
    const p = pickProc();
    const agency = p.agencyCodes[Math.floor(r() * p.agencyCodes.length)];
    const staff = world.staffByAgency.get(agency) ?? {};
    const rc = r();
    const channel = rc < 0.02 ? 'POSTAL' : rc < 0.02 + (p.onlineLevel === 'FULL' ? 0.7 : 0.45) ? 'ONLINE' : 'COUNTER';
    const applicant = applicants[Math.floor(r() * applicants.length)];

    // Submission: desk filings on working days in office hours; online ones any day, a fifth of
    // them after 17:00, non-working days at a fifth of the weekday rate.
    let day;
    if (channel === 'ONLINE') {
      do day = allDays[Math.floor(r() * allDays.length)];
      while (!cal.isWorking(day) && r() > 0.2);
    } else day = workdays[Math.floor(r() * workdays.length)];
    const afterHours = channel === 'ONLINE' && r() < 0.2;
    const startMs = day * DAY - OFFSET;
    const submitted = clampPast(afterHours ? startMs + CUTOFF + r() * 5 * HOUR : startMs + 7.5 * HOUR + r() * 9 * HOUR);

    // Receipt: at once at the desk; online within hours on a working day, else next working morning.
    let receipt;
    if (channel !== 'ONLINE') receipt = submitted;
    else if (cal.isWorking(day) && !afterHours && submitted - startMs < 16 * HOUR) {
      receipt = submitted + (10 + r() * 200) * MIN;
    } else {
      const nd = cal.add(day, 1);
      receipt = nd * DAY - OFFSET + 8 * HOUR + r() * 2 * HOUR;
    }
    receipt = Math.floor(receipt);
    const xr = r();
    const refused = channel === 'ONLINE' && xr < 0.03;
    const withdrawing = channel === 'ONLINE' && xr >= 0.03 && xr < 0.045;
    const receivedKnown = receipt <= nowMs;

    const due = cal.dueAt(receipt, p.processingDays);
    const start = cal.effective(receipt);
    const ro = r();
    const dd =
      ro < 0.72
        ? p.processingDays === 0
          ? 0
          : Math.floor(r() * p.processingDays)
        : ro < 0.9
          ? p.processingDays
          : p.processingDays + 1 + Math.floor(r() * 5);
    const decision = Math.floor(
      Math.max(cal.add(start, dd) * DAY - OFFSET + 7.75 * HOUR + r() * 8.5 * HOUR, receipt + 30 * MIN),
    );
    const returnedAtCandidate = Math.floor(decision + (1 + r() * 47) * HOUR);
    const rejected = r() < 0.08;

    let status;
    let receivedAt = null;
    let dueAt = null;
    let completedAt = null;
    let returnedAt = null;
    let supplementAt = null;
    let refusedAt = null;
    let withdrawnAt = null;
    if (refused) {
      status = receivedKnown ? 'NOT_ACCEPTED' : 'SUBMITTED';
      if (receivedKnown) refusedAt = receipt;
    } else if (!receivedKnown) status = 'SUBMITTED';
    else {
      receivedAt = receipt;
      dueAt = due;
      if (withdrawing) {
        if (receipt + 2 * HOUR <= nowMs) {
          status = 'WITHDRAWN';
          withdrawnAt = receipt + 2 * HOUR;
        } else status = 'RECEIVED';
      } else if (decision > nowMs) {
        const s = r();
        status =
          s < 0.15 ? 'RECEIVED' : s < 0.25 ? 'SUPPLEMENT_REQUESTED' : s < 0.8 ? 'IN_PROCESSING' : 'PENDING_APPROVAL';
        if (status === 'SUPPLEMENT_REQUESTED') supplementAt = Math.floor(receipt + (nowMs - receipt) * 0.5);
      } else {
        completedAt = decision;
        if (returnedAtCandidate <= nowMs) {
          status = 'RETURNED';
          returnedAt = returnedAtCandidate;
        } else status = rejected ? 'REJECTED' : 'APPROVED';
      }
    }
    const decided = completedAt !== null;
    const assigned = decided || ['IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL'].includes(status);
    const assignAt = decided
      ? Math.floor(receipt + (completedAt - receipt) * 0.15)
      : assigned
        ? Math.floor(receipt + (nowMs - receipt) * 0.3)
        : null;
    const sfaAt = decided
      ? Math.floor(receipt + (completedAt - receipt) * 0.8)
      : status === 'PENDING_APPROVAL'
        ? Math.floor(receipt + (nowMs - receipt) * 0.7)
        : null;

    // Timeline, in order: [type, from, to, actor, role, note, at].
    const rec = staff.RECEPTIONIST ?? null;
    const off = staff.OFFICER ?? null;
    const apr = staff.APPROVER ?? null;
    const citizen = { id: applicant.id, name: applicant.name };
    const steps = [];
    steps.push(
      channel === 'COUNTER'
        ? ['submit', 'DRAFT', 'SUBMITTED', rec, 'RECEPTIONIST', 'Nộp trực tiếp tại Bộ phận Một cửa', submitted]
        : ['submit', 'DRAFT', 'SUBMITTED', citizen, 'CITIZEN', null, submitted],
    );
    if (refusedAt !== null) {
      steps.push([
        'refuse',
        'SUBMITTED',
        'NOT_ACCEPTED',
        rec,
        'RECEPTIONIST',
        'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan',
        refusedAt,
      ]);
    }
    if (receivedAt !== null) steps.push(['receive', 'SUBMITTED', 'RECEIVED', rec, 'RECEPTIONIST', null, receivedAt]);
    if (withdrawnAt !== null) steps.push(['withdraw', 'RECEIVED', 'WITHDRAWN', citizen, 'CITIZEN', null, withdrawnAt]);
    if (assignAt !== null) steps.push(['assign', 'RECEIVED', 'IN_PROCESSING', off, 'OFFICER', null, assignAt]);
    if (supplementAt !== null) {
      steps.push([
        'request_supplement',
        'IN_PROCESSING',
        'SUPPLEMENT_REQUESTED',
        off,
        'OFFICER',
        'Đề nghị bổ sung giấy tờ còn thiếu',
        supplementAt,
      ]);
    }
    if (sfaAt !== null)
      steps.push(['submit_for_approval', 'IN_PROCESSING', 'PENDING_APPROVAL', off, 'OFFICER', null, sfaAt]);
    if (decided) {
      const to = rejected ? 'REJECTED' : 'APPROVED';
      const note = rejected ? 'Không đủ điều kiện theo quy định' : null;
      steps.push([rejected ? 'reject' : 'approve', 'PENDING_APPROVAL', to, apr, 'APPROVER', note, completedAt]);
      if (returnedAt !== null) steps.push(['return_result', to, 'RETURNED', rec, 'RECEPTIONIST', null, returnedAt]);
    }
    const id = uuid(r);
    const key = `${agency}|${localDateKey(new Date(submitted))}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const code = formatDossierCode(agency, new Date(submitted), seq);

    let prevHash = null;
    let events = '';
    for (let i = 0; i < steps.length; i++) {
      const [type, from, to, actor, role, note, at] = steps[i];
      const atIso = iso(at);
      const hash = withEvents
        ? eventHash(prevHash, {
            dossierId: id,
            seq: i + 1,
            type,
            fromStatus: from,
            toStatus: to,
            actorId: actor?.id ?? null,
            actorRole: role,
            note,
            at: atIso,
          })
        : null;
      if (withEvents) {
        events += `${id}\t${i + 1}\t${type}\t${from}\t${to}\t${v(actor?.id)}\t${role}\t${v(actor?.name ?? 'Cán bộ')}\t${v(note)}\t${atIso}\t${v(prevHash)}\t${hash}\n`;
      }
      prevHash = hash;
    }
    const lastAt = steps[steps.length - 1][6];
    const paid = p.fee > 0 && receivedAt !== null;
    const feePaidOnline = paid ? channel === 'ONLINE' && r() < 0.75 : null;
    const assignee = assigned && off ? off.id : null;
    // Fee state, delivery and the return-time figures as the API fixes them (metrics.ts isEndToEnd):
    // FULL versions deliver a signed result electronically; online filings upload every required document.
    const feeStatus =
      p.fee === 0
        ? 'NONE'
        : !paid
          ? 'UNPAID'
          : status === 'WITHDRAWN' || status === 'NOT_ACCEPTED'
            ? 'REFUND_DUE'
            : 'PAID';
    const deliveryMethod = p.onlineLevel === 'FULL' ? 'ELECTRONIC' : 'COUNTER';
    const returnFacts = {
      channel,
      onlineLevel: p.onlineLevel,
      feeStatus,
      feePaidOnline,
      deliveryMethod,
      resultSigned: p.onlineLevel === 'FULL',
      requiredDocumentsStored: channel === 'ONLINE',
    };
    const figures =
      returnedAt === null
        ? '\\N\t\\N'
        : `${isEndToEnd(returnFacts) ? 't' : 'f'}\t${isDigitised(returnFacts) ? 't' : 'f'}`;
    const form = p.forms[Math.floor(r() * p.forms.length)];
    // The decision's time facts, as the API's transition writes them: by dossierClock, not SQL.
    const facts = decided
      ? `${decidedOutcome(new Date(completedAt), new Date(dueAt))}\t` +
        `${processingWorkingDays(new Date(receivedAt), new Date(completedAt), world.calendar)}`
      : '\\N\t\\N';
    const line =
      `${id}\t${code}\t${p.code}\t${p.version}\t${agency}\t${applicant.id}\t${channel}\t${status}\t${1 + steps.length}\t` +
      `${v(form)}\t${p.onlineLevel}\t${p.sectorCode}\t${p.processingDays}\t${p.fee}\t` +
      `${paid ? iso(receivedAt) : '\\N'}\t${feePaidOnline === null ? '\\N' : feePaidOnline ? 't' : 'f'}\t${iso(submitted)}\t` +
      `${receivedAt === null ? '\\N' : iso(receivedAt)}\t${dueAt === null ? '\\N' : iso(dueAt)}\t` +
      `${completedAt === null ? '\\N' : iso(completedAt)}\t${returnedAt === null ? '\\N' : iso(returnedAt)}\t` +
      `${supplementAt === null ? '\\N' : iso(supplementAt)}\t${v(assignee)}\t${withEvents ? steps.length : 0}\t${v(prevHash)}\t` +
      `${iso(submitted - 20 * MIN)}\t${iso(lastAt)}\t${facts}\t${feeStatus}\t${deliveryMethod}\t${figures}\t` +
      `${v(applicant.search)}\n`;

    let rating = '';
    if (status === 'RETURNED' && returnedAt + 3 * HOUR <= nowMs && r() < (channel === 'ONLINE' ? 0.35 : 0.12)) {
      const x = r();
      const score = x < 0.05 ? 1 : x < 0.1 ? 2 : x < 0.2 ? 3 : x < 0.45 ? 4 : 5;
      rating = `${id}\t${score}\t\\N\t${iso(returnedAt + 3 * HOUR)}\n`;
    }
    return { line, events, eventCount: withEvents ? steps.length : 0, rating, status };
  }

  return {
    /** @param {number} n */
    next(n) {
      let dossierLines = '';
      let eventLines = '';
      let ratingLines = '';
      let events = 0;
      let ratings = 0;
      /** @type {Record<string, number>} */
      const byStatus = {};
      for (let i = 0; i < n; i++) {
        const d = one();
        dossierLines += d.line;
        eventLines += d.events;
        events += d.eventCount;
        if (d.rating) {
          ratingLines += d.rating;
          ratings++;
        }
        byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
      }
      return { dossiers: n, events, ratings, dossierLines, eventLines, ratingLines, byStatus };
    },
  };
}

// ---------------------------------------------------------------------------------------------

const LOADED_TABLES = ['dossier', 'dossier_event', 'dossier_rating', 'attachment'];

/**
 * Drop the loaded tables' constraints (primary and unique keys, foreign keys, in or out) and
 * secondary indexes, plus app_user's non-unique secondary indexes, remembering their definitions.
 */
async function dropForLoad(c) {
  const { rows: constraints } = await c.query(
    `SELECT conrelid::regclass::text AS "table", conname AS name, contype AS type,
            pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f')
        AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))
      ORDER BY CASE contype WHEN 'f' THEN 0 ELSE 1 END, conname`,
    [LOADED_TABLES],
  );
  const { rows: indexes } = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')
      WHERE k.oid IS NULL
        AND (i.indrelid::regclass::text = ANY($1) OR (i.indrelid::regclass::text = 'app_user' AND NOT i.indisunique))
      ORDER BY 1`,
    [LOADED_TABLES],
  );
  for (const k of constraints) await c.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  // The dossier's insert trigger looks its applicant's name up one row at a time: the COPY carries
  // the name instead (searchName, checked against the database by checkSearchNames).
  await c.query(`ALTER TABLE dossier DISABLE TRIGGER USER`);
  return { constraints, indexes };
}

async function restoreAfterLoad(c, saved) {
  await c.query(`SET maintenance_work_mem = '1GB'`);
  const keys = saved.constraints.filter((k) => k.type !== 'f');
  const fks = saved.constraints.filter((k) => k.type === 'f');
  for (const k of keys) await c.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`);
  for (const i of saved.indexes) await c.query(i.def);
  for (const k of fks) await c.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`);
  await c.query(`ALTER TABLE dossier ENABLE TRIGGER USER`);
  await c.query(`RESET maintenance_work_mem`);
}

async function tableSizes(c) {
  const { rows } = await c.query(
    `SELECT relname AS "table", pg_total_relation_size(oid) AS bytes, pg_relation_size(oid) AS heap
       FROM pg_class WHERE relname = ANY($1) ORDER BY 1`,
    [['dossier', 'dossier_event', 'dossier_rating', 'app_user', 'report_daily', 'report_open']],
  );
  return Object.fromEntries(
    rows.map((x) => [
      x.table,
      { totalMB: Math.round(Number(x.bytes) / 1048576), heapMB: Math.round(Number(x.heap) / 1048576) },
    ]),
  );
}

async function withCopyClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function withCopyClients(url, n, fn) {
  const cs = [];
  try {
    for (let i = 0; i < n; i++) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      cs.push(c);
    }
    return await fn(cs);
  } finally {
    for (const c of cs) await c.end();
  }
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
