import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  actionOfMove,
  assignmentOf,
  buildFormValidator,
  checkAction,
  apologyAppointment,
  computeDueAt,
  decidedOutcome,
  findTransition,
  moveDueAt,
  processingWorkingDays,
  workingDaysWaited,
  formatDossierCode,
  localDateKey,
  moveOf,
  zodFieldErrors,
  verifiedProfileIssues,
  type FormSchema,
  type DossierAction,
  type DossierMove,
  type DossierStatus,
  type FieldError,
  type Role,
  type Transition,
  isDigitised,
  isEndToEnd,
} from '@motcua/shared';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { AuditService } from '../audit/audit.service.js';
import type { TimelineEventContent } from '../audit/hash-chain.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { UsersService } from '../identity/users.service.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { canSeeDossier } from './dossier-access.js';
import { DossierEventsRepository } from './dossier-events.repository.js';
import { DossierNotificationsService } from './dossier-notifications.service.js';
import { DossierTransitionHooks, snapshotOf } from './dossier-transition-hooks.js';
import { DossierError } from './dossiers.errors.js';
import { DossiersRepository } from './dossiers.repository.js';
import type { Actor, DossierChange, DossierRow, DossierWithNames } from './dossiers.types.js';

/**
 * The outbox message of every status change, for the national-portal sync to come; the applicant's
 * e-mail now follows from their inbox notification (dossier-notifications.service.ts).
 */
export const DOSSIER_STATUS_CHANGED = 'dossier.status_changed';

export interface DossierStatusChangedPayload {
  dossierId: string;
  code: string | null;
  action: DossierAction;
  fromStatus: DossierStatus;
  toStatus: DossierStatus;
  note: string | null;
  at: string;
  agencyCode: string;
  procedureName: string;
  applicantId: string;
  applicantName: string;
  applicantEmail: string | null;
}

export interface ActionOptions {
  note?: string | null;
  assigneeId?: string;
  /** Run inside the caller's transaction instead of opening one. */
  manager?: EntityManager;
  /** False: no outbox message (the counter's submit: the desk hands the receipt over at once). */
  notify?: boolean;
  /** issue_apology: the new appointment's local day `YYYY-MM-DD` (api.md, Notifications and apologies). */
  newDueDate?: string;
}

/** Prefix each form field error with `formData.`. */
export function formErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field === '(body)' ? 'formData' : `formData.${e.field}` }));
}

/** A form data object checked against a validator; a 400 naming every bad field. */
export function validateForm(
  validator: ReturnType<typeof buildFormValidator>,
  formData: Record<string, unknown>,
): Record<string, unknown> {
  const result = validator.safeParse(formData);
  if (!result.success) throw DossierError.formInvalid(formErrors(zodFieldErrors(result.error)));
  return formData;
}

/**
 * The one way a dossier changes status (architecture.md): `applyAction` checks scope, the shared
 * transition table and the note rule, then `commitTransition` updates the row with
 * `WHERE version = :expected`, appends the hash-chained timeline event, the outbox message and
 * runs the in-transaction hooks, all in one transaction.
 */
