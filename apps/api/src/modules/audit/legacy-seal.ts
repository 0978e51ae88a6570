import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { legacySealMac, legacyState, type AttachmentFacts, type DossierFacts } from './keyed-chain.js';

/**
 * The keyed seal of chains written before the key existed (chain version 1: plain sha256 that
 * anyone can recompute). One row per such dossier in `audit_legacy_seal` (the API may only
 * INSERT there): its last v1 link and a MAC over that link and the dossier's state at sealing
 * (row fields and attachments). Later v1 links (a forger downgrading a keyed chain or rewriting an
 * old one), or an edit of a legacy dossier's row, then no longer match. The API seals once, on
 * its first start with the key on a database (marker file DATA_DIR/audit/legacy-sealed-<oid>); after that only an
 * operator holding the key seals more (seed CLI, after loading generated history), so a
 * superuser who deletes seal rows cannot get a forgery sealed by a restart.
 */
export interface LegacySealRow {
  seq: number;
  hash: string;
  mac: string;
}

/** One marker per database (its oid), so a data folder pointed at a new database seals that one too. */
export function legacyMarkerPath(dataDir: string, databaseOid: string): string {
  return path.join(dataDir, 'audit', `legacy-sealed-${databaseOid}`);
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

const BATCH = 1000;

/**
 * Seal every dossier that has v1 links and no seal row yet, in batches. `operator` false (the
 * API's start): only when the marker file is absent, and writes it when done. Returns how many
 * dossiers were sealed.
 */
export async function sealLegacyChains(
  query: Query,
  key: Buffer,
  dataDir: string,
  now: Date,
  operator: boolean,
  columns: { dossier: string; attachment: string },
): Promise<number> {
  const [{ oid }] = (await query(`SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()`)) as {
    oid: string;
  }[];
  const marker = legacyMarkerPath(dataDir, oid);
  if (!operator && existsSync(marker)) return 0;
  let sealed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await query(
      `SELECT ${columns.dossier}, v.seq AS "v1Seq", v.hash AS "v1Hash"
         FROM dossier d
         JOIN LATERAL (SELECT e.seq, e.hash FROM dossier_event e
                        WHERE e.dossier_id = d.id AND e.chain_version = 1 ORDER BY e.seq DESC LIMIT 1) v ON true
        WHERE d.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_legacy_seal s WHERE s.dossier_id = d.id)
        ORDER BY d.id LIMIT ${BATCH}`,
      [after],
    )) as (DossierFacts & { v1Seq: number; v1Hash: string })[];
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const attachments = (await query(`SELECT ${columns.attachment} FROM attachment WHERE dossier_id = ANY($1)`, [
      rows.map((r) => r.id),
    ])) as (AttachmentFacts & { dossierId: string })[];
    const byDossier = new Map<string, AttachmentFacts[]>();
    for (const a of attachments) byDossier.set(a.dossierId, [...(byDossier.get(a.dossierId) ?? []), a]);
    const macs = rows.map((r) =>
      legacySealMac(key, r.id, r.v1Seq, r.v1Hash, legacyState(r, byDossier.get(r.id) ?? [])),
    );
    await query(
      `INSERT INTO audit_legacy_seal (dossier_id, seq, hash, mac, sealed_at)
       SELECT u.*, $5::timestamptz FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS u
       ON CONFLICT (dossier_id) DO NOTHING`,
      [rows.map((r) => r.id), rows.map((r) => r.v1Seq), rows.map((r) => r.v1Hash), macs, now],
    );
    sealed += rows.length;
  }
  if (!operator) {
    mkdirSync(path.dirname(marker), { recursive: true, mode: 0o700 });
    writeFileSync(marker, `${now.toISOString()} ${sealed}\n`, { mode: 0o600 });
  }
  return sealed;
}
