import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { OutboxService } from '../modules/notifications/outbox.service.js';
import { JobsService } from './jobs.service.js';
import { SLOW_PROBE } from './test-probes.js';
import { probeLines, until } from '../test/api-process.js';

describe('job queue (pg-boss on the app database, as the restricted role)', () => {
  let t: TestApp;
  let dir: string;
  let log: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-jobs-'));
    log = path.join(dir, 'probes.log');
    t = await createTestApp({ JOBS_ENABLED: 'true', JOBS_POLL_SECONDS: '0.5', JOBS_TEST_PROBE_LOG: log });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('defines the scheduled work of the modules and registers their cron schedules once', async () => {
    const jobs = t.app.get(JobsService);
    expect(jobs.names()).toEqual(
      expect.arrayContaining([
        'outbox.deliver',
        'outbox.sweep',
        'payments.reconcile',
        'files.sweep-orphans',
        'retention.sweep',
      ]),
    );
    const schedules: { name: string; cron: string }[] = await t.ds.query(
      `SELECT name, cron FROM pgboss.schedule ORDER BY name`,
    );
    expect(schedules).toEqual(
      expect.arrayContaining([
        { name: 'files.sweep-orphans', cron: '17 * * * *' },
        { name: 'outbox.sweep', cron: '* * * * *' },
        { name: 'payments.reconcile', cron: '*/5 * * * *' },
        // Nightly in Vietnam: 02:30 local is 19:30 UTC the day before.
        { name: 'retention.sweep', cron: '30 19 * * *' },
      ]),
    );
  });

  it('runs a sent job in a worker of this process, first attempt', async () => {
    const jobs = t.app.get(JobsService);
    const id = await jobs.send(SLOW_PROBE, { holdMs: 0 });
    expect(id).toEqual(expect.any(String));
    const done = await until(
      () => probeLines(log).find((l) => l.event === 'done' && l.jobId === id),
      15_000,
      'the probe job done',
    );
    expect(done).toMatchObject({ pid: process.pid, attempt: 1 });
  });

  it('delivers an outbox message through its job, sent in the same transaction (no drain)', async () => {
    const outbox = t.app.get(OutboxService);
    const seen: string[] = [];
    outbox.on<{ n: number }>('test.job-delivery', async (m) => {
      seen.push(m.id);
      await Promise.resolve();
    });
    await t.ds.transaction((m) => outbox.enqueue(m, 'test.job-delivery', { n: 1 }));
    await until(() => (seen.length ? true : undefined), 15_000, 'the message handled');
    const [row] = await t.ds.query(`SELECT id, processed_at, attempts FROM outbox WHERE type = 'test.job-delivery'`);
    await until(
      async () => {
        const [r] = await t.ds.query(`SELECT processed_at FROM outbox WHERE id = $1`, [row.id]);
        return r.processed_at ? true : undefined;
      },
      15_000,
      'the message marked processed',
    );
    // The job again (a retry after a crash, say) finds it processed: delivered once.
    expect(await outbox.deliver(String(row.id))).toBe('skipped');
    expect(seen).toEqual([String(row.id)]);
  });

  it('sends no job from a transaction that rolls back', async () => {
    const outbox = t.app.get(OutboxService);
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'outbox.deliver'`);
    await expect(
      t.ds.transaction(async (m) => {
        await outbox.enqueue(m, 'test.job-delivery', { n: 2 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'outbox.deliver'`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('gives the restricted role only DML on the queue: no CREATE in its schema, no dropping queues', async () => {
    const client = new pg.Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      await expect(client.query(`CREATE TABLE pgboss.intruder (x int)`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT pgboss.delete_queue('outbox.deliver')`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`DROP TABLE pgboss.job`)).rejects.toThrow(/must be owner/);
    } finally {
      await client.end();
    }
  });
});
