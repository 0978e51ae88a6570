import { ApiClient, inPool } from './api-client.mjs';
import { startApi } from './api-process.mjs';
import { rng, validFormData } from './form-data.mjs';
import { r1 } from './stats.mjs';
import { loadProcedures, pickWeighted, runAutocannon, settle } from './submit.mjs';

const PASSWORD = 'Bench-Pass-2026!x';
/** Citizens of this part (0487…), apart from the submit part's (0486…). */
const CITIZEN_PREFIX = '0487';
/** Turns: one process, two processes, one, two (so that load from elsewhere falls on both). */
const ROUNDS = 2;

/**
 * Submit throughput of two API processes on one database against one process (issue 15): the
 * same submits (POST /dossiers/{id}/submit, fresh Idempotency-Key, prepared drafts) with the same
 * total connections, all on one process, or split half and half over two processes run at once
 * (the load balancer's share). Throughput of the pair = answers of both / the longer run's time.
 *
 * @param {{ url: string, connections: number, requests: number, log: (m: string) => void }} o
 */
export async function benchCluster(o) {
  const a = await startApi({ databaseUrl: o.url, log: o.log });
  const b = await startApi({ databaseUrl: o.url, log: o.log });
  try {
    const c = new ApiClient(a.baseUrl);
    const procs = await loadProcedures(c);
    const citizens = [];
    for (let i = 0; i < o.connections; i++) citizens.push(`${CITIZEN_PREFIX}${String(i + 1).padStart(8, '0')}`);
    // Registration is limited per address (10 an hour): each bench citizen "comes" from its own
    // (the API believes X-Forwarded-For from loopback, where the bench runs).
    await inPool(citizens, 4, (nid, i) =>
      c.request('POST', '/auth/register', {
        body: {
          nationalId: nid,
          fullName: `Công Dân Cụm ${i + 1}`,
          dateOfBirth: '1990-01-01',
          email: `${nid}@bench.example.vn`,
          password: PASSWORD,
        },
        headers: { 'x-forwarded-for': `10.15.${Math.floor(i / 250)}.${(i % 250) + 1}` },
        expect: [201, 409],
      }),
    );
    const tokens = new Array(citizens.length);
    await inPool(citizens, 4, async (nid, i) => {
      tokens[i] = await c.login(nid, PASSWORD);
    });
    const r = rng(15);
    const per = Math.max(o.connections * 2, Math.round(o.requests / o.connections) * o.connections);
    const warmup = o.connections * 4;
    const total = warmup * 2 + per * 2 * ROUNDS;
    const drafts = new Array(total);
    const t0 = performance.now();
    // Drafts through both processes (their pools and caches warm alike).
    await inPool(drafts, 12, async (_, i) => {
      const api = new ApiClient(i % 2 ? b.baseUrl : a.baseUrl);
      const p = pickWeighted(procs, r());
      const agency = p.agencyCodes[Math.floor(r() * p.agencyCodes.length)];
      const owner = i % citizens.length;
      const id = await api.createDraft(tokens[owner], p.code, agency, validFormData(p.formSchema, r));
      for (const d of p.requiredDocuments) if (d.required) await api.attach(tokens[owner], id, d.code);
      drafts[i] = { id, owner };
    });
    o.log(`${total} drafts prepared through both processes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    let next = 0;
    const take = (n) => drafts.slice(next, (next += n));
    const half = Math.floor(o.connections / 2);
    await Promise.all([
      runAutocannon(a.baseUrl, take(warmup), tokens, half, {}),
      runAutocannon(b.baseUrl, take(warmup), tokens, half, {}),
    ]);

    const single = [];
    const dual = [];
    for (let round = 0; round < ROUNDS; round++) {
      await settle(o.url);
      single.push(await runAutocannon(a.baseUrl, take(per), tokens, o.connections, {}));
      await settle(o.url);
      const pair = await Promise.all([
        runAutocannon(a.baseUrl, take(per / 2), tokens, half, {}),
        runAutocannon(b.baseUrl, take(per / 2), tokens, half, {}),
      ]);
      dual.push({
        ok: pair[0].ok + pair[1].ok,
        errors: pair[0].errors + pair[1].errors,
        seconds: Math.max(pair[0].seconds, pair[1].seconds),
        firstError: pair[0].firstError ?? pair[1].firstError,
        p95: [pair[0].latency.p95, pair[1].latency.p95],
      });
      o.log(
        `round ${round + 1}: one process ${single.at(-1).rps} submits/s, two processes ` +
          `${r1(dual.at(-1).ok / dual.at(-1).seconds)} submits/s (c=${o.connections})`,
      );
    }
    const rate = (runs) => r1(runs.reduce((s, x) => s + x.ok, 0) / runs.reduce((s, x) => s + x.seconds, 0));
    const one = rate(single);
    const two = rate(dual);
    return {
      connections: o.connections,
      submitsPerRun: per,
      rounds: ROUNDS,
      oneProcess: {
        rps: one,
        errors: single.reduce((s, x) => s + x.errors, 0),
        p95: single.map((x) => x.latency.p95),
        firstError: single.find((x) => x.firstError)?.firstError ?? null,
      },
      twoProcesses: {
        rps: two,
        errors: dual.reduce((s, x) => s + x.errors, 0),
        p95: dual.map((x) => x.p95),
        firstError: dual.find((x) => x.firstError)?.firstError ?? null,
      },
      speedup: one ? Math.round((two / one) * 100) / 100 : null,
    };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
