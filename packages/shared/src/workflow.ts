import { z } from 'zod';
import type { Channel, DossierStatus } from './dossier-status.js';
import { PERMISSION_GRANTS } from './permissions.js';
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
  'issue_apology',
] as const;
export type StaffDossierAction = (typeof STAFF_DOSSIER_ACTIONS)[number];
export const staffDossierActionSchema = z.enum(STAFF_DOSSIER_ACTIONS);

export const APPLICANT_DOSSIER_ACTIONS = ['submit', 'withdraw', 'supplement'] as const;
export type ApplicantDossierAction = (typeof APPLICANT_DOSSIER_ACTIONS)[number];

export const DOSSIER_ACTIONS = [...APPLICANT_DOSSIER_ACTIONS, ...STAFF_DOSSIER_ACTIONS] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type ActionActor = 'applicant' | 'staff';

/**
 * The table's finer keys. Every action is one move, but for `assign`, which is two rules: an
 * officer `take`s a dossier nobody holds, for themself; the desk or the head of the agency
 * `hand_over`s it to another officer, with a note, since it moves someone's work. And `submit`
 * of a walk-in dossier is the desk's `counter_submit` (POST /counter/dossiers), not the citizen's.
 */
export const DOSSIER_MOVES = [
  ...APPLICANT_DOSSIER_ACTIONS,
  ...STAFF_DOSSIER_ACTIONS.filter((a): a is Exclude<StaffDossierAction, 'assign'> => a !== 'assign'),
  'take',
  'hand_over',
  'counter_submit',
] as const;
export type DossierMove = (typeof DOSSIER_MOVES)[number];

/** Who holds the dossier, seen from the caller: nobody, the caller, or another officer. */
export const ASSIGNMENTS = ['none', 'self', 'other'] as const;
export type Assignment = (typeof ASSIGNMENTS)[number];

/** One allowed move: where it leads, who may make it, and whether it must carry a note. */
export interface Transition {
  to: DossierStatus;
  roles: readonly Role[];
  noteRequired: boolean;
  actor: ActionActor;
  /** The caller's assignments the move is allowed in (officers act only on their own dossiers); absent: any. */
  assignment?: readonly Assignment[];
  /** Made only by the counter intake on its own walk-in draft, never offered as an action or a button. */
  channel?: Extract<Channel, 'COUNTER'>;
  /** The roles `assignment` binds (absent: every role); a caller holding another of `roles` is free of it. */
  assignmentBinds?: readonly Role[];
}

/** Who is asking: their roles, whether they are the dossier's applicant, and who holds it. */
export interface ActionCaller {
  roles: readonly Role[];
  isApplicant: boolean;
  assignment: Assignment;
}

/** The caller's assignment of a dossier held by `assigneeId` (null: nobody). */
export function assignmentOf(assigneeId: string | null, callerId: string): Assignment {
  if (assigneeId === null) return 'none';
  return assigneeId === callerId ? 'self' : 'other';
}

const APPLICANT = ['CITIZEN'] as const satisfies readonly Role[];
const RECEPTIONIST = ['RECEPTIONIST'] as const satisfies readonly Role[];
const OFFICER = ['OFFICER'] as const satisfies readonly Role[];
const APPROVER = ['APPROVER'] as const satisfies readonly Role[];
// The desk or the head of the agency hands a dossier to an officer, or from one officer to another.
const HANDERS = ['RECEPTIONIST', 'APPROVER'] as const satisfies readonly Role[];
// An officer works the dossiers assigned to them, and nobody else's.
const OWN = ['self'] as const satisfies readonly Assignment[];
const FREE = ['none'] as const satisfies readonly Assignment[];

// The desk files a walk-in dossier for its applicant: whoever may register one at the counter.
const COUNTER_DESK = PERMISSION_GRANTS['counter.intake'];

const withdraw: Transition = { to: 'WITHDRAWN', roles: APPLICANT, noteRequired: false, actor: 'applicant' };
const returnResult: Transition = { to: 'RETURNED', roles: RECEPTIONIST, noteRequired: false, actor: 'staff' };
const handOver = (to: DossierStatus): Transition => ({ to, roles: HANDERS, noteRequired: true, actor: 'staff' });
// api.md, Notifications and apologies: the assigned officer or an approver of the agency apologises for an
// open dossier (before or after its due time), with the reason as the note; the status does not move.
const apologise = (to: DossierStatus): Transition => ({
  to,
  roles: ['OFFICER', 'APPROVER'],
  noteRequired: true,
  actor: 'staff',
  assignment: OWN,
  assignmentBinds: OFFICER,
});

/**
 * The one table of the life cycle, read by the API to enforce and by the web to show buttons.
 * `satisfies Record<DossierStatus, …>`: a status added to DOSSIER_STATUSES and missing here does
 * not compile. A move absent from a status's row is not allowed from that status.
 */
