import { DOSSIER_STATUSES, type DossierStatus } from './dossier-status.js';
import { ROLES, type Role } from './roles.js';
import {
  APPLICANT_DOSSIER_ACTIONS,
  ASSIGNMENTS,
  DOSSIER_ACTIONS,
  DOSSIER_MOVES,
  DOSSIER_TRANSITIONS,
  STAFF_DOSSIER_ACTIONS,
  TERMINAL_STATUSES,
  actionActor,
  actionOfMove,
  actionRoles,
  assignmentOf,
  availableActions,
  availableMoves,
  canMakeMove,
  canTakeAction,
  checkAction,
  findTransition,
  moveAssignment,
  moveAssignmentBinds,
  moveOf,
  moveRoles,
  noteRequired,
  type ActionCaller,
  type Assignment,
  type DossierMove,
} from './workflow.js';

type Row = [DossierStatus, DossierMove, DossierStatus, Role[], boolean, Assignment[] | null, Role[]?];

/**
 * The life cycle of domain.md written out independently of the table under test:
 * [from, move, to, roles allowed, note required, the caller's assignments allowed (null: any), the roles
 * that assignment rule binds (absent: all)].
 * Applicant rows also require owning the dossier. An officer takes a free dossier, then works
 * only their own; handing a dossier to another officer is the desk's or the approver's, with a note.
 */
