import { z } from 'zod';
import type { DossierStatus } from './dossier-status.js';
import type { Role } from './roles.js';

/**
 * Every action that moves a dossier (domain.md, "Dossier life cycle"). The staff actions are the
 * values `POST /dossiers/{id}/actions` accepts (api.md); the applicant's have their own routes.
 */
export const STAFF_DOSSIER_ACTIONS = [
  'receive',
  'refuse',
  'assign',
  'request_supplement',
  'submit_for_approval',
  'approve',
  'reject',
  'return_to_officer',
  'return_result',
] as const;
export type StaffDossierAction = (typeof STAFF_DOSSIER_ACTIONS)[number];
export const staffDossierActionSchema = z.enum(STAFF_DOSSIER_ACTIONS);

export const APPLICANT_DOSSIER_ACTIONS = ['submit', 'withdraw', 'supplement'] as const;
export type ApplicantDossierAction = (typeof APPLICANT_DOSSIER_ACTIONS)[number];

export const DOSSIER_ACTIONS = [...APPLICANT_DOSSIER_ACTIONS, ...STAFF_DOSSIER_ACTIONS] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type ActionActor = 'applicant' | 'staff';

/** One allowed move: where it leads, who may make it, and whether it must carry a note. */
export interface Transition {
  to: DossierStatus;
  roles: readonly Role[];
  noteRequired: boolean;
  actor: ActionActor;
}

/** Who is asking: their roles, and whether they are the dossier's applicant. */
export interface ActionCaller {
  roles: readonly Role[];
  isApplicant: boolean;
}

const APPLICANT = ['CITIZEN'] as const satisfies readonly Role[];
const RECEPTIONIST = ['RECEPTIONIST'] as const satisfies readonly Role[];
const OFFICER = ['OFFICER'] as const satisfies readonly Role[];
const APPROVER = ['APPROVER'] as const satisfies readonly Role[];
// An officer takes a dossier for themself; the desk or the head of the agency hands it to one.
const ASSIGNERS = ['RECEPTIONIST', 'OFFICER', 'APPROVER'] as const satisfies readonly Role[];

const withdraw: Transition = { to: 'WITHDRAWN', roles: APPLICANT, noteRequired: false, actor: 'applicant' };
const returnResult: Transition = { to: 'RETURNED', roles: RECEPTIONIST, noteRequired: false, actor: 'staff' };

/**
 * The one table of the life cycle, read by the API to enforce and by the web to show buttons.
 * `satisfies Record<DossierStatus, …>`: a status added to DOSSIER_STATUSES and missing here does
 * not compile. An action absent from a status's row is not allowed from that status.
 */
export const DOSSIER_TRANSITIONS = {
  DRAFT: {
    submit: { to: 'SUBMITTED', roles: APPLICANT, noteRequired: false, actor: 'applicant' },
  },
  SUBMITTED: {
    receive: { to: 'RECEIVED', roles: RECEPTIONIST, noteRequired: false, actor: 'staff' },
    refuse: { to: 'NOT_ACCEPTED', roles: RECEPTIONIST, noteRequired: true, actor: 'staff' },
    withdraw,
  },
  NOT_ACCEPTED: {},
  RECEIVED: {
    assign: { to: 'IN_PROCESSING', roles: ASSIGNERS, noteRequired: false, actor: 'staff' },
    withdraw,
  },
  WITHDRAWN: {},
  IN_PROCESSING: {
    // Reassignment: the dossier stays in processing with another officer.
    assign: { to: 'IN_PROCESSING', roles: ASSIGNERS, noteRequired: false, actor: 'staff' },
    request_supplement: { to: 'SUPPLEMENT_REQUESTED', roles: OFFICER, noteRequired: true, actor: 'staff' },
    submit_for_approval: { to: 'PENDING_APPROVAL', roles: OFFICER, noteRequired: false, actor: 'staff' },
  },
  SUPPLEMENT_REQUESTED: {
    // api.md: `POST /dossiers/{id}/supplement {note}`, the note (what was added) is part of the contract.
    supplement: { to: 'IN_PROCESSING', roles: APPLICANT, noteRequired: true, actor: 'applicant' },
    withdraw,
  },
  PENDING_APPROVAL: {
    approve: { to: 'APPROVED', roles: APPROVER, noteRequired: false, actor: 'staff' },
    reject: { to: 'REJECTED', roles: APPROVER, noteRequired: true, actor: 'staff' },
    return_to_officer: { to: 'IN_PROCESSING', roles: APPROVER, noteRequired: true, actor: 'staff' },
  },
  APPROVED: { return_result: returnResult },
  REJECTED: { return_result: returnResult },
  RETURNED: {},
} as const satisfies Record<DossierStatus, Partial<Record<DossierAction, Transition>>>;

