#!/usr/bin/env node
// The online loop's server-side costs (issue 14): `npm run bench:online-loop` from the repository
// root (after a build). Reports only; nothing asserts a time. See bench/README.md.
//
// 1. IPN handling: autocannon sends valid signed IPNs (GET /payments/vnpay/ipn) for N distinct
//    PENDING payments to the built API (production mode, VNPAY_* set), against a raw SQL baseline
//    doing the same row writes for another N payments in the same run (UPDATE payment, UPDATE the
//    dossier's fee, INSERT the timeline event, INSERT the kept IPN; one transaction each), at the
//    same concurrency.
// 2. Verification: GET /verify/{code} and POST /verify (a signed PDF) p50/p95.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApi } from './lib/api-process.mjs';
import { freshDatabase, startServer } from './lib/db.mjs';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { r1, summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    payments: { type: 'string' },
    connections: { type: 'string' },
    verifications: { type: 'string' },
    'db-url': { type: 'string' },
  },
});
const N = Number(args.payments ?? process.env.BENCH_PAYMENTS ?? 1000);
const CONNECTIONS = Number(args.connections ?? 10);
const VERIFICATIONS = Number(args.verifications ?? 500);
const log = (m) => console.log(`[online-loop] ${m}`);
const dist = (p) => import(path.join(REPO_ROOT, 'apps/api/dist', p));

const TMN = 'BENCH001';
const SECRET = randomBytes(24).toString('hex');