const EXPECTED: Row[] = [
  ['DRAFT', 'submit', 'SUBMITTED', ['CITIZEN'], false, null],
  // A walk-in dossier: the desk submits it for the applicant at intake (then receives it as usual).
  ['DRAFT', 'counter_submit', 'SUBMITTED', ['RECEPTIONIST'], false, null],
  ['SUBMITTED', 'receive', 'RECEIVED', ['RECEPTIONIST'], false, null],
  ['SUBMITTED', 'refuse', 'NOT_ACCEPTED', ['RECEPTIONIST'], true, null],
  ['SUBMITTED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false, null],
  ['RECEIVED', 'take', 'IN_PROCESSING', ['OFFICER'], false, ['none']],
  ['RECEIVED', 'hand_over', 'IN_PROCESSING', ['RECEPTIONIST', 'APPROVER'], true, null],
  ['RECEIVED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false, null],
  ['IN_PROCESSING', 'hand_over', 'IN_PROCESSING', ['RECEPTIONIST', 'APPROVER'], true, null],
  ['IN_PROCESSING', 'request_supplement', 'SUPPLEMENT_REQUESTED', ['OFFICER'], true, ['self']],
  ['IN_PROCESSING', 'submit_for_approval', 'PENDING_APPROVAL', ['OFFICER'], false, ['self']],
  ['SUPPLEMENT_REQUESTED', 'supplement', 'IN_PROCESSING', ['CITIZEN'], true, null],
  ['SUPPLEMENT_REQUESTED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false, null],
  ['PENDING_APPROVAL', 'approve', 'APPROVED', ['APPROVER'], false, null],
  ['PENDING_APPROVAL', 'reject', 'REJECTED', ['APPROVER'], true, null],
  ['PENDING_APPROVAL', 'return_to_officer', 'IN_PROCESSING', ['APPROVER'], true, null],
  ['APPROVED', 'return_result', 'RETURNED', ['RECEPTIONIST'], false, null],
  ['REJECTED', 'return_result', 'RETURNED', ['RECEPTIONIST'], false, null],
  // api.md, Notifications and apologies: the assigned officer or any approver, on an open dossier, with a reason.
  ['RECEIVED', 'issue_apology', 'RECEIVED', ['OFFICER', 'APPROVER'], true, ['self'], ['OFFICER']],
  ['IN_PROCESSING', 'issue_apology', 'IN_PROCESSING', ['OFFICER', 'APPROVER'], true, ['self'], ['OFFICER']],
  [
    'SUPPLEMENT_REQUESTED',
    'issue_apology',
    'SUPPLEMENT_REQUESTED',
    ['OFFICER', 'APPROVER'],
    true,
    ['self'],
    ['OFFICER'],
  ],
  ['PENDING_APPROVAL', 'issue_apology', 'PENDING_APPROVAL', ['OFFICER', 'APPROVER'], true, ['self'], ['OFFICER']],
];

const isApplicantMove = (m: DossierMove) => (APPLICANT_DOSSIER_ACTIONS as readonly string[]).includes(m);
const caller = (roles: Role[], isApplicant = false, assignment: Assignment = 'none'): ActionCaller => ({
  roles,
  isApplicant,
  assignment,
});

function expectedRow(status: DossierStatus, move: DossierMove) {
  return EXPECTED.find(([s, m]) => s === status && m === move);
}

describe('dossier workflow table', () => {
  it('has a row for every status and no other', () => {
    expect(Object.keys(DOSSIER_TRANSITIONS).sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('holds exactly the transitions of domain.md, with their targets, roles, notes and assignments', () => {
    const actual = DOSSIER_STATUSES.flatMap((status) =>
      DOSSIER_MOVES.flatMap((move) => {
        const t = findTransition(status, move);
        return t ? [[status, move, t.to, [...t.roles].sort(), t.noteRequired, t.assignment ?? null]] : [];
      }),
    );
    const expected = EXPECTED.map(([s, m, to, roles, note, a]) => [s, m, to, [...roles].sort(), note, a]);
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });

  it('splits assign into take and hand_over, submit into the citizen’s and the counter’s, and keeps every other action as its own move', () => {
    expect(DOSSIER_MOVES).toHaveLength(DOSSIER_ACTIONS.length + 2);
    expect(DOSSIER_MOVES.filter((m) => actionOfMove(m) === 'assign').sort()).toEqual(['hand_over', 'take']);
    expect(DOSSIER_MOVES.filter((m) => actionOfMove(m) === 'submit').sort()).toEqual(['counter_submit', 'submit']);
    expect(moveOf('submit', { callerId: 'me', channel: 'ONLINE' })).toBe('submit');
    expect(moveOf('submit', { callerId: 'me', channel: 'COUNTER' })).toBe('counter_submit');
    for (const a of DOSSIER_ACTIONS.filter((a) => a !== 'assign')) expect(actionOfMove(a)).toBe(a);
    expect(moveOf('assign', { callerId: 'me' })).toBe('take');
    expect(moveOf('assign', { assigneeId: 'me', callerId: 'me' })).toBe('take');
    expect(moveOf('assign', { assigneeId: 'colleague', callerId: 'me' })).toBe('hand_over');
    expect(moveOf('approve', { assigneeId: 'colleague', callerId: 'me' })).toBe('approve');
  });

  it('reads who holds the dossier from the caller’s point of view', () => {
    expect(assignmentOf(null, 'me')).toBe('none');
    expect(assignmentOf('me', 'me')).toBe('self');
    expect(assignmentOf('colleague', 'me')).toBe('other');
  });

  it('marks the applicant actions as the applicant’s and every action of the actions route as staff', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const move of DOSSIER_MOVES) {
        const t = findTransition(status, move);
        if (t) expect(t.actor).toBe(isApplicantMove(move) ? 'applicant' : 'staff');
      }
    }
    expect(APPLICANT_DOSSIER_ACTIONS.map(actionActor)).toEqual(['applicant', 'applicant', 'applicant']);
    expect(new Set(STAFF_DOSSIER_ACTIONS.map(actionActor))).toEqual(new Set(['staff']));
    expect(DOSSIER_ACTIONS).toHaveLength(13);
  });

  it('lets nothing out of the terminal statuses NOT_ACCEPTED, WITHDRAWN and RETURNED', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['NOT_ACCEPTED', 'RETURNED', 'WITHDRAWN']);
    for (const status of TERMINAL_STATUSES) {
      expect(Object.keys(DOSSIER_TRANSITIONS[status])).toEqual([]);
      for (const role of ROLES) {
        for (const a of ASSIGNMENTS) {
          expect(availableActions(status, caller([role], true, a))).toEqual([]);
          expect(availableActions(status, caller([...ROLES], false, a))).toEqual([]);
        }
      }
    }
  });

  it('reaches every status from DRAFT or from a counter intake (RECEIVED)', () => {
    const seen = new Set<DossierStatus>(['DRAFT', 'RECEIVED']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [from, , to] of EXPECTED) {
        if (seen.has(from) && !seen.has(to)) {
          seen.add(to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });
});

describe('who may make which move from which status', () => {
  // Every status × every move × every role × applicant or not × every assignment.
  for (const status of DOSSIER_STATUSES) {
    for (const move of DOSSIER_MOVES) {
      const row = expectedRow(status, move);
      it(`${move} from ${status}: ${row ? `only ${row[3].join(', ')}${row[5] ? ` (${row[5].join()})` : ''}` : 'nobody'}`, () => {
        for (const role of ROLES) {
          for (const isApplicant of [true, false]) {
            for (const assignment of ASSIGNMENTS) {
              const allowed =
                !!row &&
                row[3].includes(role) &&
                (!isApplicantMove(move) || isApplicant) &&
                (!row[5] || (row[6] !== undefined && !row[6].includes(role)) || row[5].includes(assignment));
              const c = caller([role], isApplicant, assignment);
              expect({ role, isApplicant, assignment, allowed: canMakeMove(status, move, c) }).toEqual({
                role,
                isApplicant,
                assignment,
                allowed,
              });
              // The counter's move is made by the intake alone, never offered as an action.
              const offered = allowed && findTransition(status, move)?.channel === undefined;
              expect(availableMoves(status, c).includes(move)).toBe(offered);
              const check = checkAction(status, move, c);
              expect(check.ok).toBe(allowed);
              if (check.ok) expect(check.transition.to).toBe(row![2]);
            }
          }
        }
      });
    }
  }

  it('shows an action when one of its moves is open to the caller', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const role of ROLES) {
        for (const assignment of ASSIGNMENTS) {
          const c = caller([role], false, assignment);
          const fromMoves = new Set(availableMoves(status, c).map(actionOfMove));
          expect(availableActions(status, c)).toEqual(DOSSIER_ACTIONS.filter((a) => fromMoves.has(a)));
          for (const a of DOSSIER_ACTIONS) expect(canTakeAction(status, a, c)).toBe(fromMoves.has(a));
        }
      }
    }
  });

  it('gives an officer no action at all on a dossier another officer holds', () => {
    for (const status of DOSSIER_STATUSES) {
      expect(availableActions(status, caller(['OFFICER'], false, 'other'))).toEqual([]);
    }
  });

  it('lets an officer take a free received dossier, then work it, but never hand it on', () => {
    expect(availableMoves('RECEIVED', caller(['OFFICER'], false, 'none'))).toEqual(['take']);
    expect(availableActions('RECEIVED', caller(['OFFICER'], false, 'none'))).toEqual(['assign']);
    expect(availableActions('IN_PROCESSING', caller(['OFFICER'], false, 'self'))).toEqual([
      'request_supplement',
      'submit_for_approval',
      'issue_apology',
    ]);
  });

  it('keeps the desk’s and the approver’s actions whoever holds the dossier', () => {
    for (const assignment of ASSIGNMENTS) {
      expect(availableActions('IN_PROCESSING', caller(['RECEPTIONIST'], false, assignment))).toEqual(['assign']);
      expect(availableActions('IN_PROCESSING', caller(['APPROVER'], false, assignment))).toEqual([
        'assign',
        'issue_apology',
      ]);
      expect(availableActions('PENDING_APPROVAL', caller(['APPROVER'], false, assignment))).toEqual([
        'approve',
        'reject',
        'return_to_officer',
        'issue_apology',
      ]);
    }
  });

  it('refuses an applicant action to a citizen who does not own the dossier', () => {
    expect(availableActions('SUBMITTED', caller(['CITIZEN'], false))).toEqual([]);
    expect(availableActions('SUBMITTED', caller(['CITIZEN'], true))).toEqual(['withdraw']);
    expect(checkAction('DRAFT', 'submit', caller(['CITIZEN'], false))).toEqual({ ok: false, reason: 'FORBIDDEN' });
  });

  it('unions the actions of a staff member holding several roles', () => {
    const desk = caller(['RECEPTIONIST', 'APPROVER']);
    expect(availableActions('SUBMITTED', desk)).toEqual(['receive', 'refuse']);
    expect(availableActions('PENDING_APPROVAL', desk)).toEqual([
      'approve',
      'reject',
      'return_to_officer',
      'issue_apology',
    ]);
    expect(availableActions('RECEIVED', desk)).toEqual(['assign', 'issue_apology']);
    // An approver who is also an officer may still hand a colleague's dossier over, or apologise, as the approver.
    const both = caller(['OFFICER', 'APPROVER'], false, 'other');
    expect(availableMoves('IN_PROCESSING', both)).toEqual(['issue_apology', 'hand_over']);
    expect(checkAction('IN_PROCESSING', 'issue_apology', both).ok).toBe(true);
    expect(checkAction('IN_PROCESSING', 'issue_apology', caller(['OFFICER'], false, 'other'))).toEqual({
      ok: false,
      reason: 'NOT_ASSIGNEE',
    });
  });

  it('gives managers and admins no workflow action at all', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const a of ASSIGNMENTS) expect(availableActions(status, caller(['MANAGER', 'ADMIN'], false, a))).toEqual([]);
    }
  });
});

