import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  automaticApologyDate,
  nextSlaChange,
  slaState,
  supplementReminderAt,
  localDateTimeWords,
  toLocalDate,
  type Role,
} from '@motcua/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { UsersService } from '../identity/users.service.js';
import { SLA_NOTIFIER, type SlaNotifier } from './sla-notifier.js';
import { SUPPLEMENT_REMINDER_WORKING_DAYS } from './sla-watch.service.js';

/** Rows one sweep transaction takes (claimed FOR UPDATE SKIP LOCKED: two processes share the work). */
const BATCH = 1000;
/** Automatic apologies per run: each is its own transaction with a PDF to render and sign. */
const APOLOGY_BATCH = 200;

/** The automatic letter's reason (domain.md: the system apologises for an open dossier past dueAt). */
export const AUTOMATIC_APOLOGY_REASON =
  'Hồ sơ chưa được giải quyết xong trong thời hạn đã hẹn; cơ quan cần thêm thời gian để hoàn thành việc giải quyết';

export interface SweepResult {
  /** Watch rows read (each one whose stored instant had come). */
  checked: number;
  dueSoon: number;
  overdue: number;
}

interface WatchRow {
  dossierId: string;
  agencyCode: string;
  assigneeId: string | null;
  dueAt: Date;
}

/**
 * The scheduled work of deadlines (api.md, Notifications and apologies), as plain methods of an
 * injected `now` for the job queue to call: the SLA sweep, the automatic apology and the
 * supplement reminders. Each reads only the `sla_watch` rows whose instant has come (partial
 * indexes) and is idempotent: an alert or reminder is a primary key, an automatic letter a unique index.
 */
