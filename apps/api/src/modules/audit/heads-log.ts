import { createHash, createHmac } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './hash-chain.js';
import { keyedDigest, sameMac } from './keyed-chain.js';

/**
 * The chain heads published outside the database, in DATA_DIR/audit: `heads.log` gets one line
 * per publication (opened O_APPEND, each line keyed and chained to the previous line's MAC), and
 * `heads/<n>.txt` the dossier heads that changed since the previous line (the line holds its
 * sha256). Removing a dossier's latest events, even with its row rolled back to match, leaves a
 * published head the chain no longer contains.
 */
export interface HeadLine {
  n: number;
  /** Local day of the publication (YYYY-MM-DD). */
  date: string;
  at: string;
  /** Timeline events at publication, and the highest event id the publication covers. */
  events: number;
  maxEventId: string;
  /** Running HMAC over every head published so far: HMAC(previous line's head, this delta's sha256). */
  head: string;
  deltaCount: number;
  deltaSha256: string;
  prev: string | null;
  mac: string;
}

export interface DossierHead {
  id: string;
  seq: number;
  link: string;
}

export interface PublishedHeads {
  lines: HeadLine[];
  /** Each dossier's latest published head. */
  index: Map<string, { seq: number; link: string; date: string }>;
  /** Lines whose MAC, chaining or delta file does not verify. */
  problems: string[];
}

export function auditDir(dataDir: string): string {
  return path.join(dataDir, 'audit');
}

export function headsLogPath(dataDir: string): string {
  return path.join(auditDir(dataDir), 'heads.log');
}

function deltaPath(dataDir: string, n: number): string {
  return path.join(auditDir(dataDir), 'heads', `${n}.txt`);
}

function lineMac(key: Buffer, l: Omit<HeadLine, 'mac'>): string {
  const { n, date, at, events, maxEventId, head, deltaCount, deltaSha256, prev } = l;
  return keyedDigest(
    key,
    'heads/v1',
    canonicalJson({ n, date, at, events, maxEventId, head, deltaCount, deltaSha256, prev }),
  );
}

/** The global head after a delta: it covers every dossier head published up to this line. */
function globalHead(key: Buffer, previous: string | null, deltaSha256: string): string {
  return createHmac('sha256', key)
    .update(`motcua/global-head/v1\n${previous ?? ''}\n${deltaSha256}`)
    .digest('hex');
}

/** Read and check every line and delta file; the index is what the valid lines published. */
export function readPublishedHeads(key: Buffer, dataDir: string): PublishedHeads {
  const out: PublishedHeads = { lines: [], index: new Map(), problems: [] };
  const file = headsLogPath(dataDir);
  if (!existsSync(file)) return out;
  const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let prev: string | null = null;
  let prevHead: string | null = null;
  for (let i = 0; i < texts.length; i++) {
    let line: HeadLine;
    try {
      line = JSON.parse(texts[i]) as HeadLine;
    } catch {
      out.problems.push(`heads.log line ${i + 1}: not JSON`);
      continue;
    }
    const where = `heads.log line ${i + 1} (${line.date})`;
    if (line.n !== i + 1 || line.prev !== prev) out.problems.push(`${where}: not chained to the line before`);
    if (!sameMac(line.mac, lineMac(key, line))) out.problems.push(`${where}: MAC does not verify`);
    if (line.head !== globalHead(key, prevHead, line.deltaSha256)) {
      out.problems.push(`${where}: global head does not follow from the previous one`);
    }
    prev = line.mac;
    prevHead = line.head;
    const dpath = deltaPath(dataDir, line.n);
    const delta = existsSync(dpath) ? readFileSync(dpath, 'utf8') : null;
    if (delta === null || createHash('sha256').update(delta).digest('hex') !== line.deltaSha256) {
      out.problems.push(`${where}: delta file ${dpath} missing or changed`);
    } else {
      for (const row of delta.split('\n').filter(Boolean)) {
        const [id, seq, link] = row.split(' ');
        out.index.set(id, { seq: Number(seq), link, date: line.date });
      }
    }
    out.lines.push(line);
  }
  return out;
}

/** The last line of heads.log, unchecked (the publisher chains to it; readPublishedHeads checks). */
export function lastPublishedLine(dataDir: string): HeadLine | null {
  const file = headsLogPath(dataDir);
  if (!existsSync(file)) return null;
  const last = readFileSync(file, 'utf8').split('\n').filter(Boolean).at(-1);
  return last ? (JSON.parse(last) as HeadLine) : null;
}

/**
 * Append a publication: `changed` holds the heads of the dossiers whose timeline grew since the
 * previous line (the first line: every dossier). The delta file is written first; the line,
 * appended last with O_APPEND and fsync'd, makes it count.
 */
export function appendPublishedHeads(
  key: Buffer,
  dataDir: string,
  changed: readonly DossierHead[],
  meta: { date: string; at: Date; events: number; maxEventId: string },
): HeadLine {
  const before = lastPublishedLine(dataDir);
  const delta = changed.map((h) => `${h.id} ${h.seq} ${h.link}\n`).join('');
  const n = (before?.n ?? 0) + 1;
  mkdirSync(path.join(auditDir(dataDir), 'heads'), { recursive: true, mode: 0o700 });
  writeFileSync(deltaPath(dataDir, n), delta, { mode: 0o600 });
  const deltaSha256 = createHash('sha256').update(delta).digest('hex');
  const body: Omit<HeadLine, 'mac'> = {
    n,
    date: meta.date,
    at: meta.at.toISOString(),
    events: meta.events,
    maxEventId: meta.maxEventId,
    head: globalHead(key, before?.head ?? null, deltaSha256),
    deltaCount: changed.length,
    deltaSha256,
    prev: before?.mac ?? null,
  };
  const line: HeadLine = { ...body, mac: lineMac(key, body) };
  const fd = openSync(headsLogPath(dataDir), 'a', 0o600); // 'a' = O_APPEND|O_CREAT|O_WRONLY
  try {
    writeSync(fd, JSON.stringify(line) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return line;
}