describe('checkAction answers in the order of the API: 403 before 409', () => {
  it('is FORBIDDEN for a role that may never make the move, whatever the status', () => {
    for (const status of DOSSIER_STATUSES) {
      expect(checkAction(status, 'approve', caller(['OFFICER']))).toEqual({ ok: false, reason: 'FORBIDDEN' });
      expect(checkAction(status, 'withdraw', caller(['RECEPTIONIST']))).toEqual({ ok: false, reason: 'FORBIDDEN' });
      // Handing a dossier to a colleague is not an officer's move.
      expect(checkAction(status, 'hand_over', caller(['OFFICER'], false, 'self'))).toEqual({
        ok: false,
        reason: 'FORBIDDEN',
      });
      expect(checkAction(status, 'take', caller(['RECEPTIONIST']))).toEqual({ ok: false, reason: 'FORBIDDEN' });
    }
  });

  it('is NOT_ASSIGNEE for an officer on a dossier another officer holds, whatever the status', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const move of ['take', 'request_supplement', 'submit_for_approval'] as const) {
        expect(checkAction(status, move, caller(['OFFICER'], false, 'other'))).toEqual({
          ok: false,
          reason: 'NOT_ASSIGNEE',
        });
      }
    }
    expect(checkAction('IN_PROCESSING', 'submit_for_approval', caller(['OFFICER'], false, 'none'))).toEqual({
      ok: false,
      reason: 'NOT_ASSIGNEE',
    });
  });

  it('is INVALID_TRANSITION for an officer taking a dossier that is already theirs', () => {
    expect(checkAction('IN_PROCESSING', 'take', caller(['OFFICER'], false, 'self'))).toEqual({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
  });

  it('is INVALID_TRANSITION for an allowed role from a status that does not allow the move', () => {
    for (const move of DOSSIER_MOVES) {
      const row = EXPECTED.find(([, m]) => m === move)!;
      const c = caller(moveRoles(move), true, row[5]?.[0] ?? 'none');
      for (const status of DOSSIER_STATUSES) {
        const check = checkAction(status, move, c);
        expect(check.ok ? 'ok' : check.reason).toBe(expectedRow(status, move) ? 'ok' : 'INVALID_TRANSITION');
      }
    }
  });

  it('lists for each action and move the roles that may take it somewhere', () => {
    expect(actionRoles('assign').sort()).toEqual(['APPROVER', 'OFFICER', 'RECEPTIONIST']);
    expect(moveRoles('take')).toEqual(['OFFICER']);
    expect(moveRoles('hand_over').sort()).toEqual(['APPROVER', 'RECEPTIONIST']);
    expect(actionRoles('return_result')).toEqual(['RECEPTIONIST']);
    expect(actionRoles('withdraw')).toEqual(['CITIZEN']);
    expect(moveRoles('counter_submit')).toEqual(['RECEPTIONIST']);
  });

  it('offers nobody the counter’s submit: a receptionist on a draft has no action', () => {
    for (const assignment of ASSIGNMENTS) {
      expect(availableActions('DRAFT', caller(['RECEPTIONIST'], false, assignment))).toEqual([]);
      expect(canTakeAction('DRAFT', 'submit', caller(['RECEPTIONIST'], false, assignment))).toBe(false);
    }
    expect(availableActions('DRAFT', caller(['CITIZEN'], true))).toEqual(['submit']);
  });
});

describe('notes and assignments', () => {
  it('requires a note for refuse, hand_over, request_supplement, reject, return_to_officer, supplement and issue_apology only', () => {
    expect(DOSSIER_MOVES.filter(noteRequired).sort()).toEqual(
      [
        'hand_over',
        'refuse',
        'reject',
        'request_supplement',
        'return_to_officer',
        'supplement',
        'issue_apology',
      ].sort(),
    );
    expect(noteRequired('take')).toBe(false);
  });

  it('has the same note and assignment rule for a move from every status it is allowed from', () => {
    for (const move of DOSSIER_MOVES) {
      for (const status of DOSSIER_STATUSES) {
        const t = findTransition(status, move);
        if (t) {
          expect(t.noteRequired).toBe(noteRequired(move));
          expect(t.assignment ?? null).toEqual(moveAssignment(move));
        }
      }
    }
  });

  it('binds only officers’ moves to the assignment', () => {
    for (const move of DOSSIER_MOVES) {
      if (moveAssignment(move)) expect(moveAssignmentBinds(move) ?? moveRoles(move)).toEqual(['OFFICER']);
    }
  });
});
