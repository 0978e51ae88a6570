import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CLOCK_PAUSED_STATUS,
  NO_SLA_STATUSES,
  type Channel,
  type DecidedOutcome,
  type DossierStatus,
  type SlaState,
} from '@motcua/shared';
import type { QueueCursor } from './queue-cursor.js';

export interface QueueFilter {
  /** The caller's agency scope. */
  agencyCodes: string[] | 'ALL';
  statuses: readonly DossierStatus[];
  sla?: SlaState;
  /** "Now", and the start of the local day after the working day "now" counts toward (DUE_SOON's end). */
  now: Date;
  dueSoonBefore: Date;
  procedureCode?: string;
  /** Assigned to this user; or to nobody (null). */
  assigneeId?: string | null;
  q?: string;
  after?: QueueCursor;
  limit: number;
}

export interface QueueRow {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  status: DossierStatus;
  channel: Channel;
  submittedAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  decidedOutcome: DecidedOutcome | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The sort key with microseconds, for the cursor. */
  sortAt: string;
}

/** The queue's order (and its indexes' expression): oldest due first; not yet received by submission time. */
const SORT_KEY = 'COALESCE(d.due_at, d.submitted_at)';

/** Escape LIKE's wildcards in user text. */
const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SLA states of dossierClock's slaState as SQL over (status, due_at, completed_at and the
 * decided_outcome time fact), so that a filter returns exactly the rows whose `sla` says so: none
 * for the statuses without an SLA; a decided dossier by its stored outcome; SUPPLEMENT_REQUESTED is WAITING_CITIZEN and nothing else; the
 * other open ones against now and DUE_SOON's end (dueSoonBefore, computed by dossierClock).
 */
const HAS_SLA = `d.status NOT IN (${NO_SLA_STATUSES.map((s) => `'${s}'`).join(', ')}) AND d.due_at IS NOT NULL`;
const RUNNING = `${HAS_SLA} AND d.completed_at IS NULL AND d.status <> '${CLOCK_PAUSED_STATUS}'`;
const DECIDED = `${HAS_SLA} AND d.completed_at IS NOT NULL`;
const SLA_SQL: Record<SlaState, string> = {
  OVERDUE: `${RUNNING} AND d.due_at < $now`,
  DUE_SOON: `${RUNNING} AND d.due_at >= $now AND d.due_at < $soon`,
  ON_TIME: `((${RUNNING} AND d.due_at >= $soon) OR (${DECIDED} AND d.decided_outcome = 'ON_TIME'))`,
  WAITING_CITIZEN: `${HAS_SLA} AND d.completed_at IS NULL AND d.status = '${CLOCK_PAUSED_STATUS}'`,
  EARLY: `${DECIDED} AND d.decided_outcome = 'EARLY'`,
  LATE: `${DECIDED} AND d.decided_outcome = 'LATE'`,
};

/**
 * The staff queue's one read: a page of dossiers with the names it shows, in one statement, through
 * the dossier module's view `dossier_queue_item` (migration 1765800000000), never its tables.
 */
@Injectable()
export class QueueRepository {
  constructor(private readonly ds: DataSource) {}

  /** limit + 1 rows, to tell whether another page follows. */
  async findPage(f: QueueFilter): Promise<QueueRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // Statuses come from the validated enum: inlined, so the planner matches the partial indexes.
    const where = [`d.status IN (${f.statuses.map((s) => `'${s}'`).join(', ')})`];
    if (f.agencyCodes !== 'ALL') where.push(`d.agency_code = ANY(${p(f.agencyCodes)}::text[])`);
    if (f.sla) {
      // Only the times the condition uses become parameters (an unused one has no type).
      let sql = SLA_SQL[f.sla];
      if (sql.includes('$now')) {
        const now = `${p(f.now)}::timestamptz`;
        sql = sql.replaceAll('$now', () => now);
      }
      if (sql.includes('$soon')) {
        const soon = `${p(f.dueSoonBefore)}::timestamptz`;
        sql = sql.replaceAll('$soon', () => soon);
      }
      where.push(sql);
    }
    if (f.procedureCode) where.push(`d.procedure_code = ${p(f.procedureCode)}`);
    if (f.assigneeId === null) where.push(`d.assignee_id IS NULL`);
    else if (f.assigneeId) where.push(`d.assignee_id = ${p(f.assigneeId)}::uuid`);
    if (f.q) {
      // A code always has digits, a name never: one condition each, so each uses its trigram index. The
      // name is the dossier's own unaccented lower-case copy (migration 1766900000000), whose trigram
      // index covers the queue's statuses: the user's text is folded the same way in SQL.
      if (/\d/.test(f.q)) where.push(`d.code LIKE ${p(`%${likeText(f.q.toUpperCase())}%`)}`);
      else where.push(`d.applicant_name_search LIKE lower(f_unaccent(${p(`%${likeText(f.q)}%`)}))`);
    }
    if (f.after) where.push(`(${SORT_KEY}, d.id) > (${p(f.after.sortAt)}::timestamptz, ${p(f.after.id)}::uuid)`);
    return this.ds.query(
      `SELECT d.id, d.code, d.procedure_code AS "procedureCode", d.procedure_name AS "procedureName",
              d.applicant_name AS "applicantName", d.status, d.channel, d.submitted_at AS "submittedAt",
              d.due_at AS "dueAt", d.completed_at AS "completedAt", d.decided_outcome AS "decidedOutcome",
              d.assignee_id AS "assigneeId",
              d.assignee_name AS "assigneeName",
              to_char(${SORT_KEY} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortAt"
         FROM dossier_queue_item d
        WHERE ${where.join(' AND ')}
        ORDER BY ${SORT_KEY}, d.id
        LIMIT ${p(f.limit + 1)}`,
      params,
    );
  }
}
