import autocannon from 'autocannon';
import pg from 'pg';
import { summarize } from './stats.mjs';

/**
 * Latency series, one request or statement list at a time. Each series is sampled in `rounds`
 * turns, round-robin with the series it is compared with, so that a burst of load from elsewhere
 * on the machine falls on both sides rather than on one.
 */

/**
 * A series of GETs over HTTP through autocannon (one keep-alive connection).
 * @returns {(budgetMs: number) => Promise<number[]>}
 */
export function httpSeries(baseUrl, path, token) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  let each = null;
  return async (budgetMs) => {
    if (each === null) {
      // Warm-up (not kept), which also tells how long one request takes.
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${baseUrl}${path}`, { headers });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}`);
      }
      each = (performance.now() - t0) / 5;
    }
    const amount = Math.max(5, Math.min(200, Math.floor(budgetMs / Math.max(each, 0.1))));
    const times = [];
    let bad = 0;
    const instance = autocannon({ url: `${baseUrl}${path}`, connections: 1, amount, timeout: 120, headers });
    instance.on('response', (_c, code, _b, ms) => {
      if (code !== 200) bad++;
      times.push(ms);
    });
    await instance;
    if (bad) throw new Error(`GET ${path}: ${bad} non-200 answers`);
    return times;
  };
}

/**
 * A series of runs of statements through node-postgres (extended protocol, one round trip each,
 * as the API sends them) on one connection: one sample per run of the whole list. `setup` runs
 * before each turn and `teardown` after it (e.g. BEGIN; DROP INDEX … / ROLLBACK).
 * @param {{ sql: string, params: (string | null)[] }[]} statements
 * @returns {(budgetMs: number) => Promise<number[]>}
 */
export function sqlSeries(url, statements, { setup = [], teardown = [], max = 200 } = {}) {
  let each = null;
  return async (budgetMs) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of setup) await client.query(s);
      const once = async () => {
        const t = performance.now();
        for (const s of statements) await client.query(s.sql, s.params);
        return performance.now() - t;
      };
      if (each === null) {
        let spent = 0;
        for (let i = 0; i < 3; i++) spent += await once();
        each = spent / 3;
      }
      const amount = Math.max(3, Math.min(max, Math.floor(budgetMs / Math.max(each, 0.1))));
      const times = [];
      for (let i = 0; i < amount; i++) times.push(await once());
      for (const s of teardown) await client.query(s);
      return times;
    } finally {
      await client.end();
    }
  };
}

/**
 * Run named series round-robin, `rounds` turns each with budgetMs / rounds per turn; the
 * summary (p50/p95/p99…) of each series' samples.
 * @param {Record<string, (budgetMs: number) => Promise<number[]>>} series
 * @returns {Promise<Record<string, ReturnType<typeof summarize>>>}
 */
export async function interleave(series, { rounds = 3, budgetMs = 10_000 } = {}) {
  /** @type {Record<string, number[]>} */
  const samples = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(series)) {
      (samples[name] ??= []).push(...(await run(budgetMs / rounds)));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}
