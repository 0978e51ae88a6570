import http from 'node:http';
import pg from 'pg';
import { ApiClient, inPool } from './api-client.mjs';
import { sleep } from './api-process.mjs';
import { rng, validFormData } from './form-data.mjs';
import { DEMO_PASSWORD } from './queue.mjs';
import { r2, summarize } from './stats.mjs';
import { loadProcedures, pickWeighted, runAutocannon, settle } from './submit.mjs';

/** Streams one manager may hold (contract: 5 per user). */
const STREAMS_PER_USER = 5;
/** Bench live-feed users: managers `bench.live.NNN`, citizens with national IDs 0487…. */
const MANAGER_PREFIX = 'bench.live.';
const CITIZEN_PREFIX = '0487';
const CITIZENS = 4;

/**
 * Submit latency with live report streams open (issue 12: 500 streams made a submit go from 8 to
 * 360 ms): submits one at a time (c=1, so the figure is latency, not throughput) without streams,
 * then with `streams` open `/reports/live` streams held by managers spread over the agencies, in
 * alternating rounds (without, with, three times each) so load from elsewhere falls on both. Every
 * submit NOTIFYs the feeds; the figure is the ratio of the p50s.
 *
 * @param {{ url: string, api: import('./api-process.mjs').ApiProcess, streams: number, submits: number, log: (m: string) => void }} o
 */
export async function benchLive(o) {
  const c = new ApiClient(o.api.baseUrl);
  const procs = await loadProcedures(c);
  const agencies = [...new Set(procs.flatMap((p) => p.agencyCodes))].sort();
  const managers = Math.ceil(o.streams / STREAMS_PER_USER);
  const citizens = Array.from({ length: CITIZENS }, (_, i) => `${CITIZEN_PREFIX}${String(i + 1).padStart(8, '0')}`);
  // Straight in the database with the demo accounts' password: registration is rate-limited per address.
  await createUsers(o.url, managers, agencies, citizens);
  const managerTokens = [];
  await inPool(
    Array.from({ length: managers }, (_, i) => i),
    4,
    async (i) => {
      managerTokens[i] = await c.login(`${MANAGER_PREFIX}${String(i + 1).padStart(3, '0')}`, DEMO_PASSWORD);
    },
  );
  const citizenTokens = [];
  for (const [i, nid] of citizens.entries()) citizenTokens[i] = await c.login(nid, DEMO_PASSWORD);

  const rounds = 6;
  const warmup = 60;
  const perRound = Math.max(10, Math.ceil(o.submits / (rounds / 2)));
  const r = rng(12);
  const drafts = [];
  await inPool(new Array(warmup + rounds * perRound), 8, async (_, i) => {
    const p = pickWeighted(procs, r());
    const agency = p.agencyCodes[Math.floor(r() * p.agencyCodes.length)];
    const owner = i % citizens.length;
    const id = await c.createDraft(citizenTokens[owner], p.code, agency, validFormData(p.formSchema, r));
    for (const d of p.requiredDocuments) if (d.required) await c.attach(citizenTokens[owner], id, d.code);
    drafts[i] = { id, owner };
  });
  o.log(`${drafts.length} drafts prepared; ${managers} managers over ${agencies.length} agencies`);

  await runAutocannon(o.api.baseUrl, drafts.slice(0, warmup), citizenTokens, 1, {});
  let next = warmup;
  const runs = { without: [], with: [] };
  const roundP50s = [];
  let events = 0;
  let streamSubmits = 0;
  let refused = 0;
  for (let round = 0; round < rounds; round++) {
    const open = round % 2 === 1;
    let feeds = null;
    if (open) {
      feeds = await openStreams(o.api.baseUrl, managerTokens, o.streams);
      refused += feeds.refused;
      await feeds.firstSummaries();
    }
    await settle(o.url);
    const before = feeds?.events() ?? 0;
    const run = await runAutocannon(o.api.baseUrl, drafts.slice(next, next + perRound), citizenTokens, 1, {});
    next += perRound;
    if (run.errors) throw new Error(`live bench: ${run.errors} submits failed (${run.firstError})`);
    if (feeds) {
      // Let the last debounce window pass, so its summaries are counted.
      await sleep(1000);
      events += feeds.events() - before;
      streamSubmits += run.requests;
      await feeds.close();
    }
    runs[open ? 'with' : 'without'].push(...run.times);
    roundP50s.push({ streams: open ? o.streams : 0, p50: run.latency.p50 });
    o.log(`  round ${round + 1} ${open ? `with ${o.streams} streams` : 'without streams'}: p50 ${run.latency.p50} ms`);
  }
  const without = summarize(runs.without);
  const withStreams = summarize(runs.with);
  return {
    streams: o.streams,
    refusedStreams: refused,
    submitsPerCondition: runs.without.length,
    without,
    with: withStreams,
    ratioP50: r2(withStreams.p50 / without.p50),
    // Each round next to the one before: the machine's own load moves between rounds.
    rounds: roundP50s,
    // Without sharing every stream would get a summary per submit: streams × submits events.
    summaryEventsPerStreamPerSubmit: streamSubmits ? r2(events / o.streams / streamSubmits) : null,
  };
}

