import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * architecture.md, "Data access": a module reads another module's tables only through a view or a
 * query the owning module exports. This scans the SQL in every module's source for a table of
 * another module after FROM, JOIN, INTO, UPDATE or TABLE.
 */
const OWNER: Record<string, string> = {
  app_user: 'identity',
  refresh_token: 'identity',
  login_failure: 'identity',
  security_event: 'identity',
  oidc_login: 'identity',
  agency: 'catalog',
  sector: 'catalog',
  procedure: 'catalog',
  procedure_version: 'catalog',
  procedure_agency: 'catalog',
  holiday: 'catalog',
  dossier: 'dossiers',
  dossier_event: 'dossiers',
  attachment: 'dossiers',
  dossier_code_seq: 'dossiers',
  idempotency_key: 'dossiers',
  dossier_rating: 'dossiers',
  report_daily: 'reports',
  report_monthly: 'reports',
  report_open: 'reports',
  report_live_stream: 'reports',
  outbox: 'notifications',
  notification: 'notifications',
  notification_preference: 'notifications',
  apology_letter: 'sla',
  sla_watch: 'sla',
  sla_alert: 'sla',
  supplement_reminder: 'sla',
};

/**
 * Reads not yet behind a view, left for the owners of those modules (identity's agency checks,
 * the dossier engine's name joins). A new one fails the test; removing one means deleting it here.
 */
// The remainder still to move behind the owner's view or exported query (issue 13, item 6). The audit
// module reads the rows it seals; the dossier engine and claims read a user's name and national ID;
// payments and results lock and read the dossier row their change belongs to.
const KNOWN: string[] = [
  'audit/audit.service.ts reads attachment (dossiers)',
  'audit/audit.service.ts reads dossier (dossiers)',
  'audit/audit.service.ts reads dossier_event (dossiers)',
  'audit/legacy-seal.ts reads attachment (dossiers)',
  'audit/legacy-seal.ts reads dossier (dossiers)',
  'audit/legacy-seal.ts reads dossier_event (dossiers)',
  'dossiers/counter-claims.repository.ts reads app_user (identity)',
  'dossiers/dossier-workflow.service.ts reads app_user (identity)',
  'dossiers/dossiers.repository.ts reads agency (catalog)',
  'dossiers/dossiers.repository.ts reads app_user (identity)',
  'dossiers/dossiers.repository.ts reads procedure_version (catalog)',
  'payments/payments.repository.ts reads dossier (dossiers)',
  'results/results.service.ts reads dossier (dossiers)',
  'results/verification.service.ts reads agency (catalog)',
  'results/verification.service.ts reads dossier (dossiers)',
  'results/verification.service.ts reads procedure_version (catalog)',
  'identity/identity.seed.ts reads agency (catalog)',
  'identity/users.repository.ts reads agency (catalog)',
];

const MODULES = __dirname;
const TABLE_USE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !/(spec|factories)\.ts$/.test(e.name) ? [full] : [];
  });
}

describe('module boundaries in SQL', () => {
  it('reads no table of another module except through its views (the known remainder pinned)', () => {
    const found = new Set<string>();
    for (const file of sources(MODULES)) {
      const rel = path.relative(MODULES, file).split(path.sep).join('/');
      const mine = rel.split('/')[0];
      for (const match of readFileSync(file, 'utf8').matchAll(TABLE_USE)) {
        const owner = OWNER[match[1]];
        if (owner && owner !== mine) found.add(`${rel} reads ${match[1]} (${owner})`);
      }
    }
    expect([...found].sort()).toEqual([...KNOWN].sort());
  });

  it('sees a read of another module’s table (the scan itself works)', () => {
    const sql = 'SELECT 1 FROM dossier d JOIN app_user u ON u.id = d.applicant_id';
    expect([...sql.matchAll(TABLE_USE)].map((m) => m[1])).toEqual(['dossier', 'app_user']);
  });
});
