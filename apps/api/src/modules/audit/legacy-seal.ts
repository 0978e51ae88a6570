import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './hash-chain.js';
import { keyedDigest, sameMac } from './keyed-chain.js';

/**
 * The keyed seal of the chains written before the key existed (chain version 1: plain sha256,
 * recomputable by anyone). For each dossier it records the last v1 link, under the key, in
 * DATA_DIR/audit/legacy-seal.json, outside the database. The API writes it once, on its first
 * start with the key; later v1 links (a forger downgrading a keyed chain, or rewriting an old
 * one) are then not in it. Only an operator holding the key extends it (seed CLI, after loading
 * generated history).
 */
export interface LegacySeal {
  /** dossier id → [last v1 seq, its hash]. */
  dossiers: Map<string, { seq: number; hash: string }>;
  /** Set when the file is there but its MAC does not verify (then nothing counts as sealed). */
  problem: string | null;
}

export function legacySealPath(dataDir: string): string {
  return path.join(dataDir, 'audit', 'legacy-seal.json');
}

interface SealFile {
  version: 1;
  createdAt: string;
  dossiers: Record<string, [number, string]>;
  mac: string;
}

function macOf(key: Buffer, f: Omit<SealFile, 'mac'>): string {
  return keyedDigest(key, 'legacy-seal/v1', canonicalJson({ createdAt: f.createdAt, dossiers: f.dossiers }));
}

/** The seal as written, or null when there is none yet. */
export function readLegacySeal(key: Buffer, dataDir: string): LegacySeal | null {
  const file = legacySealPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const f = JSON.parse(readFileSync(file, 'utf8')) as SealFile;
    if (f.version !== 1 || !sameMac(f.mac, macOf(key, f))) {
      return { dossiers: new Map(), problem: `${file}: MAC does not verify (edited, or another key)` };
    }
    return {
      dossiers: new Map(Object.entries(f.dossiers).map(([id, [seq, hash]]) => [id, { seq, hash }])),
      problem: null,
    };
  } catch (e) {
    return { dossiers: new Map(), problem: `${file}: unreadable (${(e as Error).message})` };
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Write the seal over every dossier's last v1 link now in the database. `extend` false: only if
 * no seal exists (first start); true: replace it (an operator's act, after a bulk load).
 */
export async function sealLegacyChains(
  query: Query,
  key: Buffer,
  dataDir: string,
  now: Date,
  extend: boolean,
): Promise<LegacySeal> {
  const existing = readLegacySeal(key, dataDir);
  if (existing && !extend) return existing;
  const rows = (await query(
    `SELECT DISTINCT ON (dossier_id) dossier_id AS id, seq, hash FROM dossier_event
      WHERE chain_version = 1 ORDER BY dossier_id, seq DESC`,
  )) as { id: string; seq: number; hash: string }[];
  const body = {
    version: 1 as const,
    createdAt: now.toISOString(),
    dossiers: Object.fromEntries(rows.map((r) => [r.id, [r.seq, r.hash] as [number, string]])),
  };
  const file = legacySealPath(dataDir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = JSON.stringify({ ...body, mac: macOf(key, body) });
  if (extend) {
    writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  } else {
    try {
      writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      // Another process sealed first: theirs stands.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return readLegacySeal(key, dataDir)!;
}
