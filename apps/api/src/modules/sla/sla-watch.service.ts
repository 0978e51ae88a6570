import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CLOCK_PAUSED_STATUS,
  dueSoonFrom,
  slaState,
  supplementReminderAt,
  type DossierStatus,
  type WorkingCalendar,
} from '@motcua/shared';
import { CatalogService } from '../catalog/catalog.service.js';
import { DossierTransitionHooks } from '../dossiers/dossier-transition-hooks.js';
import type { DossierSnapshot, DossierTransitionChange } from '../dossiers/dossiers.types.js';

/** Received and not yet decided: the dossiers whose deadline can still act (domain.md, SLA states). */
export const WATCHED_STATUSES: readonly DossierStatus[] = [
  'RECEIVED',
  'IN_PROCESSING',
  CLOCK_PAUSED_STATUS,
  'PENDING_APPROVAL',
];

/** Working days after a supplement request at which the applicant is reminded, once each. */
export const SUPPLEMENT_REMINDER_WORKING_DAYS = [2, 5] as const;

/**
 * When the sweep must next look at a running dossier: at its DUE_SOON start while ON_TIME, else at
 * once (a DUE_SOON or OVERDUE dossier not yet alerted in that state; the sweep then moves it on).
 */
export function firstCheckAt(dueAt: Date, now: Date, calendar: WorkingCalendar): Date {
  const state = slaState({ status: 'IN_PROCESSING', dueAt, completedAt: null }, now, calendar);
  return state === 'ON_TIME' ? dueSoonFrom(dueAt, calendar) : now;
}

/**
 * Keeps `sla_watch` at write time, in each transition's transaction: one row per open received
 * dossier with its due time, whether its clock runs, and the instants the sweep and the reminders
 * must next look at it; deleted when it closes. The sweeps read only rows whose instant has come,
 * through partial indexes (migration 1766600000000), never every open dossier.
 */
@Injectable()
export class SlaWatchService implements OnModuleInit {
  constructor(
    private readonly hooks: DossierTransitionHooks,
    private readonly catalog: CatalogService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, change) => this.onTransition(m, change));
  }

  async onTransition(m: EntityManager, change: DossierTransitionChange): Promise<void> {
    const a = change.after;
    const dueAt = a.dueAt;
    if (!WATCHED_STATUSES.includes(a.status) || !dueAt || a.completedAt) {
      if (WATCHED_STATUSES.includes(change.before.status)) {
        await m.query(`DELETE FROM sla_watch WHERE dossier_id = $1`, [a.id]);
      }
      return;
    }
    await this.upsert(m, { ...a, dueAt }, change.before.status, change.action === 'issue_apology', change.at);
  }

  /** Write the row of a watched dossier as it is now (also the demo command's, after moving its due time). */
  async upsert(
    m: EntityManager,
    a: Pick<
      DossierSnapshot,
      'id' | 'agencyCode' | 'assigneeId' | 'applicantId' | 'status' | 'supplementRequestedAt'
    > & {
      dueAt: Date;
    },
    beforeStatus: DossierStatus,
    apologised: boolean,
    now: Date,
  ): Promise<void> {
    const calendar = await this.catalog.getWorkingCalendar(m);
    const running = a.status !== CLOCK_PAUSED_STATUS;
    const nextCheck = running ? firstCheckAt(a.dueAt, now, calendar) : null;
    // A new supplement request starts its reminders over; any other change keeps them.
    const newRequest = !running && beforeStatus !== CLOCK_PAUSED_STATUS;
    const requestedAt = a.supplementRequestedAt ?? now;
    const firstReminder = supplementReminderAt(requestedAt, SUPPLEMENT_REMINDER_WORKING_DAYS[0], calendar);
    await m.query(
      `INSERT INTO sla_watch (dossier_id, agency_code, assignee_id, applicant_id, due_at, running, apologised,
                              next_check_at, supplement_requested_at, reminders_sent, next_reminder_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)
       ON CONFLICT (dossier_id) DO UPDATE SET
         agency_code = EXCLUDED.agency_code, assignee_id = EXCLUDED.assignee_id,
         applicant_id = EXCLUDED.applicant_id, due_at = EXCLUDED.due_at, running = EXCLUDED.running,
         apologised = sla_watch.apologised OR EXCLUDED.apologised, next_check_at = EXCLUDED.next_check_at,
         supplement_requested_at = EXCLUDED.supplement_requested_at,
         reminders_sent = CASE WHEN $11 OR EXCLUDED.running THEN 0 ELSE sla_watch.reminders_sent END,
         next_reminder_at = CASE WHEN $11 THEN EXCLUDED.next_reminder_at
                                 WHEN EXCLUDED.running THEN NULL ELSE sla_watch.next_reminder_at END`,
      [
        a.id,
        a.agencyCode,
        a.assigneeId,
        a.applicantId,
        a.dueAt,
        running,
        apologised,
        nextCheck,
        running ? null : requestedAt,
        running ? null : firstReminder,
        newRequest,
      ],
    );
  }
}