@Injectable()
export class DossierWorkflowService {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly events: DossierEventsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
    private readonly scopes: AgencyScopeService,
    private readonly outbox: OutboxService,
    private readonly dossierNotifications: DossierNotificationsService,
    private readonly hooks: DossierTransitionHooks,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Take `action` on a dossier as `actor`. Answers, in this order: 404 when the dossier is not
   * the caller's to see; 403 when their role may never take the action, or when an officer acts
   * on a dossier another officer holds; 409 when its status does not allow it; 400 naming `note` when the action needs one; 409 when `expectedVersion` is not
   * the current version (omitted: the version read now, still checked by the conditional update).
   */
  async applyAction(
    dossierId: string,
    action: DossierAction,
    actor: Actor,
    expectedVersion: number | undefined,
    options: ActionOptions = {},
  ): Promise<DossierWithNames> {
    // Read before the transaction: a statement on another pooled connection while a transaction
    // holds one could starve the pool under load.
    const scope = await this.scopes.agencyCodesInScope(actor);
    const assignee = options.assigneeId ? await this.findUser(options.assigneeId) : null;
    const run = async (m: EntityManager) => {
      const d = await this.dossiers.findWithNamesById(dossierId, m);
      if (!d || !canSeeDossier(actor, scope, d)) throw DossierError.notFound();
      // `assign` is two moves of the shared table: taking a free dossier, or handing it to another officer.
      // A walk-in draft is submitted by the desk (`counter_submit`), an online one by its applicant.
      const move = moveOf(action, { assigneeId: options.assigneeId, callerId: actor.id, channel: d.channel });
      if (move === 'take' && !actor.roles.includes('OFFICER')) throw DossierError.assigneeRequired();
      const check = checkAction(d.status, move, {
        roles: actor.roles,
        isApplicant: d.applicantId === actor.id,
        assignment: assignmentOf(d.assigneeId, actor.id),
      });
      if (!check.ok) {
        switch (check.reason) {
          case 'FORBIDDEN':
            throw DossierError.actionForbidden(action);
          case 'NOT_ASSIGNEE':
            throw DossierError.notAssignee(action);
          case 'INVALID_TRANSITION':
            throw DossierError.invalidTransition(d.status, action);
        }
      }
      const note = options.note?.trim() || null;
      if (check.transition.noteRequired && !note) throw DossierError.noteRequired(action);
      const version = expectedVersion ?? d.version;
      if (version !== d.version) throw DossierError.staleVersion(version);
      const now = this.clock.now();
      const fields = await this.changeFor(move, d, actor, assignee, options, now, m);
      const notify = options.notify ?? true;
      return this.commitTransition(m, d, action, check.transition, actor, version, fields, note, now, notify);
    };
    return options.manager ? run(options.manager) : this.ds.transaction(run);
  }

  /**
   * An action the system takes on its own (the SLA sweep's automatic apology, actor null): no caller, so no
   * scope or role check, only the shared table's rule that the move exists from the dossier's
   * status; the same commit (version check, timeline, outbox, hooks) as a caller's action. Returns
   * null when the dossier is not in such a status or moved meanwhile (stale version): nothing written.
   */
  async applySystemAction(
    m: EntityManager,
    dossierId: string,
    action: Extract<DossierAction, 'issue_apology'>,
    expectedVersion: number,
    options: { note: string; newDueDate: string },
  ): Promise<DossierWithNames | null> {
    const d = await this.dossiers.findWithNamesById(dossierId, m);
    if (!d || d.version !== expectedVersion) return null;
    const transition = findTransition(d.status, action);
    if (!transition) return null;
    const now = this.clock.now();
    const fields = await this.changeFor(action, d, null, null, options, now, m);
    try {
      return await this.commitTransition(m, d, action, transition, null, expectedVersion, fields, options.note, now);
    } catch (e) {
      if (e instanceof AppError && e.code === 'STALE_VERSION') return null;
      throw e;
    }
  }

