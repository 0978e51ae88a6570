import { statSync } from 'node:fs';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { localDateKey } from '@motcua/shared';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { rolePrivileges } from '../../database/app-role.js';
import { AUDIT_KEY } from './audit-key.js';
import type { TimelineEventContent } from './hash-chain.js';
import {
  appendPublishedHeads,
  headsLogPath,
  lastPublishedLine,
  readPublishedHeads,
  type DossierHead,
  type HeadLine,
  type PublishedHeads,
} from './heads-log.js';
import {
  attachmentMac,
  CHAIN_V2,
  dossierState,
  keyedLink,
  verifyDossierChain,
  type AttachmentFacts,
  type DossierChainCheck,
  type DossierFacts,
  type DossierState,
  type ResultFacts,
  type StoredAttachment,
  type StoredEvent,
} from './keyed-chain.js';
import { ATTACHMENT_COLUMNS, DOSSIER_COLUMNS, EVENT_COLUMNS, RESULT_FACTS } from './audit-sql.js';
import { sealLegacyChains, type LegacySealRow } from './legacy-seal.js';

type DossierAnchorRow = DossierFacts & { lastEventSeq: number; lastEventHash: string | null };
export type AuditEventRow = StoredEvent & { actorName: string | null; prevHash: string | null };

export interface DossierAudit {
  check: DossierChainCheck;
  events: AuditEventRow[];
}

export interface AuditBreak {
  dossierId: string;
  code: string | null;
  seq: number | null;
  reason: string;
}

export interface AuditReport {
  dossiers: number;
  events: number;
  breaks: AuditBreak[];
  /** heads.log lines that do not verify. */
  fileProblems: string[];
  publications: number;
}

const HOUR = 3600_000;
/** The first publication waits this long after start, so a start (or a benchmark) is not slowed by it. */
const FIRST_PUBLISH_DELAY = 10 * 60_000;
/** Ids below the previous publication's last one that are scanned again (late commits). */
const LATE_COMMIT_MARGIN = 10_000n;
const BATCH = 500;

/**
 * The keyed audit chain (issue 12): seals each transition (HMAC link over the event and the
 * dossier's state), MACs attachments, verifies a dossier or everything, and publishes the chain
 * heads to DATA_DIR/audit/heads.log. `publishHead(now)` is a plain method so a job queue can call
 * it; until then an unref'd hourly timer publishes once per local day.
 */
