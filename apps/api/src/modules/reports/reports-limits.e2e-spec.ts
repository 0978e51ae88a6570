import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Problem, PublicStats, ReportSummary } from '@motcua/shared';
import { bearer, createUser, ensureAgency, type TestUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { ReportsLiveService, STREAM_STALE_MS } from './reports-live.service.js';
import { ReportsRepository } from './reports.repository.js';
import { REPORTS_CHANNEL } from './summary-rebuild.js';

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The `summary` events so far (an open stream), or the problem (a refused one). */
  events: ReportSummary[];
  problem: Problem | null;
  close(): void;
}

/**
 * Issue 12, items "unbounded report ranges" and "live streams": every report range checked by
 * the one shared rule before any database work; open data cached and limited per address; live
 * streams capped per user (in PostgreSQL, across processes) and per process; one summary read per
 * scope per burst of changes.
 */
describe('report limits (ranges, open-data cache and rate limit, live stream caps)', () => {
  let t: TestApp;
  let port: number;
  let manager: TestUser;
  const AGENCY = '000.77.01.H17';

  const get = (user: TestUser | null, path: string, query: Record<string, string> = {}, address?: string) => {
    const r = request(t.http).get(`/api/v1${path}`).query(query);
    if (address) void r.set('X-Forwarded-For', address);
    return user ? r.set('Authorization', bearer(t, user)) : r;
  };

  const openStream = (user: TestUser, query = 'from=2026-11-01&to=2026-11-30'): Promise<Stream> =>
    new Promise<Stream>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/reports/live?${query}`,
          headers: { authorization: bearer(t, user) },
        },
        (res) => {
          const stream: Stream = {
            status: res.statusCode!,
            headers: res.headers,
            events: [],
            problem: null,
            close: () => res.destroy(),
          };
          let buffer = '';
          res.setEncoding('utf8');
          if (res.statusCode !== 200) {
            res.on('data', (chunk: string) => (buffer += chunk));
            res.on('end', () => resolve({ ...stream, problem: JSON.parse(buffer) as Problem }));
            return;
          }
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (block.startsWith('event: summary\n')) {
                stream.events.push(JSON.parse(block.split('\ndata: ')[1]) as ReportSummary);
              }
            }
          });
          res.on('error', () => undefined);
          resolve(stream);
        },
      );
      req.on('error', reject);
    });

  const until = async (done: () => boolean | Promise<boolean>) => {
    while (!(await done())) await new Promise((r) => setTimeout(r, 10));
  };

  const openRows = async (user: TestUser) => {
    const rows = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM report_live_stream WHERE user_id = $1`,
      [user.id],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await ensureAgency(t.ds, AGENCY);
    manager = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: AGENCY });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('every report range is checked by the shared rule (400 naming the field)', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['year 9999', { to: '9999-12-31' }, 'to'],
      ['a day that does not exist', { from: '2026-02-30', to: '2026-03-31' }, 'from'],
      ['before 2000-01-01', { from: '1999-12-31', to: '2000-03-31' }, 'from'],
      ['more than a year ahead', { from: '2026-01-01', to: '2028-01-01' }, 'to'],
      ['to before from', { from: '2026-05-01', to: '2026-04-30' }, 'to'],
      ['ten years or more', { from: '2010-01-01', to: '2020-01-01' }, 'to'],
      ['121 month buckets (under ten years)', { from: '2015-01-15', to: '2025-01-14' }, 'to'],
      ['from alone, 26 years before today', { from: '2000-01-01' }, 'from'],
    ];
    const routes: [string, TestUser | null, Record<string, string>][] = [];

    beforeAll(() => {
      routes.push(
        ['/reports/summary', manager, {}],
        ['/reports/breakdown', manager, { by: 'month' }],
        ['/reports/breakdown.csv', manager, { by: 'month' }],
        ['/reports/live', manager, {}],
        ['/public/stats', null, { by: 'month' }],
      );
    });

    it.each(cases)('refuses %s on every report route', async (_name, period, field) => {
      for (const [path, user, extra] of routes) {
        const res = await get(user, path, { ...period, ...extra }, '198.51.100.1');
        expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
          path,
          status: 400,
          type: expect.stringContaining('application/problem+json') as string,
        });
        expect((res.body as Problem).errors!.map((e) => e.field)).toEqual([field]);
      }
    });

    it('answers the 400 before any database work: no open-data hit was counted, no stream opened', async () => {
      const hits: unknown[] = await t.ds.query(`SELECT 1 FROM rate_limit_counter WHERE key = '198.51.100.1'`);
      expect(hits).toHaveLength(0);
      expect(await openRows(manager)).toBe(0);
    });

    it('accepts the widest period allowed, with its 120 month rows made by the database', async () => {
      const res = await get(manager, '/reports/breakdown', { from: '2015-01-01', to: '2024-12-31', by: 'month' });
      expect(res.status).toBe(200);
      const rows = (res.body as { rows: { key: string }[] }).rows;
      expect(rows).toHaveLength(120);
      expect([rows[0].key, rows[119].key]).toEqual(['2015-01', '2024-12']);
    });
  });

  describe('open data', () => {
    it('serves the same query from memory within 60 s, then reads again', async () => {
      const repo = t.app.get(ReportsRepository);
      const reads = jest.spyOn(repo, 'findCounts');
      // Not a whole month: its days are read from report_daily, where the change below goes.
      const query = { from: '2026-11-01', to: '2026-11-29' };
      const first = await get(null, '/public/stats', query, '192.0.2.10');
      expect(first.status).toBe(200);
      expect((first.body as PublicStats).summary.received).toBe(0);
      const readsAfterFirst = reads.mock.calls.length;
      expect(readsAfterFirst).toBeGreaterThan(0);

      // A change to the figures: the cached answer stands for 60 s.
      await t.ds.query(
        `INSERT INTO report_daily (day, agency_code, procedure_code, channel, sector_code, online_level, received)
         VALUES ('2026-11-10', $1, 'P.CACHE', 'ONLINE', 'S_CACHE', 'FULL', 3)`,
        [AGENCY],
      );
      t.clock.advance(59_000);
      const second = await get(null, '/public/stats', query, '192.0.2.11');
      expect((second.body as PublicStats).summary.received).toBe(0);
      expect(reads.mock.calls.length).toBe(readsAfterFirst);

      t.clock.advance(2_000);
      const third = await get(null, '/public/stats', query, '192.0.2.12');
      expect((third.body as PublicStats).summary.received).toBe(3);
      expect(reads.mock.calls.length).toBeGreaterThan(readsAfterFirst);
      reads.mockRestore();
    });

    it('limits open data per address: 429 with Retry-After past 30 a minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await get(null, '/public/stats', {}, '192.0.2.99')).status);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      const refused = await get(null, '/public/stats', {}, '192.0.2.99');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      expect((await get(null, '/public/stats', {}, '192.0.2.98')).status).toBe(200);
    });
  });

  describe('live streams', () => {
    it('allows 5 streams per user: the 6th is 429; after one closes, a new one is accepted', async () => {
      const live = t.app.get(ReportsLiveService);
      const streams = [];
      for (let i = 0; i < 5; i++) streams.push(await openStream(manager));
      expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await openRows(manager)).toBe(5);

      const sixth = await openStream(manager);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      expect(sixth.problem!.status).toBe(429);

      streams[0].close();
      await until(() => live.size === 4);
      const again = await openStream(manager);
      expect(again.status).toBe(200);
      expect(await openRows(manager)).toBe(5);

      for (const s of [...streams.slice(1), again]) s.close();
      await until(async () => live.size === 0 && (await openRows(manager)) === 0);
    });

    it("counts another process's live streams toward the cap, and not those of a dead one", async () => {
      const other = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: AGENCY });
      const now = t.clock.now();
      const insert = (process: string, heartbeatAt: Date) =>
        t.ds.query(
          `INSERT INTO report_live_stream (id, user_id, process_id, opened_at, heartbeat_at)
           SELECT gen_random_uuid(), $1, $2, $3, $3 FROM generate_series(1, 5)`,
          [other.id, process, heartbeatAt],
        );
      await insert('other-process', now);
      expect((await openStream(other)).status).toBe(429);

      await t.ds.query(`DELETE FROM report_live_stream WHERE user_id = $1`, [other.id]);
      await insert('crashed-process', new Date(now.getTime() - STREAM_STALE_MS - 1000));
      const s = await openStream(other);
      expect(s.status).toBe(200);
      expect(await openRows(other)).toBe(1);
      s.close();
      await until(async () => (await openRows(other)) === 0);
    });

    it('caps the streams of one process (503 with Retry-After beyond the configured number)', async () => {
      const live = t.app.get(ReportsLiveService);
      const saved = t.config.reportsLive.maxStreams;
      t.config.reportsLive.maxStreams = 2;
      try {
        const a = await openStream(manager);
        const b = await openStream(manager);
        const c = await openStream(manager);
        expect([a.status, b.status, c.status]).toEqual([200, 200, 503]);
        expect(Number(c.headers['retry-after'])).toBeGreaterThan(0);
        a.close();
        b.close();
        await until(() => live.size === 0);
      } finally {
        t.config.reportsLive.maxStreams = saved;
      }
    });

    it('reads each scope once per burst of changes, shared by all its subscribers', async () => {
      const live = t.app.get(ReportsLiveService);
      const managers = await Promise.all(
        [1, 2, 3, 4].map(() => createUser(t.ds, { roles: ['MANAGER'], agencyCode: AGENCY })),
      );
      const before = live.recomputations;
      const streams: Stream[] = [];
      for (const m of managers) for (let i = 0; i < 5; i++) streams.push(await openStream(m));
      expect(streams.every((s) => s.status === 200)).toBe(true);
      await until(() => streams.every((s) => s.events.length >= 1));
      await until(() => !live.busy);
      // 20 subscribers of one scope: their first summaries come from one or two reads, not 20.
      expect(live.recomputations - before).toBeLessThanOrEqual(2);

      const N = streams.length;
      const M = 30;
      const reads = live.recomputations;
      const changes = live.changes;
      for (let i = 0; i < M; i++) await t.ds.query(`SELECT pg_notify($1, $2)`, [REPORTS_CHANNEL, AGENCY]);
      await until(() => live.changes - changes === M);
      await until(() => !live.busy);
      await until(() => streams.every((s) => s.events.length >= 2));
      const burstReads = live.recomputations - reads;
      expect(burstReads).toBeGreaterThanOrEqual(1);
      expect(burstReads).toBeLessThanOrEqual(2);
      expect(burstReads).toBeLessThan(N * M);

      for (const s of streams) s.close();
      await until(() => live.size === 0);
    });

    it('removes the rows of its streams on shutdown', async () => {
      const live = t.app.get(ReportsLiveService);
      const s = await openStream(manager);
      expect(s.status).toBe(200);
      expect(await openRows(manager)).toBe(1);
      await live.onModuleDestroy();
      expect(await openRows(manager)).toBe(0);
    });
  });
});