  /**
   * Write one transition: the conditional update (stale → 409, nothing written), the timeline
   * event chained to the previous one, the outbox message (unless `notify` is false) and the
   * hooks. The caller has checked that the transition is allowed.
   */
  private async commitTransition(
    m: EntityManager,
    d: DossierWithNames,
    action: DossierAction,
    transition: Transition,
    actor: Actor | null,
    expectedVersion: number,
    fields: DossierChange,
    note: string | null,
    at: Date,
    notify = true,
  ): Promise<DossierWithNames> {
    const actorRole: Role | null = actor
      ? (actor.roles.find((r) => transition.roles.includes(r)) ?? actor.roles[0] ?? null)
      : null;
    const content: TimelineEventContent = {
      dossierId: d.id,
      seq: d.lastEventSeq + 1,
      type: action,
      fromStatus: d.status,
      toStatus: transition.to,
      actorId: actor?.id ?? null,
      actorRole,
      note,
      at,
    };
    await this.hooks.runBeforeSeal(m, { action, at, before: snapshotOf(d), toStatus: transition.to });
    // The keyed link seals the row as this transition leaves it, attachments included.
    const sealed = await this.audit.sealTransition(
      m,
      { ...d, ...fields, status: transition.to },
      d.lastEventHash,
      content,
    );
    const hash = sealed.link;
    const after = await this.dossiers.applyChange(
      d.id,
      expectedVersion,
      { status: transition.to, fields, lastEventSeq: content.seq, lastEventHash: hash, at },
      m,
    );
    if (!after) throw DossierError.staleVersion(expectedVersion);
    await this.events.insert(
      {
        dossierId: d.id,
        seq: content.seq,
        type: action,
        fromStatus: d.status,
        toStatus: transition.to,
        actorId: actor?.id ?? null,
        actorRole,
        actorName: actor?.fullName ?? null,
        note,
        at,
        prevHash: d.lastEventHash,
        hash,
        chainVersion: sealed.chainVersion,
        state: sealed.state,
      },
      m,
    );
    // An apology moves no status: the applicant hears of it through the apology's own notification.
    if (notify && action !== 'issue_apology') {
      const payload: DossierStatusChangedPayload = {
        dossierId: d.id,
        code: after.code,
        action,
        fromStatus: d.status,
        toStatus: transition.to,
        note,
        at: at.toISOString(),
        agencyCode: after.agencyCode,
        procedureName: d.procedureName,
        applicantId: d.applicantId,
        applicantName: d.applicantName,
        applicantEmail: d.applicantEmail,
      };
      await this.outbox.enqueue(m, DOSSIER_STATUS_CHANGED, payload);
      // The applicant's inbox (and through it e-mail and SMS), in this transaction.
      await this.dossierNotifications.onTransition(m, action, d.status, after, note);
    }
    await this.hooks.runTransition(m, {
      action,
      at,
      actor: { id: actor?.id ?? null, role: actorRole },
      note,
      before: snapshotOf(d),
      after: snapshotOf(after),
    });
    return after;
  }

  /**
   * A dossier's applicant changed without a status change (a counter dossier joining the account
   * of a proven identity, by claim code or digital-ID login): one `claim` event per dossier, its
   * keyed link sealing the new applicant, so the audit tells this change from a tampered row.
   * The row must already hold the new applicant; the version moves so a concurrent transition
   * that read the old chain end gets 409, not a duplicate seq.
   */
  async recordApplicantChange(m: EntityManager, dossierIds: string[], actorId: string, at: Date): Promise<void> {
    const [actor] = await m.query<{ fullName: string; roles: Role[] }[]>(
      `SELECT full_name AS "fullName", roles FROM app_user WHERE id = $1`,
      [actorId],
    );
    for (const id of dossierIds) {
      const d = await this.dossiers.findWithNamesById(id, m);
      if (!d || d.lastEventSeq === 0) continue; // a draft has no chain yet: its first link will seal it
      const content: TimelineEventContent = {
        dossierId: d.id,
        seq: d.lastEventSeq + 1,
        type: 'claim',
        fromStatus: d.status,
        toStatus: d.status,
        actorId,
        actorRole: actor?.roles[0] ?? null,
        note: null,
        at,
      };
      const sealed = await this.audit.sealTransition(m, d, d.lastEventHash, content);
      await this.dossiers.moveAnchor(d.id, content.seq, sealed.link, at, m);
      await this.events.insert(
        {
          ...content,
          fromStatus: d.status,
          toStatus: d.status,
          actorRole: content.actorRole as Role | null,
          actorName: actor?.fullName ?? null,
          at,
          prevHash: d.lastEventHash,
          hash: sealed.link,
          chainVersion: sealed.chainVersion,
          state: sealed.state,
        },
        m,
      );
    }
  }

