import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SLOW_PROBE } from '../../jobs/test-probes.js';
import {
  ApiProcess,
  callApi,
  login,
  openSse,
  probeLines,
  sendJob,
  slowPost,
  TEST_ADMIN_PASSWORD,
  until,
} from '../../test/api-process.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { EXIT } from './graceful-shutdown.js';
import { RECONNECT_RETRY_MS } from './shutdown-hooks.js';

/**
 * SIGTERM on the built API (docs/architecture.md "Graceful shutdown"): a request whose body is
 * still arriving is answered, a running job finishes, the live feed ends with a retry hint, new
 * connections are refused, and the process exits 0.
 */
jest.setTimeout(120_000);

describe('graceful shutdown of an API process', () => {
  let db: TestDatabase;
  let dir: string;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-shutdown-'));
  });
  afterAll(async () => {
    await api?.kill9();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the request in flight, finishes the running job, ends the live feed with retry:, exits 0', async () => {
    const log = path.join(dir, 'probes.log');
    api = await ApiProcess.start(db, path.join(dir, 'data'), {
      JOBS_POLL_SECONDS: '0.5',
      JOBS_TEST_PROBE_LOG: log,
      SHUTDOWN_GRACE_MS: '8000',
    });
    const admin = await login(api.port, 'admin', TEST_ADMIN_PASSWORD);
    const feed = await openSse(api.port, '/reports/live', admin);
    await until(() => (feed.events.length ? true : undefined), 20_000, 'the first summary');

    const jobId = await sendJob(db.url, SLOW_PROBE, { holdMs: 2500 });
    await until(() => probeLines(log).find((l) => l.event === 'start' && l.jobId === jobId), 20_000, 'job started');
    const inFlight = slowPost(api.port, '/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    await new Promise((r) => setTimeout(r, 200));

    api.child.kill('SIGTERM');
    await until(
      () => (api!.output.some((l) => l.includes('SIGTERM: finishing')) ? true : undefined),
      10_000,
      'SIGTERM seen',
    );
    // The listening socket is closed at once: a new connection is refused (the balancer goes elsewhere).
    await expect(callApi(api.port, 'GET', '/health')).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
    await feed.ended;
    expect(feed.raw().endsWith(`retry: ${RECONNECT_RETRY_MS}\n\n`)).toBe(true);

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('accessToken');

    const exit = await api.exit;
    expect(exit).toEqual({ code: EXIT.CLEAN, signal: null });
    const runs = probeLines(log).filter((l) => l.jobId === jobId);
    expect(runs.map((l) => [l.event, l.pid])).toEqual([
      ['start', api.pid],
      ['done', api.pid],
    ]);
    expect(api.output.join('\n')).toContain('Stopped');
  });
});
