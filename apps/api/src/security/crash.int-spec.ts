import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { parseDossierCode } from '@motcua/shared';
import { withDatabase } from '../database/database.js';
import { buildProcedureInput } from '../modules/catalog/catalog.factories.js';
import { VALID_FORM } from '../modules/dossiers/dossiers.factories.js';
import { callApi, created, login, type Answer } from '../test/api-process.js';
import { randomNationalId } from '../test/auth-helpers.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { SECURITY_PASS } from './security-pass.js';

/**
 * kill -9 during submissions (issue 12's attack suite): the built API (dist/main.js) runs as a child
 * process; a stream of submits is fired at it and the node process is SIGKILLed mid-way, then started
 * again on the same data. Expected: a clean restart (healthy, by itself), 0 partial dossiers (every
 * SUBMITTED one has its code, its timeline event and its outbox row, in one transaction; a DRAFT has
 * none of them), 0 acknowledged submissions lost, and codes still gap-free. Each replayed submit then
 * gets the answer it would have got (same Idempotency-Key, same answer).
 *
 * Needs `npx turbo run build` first (turbo's API test task depends on it).
 */

jest.setTimeout(SECURITY_PASS.full ? 900_000 : 240_000);

const DIST_MAIN = path.resolve(__dirname, '../../dist/main.js');
const ADMIN_PASSWORD = 'Crash-Test-Quasar-7719!';
const CITIZEN_PASSWORD = 'Lantern-Orbit-5523!';
/** The embedded cluster's superuser (database/embedded-postgres.ts). */
const EMBEDDED_SUPERUSER = 'postgres:motcua';

/** How many drafts are submitted per kill, and how many kills: heavier in `npm run test:security`. */
const SUBMITS_PER_KILL = SECURITY_PASS.full ? 150 : 40;
const KILLS = SECURITY_PASS.full ? 3 : 1;
const CONCURRENCY = 8;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A running `node dist/main.js` and what it printed. */
class ApiProcess {
  readonly output: string[] = [];
  /** Kept apart from the log, which is trimmed: a long run pushes the start-up line out of it. */
  private pg: { port: number; dir: string } | null = null;
  private listening = false;
  exited: { code: number | null; signal: string | null } | null = null;
  private readonly exit: Promise<void>;

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString('utf8').split('\n').filter(Boolean);
      for (const line of lines) {
        const m = /Embedded PostgreSQL on port (\d+) \(data in (.+?)\)/.exec(line);
        if (m) this.pg = { port: Number(m[1]), dir: m[2] };
        if (line.includes('MotCua is ready')) this.listening = true;
      }
      this.output.push(...lines);
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve();
      }),
    );
  }

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [DIST_MAIN], {
      cwd: path.dirname(DIST_MAIN),
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? os.tmpdir(),
        TMPDIR: os.tmpdir(),
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DEMO_DATA: 'false',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'log',
        NO_COLOR: '1',
        WEB_DIST: '/nonexistent',
        // The outbox rows are part of what is checked: no worker consumes them during the test.
        JOBS_ENABLED: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child, port);
  }

  log(): string {
    return this.output.slice(-60).join('\n');
  }

  /** True once GET /health answers `{status: ok, db: ok}`; false if the process died or 60 s passed. */
  async healthy(): Promise<boolean> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !this.exited) {
      // Only once this process says it listens: the port was free when chosen, but another test
      // file's server may have taken it since, and its health would pass for ours.
      const res = this.listening ? await callApi(this.port, 'GET', '/health').catch(() => null) : null;
      if (res?.status === 200 && (res.body as { status?: string; db?: string }).db === 'ok') return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  }

  async kill9(): Promise<void> {
    if (!this.exited) this.child.kill('SIGKILL');
    await this.exit;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exit;
    clearTimeout(timer);
  }

  /** The embedded cluster's port and folder, from the start-up line `Embedded PostgreSQL on port N (data in DIR)`. */
  embedded(): { port: number; dir: string } | null {
    return this.pg;
  }
}