  /**
   * An event that changes no status (a fee paid online or at the desk): sealed in the keyed chain
   * like `claim`, the anchor and version moved so a concurrent transition that read the old chain
   * end gets 409. The caller has already written the row's new facts in `m`; `actor` null is the
   * gateway (no person).
   */
  async recordEvent(
    m: EntityManager,
    dossierId: string,
    type: string,
    actor: { id: string; role: Role | null; fullName: string | null } | null,
    note: string | null,
    at: Date,
  ): Promise<void> {
    const d = await this.dossiers.findWithNamesById(dossierId, m);
    if (!d) throw DossierError.notFound();
    const content: TimelineEventContent = {
      dossierId: d.id,
      seq: d.lastEventSeq + 1,
      type,
      fromStatus: d.status,
      toStatus: d.status,
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      note,
      at,
    };
    const sealed = await this.audit.sealTransition(m, d, d.lastEventHash, content);
    await this.dossiers.moveAnchor(d.id, content.seq, sealed.link, at, m);
    await this.events.insert(
      {
        ...content,
        fromStatus: d.status,
        toStatus: d.status,
        actorRole: actor?.role ?? null,
        actorName: actor?.fullName ?? null,
        at,
        prevHash: d.lastEventHash,
        hash: sealed.link,
        chainVersion: sealed.chainVersion,
        state: sealed.state,
      },
      m,
    );
  }

  /**
   * Outside production only (the demo command, README): move an open dossier's due time, in the
   * caller's transaction, recorded on the timeline as `demo_due_moved` by the system, sealed like
   * any change. The caller keeps the derived facts (report rows, SLA watch) in the same transaction.
   */
  async moveDueAtForDemo(m: EntityManager, dossierId: string, dueAt: Date, at: Date): Promise<void> {
    await this.dossiers.setDueAt(dossierId, dueAt, m);
    await this.recordEvent(m, dossierId, 'demo_due_moved', null, `Demo: dueAt → ${dueAt.toISOString()}`, at);
  }

  /** The code of a dossier submitted now at an agency, from the locked per-day counter row. */
  async assignCode(agencyCode: string, at: Date, m: EntityManager): Promise<string> {
    const seq = await this.dossiers.nextCodeSeq(agencyCode, localDateKey(at), m);
    return formatDossierCode(agencyCode, at, seq);
  }

  /** The columns an action sets besides the status (domain.md, deadlines and clock stop). */
  private async changeFor(
    move: DossierMove,
    d: DossierRow,
    actor: Actor | null,
    assignee: AssigneeCandidate | null,
    options: ActionOptions,
    now: Date,
    m: EntityManager,
  ): Promise<DossierChange> {
    switch (actionOfMove(move)) {
      case 'submit':
        // At the counter the form was checked at intake and the documents are on paper at the desk.
        if (move === 'submit') await this.checkSubmittable(d, m);
        // Last: the counter row stays locked until commit, so take it as late as possible.
        return { code: await this.assignCode(d.agencyCode, now, m), submittedAt: now };
      case 'receive': {
        const calendar = await this.catalog.getWorkingCalendar(m);
        return { receivedAt: now, dueAt: computeDueAt(now, d.processingDays, calendar) };
      }
      case 'assign':
        if (!actor) throw DossierError.assigneeRequired();
        return { assigneeId: this.assigneeFor(d, actor, options.assigneeId, assignee) };
      case 'issue_apology': {
        // dueAt stays (the dossier is still late against it); the appointment is the new date's 17:00.
        const calendar = await this.catalog.getWorkingCalendar(m);
        const appointmentAt =
          d.dueAt && options.newDueDate ? apologyAppointment(options.newDueDate, d.dueAt, calendar) : null;
        if (!appointmentAt) throw DossierError.newDueDateInvalid();
        return { appointmentAt };
      }
      case 'request_supplement':
        return { supplementRequestedAt: now };
      case 'supplement': {
        if (!d.dueAt) return { supplementRequestedAt: null };
        const calendar = await this.catalog.getWorkingCalendar(m);
        // The working days waited move the due time and add to the pause so far (a time fact).
        const waited = workingDaysWaited(d.supplementRequestedAt ?? now, now, calendar);
        return {
          dueAt: moveDueAt(d.dueAt, waited, calendar),
          supplementRequestedAt: null,
          pausedWorkingDays: d.pausedWorkingDays + waited,
        };
      }
      case 'approve':
      case 'reject': {
        // The decision's time facts, fixed now: reports and queues read them, never recompute them.
        const calendar = await this.catalog.getWorkingCalendar(m);
        return {
          completedAt: now,
          decidedOutcome: decidedOutcome(now, d.dueAt),
          processingWorkingDays: d.receivedAt ? processingWorkingDays(d.receivedAt, now, calendar) : 0,
        };
      }
      case 'return_result':
        return { returnedAt: now, ...(await this.returnFigures(d, m)) };
      case 'refuse':
      case 'withdraw':
      case 'submit_for_approval':
      case 'return_to_officer':
        return {};
    }
  }

