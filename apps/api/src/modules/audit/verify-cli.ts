import 'reflect-metadata';
import { SystemClock } from '../../common/clock.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createDataSource } from '../../database/database.js';
import { resolveDatabase } from '../../database/launcher.js';
import { resolveAuditKey } from './audit-key.js';
import { AuditService } from './audit.service.js';
import { formatReport } from './audit-report.js';

/** `npm run audit:verify`: every chain checked with the key; exit 1 on any break, 2 when it cannot run. */
async function main(): Promise<number> {
  const config = loadConfig();
  const key = resolveAuditKey(config);
  const db = await resolveDatabase(config, (m) => console.error(m)).catch((e: unknown) => {
    throw new Error(
      `Cannot open the database (${e instanceof Error ? e.message : String(e)}). ` +
        'With the embedded database, stop the app first; or set DATABASE_URL.',
      { cause: e },
    );
  });
  try {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      const report = await new AuditService(ds, config, key, new SystemClock()).verifyAll();
      console.log(formatReport(report));
      return report.breaks.length || report.fileProblems.length ? 1 : 0;
    } finally {
      await ds.destroy();
    }
  } finally {
    await db.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(2);
  },
);