interface Sent {
  id: string;
  key: string;
  /** The answer, or null when the connection died first (the outcome is unknown to the client). */
  answer: Answer | null;
}

/** A world made through the public API only: an agency, a procedure without documents, a citizen. */
interface Scenario {
  agencyCode: string;
  procedureCode: string;
  nationalId: string;
  drafts: string[];
  sent: Sent[];
}

async function setUp(api: ApiProcess): Promise<Scenario> {
  const admin = { authorization: await login(api.port, 'admin', ADMIN_PASSWORD) };
  const suffix = randomUUID().slice(0, 4).toUpperCase();
  const agencyCode = `999.40.${suffix}.H17`;
  const sectorCode = `CRASH_${suffix}`;
  await created(
    callApi(api.port, 'POST', '/admin/sectors', { code: sectorCode, name: 'Lĩnh vực thử' }, admin),
    'sector',
  );
  await created(
    callApi(api.port, 'POST', '/admin/agencies', { code: agencyCode, name: 'Phường Thử', level: 'WARD' }, admin),
    'agency',
  );
  const procedure = buildProcedureInput({ sectorCode, agencyCodes: [agencyCode], requiredDocuments: [], fee: 0 });
  await created(callApi(api.port, 'POST', '/admin/procedures', procedure, admin), 'procedure');
  const nationalId = randomNationalId();
  await created(
    callApi(api.port, 'POST', '/auth/register', {
      nationalId,
      fullName: 'Trần Thị Thử Nghiệm',
      dateOfBirth: '1988-04-09',
      email: `crash.${nationalId}@example.vn`,
      password: CITIZEN_PASSWORD,
    }),
    'register',
  );
  return { agencyCode, procedureCode: procedure.code, nationalId, drafts: [], sent: [] };
}

async function createDrafts(api: ApiProcess, s: Scenario, n: number): Promise<string[]> {
  const citizen = { authorization: await login(api.port, s.nationalId, CITIZEN_PASSWORD) };
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await created(
      callApi(api.port, 'POST', '/dossiers', { procedureCode: s.procedureCode, formData: VALID_FORM }, citizen),
      'draft',
    );
    ids.push((res.body as { id: string }).id);
  }
  s.drafts.push(...ids);
  return ids;
}