/** Statuses with no way out. */
export const TERMINAL_STATUSES = ['NOT_ACCEPTED', 'WITHDRAWN', 'RETURNED'] as const satisfies readonly DossierStatus[];

/** The transition of `action` from `status`, or null when the table has none. */
export function findTransition(status: DossierStatus, action: DossierAction): Transition | null {
  const row: Partial<Record<DossierAction, Transition>> = DOSSIER_TRANSITIONS[status];
  return row[action] ?? null;
}

/** Whether `action` is the applicant's (own route, ownership check) or the staff's. */
export function actionActor(action: DossierAction): ActionActor {
  return (APPLICANT_DOSSIER_ACTIONS as readonly DossierAction[]).includes(action) ? 'applicant' : 'staff';
}

/** Every role that may take `action` from some status (a caller with none of them gets 403, not 409). */
export function actionRoles(action: DossierAction): Role[] {
  const roles = new Set<Role>();
  for (const row of Object.values(DOSSIER_TRANSITIONS) as Partial<Record<DossierAction, Transition>>[]) {
    for (const role of row[action]?.roles ?? []) roles.add(role);
  }
  return [...roles];
}

/** The note rule of an action; the same from every status it is allowed from (tested). */
export function noteRequired(action: DossierAction): boolean {
  for (const row of Object.values(DOSSIER_TRANSITIONS) as Partial<Record<DossierAction, Transition>>[]) {
    const t = row[action];
    if (t) return t.noteRequired;
  }
  return false;
}

function callerMayTake(t: Transition, caller: ActionCaller): boolean {
  // Applicant actions are the applicant's alone: holding CITIZEN is not enough, owning the dossier is.
  if (t.actor === 'applicant' && !caller.isApplicant) return false;
  return t.roles.some((r) => caller.roles.includes(r));
}

/** Whether the caller may take `action` from `status`. */
export function canTakeAction(status: DossierStatus, action: DossierAction, caller: ActionCaller): boolean {
  const t = findTransition(status, action);
  return t !== null && callerMayTake(t, caller);
}

/** The actions the caller may take now, in DOSSIER_ACTIONS order: the web's buttons, the API's `availableActions`. */
export function availableActions(status: DossierStatus, caller: ActionCaller): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => canTakeAction(status, action, caller));
}

export type ActionCheck =
  | { ok: true; transition: Transition }
  /** FORBIDDEN: the caller may never take this action (403); INVALID_TRANSITION: not from this status (409). */
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID_TRANSITION' };

/**
 * The check `applyAction` makes, in the order the API answers: a caller who may never take the
 * action is refused (403) whatever the status; otherwise a status that does not allow it is 409.
 * Scope (agency, ownership → 404) is checked before, by whoever loads the dossier.
 */
export function checkAction(status: DossierStatus, action: DossierAction, caller: ActionCaller): ActionCheck {
  const actor = actionActor(action);
  const mayEver =
    (actor === 'staff' || caller.isApplicant) && actionRoles(action).some((r) => caller.roles.includes(r));
  if (!mayEver) return { ok: false, reason: 'FORBIDDEN' };
  const t = findTransition(status, action);
  if (!t || !callerMayTake(t, caller)) return { ok: false, reason: 'INVALID_TRANSITION' };
  return { ok: true, transition: t };
}