const server = await startServer(args['db-url'] ?? process.env.BENCH_DATABASE_URL, log);
const results = {
  date: new Date().toISOString(),
  payments: N,
  connections: CONNECTIONS,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  },
  postgres: { version: server.version, settings: server.settings },
  parts: {},
};
let apiProcess = null;
try {
  const url = await freshDatabase(server.serverUrl, 'motcua_bench_online_loop', log);
  const { createDataSource } = await dist('database/database.js');
  const { generateHistory } = await dist('database/seeds/history.js');
  const ds = createDataSource(url);
  await ds.initialize();
  // A small history: agencies, staff, a template open dossier with a fee, and history results whose codes we verify.
  const h = await generateHistory(ds, { count: 2000, seed: 'bench' });
  await ds.destroy();
  log(`history: ${h.dossiers} dossiers, ${h.payments} payments, ${h.results} results`);

  const db = new pg.Pool({ connectionString: url, max: CONNECTIONS + 2 });
  const [template] = (
    await db.query(`SELECT id FROM dossier WHERE fee > 0 AND status = 'IN_PROCESSING' ORDER BY submitted_at LIMIT 1`)
  ).rows;
  if (!template) throw new Error('no open dossier with a fee in the history');
  // 2N copies of that dossier, each with its fee PENDING and one PENDING payment: N for the API, N for SQL.
  await db.query(
    `BEGIN;
     CREATE TEMP TABLE bench_copy ON COMMIT DROP AS SELECT d.* FROM dossier d, generate_series(1, ${2 * N}) WHERE d.id = '${template.id}';
     UPDATE bench_copy SET id = gen_random_uuid(), fee_status = 'PENDING', fee_paid_at = NULL, fee_paid_online = NULL,
            fee_receipt_no = NULL;
     UPDATE bench_copy SET code = code || '-' || substr(md5(id::text), 1, 8);
     INSERT INTO dossier SELECT * FROM bench_copy;
     INSERT INTO payment (id, dossier_id, provider, amount, status, created_at)
       SELECT gen_random_uuid(), id, 'vnpay', fee, 'PENDING', now() FROM bench_copy;
     COMMIT;`,
  );
  const pending = (
    await db.query(
      `SELECT p.id, p.amount, p.dossier_id AS "dossierId" FROM payment p
        WHERE p.status = 'PENDING' ORDER BY p.id LIMIT ${2 * N}`,
    )
  ).rows;
  if (pending.length < 2 * N) throw new Error(`only ${pending.length} pending payments`);
  const forApi = pending.slice(0, N);
  const forSql = pending.slice(N);

  apiProcess = await startApi({
    databaseUrl: url,
    log,
    env: {
      VNPAY_TMN_CODE: TMN,
      VNPAY_HASH_SECRET: SECRET,
      VNPAY_PAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
    },
  });
  const { signedQuery, vnpDate } = await dist('modules/payments/vnpay-protocol.js');
  const ipnPaths = forApi.map(
    (p, i) =>
      `/api/v1/payments/vnpay/ipn?${signedQuery(
        {
          vnp_Amount: String(p.amount * 100),
          vnp_BankCode: 'NCB',
          vnp_OrderInfo: 'Thanh toan le phi',
          vnp_PayDate: vnpDate(new Date()),
          vnp_ResponseCode: '00',
          vnp_TmnCode: TMN,
          vnp_TransactionNo: String(20_000_000 + i),
          vnp_TransactionStatus: '00',
          vnp_TxnRef: p.id,
        },
        SECRET,
      )}`,
  );

  // --- IPN through the API ---
  let next = 0;
  const apiTimes = [];
  const codes = {};
  const t0 = performance.now();
  const instance = autocannon({
    url: apiProcess.baseUrl,
    connections: CONNECTIONS,
    amount: N,
    timeout: 60,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: ipnPaths[next++ % N] }) }],
  });
  instance.on('response', (_c, status, _b, ms) => {
    apiTimes.push(ms);
    codes[status] = (codes[status] ?? 0) + 1;
  });
  await instance;
  const apiSeconds = (performance.now() - t0) / 1000;
  const verdicts = (
    await db.query(
      `SELECT rsp_code AS code, count(*)::int AS n FROM payment_ipn WHERE payment_id = ANY($1) GROUP BY 1`,
      [forApi.map((p) => p.id)],
    )
  ).rows;
  const confirmed = (
    await db.query(`SELECT count(*)::int AS n FROM payment WHERE status = 'PAID' AND id = ANY($1)`, [
      forApi.map((p) => p.id),
    ])
  ).rows[0].n;
  results.parts.ipnApi = {
    requests: apiTimes.length,
    httpStatus: codes,
    rspCodes: Object.fromEntries(verdicts.map((v) => [v.code, v.n])),
    paymentsConfirmed: confirmed,
    seconds: r1(apiSeconds),
    perSecond: r1(apiTimes.length / apiSeconds),
    latencyMs: summarize(apiTimes),
  };
  log(
    `IPN via API: ${results.parts.ipnApi.perSecond}/s, p95 ${results.parts.ipnApi.latencyMs.p95} ms, confirmed ${confirmed}/${N}`,
  );

  // --- The same rows written by raw SQL (the floor the API's IPN path is compared with) ---
  const sqlTimes = [];
  let k = 0;
  const s0 = performance.now();
  const worker = async () => {
    const c = await db.connect();
    try {
      while (k < forSql.length) {
        const p = forSql[k++];
        const w0 = performance.now();
        await c.query('BEGIN');
        const {
          rows: [d],
        } = await c.query(
          `SELECT status, last_event_seq AS seq, last_event_hash AS hash FROM dossier WHERE id = $1 FOR UPDATE`,
          [p.dossierId],
        );
        await c.query(
          `UPDATE payment SET status = 'PAID', confirmed_at = now(), gateway_txn_no = $2, bank_code = 'NCB',
                  response_code = '00' WHERE id = $1 AND status = 'PENDING'`,
          [p.id, String(30_000_000 + k)],
        );
        const hash = createHash('sha256')
          .update(`${d.hash ?? ''}${p.id}`)
          .digest('hex');
        await c.query(
          `UPDATE dossier SET fee_status = 'PAID', fee_paid_at = now(), fee_paid_online = true,
                  last_event_seq = $2, last_event_hash = $3, updated_at = now() WHERE id = $1`,
          [p.dossierId, d.seq + 1, hash],
        );
        await c.query(
          `INSERT INTO dossier_event (dossier_id, seq, type, from_status, to_status, note, at, prev_hash, hash)
           VALUES ($1, $2, 'fee_paid', $3, $3, $4, now(), $5, $6)`,
          [p.dossierId, d.seq + 1, d.status, `VNPay ${30_000_000 + k}`, d.hash, hash],
        );
        await c.query(
          `INSERT INTO payment_ipn (received_at, payment_id, query, rsp_code) VALUES (now(), $1, '{}', '00')`,
          [p.id],
        );
        await c.query('COMMIT');
        sqlTimes.push(performance.now() - w0);
      }
    } finally {
      c.release();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const sqlSeconds = (performance.now() - s0) / 1000;
  results.parts.ipnSqlBaseline = {
    transactions: sqlTimes.length,
    seconds: r1(sqlSeconds),
    perSecond: r1(sqlTimes.length / sqlSeconds),
    latencyMs: summarize(sqlTimes),
  };
  log(
    `IPN rows by raw SQL: ${results.parts.ipnSqlBaseline.perSecond}/s, p95 ${results.parts.ipnSqlBaseline.latencyMs.p95} ms`,
  );

  // --- Verification ---
  const verificationCodes = (
    await db.query(`SELECT verification_code AS code FROM dossier_result WHERE signed LIMIT ${VERIFICATIONS}`)
  ).rows.map((r) => r.code);
  // Each request from its own (forwarded) address: the per-address limit (60/min) is not what is measured.
  const forwarded = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const byCodeTimes = [];
  let bad = 0;
  let v = 0;
  const byCode = autocannon({
    url: apiProcess.baseUrl,
    connections: CONNECTIONS,
    amount: verificationCodes.length,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const i = v++;
          return {
            ...req,
            path: `/api/v1/verify/${verificationCodes[i % verificationCodes.length]}`,
            headers: { ...req.headers, 'x-forwarded-for': forwarded(i + 1) },
          };
        },
      },
    ],
  });
  byCode.on('response', (_c, status, _b, ms) => {
    if (status !== 200) bad++;
    byCodeTimes.push(ms);
  });
  await byCode;
  results.parts.verifyByCode = { requests: byCodeTimes.length, non200: bad, latencyMs: summarize(byCodeTimes) };
  log(
    `GET /verify/{code}: p50 ${results.parts.verifyByCode.latencyMs.p50} ms, p95 ${results.parts.verifyByCode.latencyMs.p95} ms`,
  );

  // POST /verify with a signed PDF that is an issued result: sign one with the dev PKI and record it.
  const { signResultPdf } = await dist('modules/results/pdf-signer.js');
  const { DevPki } = await dist('modules/results/pki.js');
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Result', { x: 50, y: 780, size: 14, font });
  const identity = new DevPki(path.join(os.tmpdir(), `motcua-bench-pki-${process.pid}`), 'bench').identity({
    code: 'BENCH',
    name: 'UBND phường Hải Châu',
  });
  const signed = await signResultPdf(Buffer.from(await doc.save()), {
    identity,
    verificationUrl: 'https://motcua.example/verify/bench',
    reason: 'bench',
    location: 'Đà Nẵng',
  });
  const sha = createHash('sha256').update(signed).digest('hex');
  await db.query(`UPDATE dossier_result SET sha256 = $1, history = false WHERE verification_code = $2`, [
    sha,
    verificationCodes[0],
  ]);
  const boundary = '----motcuaBench';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    signed,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const fileTimes = [];
  let invalid = 0;
  let f = 0;
  const byFile = autocannon({
    url: apiProcess.baseUrl,
    connections: CONNECTIONS,
    amount: Math.min(200, VERIFICATIONS),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: '/api/v1/verify',
          body,
          headers: {
            ...req.headers,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'x-forwarded-for': forwarded(100_000 + f++),
          },
        }),
        onResponse: (status, resBody) => {
          if (status !== 200 || !JSON.parse(resBody).valid) invalid++;
        },
      },
    ],
  });
  byFile.on('response', (_c, _s, _b, ms) => fileTimes.push(ms));
  await byFile;
  results.parts.verifyFile = {
    requests: fileTimes.length,
    notValid: invalid,
    pdfBytes: signed.length,
    latencyMs: summarize(fileTimes),
  };
  log(
    `POST /verify: p50 ${results.parts.verifyFile.latencyMs.p50} ms, p95 ${results.parts.verifyFile.latencyMs.p95} ms`,
  );
  await db.end();
} finally {
  await apiProcess?.stop();
  await server.stop();
}
results.machine.loadAverageAtEnd = os.loadavg();
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `online-loop-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(`written ${path.relative(REPO_ROOT, file)}`);
