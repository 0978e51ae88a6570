import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '@motcua/shared';
import { ConfigError, loadConfig } from '../config/config.js';
import { rebuildSummaries } from '../modules/reports/summary-rebuild.js';
import { createDataSource, migrate } from './database.js';
import { resolveDatabase } from './launcher.js';
import { runDemoSeeds } from './seeds/demo-seed.js';
import { resolveAuditKey } from '../modules/audit/audit-key.js';
import { ATTACHMENT_COLUMNS, DOSSIER_COLUMNS } from '../modules/audit/audit-sql.js';
import { sealLegacyChains } from '../modules/audit/legacy-seal.js';
import { generateHistory } from './seeds/history.js';

const USAGE = `Usage: npm run seed -- [options]

Loads the demo data (catalog, demo accounts; idempotent) into DATABASE_URL, or into the embedded
PostgreSQL under DATA_DIR when it is unset (stop a running API first: they share its data folder).

  --history N          generate N dossiers of history (a year up to today by default), then rebuild
                       the report summaries
  --from YYYY-MM-DD    first day of the history
  --to YYYY-MM-DD      last day of the history (default: today)
  --seed TEXT          random seed of the history (default: motcua)
  --rebuild-summary    recompute the report summary tables from the dossiers
  --help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      history: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string' },
      'rebuild-summary': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = values.history === undefined ? 0 : Number(values.history);
  const bad: string[] = [];
  if (!Number.isSafeInteger(count) || count < 0) bad.push('--history must be a whole number');
  for (const key of ['from', 'to'] as const) {
    if (values[key] !== undefined && !isCalendarDate(values[key])) bad.push(`--${key} must be a date YYYY-MM-DD`);
  }
  if (bad.length) {
    console.error(`${bad.join('\n')}\n\n${USAGE}`);
    return 2;
  }

  const config = loadConfig();
  const db = await resolveDatabase(config, (m) => console.error(m));
  try {
    const applied = await migrate(db.url);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      await runDemoSeeds(ds, (m) => console.log(m));
      if (count > 0) {
        const started = Date.now();
        const r = await generateHistory(ds, { count, from: values.from, to: values.to, seed: values.seed });
        // Generated timelines carry plain (v1) links: this operator, holding the key, seals them.
        const sealed = await sealLegacyChains(
          (sql, p) => ds.query(sql, p),
          resolveAuditKey(config),
          config.dataDir,
          new Date(),
          true,
          { dossier: DOSSIER_COLUMNS, attachment: ATTACHMENT_COLUMNS },
        );
        console.log(`Audit: ${sealed} generated timelines sealed with the key`);
        console.log(
          `History: ${r.dossiers} dossiers, ${r.events} timeline events, ${r.ratings} ratings, ` +
            `${r.payments} payments, ${r.results} signed results; ` +
            `summary rows ${r.summary?.dailyRows ?? 0} daily, ${r.summary?.openRows ?? 0} open ` +
            `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      } else if (values['rebuild-summary']) {
        const started = Date.now();
        const r = await rebuildSummaries(ds);
        console.log(
          `Summary rebuilt: ${r.dailyRows} daily rows, ${r.openRows} open rows (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    } finally {
      await ds.destroy();
    }
  } finally {
    await db.embedded?.stop();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  },
);
