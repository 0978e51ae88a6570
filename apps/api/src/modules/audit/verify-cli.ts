import 'reflect-metadata';
import { SystemClock } from '../../common/clock.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createDataSource } from '../../database/database.js';
import { resolveDatabase } from '../../database/launcher.js';
import { resolveAuditKey } from './audit-key.js';
import { AuditService, type AuditReport } from './audit.service.js';

/** The report as an auditor reads it: one line per broken chain, the first broken link named. */
export function formatReport(r: AuditReport): string {
  const lines = [`Audit: ${r.dossiers} dossiers, ${r.events} timeline events, ${r.publications} published heads.`];
  for (const p of r.fileProblems) lines.push(`BROKEN ${p}`);
  for (const b of r.breaks) {
    lines.push(
      `BROKEN dossier ${b.code ?? '(no code)'} [${b.dossierId}]${b.seq === null ? '' : ` at event seq ${b.seq}`}: ${b.reason}`,
    );
  }
  lines.push(
    r.breaks.length || r.fileProblems.length
      ? `${r.breaks.length + r.fileProblems.length} break(s) found.`
      : 'Every chain verifies.',
  );
  return lines.join('\n');
}

/** `npm run audit:verify`: every chain checked with the key; exit 1 on any break, 2 when it cannot run. */
async function main(): Promise<number> {
  const config = loadConfig();
  const key = resolveAuditKey(config);
  const db = await resolveDatabase(config, (m) => console.error(m));
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