@Injectable()
export class SlaSweepService {
  private readonly logger = new Logger('SlaSweep');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SLA_NOTIFIER) private readonly notifier: SlaNotifier,
    private readonly ds: DataSource,
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
    private readonly workflow: DossierWorkflowService,
    private readonly dossiers: DossiersService,
  ) {}

  /**
   * DUE_SOON and OVERDUE alerts (dossierClock.slaState), each once per dossier and state: to the
   * assignee, or the agency's receptionists when none; OVERDUE also to the agency's approvers.
   * Dossiers waiting for the citizen have no next check (their clock is stopped): never read.
   */
  async sweepSla(now: Date): Promise<SweepResult> {
    const total: SweepResult = { checked: 0, dueSoon: 0, overdue: 0 };
    const calendar = await this.catalog.getWorkingCalendar();
    const staff = new Map<string, string[]>();
    for (;;) {
      const batch = await this.ds.transaction(async (m) => {
        // Through the indexes whatever the planner guesses of the table: the claim by next_check_at,
        // the write-back by primary key, never a scan of every watched (open) dossier.
        await m.query(`SET LOCAL enable_seqscan = off`);
        await m.query(`SET LOCAL enable_hashjoin = off`);
        await m.query(`SET LOCAL enable_mergejoin = off`);
        const rows: WatchRow[] = await m.query(
          `SELECT dossier_id AS "dossierId", agency_code AS "agencyCode", assignee_id AS "assigneeId", due_at AS "dueAt"
             FROM sla_watch WHERE next_check_at <= $1
            ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, BATCH],
        );
        if (rows.length === 0) return 0;
        const states = rows.map((r) =>
          slaState({ status: 'IN_PROCESSING', dueAt: r.dueAt, completedAt: null }, now, calendar),
        );
        const alerting = rows.flatMap((r, i) =>
          states[i] === 'DUE_SOON' || states[i] === 'OVERDUE' ? [[r, states[i]] as const] : [],
        );
        const inserted: { dossierId: string; state: 'DUE_SOON' | 'OVERDUE' }[] = alerting.length
          ? await m.query(
              `INSERT INTO sla_alert (dossier_id, state, alerted_at)
               SELECT unnest($1::uuid[]), unnest($2::text[]), $3
               ON CONFLICT DO NOTHING RETURNING dossier_id AS "dossierId", state`,
              [alerting.map(([r]) => r.dossierId), alerting.map(([, s]) => s), now],
            )
          : [];
        const byId = new Map(rows.map((r) => [r.dossierId, r]));
        for (const alert of inserted) {
          const r = byId.get(alert.dossierId)!;
          const userIds = await this.recipients(m, r, alert.state, staff);
          await this.notifier.notify(m, {
            userIds,
            type: alert.state === 'DUE_SOON' ? 'SLA_DUE_SOON' : 'SLA_OVERDUE',
            dossierId: r.dossierId,
            params: { due: localDateTimeWords(r.dueAt), dueAt: r.dueAt.toISOString(), dueDate: toLocalDate(r.dueAt) },
          });
          if (alert.state === 'DUE_SOON') total.dueSoon++;
          else total.overdue++;
        }
        await m.query(
          `UPDATE sla_watch w SET next_check_at = x.next
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::timestamptz[]) AS next) x
            WHERE w.dossier_id = x.id`,
          [rows.map((r) => r.dossierId), rows.map((r) => nextSlaChange(r.dueAt, now, calendar))],
        );
        return rows.length;
      });
      total.checked += batch;
      if (batch < BATCH) return total;
    }
  }

  /** The assignee, or the desk when nobody holds it; OVERDUE adds the agency's approvers (once each). */
  private async recipients(
    m: EntityManager,
    r: WatchRow,
    state: 'DUE_SOON' | 'OVERDUE',
    cache: Map<string, string[]>,
  ): Promise<string[]> {
    const of = async (role: Role) => {
      const key = `${r.agencyCode}/${role}`;
      let ids = cache.get(key);
      if (!ids) {
        ids = await this.users.activeStaffIds(r.agencyCode, role, m);
        cache.set(key, ids);
      }
      return ids;
    };
    const ids = r.assigneeId ? [r.assigneeId] : await of('RECEPTIONIST');
    return [...new Set(state === 'OVERDUE' ? [...ids, ...(await of('APPROVER'))] : ids)];
  }

  /**
   * The automatic apology: every running open dossier past dueAt with none gets one, issued by the
   * system through the workflow (timeline, letter, notification in one transaction), its appointment
   * APOLOGY_APPOINTMENT_WORKING_DAYS working days after dueAt at 17:00 local. Two runs at once issue
   * one: the watch row is claimed SKIP LOCKED and the transition is version-checked. Returns how many.
   */
  async issueDueApologies(now: Date): Promise<number> {
    const due: { dossierId: string }[] = await this.ds.query(
      `SELECT dossier_id AS "dossierId" FROM sla_watch
        WHERE running AND NOT apologised AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [now, APOLOGY_BATCH],
    );
    const calendar = await this.catalog.getWorkingCalendar();
    let issued = 0;
    for (const { dossierId } of due) {
      try {
        const done = await this.ds.transaction(async (m) => {
          const claimed: unknown[] = await m.query(
            `SELECT 1 FROM sla_watch WHERE dossier_id = $1 AND running AND NOT apologised AND due_at < $2
               FOR UPDATE SKIP LOCKED`,
            [dossierId, now],
          );
          if (claimed.length === 0) return false;
          const d = await this.dossiers.findWithNames(dossierId, m);
          if (!d?.dueAt) return false;
          const newDueDate = automaticApologyDate(d.dueAt, this.config.apologyAppointmentWorkingDays, calendar);
          const after = await this.workflow.applySystemAction(m, dossierId, 'issue_apology', d.version, {
            note: AUTOMATIC_APOLOGY_REASON,
            newDueDate,
          });
          return after !== null;
        });
        if (done) issued++;
      } catch (e) {
        // One dossier's failure (a missing certificate file, a storage error) must not stop the others.
        this.logger.error(`Automatic apology for ${dossierId} failed: ${String(e)}`);
      }
    }
    return issued;
  }

  /**
   * Reminders to the applicant of a supplement request left unanswered, after 2 and 5 working days,
   * once each (a primary key per request and reminder). A run that comes late sends the latest due only.
   */
  async remindSupplements(now: Date): Promise<number> {
    const calendar = await this.catalog.getWorkingCalendar();
    let sent = 0;
    for (;;) {
      const batch = await this.ds.transaction(async (m) => {
        const rows: { dossierId: string; applicantId: string; requestedAt: Date; remindersSent: number }[] =
          await m.query(
            `SELECT dossier_id AS "dossierId", applicant_id AS "applicantId",
                    supplement_requested_at AS "requestedAt", reminders_sent AS "remindersSent"
               FROM sla_watch WHERE next_reminder_at <= $1 AND supplement_requested_at IS NOT NULL
              ORDER BY next_reminder_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [now, BATCH],
          );
        for (const r of rows) {
          const at = (k: number) => supplementReminderAt(r.requestedAt, SUPPLEMENT_REMINDER_WORKING_DAYS[k], calendar);
          let n = r.remindersSent;
          while (n < SUPPLEMENT_REMINDER_WORKING_DAYS.length && at(n).getTime() <= now.getTime()) n++;
          if (n > r.remindersSent) {
            const inserted: unknown[] = await m.query(
              `INSERT INTO supplement_reminder (dossier_id, requested_at, n, sent_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT DO NOTHING RETURNING 1`,
              [r.dossierId, r.requestedAt, n, now],
            );
            if (inserted.length) {
              await this.notifier.notify(m, {
                userIds: [r.applicantId],
                type: 'SUPPLEMENT_REMINDER',
                dossierId: r.dossierId,
                params: { reminder: n, workingDaysWaited: SUPPLEMENT_REMINDER_WORKING_DAYS[n - 1] },
              });
              sent++;
            }
          }
          const next = n < SUPPLEMENT_REMINDER_WORKING_DAYS.length ? at(n) : null;
          await m.query(`UPDATE sla_watch SET reminders_sent = $2, next_reminder_at = $3 WHERE dossier_id = $1`, [
            r.dossierId,
            n,
            next,
          ]);
        }
        return rows.length;
      });
      if (batch < BATCH) return sent;
    }
  }
}