@Injectable()
export class AuditService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Audit');
  private timer: NodeJS.Timeout | undefined;
  private firstTick: NodeJS.Timeout | undefined;
  private headsCache: { stamp: string; heads: PublishedHeads } | undefined;
  private legacySealing: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_KEY) private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  /** Fail closed in production when the pool's role could rewrite the audit tables or drop their guard. */
  async onModuleInit(): Promise<void> {
    const p = await rolePrivileges((sql) => this.ds.query(sql));
    if (p.superuser || p.ownsAudit || p.mayRewriteAudit || p.bypassRls) {
      const msg =
        `The API connects as ${p.role}, which ${p.superuser ? 'is a superuser' : p.ownsAudit ? 'owns the audit tables' : 'may rewrite dossier_event'}: ` +
        'connect it as the restricted role (DATABASE_APP_URL, see database/app-role.ts)';
      if (this.config.env === 'production') throw new Error(msg);
      this.log.warn(msg);
    }
  }

  onApplicationBootstrap(): void {
    // Once, with the key: the chains written before it existed (v1) are sealed as they are now.
    // In the background: a large history takes a while, and readiness need not wait for it.
    this.legacySealing = this.sealLegacy(false);
    this.legacySealing.catch((e: unknown) => this.log.error(`Sealing the legacy chains failed: ${String(e)}`));
    if (this.config.env === 'test') return;
    const tick = () =>
      void this.publishIfDue().catch((e: unknown) => this.log.error(`Publishing the chain head failed: ${String(e)}`));
    this.firstTick = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, HOUR);
      this.timer.unref();
    }, FIRST_PUBLISH_DELAY);
    this.firstTick.unref();
  }

  /** Resolves when the first-start seal of legacy chains is done (tests, the verify CLI). */
  whenLegacySealed(): Promise<number> {
    return this.legacySealing;
  }

  /**
   * Seal every dossier with v1 links and no seal row. `operator` true is for someone holding the
   * key on purpose (seed CLI after a bulk load); false runs once per data folder.
   */
  sealLegacy(operator: boolean): Promise<number> {
    return sealLegacyChains(
      (sql, params) => this.ds.query(sql, params),
      this.key,
      this.config.dataDir,
      this.clock.now(),
      operator,
      { dossier: DOSSIER_COLUMNS, attachment: ATTACHMENT_COLUMNS },
    );
  }

  onApplicationShutdown(): void {
    if (this.firstTick) clearTimeout(this.firstTick);
    if (this.timer) clearInterval(this.timer);
  }

  // ---- Writing ----

  /**
   * The link of a transition about to be written: locks the dossier row (so no attachment lands
   * between this read and the commit), reads its attachments and seals `after`, the row as the
   * transition leaves it.
   */
  async sealTransition(
    m: EntityManager,
    after: DossierFacts,
    prev: string | null,
    content: TimelineEventContent,
  ): Promise<{ link: string; state: DossierState; chainVersion: number }> {
    await m.query(`SELECT 1 FROM dossier WHERE id = $1 FOR UPDATE`, [after.id]);
    const attachments: StoredAttachment[] = await m.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachment WHERE dossier_id = $1`,
      [after.id],
    );
    const [result] = await m.query<ResultFacts[]>(`SELECT ${RESULT_FACTS} FROM dossier_result WHERE dossier_id = $1`, [
      after.id,
    ]);
    const state = dossierState(after, attachments, result ?? null);
    return { link: keyedLink(this.key, prev, content, state), state, chainVersion: CHAIN_V2 };
  }

  /** The MAC an attachment row is stored with. */
  attachmentMac(dossierId: string, a: AttachmentFacts): string {
    return attachmentMac(this.key, dossierId, a);
  }

  // ---- Verifying ----

  /** One dossier's chain checked with the key; null when there is no such dossier. */
  async auditDossier(id: string, m: EntityManager = this.ds.manager): Promise<DossierAudit | null> {
    const result = await this.checkBatch([id], m);
    return result.get(id) ?? null;
  }

  /** Every dossier's chain, the published heads and the legacy seal: what `npm run audit:verify` prints. */
  async verifyAll(): Promise<AuditReport> {
    const heads = this.publishedHeads();
    const report: AuditReport = {
      dossiers: 0,
      events: 0,
      breaks: [],
      fileProblems: [...heads.problems],
      publications: heads.lines.length,
    };
    const seen = new Set<string>();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.ds.query<{ id: string }[]>(
        `SELECT id FROM dossier WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      const ids = rows.map((r) => r.id);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      const checks = await this.checkBatch(ids, this.ds.manager, heads);
      for (const [id, { check, events }] of checks) {
        seen.add(id);
        report.dossiers++;
        report.events += events.length;
        if (!check.valid) report.breaks.push({ dossierId: id, code: null, seq: check.seq, reason: check.reason ?? '' });
      }
    }
    const sealedGone = await this.ds.query<{ id: string }[]>(
      `SELECT dossier_id AS id FROM audit_legacy_seal s WHERE NOT EXISTS (SELECT 1 FROM dossier d WHERE d.id = s.dossier_id)`,
    );
    for (const id of [...heads.index.keys(), ...sealedGone.map((r) => r.id)]) {
      if (!seen.has(id)) {
        seen.add(id);
        report.breaks.push({
          dossierId: id,
          code: null,
          seq: null,
          reason: 'dossier with a published or sealed chain is gone',
        });
      }
    }
    if (report.breaks.length) {
      const codes: { id: string; code: string | null }[] = await this.ds.query(
        `SELECT id, code FROM dossier WHERE id = ANY($1)`,
        [report.breaks.map((b) => b.dossierId)],
      );
      const byId = new Map(codes.map((c) => [c.id, c.code]));
      for (const b of report.breaks) b.code = byId.get(b.dossierId) ?? null;
    }
    return report;
  }

  private async checkBatch(
    ids: string[],
    m: EntityManager,
    heads: PublishedHeads = this.publishedHeads(),
  ): Promise<Map<string, DossierAudit>> {
    const [dossiers, events, attachments, seals, results] = await Promise.all([
      m.query<DossierAnchorRow[]>(`SELECT ${DOSSIER_COLUMNS} FROM dossier WHERE id = ANY($1)`, [ids]),
      m.query<(AuditEventRow & { dossierId: string })[]>(
        `SELECT ${EVENT_COLUMNS} FROM dossier_event WHERE dossier_id = ANY($1) ORDER BY dossier_id, seq`,
        [ids],
      ),
      m.query<(StoredAttachment & { dossierId: string })[]>(
        `SELECT ${ATTACHMENT_COLUMNS} FROM attachment WHERE dossier_id = ANY($1)`,
        [ids],
      ),
      m.query<(LegacySealRow & { id: string })[]>(
        `SELECT dossier_id AS id, seq, hash, mac FROM audit_legacy_seal WHERE dossier_id = ANY($1)`,
        [ids],
      ),
      m.query<(ResultFacts & { dossierId: string })[]>(
        `SELECT dossier_id AS "dossierId", ${RESULT_FACTS} FROM dossier_result WHERE dossier_id = ANY($1)`,
        [ids],
      ),
    ]);
    const resultOf = new Map(results.map((r) => [r.dossierId, r]));
    const sealOf = new Map(seals.map((r) => [r.id, { seq: r.seq, hash: r.hash, mac: r.mac }]));
    const group = <T extends { dossierId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.dossierId, [...(map.get(r.dossierId) ?? []), r]);
      return map;
    };
    const eventsBy = group(events);
    const attachmentsBy = group(attachments);
    const out = new Map<string, DossierAudit>();
    for (const d of dossiers) {
      const evs = eventsBy.get(d.id) ?? [];
      const check = verifyDossierChain(this.key, {
        dossier: d,
        events: evs,
        attachments: attachmentsBy.get(d.id) ?? [],
        result: resultOf.get(d.id) ?? null,
        legacySeal: sealOf.get(d.id) ?? null,
        publishedHead: heads.index.get(d.id) ?? null,
      });
      out.set(d.id, { check, events: evs });
    }
    return out;
  }

  /** heads.log and its delta files, re-read when heads.log changes. */
  publishedHeads(): PublishedHeads {
    const stamp = fileStamp(headsLogPath(this.config.dataDir));
    if (this.headsCache?.stamp !== stamp) {
      this.headsCache = { stamp, heads: readPublishedHeads(this.key, this.config.dataDir) };
    }
    return this.headsCache.heads;
  }

  // ---- Publishing ----

  /**
   * Append to DATA_DIR/audit/heads.log, dated `now` (local day), the chain head of every dossier
   * whose timeline grew since the previous line (the first line: every dossier). One publisher at
   * a time across processes (advisory lock); the heads come from one snapshot. The scan restarts
   * a margin of ids below the previous line's last one, so an event that committed late with a
   * lower id is not missed.
   */
  async publishHead(now: Date): Promise<HeadLine> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(7142003)`);
      const previous = lastPublishedLine(this.config.dataDir);
      const from = previous ? BigInt(previous.maxEventId) - LATE_COMMIT_MARGIN : -1n;
      const [{ max, n }] = await m.query<{ max: string; n: number }[]>(
        `SELECT coalesce(max(id), 0)::text AS max, count(*)::int AS n FROM dossier_event`,
      );
      const changed = await m.query<DossierHead[]>(
        `SELECT DISTINCT ON (e.dossier_id) e.dossier_id AS id, e.seq, e.hash AS link
           FROM dossier_event e
          WHERE e.dossier_id IN (SELECT dossier_id FROM dossier_event WHERE id > $1 AND id <= $2)
          ORDER BY e.dossier_id, e.seq DESC`,
        [String(from), max],
      );
      const line = appendPublishedHeads(this.key, this.config.dataDir, changed, {
        date: localDateKey(now),
        at: now,
        events: n,
        maxEventId: max,
      });
      this.headsCache = undefined;
      return line;
    });
  }

  /** Publish unless today's line is there already (the timer calls this hourly). */
  async publishIfDue(): Promise<HeadLine | null> {
    const now = this.clock.now();
    if (this.publishedHeads().lines.at(-1)?.date === localDateKey(now)) return null;
    return this.publishHead(now);
  }
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return 'none';
  }
}