export const DOSSIER_TRANSITIONS = {
  DRAFT: {
    submit: { to: 'SUBMITTED', roles: APPLICANT, noteRequired: false, actor: 'applicant' },
    counter_submit: { to: 'SUBMITTED', roles: COUNTER_DESK, noteRequired: false, actor: 'staff', channel: 'COUNTER' },
  },
  SUBMITTED: {
    receive: { to: 'RECEIVED', roles: RECEPTIONIST, noteRequired: false, actor: 'staff' },
    refuse: { to: 'NOT_ACCEPTED', roles: RECEPTIONIST, noteRequired: true, actor: 'staff' },
    withdraw,
  },
  NOT_ACCEPTED: {},
  RECEIVED: {
    take: { to: 'IN_PROCESSING', roles: OFFICER, noteRequired: false, actor: 'staff', assignment: FREE },
    hand_over: handOver('IN_PROCESSING'),
    withdraw,
    issue_apology: apologise('RECEIVED'),
  },
  WITHDRAWN: {},
  IN_PROCESSING: {
    // Reassignment: the dossier stays in processing with another officer.
    hand_over: handOver('IN_PROCESSING'),
    request_supplement: {
      to: 'SUPPLEMENT_REQUESTED',
      roles: OFFICER,
      noteRequired: true,
      actor: 'staff',
      assignment: OWN,
    },
    submit_for_approval: {
      to: 'PENDING_APPROVAL',
      roles: OFFICER,
      noteRequired: false,
      actor: 'staff',
      assignment: OWN,
    },
    issue_apology: apologise('IN_PROCESSING'),
  },
  SUPPLEMENT_REQUESTED: {
    // api.md: `POST /dossiers/{id}/supplement {note}`, the note (what was added) is part of the contract.
    supplement: { to: 'IN_PROCESSING', roles: APPLICANT, noteRequired: true, actor: 'applicant' },
    withdraw,
    issue_apology: apologise('SUPPLEMENT_REQUESTED'),
  },
  PENDING_APPROVAL: {
    approve: { to: 'APPROVED', roles: APPROVER, noteRequired: false, actor: 'staff' },
    reject: { to: 'REJECTED', roles: APPROVER, noteRequired: true, actor: 'staff' },
    return_to_officer: { to: 'IN_PROCESSING', roles: APPROVER, noteRequired: true, actor: 'staff' },
    issue_apology: apologise('PENDING_APPROVAL'),
  },
  APPROVED: { return_result: returnResult },
  REJECTED: { return_result: returnResult },
  RETURNED: {},
} as const satisfies Record<DossierStatus, Partial<Record<DossierMove, Transition>>>;

type TransitionRow = Partial<Record<DossierMove, Transition>>;
const ROWS = Object.values(DOSSIER_TRANSITIONS) as TransitionRow[];

/** Statuses with no way out. */
export const TERMINAL_STATUSES = ['NOT_ACCEPTED', 'WITHDRAWN', 'RETURNED'] as const satisfies readonly DossierStatus[];

/** The action a move is taken with (`take` and `hand_over` are both `assign`, `counter_submit` is `submit`). */
export function actionOfMove(move: DossierMove): DossierAction {
  if (move === 'counter_submit') return 'submit';
  return move === 'take' || move === 'hand_over' ? 'assign' : move;
}

/**
 * The move a request makes: `assign` with no assignee, or the caller as assignee, takes the
 * dossier; with anyone else it hands the dossier over. A walk-in (COUNTER) dossier is submitted
 * by the desk. Every other action is its own move.
 */
export function moveOf(
  action: DossierAction,
  target?: { assigneeId?: string | null; callerId: string; channel?: Channel },
): DossierMove {
  if (action === 'submit') return target?.channel === 'COUNTER' ? 'counter_submit' : 'submit';
  if (action !== 'assign') return action;
  return !target?.assigneeId || target.assigneeId === target.callerId ? 'take' : 'hand_over';
}

/** The transition of `move` from `status`, or null when the table has none. */
export function findTransition(status: DossierStatus, move: DossierMove): Transition | null {
  const row: TransitionRow = DOSSIER_TRANSITIONS[status];
  return row[move] ?? null;
}

/** Whether `action` is the applicant's (own route, ownership check) or the staff's. */
export function actionActor(action: DossierAction | DossierMove): ActionActor {
  return (APPLICANT_DOSSIER_ACTIONS as readonly string[]).includes(action) ? 'applicant' : 'staff';
}

/** Every role that may make `move` from some status (a caller with none of them gets 403, not 409). */
export function moveRoles(move: DossierMove): Role[] {
  const roles = new Set<Role>();
  for (const row of ROWS) for (const role of row[move]?.roles ?? []) roles.add(role);
  return [...roles];
}

/** Every role that may take `action` (either of its moves) from some status. */
export function actionRoles(action: DossierAction): Role[] {
  const moves = DOSSIER_MOVES.filter((m) => actionOfMove(m) === action);
  return [...new Set(moves.flatMap(moveRoles))];
}

