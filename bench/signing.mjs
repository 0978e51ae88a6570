#!/usr/bin/env node
// Result signing and verification times (issue 14): `npm run bench:signing` from the repository
// root (after a build). In-process, no database: the CPU work a decision and a POST /verify add.
// Reports only; nothing asserts a time.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(args.runs ?? process.env.BENCH_SIGNING_RUNS ?? 100);
const dist = path.join(REPO_ROOT, 'apps/api/dist/modules/results');
const { signResultPdf } = await import(path.join(dist, 'pdf-signer.js'));
const { checkPdfSignature } = await import(path.join(dist, 'cms-verify.js'));
const { DevPki } = await import(path.join(dist, 'pki.js'));

async function makePdf(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`Result page ${i}`, { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pki-'));
const results = {
  date: new Date().toISOString(),
  runs,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  },
  parts: {},
};
try {
  const identity = new DevPki(path.join(dir, 'pki'), 'bench').identity({ code: 'BENCH', name: 'UBND phường Hải Châu' });
  for (const pages of [1, 20]) {
    const pdf = await makePdf(pages);
    const opts = {
      identity,
      verificationUrl: 'https://motcua.example/verify/q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO',
      reason: 'bench',
      location: 'Đà Nẵng',
    };
    let signed = await signResultPdf(pdf, opts); // warm-up: opens the PKCS#12, JIT
    const sign = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      signed = await signResultPdf(pdf, opts);
      sign.push(performance.now() - t0);
    }
    // What POST /verify does with the file, the database look-up aside.
    const verify = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const check = checkPdfSignature(signed);
      createHash('sha256').update(signed).digest('hex');
      verify.push(performance.now() - t0);
      if (!check.ok) throw new Error(`verification failed: ${check.reason}`);
    }
    results.parts[`${pages}-page`] = {
      inputBytes: pdf.length,
      signedBytes: signed.length,
      signMs: summarize(sign),
      verifyMs: summarize(verify),
    };
    const s = results.parts[`${pages}-page`];
    console.log(
      `${pages} page(s): sign p50 ${s.signMs.p50} ms, p95 ${s.signMs.p95} ms; verify p50 ${s.verifyMs.p50} ms, p95 ${s.verifyMs.p95} ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
results.machine.loadAverageAtEnd = os.loadavg();
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `signing-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(`written ${path.relative(REPO_ROOT, file)}`);
