import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  decidedOutcome,
  processingWorkingDays,
  workingDaysWaited,
  WorkingCalendar,
  type DecidedOutcome,
} from '@motcua/shared';

/**
 * The time facts of a dossier as columns (issue 13, item 2), written by each transition from
 * dossierClock so that the queue, the reports and their rebuild read them instead of redoing the
 * calendar in SQL. `supplement_requested_at` already is "clock paused since". Existing rows are
 * backfilled here in TypeScript, with dossierClock on the holiday calendar as it is now: the
 * working days need the calendar, which SQL must not recompute.
 */
export class DossierTimeFacts1765900000000 implements MigrationInterface {
  name = 'DossierTimeFacts1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier ADD COLUMN paused_working_days integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE dossier ADD COLUMN decided_outcome text`);
    await q.query(`ALTER TABLE dossier ADD COLUMN processing_working_days integer`);
    await q.query(`ALTER TABLE dossier ADD CONSTRAINT dossier_decided_outcome_check
      CHECK (decided_outcome IN ('EARLY', 'ON_TIME', 'LATE'))`);
    await backfillTimeFacts(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier DROP CONSTRAINT dossier_decided_outcome_check`);
    await q.query(`ALTER TABLE dossier DROP COLUMN processing_working_days`);
    await q.query(`ALTER TABLE dossier DROP COLUMN decided_outcome`);
    await q.query(`ALTER TABLE dossier DROP COLUMN paused_working_days`);
  }
}

const BATCH = 5000;

/** Decided dossiers get their outcome and processing days; every dossier its paused days from the timeline. */
export async function backfillTimeFacts(q: QueryRunner): Promise<void> {
  const holidays = (await q.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM holiday`)) as {
    date: string;
    kind: 'HOLIDAY' | 'WORKING_DAY';
  }[];
  const calendar = new WorkingCalendar(holidays);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await q.query(
      `SELECT id, received_at AS "receivedAt", due_at AS "dueAt", completed_at AS "completedAt"
         FROM dossier WHERE completed_at IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    )) as { id: string; receivedAt: Date | null; dueAt: Date | null; completedAt: Date }[];
    if (!rows.length) break;
    const outcomes: DecidedOutcome[] = [];
    const days: number[] = [];
    for (const r of rows) {
      outcomes.push(decidedOutcome(r.completedAt, r.dueAt));
      days.push(r.receivedAt ? processingWorkingDays(r.receivedAt, r.completedAt, calendar) : 0);
    }
    await q.query(
      `UPDATE dossier d SET decided_outcome = u.outcome, processing_working_days = u.days
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS u(id, outcome, days) WHERE d.id = u.id`,
      [rows.map((r) => r.id), outcomes, days],
    );
    after = rows[rows.length - 1].id;
  }
  // Pauses: each request_supplement paired with the supplement that ended it (an open one still counts 0).
  const events = (await q.query(
    `SELECT dossier_id AS "dossierId", type, at FROM dossier_event
      WHERE type IN ('request_supplement', 'supplement') ORDER BY dossier_id, seq`,
  )) as { dossierId: string; type: string; at: Date }[];
  const paused = new Map<string, number>();
  const open = new Map<string, Date>();
  for (const e of events) {
    if (e.type === 'request_supplement') {
      if (!open.has(e.dossierId)) open.set(e.dossierId, e.at);
    } else {
      const from = open.get(e.dossierId);
      open.delete(e.dossierId);
      if (from) paused.set(e.dossierId, (paused.get(e.dossierId) ?? 0) + workingDaysWaited(from, e.at, calendar));
    }
  }
  const ids = [...paused.entries()].filter(([, n]) => n > 0);
  for (let i = 0; i < ids.length; i += BATCH) {
    const slice = ids.slice(i, i + BATCH);
    await q.query(
      `UPDATE dossier d SET paused_working_days = u.n
         FROM unnest($1::uuid[], $2::int[]) AS u(id, n) WHERE d.id = u.id`,
      [slice.map(([id]) => id), slice.map(([, n]) => n)],
    );
  }
}