async function createUsers(url, managers, agencies, citizens) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT password_hash FROM app_user WHERE username = 'quanly.thanhpho'`);
    if (!rows.length) throw new Error('live bench: the demo manager quanly.thanhpho is missing');
    const hash = rows[0].password_hash;
    await client.query(
      `INSERT INTO app_user (username, full_name, password_hash, roles, agency_code)
       SELECT $1 || lpad(i::text, 3, '0'), 'Quản Lý Thử ' || i, $2, ARRAY['MANAGER'], ($3::text[])[1 + (i - 1) % cardinality($3::text[])]
         FROM generate_series(1, $4::int) i
       ON CONFLICT (username) DO NOTHING`,
      [MANAGER_PREFIX, hash, agencies, managers],
    );
    await client.query(
      `INSERT INTO app_user (username, national_id, full_name, date_of_birth, password_hash, roles)
       SELECT nid, nid, 'Công Dân Thử', '1990-01-01', $2, ARRAY['CITIZEN'] FROM unnest($1::text[]) nid
       ON CONFLICT (username) DO NOTHING`,
      [citizens, hash],
    );
  } finally {
    await client.end();
  }
}

/**
 * Open `count` live streams (5 per manager token) on 127.0.0.1 and count their summary events.
 */
async function openStreams(baseUrl, tokens, count) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const open = [];
  let events = 0;
  let refused = 0;
  const waiting = new Set();
  await inPool(
    Array.from({ length: count }, (_, i) => i),
    32,
    (i) =>
      new Promise((resolve, reject) => {
        const req = http.get(
          {
            host: hostname,
            port,
            agent,
            path: '/api/v1/reports/live',
            headers: { authorization: `Bearer ${tokens[Math.floor(i / STREAMS_PER_USER)]}` },
          },
          (res) => {
            if (res.statusCode !== 200) {
              refused++;
              res.resume();
              resolve();
              return;
            }
            const s = { res, got: 0 };
            open.push(s);
            waiting.add(s);
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              const n = chunk.split('event: summary\n').length - 1;
              s.got += n;
              events += n;
              if (s.got > 0) waiting.delete(s);
            });
            res.on('error', () => undefined);
            resolve();
          },
        );
        req.on('error', reject);
      }),
  );
  return {
    refused,
    events: () => events,
    async firstSummaries() {
      const deadline = Date.now() + 30_000;
      while (waiting.size > 0 && Date.now() < deadline) await sleep(50);
    },
    async close() {
      for (const s of open) s.res.destroy();
      agent.destroy();
      await sleep(500);
    },
  };
}
