import type { AuditReport } from './audit.service.js';

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