  /** The dossier's end-to-end and digitised facts, fixed when its result is returned (api.md, End-to-end figures). */
  private async returnFigures(d: DossierRow, m: EntityManager): Promise<{ endToEnd: boolean; digitised: boolean }> {
    const procedure = await this.catalog.getProcedureVersion(d.procedureCode, d.procedureVersion, m);
    const present = await this.attachments.findDocumentCodes(d.id, m);
    const result = await this.dossiers.findResult(d.id, m);
    const facts = {
      channel: d.channel,
      onlineLevel: d.onlineLevel,
      feeStatus: d.feeStatus,
      feePaidOnline: d.feePaidOnline,
      deliveryMethod: d.deliveryMethod,
      resultSigned: result?.signed === true,
      requiredDocumentsStored: procedure.requiredDocuments.every((doc) => !doc.required || present.has(doc.code)),
    };
    return { endToEnd: isEndToEnd(facts), digitised: isDigitised(facts) };
  }

  /** Full form validation and required documents, at submit. */
  private async checkSubmittable(d: DossierRow, m: EntityManager): Promise<void> {
    const procedure = await this.catalog.getProcedureVersion(d.procedureCode, d.procedureVersion, m);
    validateForm(this.catalog.validatorsOf(procedure).form, d.formData);
    await this.checkVerifiedValues(d, procedure.formSchema);
    const present = await this.attachments.findDocumentCodes(d.id, m);
    const missing = procedure.requiredDocuments.filter((doc) => doc.required && !present.has(doc.code));
    if (missing.length) throw DossierError.missingDocuments(missing.map((doc) => doc.code));
  }

  /**
   * A digital-citizen applicant's fields mapped to their verified name, birth date or national ID
   * must hold those values (api.md, Catalog: `profileField`): the form locks them, the API checks.
   */
  private async checkVerifiedValues(d: DossierRow, formSchema: FormSchema): Promise<void> {
    if (!formSchema.fields.some((f) => f.profileField)) return;
    const applicant = await this.users.getById(d.applicantId);
    if (!applicant.verified) return;
    const issues = verifiedProfileIssues(formSchema, d.formData, {
      fullName: applicant.fullName,
      birthDate: applicant.dateOfBirth,
      nationalId: applicant.nationalId,
    });
    if (issues.length) throw DossierError.formInvalid(formErrors(issues));
  }

  /**
   * The assignee is always an officer of the dossier's agency: the named one, or the caller
   * taking the dossier for themself (who must then be such an officer).
   */
  private assigneeFor(
    d: DossierRow,
    actor: Actor,
    assigneeId: string | undefined,
    assignee: AssigneeCandidate | null,
  ): string {
    if (!assigneeId) {
      if (!actor.roles.includes('OFFICER') || actor.agencyCode !== d.agencyCode) throw DossierError.assigneeRequired();
      return actor.id;
    }
    if (!assignee || !assignee.roles.includes('OFFICER') || assignee.agencyCode !== d.agencyCode) {
      throw DossierError.invalidAssignee();
    }
    return assignee.id;
  }

  private async findUser(id: string): Promise<AssigneeCandidate | null> {
    try {
      const u = await this.users.getById(id);
      return { id: u.id, roles: u.roles, agencyCode: u.agencyCode };
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }
}

interface AssigneeCandidate {
  id: string;
  roles: Role[];
  agencyCode: string | null;
}
