#!/usr/bin/env node
// Notification fan-out (issue 15): `npm run bench:notifications` from the repository root (after a
// build). One notify() call to 1,000 approvers, with their e-mails queued, against the floor of the
// same rows written by one raw INSERT … SELECT. Reports only; nothing asserts a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { freshDatabase, startServer } from './lib/db.mjs';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, users: { type: 'string' }, 'db-url': { type: 'string' } },
});
const runs = Number(args.runs ?? process.env.BENCH_NOTIFY_RUNS ?? 30);
const users = Number(args.users ?? process.env.BENCH_NOTIFY_USERS ?? 1000);
const api = (p) => import(path.join(REPO_ROOT, 'apps/api/dist', p));
const log = (m) => console.log(`[notify] ${m}`);

const { NotificationsRepository } = await api('modules/notifications/notifications.repository.js');
const { NotificationsService } = await api('modules/notifications/notifications.service.js');
const { OutboxService } = await api('modules/notifications/outbox.service.js');

const server = await startServer(args['db-url'] ?? process.env.BENCH_DB_URL, log);
const results = {
  date: new Date().toISOString(),
  runs,
  users,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  },
  postgres: server.version,
  parts: {},
};
try {
  const url = await freshDatabase(server.serverUrl, 'motcua_bench_notify', log);
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 4 } });
  await ds.initialize();
  // 1,000 approvers of one agency, each with an e-mail address (every one gets an e-mail queued).
  const [{ code }] = await ds.query(`SELECT code FROM agency ORDER BY code LIMIT 1`);
  const ids = (
    await ds.query(
      `INSERT INTO app_user (username, email, full_name, roles, agency_code, verified)
       SELECT 'bench.approver.' || i, 'approver' || i || '@example.vn', 'Lãnh đạo ' || i, '{APPROVER}', $1, false
         FROM generate_series(1, $2) i RETURNING id`,
      [code, users],
    )
  ).map((r) => r.id);
  // A tenth of them switched non-essential e-mail off: the preferences join has rows to read.
  await ds.query(
    `INSERT INTO notification_preference (user_id, email_updates, sms_updates, sms_agreed, updated_at)
     SELECT id, false, true, false, now() FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) WHERE n % 10 = 0`,
    [ids],
  );
  const config = { sms: null };
  // The job queue as with JOBS_ENABLED=false: a fan-out adds one pgboss.job row with it on, not one per user.
  const jobs = { send: async () => null, define: () => undefined };
  const clock = { now: () => new Date() };
  const service = new NotificationsService(new NotificationsRepository(ds), new OutboxService(ds, jobs), clock, config);
  const params = { code: '000.00.12.H17-261127-0001', due: '17:00 27/11/2026' };
  const reset = () => ds.query(`TRUNCATE notification, outbox`);
  const count = async () =>
    (
      await ds.query(`SELECT (SELECT count(*) FROM notification)::int AS n, (SELECT count(*) FROM outbox)::int AS o`)
    )[0];

  const series = async (name, fn, n = runs) => {
    const times = [];
    let written = null;
    await reset();
    await fn(); // warm-up (plans, JIT)
    for (let i = 0; i < n; i++) {
      await reset();
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
      written = await count();
    }
    results.parts[name] = { ...summarize(times), notifications: written.n, outbox: written.o };
    log(
      `${name}: p50 ${results.parts[name].p50} ms, p95 ${results.parts[name].p95} ms (${written.n} rows, ${written.o} e-mails queued)`,
    );
  };

  // SLA_OVERDUE is not essential: the 100 who switched e-mail off get the inbox row only.
  await series('notify', () =>
    ds.transaction((m) => service.notify(m, { userIds: ids, type: 'SLA_OVERDUE', dossierId: null, params })),
  );
  // The floor: the same rows and queue messages in one raw statement, no preference applied.
  await series('rawInsertSelect', () =>
    ds.transaction((m) =>
      m.query(
        `WITH ins AS (
           INSERT INTO notification (user_id, type, dossier_id, params, created_at)
           SELECT u, 'SLA_OVERDUE', NULL, $2::jsonb, now() FROM unnest($1::uuid[]) u RETURNING id)
         INSERT INTO outbox (type, payload)
         SELECT 'notification.email', jsonb_build_object('notificationId', id) FROM ins`,
        [ids, JSON.stringify(params)],
      ),
    ),
  );
  // One-by-one, as a loop of per-user inserts would do it: what the single statement saves.
  await series(
    'perUserLoop',
    () =>
      ds.transaction(async (m) => {
        for (const id of ids) {
          const [{ id: nid }] = await m.query(
            `INSERT INTO notification (user_id, type, dossier_id, params, created_at) VALUES ($1, 'SLA_OVERDUE', NULL, $2, now()) RETURNING id`,
            [id, JSON.stringify(params)],
          );
          await m.query(`INSERT INTO outbox (type, payload) VALUES ('notification.email', $1)`, [
            JSON.stringify({ notificationId: nid }),
          ]);
        }
      }),
    Math.min(runs, 5),
  );
  await ds.destroy();
} finally {
  await server.stop();
}
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `notifications-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
writeFileSync(path.join(RESULTS_DIR, 'notifications-latest.json'), JSON.stringify(results, null, 2));
console.table(Object.fromEntries(Object.entries(results.parts).map(([k, v]) => [k, v])));
log(`written to ${file}`);
