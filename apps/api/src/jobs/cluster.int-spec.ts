import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { VALID_FORM } from '../modules/dossiers/dossiers.factories.js';
import {
  ApiProcess,
  callApi,
  createApiWorld,
  createDraft,
  login,
  openSse,
  probeLines,
  sendJob,
  TEST_CITIZEN_PASSWORD,
  until,
  type ApiWorld,
} from '../test/api-process.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { CRON_PROBE, SLOW_PROBE } from './test-probes.js';

/**
 * Two API processes (the built dist/main.js) on one database, as `npm run start:cluster` and
 * compose run them (docs/architecture.md "Several API processes"). Each is addressed on its own
 * port so that "through A, seen on B" is certain. Bounded: about a minute.
 */
jest.setTimeout(150_000);

/** Fast queue settings: cron checked every second, dead jobs found within a second. */
const JOBS_ENV = { JOBS_POLL_SECONDS: '0.5', JOBS_MAINTENANCE_SECONDS: '1', JOBS_CRON_SECONDS: '1' };

describe('two API processes on one database', () => {
  let db: TestDatabase;
  let dir: string;
  let log: string;
  let a: ApiProcess;
  let b: ApiProcess;
  let w: ApiWorld;
  let startedAt: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cluster-'));
    log = path.join(dir, 'probes.log');
    // One data folder, as the cluster's workers share: the same development secrets.
    const env = { ...JOBS_ENV, JOBS_TEST_PROBE_LOG: log };
    startedAt = Date.now();
    [a, b] = await Promise.all([
      ApiProcess.start(db, path.join(dir, 'data'), env),
      ApiProcess.start(db, path.join(dir, 'data'), env),
    ]);
    w = await createApiWorld(a.port);
  });
  afterAll(async () => {
    await Promise.all([a?.kill9(), b?.kill9()]);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pushes a change made through A to a live feed connected to B', async () => {
    const feed = await openSse(b.port, '/reports/live', w.admin);
    await until(() => (feed.events.length ? true : undefined), 20_000, 'the first summary on B');
    const before = feed.events.length;
    const citizen = await login(a.port, w.nationalId, TEST_CITIZEN_PASSWORD);
    const id = await createDraft(a.port, w, citizen, VALID_FORM);
    const submit = await callApi(
      a.port,
      'POST',
      `/dossiers/${id}/submit`,
      {},
      { authorization: citizen, 'idempotency-key': randomUUID() },
    );
    expect(submit.status).toBe(200);
    await until(() => (feed.events.length > before ? true : undefined), 20_000, 'a summary on B after the submit on A');
    expect(feed.events.at(-1)?.event).toBe('summary');
    feed.close();
  });

  it('puts a change made through A in the inbox of its applicant, read through B', async () => {
    const citizen = await login(b.port, w.nationalId, TEST_CITIZEN_PASSWORD);
    const inbox = async () => {
      const r = await callApi(b.port, 'GET', '/notifications?limit=100', undefined, { authorization: citizen });
      expect(r.status).toBe(200);
      return r.body as { items: { dossierId: string | null; type: string }[]; unread: number };
    };
    const before = await inbox();
    const id = await createDraft(a.port, w, citizen, VALID_FORM);
    const submit = await callApi(
      a.port,
      'POST',
      `/dossiers/${id}/submit`,
      {},
      { authorization: citizen, 'idempotency-key': randomUUID() },
    );
    expect(submit.status).toBe(200);
    // The inbox is polled by the web (docs/api.md, "Notifications"): B reads what A's transaction wrote.
    const after = await until(
      async () => {
        const now = await inbox();
        return now.items.some((i) => i.dossierId === id) ? now : undefined;
      },
      20_000,
      'the applicant’s notification on B after the submit on A',
    );
    expect(after.unread).toBeGreaterThan(before.unread);
  });

  it('answers a replayed submit on B with A’s answer (one idempotency key store)', async () => {
    const token = await login(b.port, w.nationalId, TEST_CITIZEN_PASSWORD);
    const id = await createDraft(a.port, w, token, VALID_FORM);
    const key = randomUUID();
    const first = await callApi(
      a.port,
      'POST',
      `/dossiers/${id}/submit`,
      {},
      { authorization: token, 'idempotency-key': key },
    );
    const replay = await callApi(
      b.port,
      'POST',
      `/dossiers/${id}/submit`,
      {},
      { authorization: token, 'idempotency-key': key },
    );
    expect(first.status).toBe(200);
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    const events = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1 AND to_status = 'SUBMITTED'`,
      [id],
    );
    expect(events[0].n).toBe(1);
  });

  it('keeps one login throttle across both processes (failures on A and B add up)', async () => {
    const user = w.nationalId;
    const statuses: number[] = [];
    // The per-account limit is 10 a minute (common/rate-limit/rate-limit.rules.ts): 12 attempts alternating.
    for (let i = 0; i < 12; i++) {
      const api = i % 2 === 0 ? a : b;
      statuses.push(
        (await callApi(api.port, 'POST', '/auth/login', { username: user, password: 'wrong-Password-1' })).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('runs a cron job once per tick although both processes schedule it', async () => {
    await until(() => (probeLines(log).some((l) => l.event === 'cron') ? true : undefined), 30_000, 'a cron run');
    const runs = probeLines(log).filter((l) => l.event === 'cron');
    // Each job ran once (no second process ran it too)...
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
    // ...and there is at most one job per minute tick since the processes started (both schedule it).
    const ticks = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
    expect(runs.length).toBeLessThanOrEqual(ticks);
    const jobs = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT id FROM pgboss.job WHERE name = $1
         UNION ALL SELECT id FROM pgboss.archive WHERE name = $1) j`,
      [CRON_PROBE],
    );
    expect(jobs[0].n).toBeLessThanOrEqual(ticks);
    // Both processes ask: the schedule is checked by whichever holds the minute, the other skips it.
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });

  it('retries on the other process a job whose process was killed (SIGKILL) mid-run', async () => {
    const jobId = await sendJob(db.url, SLOW_PROBE, { holdMs: 3000 });
    const start = await until(
      () => probeLines(log).find((l) => l.event === 'start' && l.jobId === jobId),
      20_000,
      'the slow job started',
    );
    const [victim, survivor] = start.pid === a.pid ? [a, b] : [b, a];
    expect(start.pid).toBe(victim.pid);
    await victim.kill9();
    // Expiry (4 s) + maintenance (1 s) + retry delay (1 s): the survivor takes it.
    const done = await until(
      () => probeLines(log).find((l) => l.event === 'done' && l.jobId === jobId),
      30_000,
      'the job done by the survivor',
    );
    expect(done.pid).toBe(survivor.pid);
    expect(done.attempt).toBe(2);
    const runs = probeLines(log).filter((l) => l.jobId === jobId);
    // Started by the victim, never finished there; started and finished by the survivor.
    expect(runs.map((r) => [r.event, r.pid === victim.pid ? 'victim' : 'survivor'])).toEqual([
      ['start', 'victim'],
      ['start', 'survivor'],
      ['done', 'survivor'],
    ]);
  });

  async function ownerQuery<T>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
});
