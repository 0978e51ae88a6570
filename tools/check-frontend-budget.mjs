#!/usr/bin/env node
// The front end's budget (issue 16, item 16): the apply page (step 1) loads at most 150 KiB of
// gzipped JavaScript before it renders, measured on the production build (apps/web/dist) by the
// bench's own measure (bench/lib/frontend.mjs: the shell plus the page's route-table files).
// Run by .ci/run after the browser journeys have built the app; exits 1 over budget.
import { measureFrontend } from '../bench/lib/frontend.mjs';

const BUDGET_KIB = { 'apply (step 1)': 150 };

const { shell, pages } = measureFrontend();
let over = false;
console.log(`shell: ${shell.jsKiB.gzip} KiB gzipped JavaScript`);
for (const p of pages) {
  if (p.error) {
    console.log(`${p.name}: ${p.error}`);
    over = true;
    continue;
  }
  const budget = BUDGET_KIB[p.name];
  const verdict =
    budget === undefined ? '' : p.jsKiB.gzip <= budget ? ` (budget ${budget}: ok)` : ` (budget ${budget}: OVER)`;
  if (budget !== undefined && p.jsKiB.gzip > budget) over = true;
  console.log(`${p.name}: ${p.jsKiB.gzip} KiB gzipped JavaScript${verdict}`);
}
process.exit(over ? 1 : 0);