/** Submits `ids` CONCURRENCY at a time and SIGKILLs the API once half of them are acknowledged. */
async function submitAndKill(api: ApiProcess, s: Scenario, ids: string[]): Promise<void> {
  const citizen = { authorization: await login(api.port, s.nationalId, CITIZEN_PASSWORD) };
  const queue = [...ids];
  let acknowledged = 0;
  let killing: Promise<void> | null = null;
  const worker = async () => {
    while (queue.length && !killing) {
      const id = queue.shift()!;
      const sent: Sent = { id, key: randomUUID(), answer: null };
      s.sent.push(sent);
      sent.answer = await callApi(
        api.port,
        'POST',
        `/dossiers/${id}/submit`,
        {},
        { ...citizen, 'idempotency-key': sent.key },
      ).catch(() => null);
      if (sent.answer?.status === 200 && ++acknowledged >= ids.length / 2) killing ??= api.kill9();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await (killing ?? api.kill9());
}

interface DossierRow {
  id: string;
  status: string;
  code: string | null;
  submitted: boolean;
  submitEvents: number;
  outbox: number;
}

async function readDossiers(dbUrl: string, nationalId: string): Promise<DossierRow[]> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<DossierRow>(
      `SELECT d.id, d.status, d.code, d.submitted_at IS NOT NULL AS submitted,
              (SELECT count(*)::int FROM dossier_event e
                 WHERE e.dossier_id = d.id AND e.type = 'submit' AND e.to_status = 'SUBMITTED') AS "submitEvents",
              (SELECT count(*)::int FROM outbox o
                 WHERE o.payload->>'dossierId' = d.id::text AND o.payload->>'toStatus' = 'SUBMITTED') AS outbox
         FROM dossier d JOIN app_user u ON u.id = d.applicant_id
        WHERE u.national_id = $1`,
      [nationalId],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/** Dossiers whose submission is half there: a SUBMITTED without its code, event or outbox row, or a DRAFT with any. */
function partial(rows: DossierRow[]): string[] {
  return rows
    .filter((d) =>
      d.status === 'DRAFT'
        ? d.code !== null || d.submitted || d.submitEvents !== 0 || d.outbox !== 0
        : d.code === null || !d.submitted || d.submitEvents !== 1 || d.outbox < 1,
    )
    .map((d) => JSON.stringify(d));
}

/** Per agency and day, the sequence numbers must be 1..n with no gap and no repeat. */
function codeGaps(codes: string[]): string[] {
  const byDay = new Map<string, number[]>();
  for (const c of codes) {
    const p = parseDossierCode(c);
    if (!p) return [`unparseable code ${c}`];
    const k = `${p.agencyCode} ${p.dateKey}`;
    byDay.set(k, [...(byDay.get(k) ?? []), p.seq]);
  }
  const out: string[] = [];
  for (const [k, seqs] of byDay) {
    seqs.sort((a, b) => a - b);
    if (seqs.some((s, i) => s !== i + 1)) out.push(`${k}: ${seqs.join(',')}`);
  }
  return out;
}

/**
 * The scenario on one deployment: start, (submit + kill -9 + restart) KILLS times, check after each
 * restart, then replay every submit with its key and submit the rest.
 */
async function crashScenario(
  env: Record<string, string>,
  dbUrlOf: (api: ApiProcess) => string,
  track: (api: ApiProcess) => void,
): Promise<{ acknowledged: number; unknown: number; submitted: number }> {
  let api = await ApiProcess.start(env);
  track(api);
  const up = await api.healthy();
  expect({ firstStart: up, log: up ? '' : api.log() }).toEqual({ firstStart: true, log: '' });
  const s = await setUp(api);

  for (let round = 1; round <= KILLS; round++) {
    const ids = await createDrafts(api, s, SUBMITS_PER_KILL);
    await submitAndKill(api, s, ids);
    expect(api.exited?.signal).toBe('SIGKILL');

    api = await ApiProcess.start(env);
    track(api);
    const healthy = await api.healthy();
    // A clean restart: up by itself on the same data, nobody stopping leftovers by hand.
    expect({ round, restarted: healthy, log: healthy ? '' : api.log() }).toEqual({ round, restarted: true, log: '' });

    const rows = await readDossiers(dbUrlOf(api), s.nationalId);
    const byId = new Map(rows.map((d) => [d.id, d]));
    expect({ round, partial: partial(rows) }).toEqual({ round, partial: [] });
    const lost = s.sent
      .filter((x) => x.answer?.status === 200)
      .filter((x) => byId.get(x.id)?.code !== (x.answer!.body as { code: string }).code)
      .map((x) => x.id);
    expect({ round, acknowledgedLost: lost }).toEqual({ round, acknowledgedLost: [] });
    expect({ round, gaps: codeGaps(rows.flatMap((d) => (d.code ? [d.code] : []))) }).toEqual({ round, gaps: [] });
  }

  // Replays after the crash: the acknowledged get their answer again, the unknown ones complete once.
  const citizen = { authorization: await login(api.port, s.nationalId, CITIZEN_PASSWORD) };
  const wrongReplays: string[] = [];
  for (const x of s.sent) {
    const res = await callApi(
      api.port,
      'POST',
      `/dossiers/${x.id}/submit`,
      {},
      { ...citizen, 'idempotency-key': x.key },
    );
    if (
      res.status !== 200 ||
      (x.answer?.status === 200 && JSON.stringify(res.body) !== JSON.stringify(x.answer.body))
    ) {
      wrongReplays.push(`${x.id}: ${res.status} ${JSON.stringify(res.body)} (before: ${JSON.stringify(x.answer)})`);
    }
  }
  expect(wrongReplays).toEqual([]);
  const sentIds = new Set(s.sent.map((x) => x.id));
  for (const id of s.drafts.filter((d) => !sentIds.has(d))) {
    const res = await callApi(
      api.port,
      'POST',
      `/dossiers/${id}/submit`,
      {},
      { ...citizen, 'idempotency-key': randomUUID() },
    );
    expect({ id, status: res.status }).toEqual({ id, status: 200 });
  }

  const rows = await readDossiers(dbUrlOf(api), s.nationalId);
  expect(rows.filter((d) => d.status !== 'SUBMITTED').map((d) => d.id)).toEqual([]);
  expect(rows).toHaveLength(s.drafts.length);
  expect(partial(rows)).toEqual([]);
  expect(codeGaps(rows.map((d) => d.code!))).toEqual([]);
  // The timeline's chain of each dossier still checks out after the crash.
  const admin = { authorization: await login(api.port, 'admin', ADMIN_PASSWORD) };
  for (const d of rows.slice(0, 20)) {
    const audit = await callApi(api.port, 'GET', `/dossiers/${d.id}/audit`, undefined, admin);
    expect({ id: d.id, status: audit.status, valid: (audit.body as { valid?: boolean }).valid }).toEqual({
      id: d.id,
      status: 200,
      valid: true,
    });
  }
  await api.stop();
  return {
    acknowledged: s.sent.filter((x) => x.answer?.status === 200).length,
    unknown: s.sent.filter((x) => x.answer === null).length,
    submitted: rows.length,
  };
}

describe('kill -9 during submissions', () => {
  beforeAll(() => {
    if (!existsSync(DIST_MAIN)) throw new Error(`${DIST_MAIN} is missing: run \`npx turbo run build\` first`);
  });

  describe('on a PostgreSQL server of its own (DATABASE_URL)', () => {
    let db: TestDatabase;
    let dataDir: string;
    const apis: ApiProcess[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
    });
    afterAll(async () => {
      for (const a of apis) await a.kill9();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses no acknowledged submission, leaves none half-done and restarts cleanly', async () => {
      const figures = await crashScenario(
        { DATABASE_URL: db.url, DATA_DIR: dataDir },
        () => db.url,
        (a) => apis.push(a),
      );
      expect(figures.acknowledged).toBeGreaterThanOrEqual((SUBMITS_PER_KILL / 2) * KILLS);
      console.log(`crash (DATABASE_URL): ${JSON.stringify({ kills: KILLS, ...figures })}`);
    });
  });

  describe('on the embedded PostgreSQL of a fresh data folder (npm start’s default)', () => {
    let dataDir: string;
    const apis: ApiProcess[] = [];

    beforeAll(() => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
      chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` when we are root
    });
    afterAll(async () => {
      for (const a of apis) await a.kill9();
      // A postmaster left by a launcher we killed is ours to stop (by its pid, from its lock file).
      const dirs = new Set([path.join(dataDir, 'pg'), ...apis.flatMap((a) => a.embedded()?.dir ?? [])]);
      for (const dir of dirs) await stopOrphanPostmaster(dir);
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('recovers the orphaned embedded server by itself after kill -9, with nothing lost or half-done', async () => {
      const figures = await crashScenario(
        { DATA_DIR: dataDir },
        (api) => {
          const pg = api.embedded();
          if (!pg) throw new Error(`no "Embedded PostgreSQL on port" line in the API's log:\n${api.log()}`);
          return withDatabase(`postgres://${EMBEDDED_SUPERUSER}@127.0.0.1:${pg.port}/postgres`, 'motcua');
        },
        (a) => apis.push(a),
      );
      console.log(`crash (embedded): ${JSON.stringify({ kills: KILLS, ...figures })}`);
    });
  });
});

async function stopOrphanPostmaster(dir: string): Promise<void> {
  const lock = path.join(dir, 'postmaster.pid');
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 1) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGQUIT'); // immediate shutdown: the data folder is deleted next
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}