/** The note rule of a move; the same from every status it is allowed from (tested). */
export function noteRequired(move: DossierMove): boolean {
  for (const row of ROWS) {
    const t = row[move];
    if (t) return t.noteRequired;
  }
  return false;
}

/** The assignment rule of a move; the same from every status it is allowed from (tested). Null: any. */
export function moveAssignment(move: DossierMove): readonly Assignment[] | null {
  for (const row of ROWS) {
    const t = row[move];
    if (t) return t.assignment ?? null;
  }
  return null;
}

/** The roles the assignment rule of a move binds; the same from every status (tested). Null: every role. */
export function moveAssignmentBinds(move: DossierMove): readonly Role[] | null {
  for (const row of ROWS) {
    const t = row[move];
    if (t) return t.assignmentBinds ?? null;
  }
  return null;
}

function holdsRole(t: Transition, caller: ActionCaller): boolean {
  // Applicant actions are the applicant's alone: holding CITIZEN is not enough, owning the dossier is.
  if (t.actor === 'applicant' && !caller.isApplicant) return false;
  return t.roles.some((r) => caller.roles.includes(r));
}

/** Whether the transition's assignment rule binds the caller (an approver apologising is free of the officer's). */
function bindingAssignment(t: Transition, caller: ActionCaller): readonly Assignment[] | null {
  if (!t.assignment) return null;
  const binds = t.assignmentBinds;
  const free = binds && t.roles.some((r) => caller.roles.includes(r) && !binds.includes(r));
  return free ? null : t.assignment;
}

function callerMayTake(t: Transition, caller: ActionCaller): boolean {
  const bound = bindingAssignment(t, caller);
  return holdsRole(t, caller) && (!bound || bound.includes(caller.assignment));
}

/** Whether the caller may make `move` from `status`. */
export function canMakeMove(status: DossierStatus, move: DossierMove, caller: ActionCaller): boolean {
  const t = findTransition(status, move);
  return t !== null && callerMayTake(t, caller);
}

/** Whether a move may be offered to a caller as an action (the counter's own moves are not). */
function offered(status: DossierStatus, move: DossierMove): boolean {
  return !findTransition(status, move)?.channel;
}

/** Whether the caller may take `action` from `status` by one of its offered moves. */
export function canTakeAction(status: DossierStatus, action: DossierAction, caller: ActionCaller): boolean {
  return DOSSIER_MOVES.some((m) => actionOfMove(m) === action && offered(status, m) && canMakeMove(status, m, caller));
}

/** The moves the caller may make now, in DOSSIER_MOVES order (the web's assign dialog reads `take` and `hand_over`). */
export function availableMoves(status: DossierStatus, caller: ActionCaller): DossierMove[] {
  return DOSSIER_MOVES.filter((m) => offered(status, m) && canMakeMove(status, m, caller));
}

/** The actions the caller may take now, in DOSSIER_ACTIONS order: the web's buttons, the API's `availableActions`. */
export function availableActions(status: DossierStatus, caller: ActionCaller): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => canTakeAction(status, action, caller));
}

export type ActionCheck =
  | { ok: true; transition: Transition }
  /**
   * FORBIDDEN: the caller's role may never make this move (403); NOT_ASSIGNEE: the move is an
   * officer's on their own dossier and this one is not theirs (403); INVALID_TRANSITION: not
   * from this status, or nothing to do (taking one's own dossier) (409).
   */
  | { ok: false; reason: 'FORBIDDEN' | 'NOT_ASSIGNEE' | 'INVALID_TRANSITION' };

/**
 * The check `applyAction` makes, in the order the API answers: a caller who may never make the
 * move is refused (403) whatever the status; an officer on a dossier another officer holds is
 * refused (403) whatever the status; otherwise a status that does not allow the move is 409.
 * Scope (agency, ownership → 404) is checked before, by whoever loads the dossier.
 */
export function checkAction(status: DossierStatus, move: DossierMove, caller: ActionCaller): ActionCheck {
  const actor = actionActor(move);
  const mayEver = (actor === 'staff' || caller.isApplicant) && moveRoles(move).some((r) => caller.roles.includes(r));
  if (!mayEver) return { ok: false, reason: 'FORBIDDEN' };
  const bound = moveAssignment(move);
  const free = moveRoles(move).some((r) => caller.roles.includes(r) && !(moveAssignmentBinds(move) ?? [r]).includes(r));
  if (bound && !free && caller.assignment === 'other' && !bound.includes('other')) {
    return { ok: false, reason: 'NOT_ASSIGNEE' };
  }
  const t = findTransition(status, move);
  if (!t || !holdsRole(t, caller)) return { ok: false, reason: 'INVALID_TRANSITION' };
  const binding = bindingAssignment(t, caller);
  if (binding && !binding.includes(caller.assignment)) {
    return { ok: false, reason: caller.assignment === 'self' ? 'INVALID_TRANSITION' : 'NOT_ASSIGNEE' };
  }
  return { ok: true, transition: t };
}
