import { DOSSIER_STATUSES, type DossierStatus } from './dossier-status.js';
import { ROLES, type Role } from './roles.js';
import {
  APPLICANT_DOSSIER_ACTIONS,
  DOSSIER_ACTIONS,
  DOSSIER_TRANSITIONS,
  STAFF_DOSSIER_ACTIONS,
  TERMINAL_STATUSES,
  actionActor,
  actionRoles,
  availableActions,
  canTakeAction,
  checkAction,
  findTransition,
  noteRequired,
  type DossierAction,
} from './workflow.js';

/**
 * The life cycle of domain.md written out independently of the table under test:
 * [from, action, to, roles allowed, note required]. Applicant rows also require owning the dossier.
 */
const EXPECTED: [DossierStatus, DossierAction, DossierStatus, Role[], boolean][] = [
  ['DRAFT', 'submit', 'SUBMITTED', ['CITIZEN'], false],
  ['SUBMITTED', 'receive', 'RECEIVED', ['RECEPTIONIST'], false],
  ['SUBMITTED', 'refuse', 'NOT_ACCEPTED', ['RECEPTIONIST'], true],
  ['SUBMITTED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false],
  ['RECEIVED', 'assign', 'IN_PROCESSING', ['OFFICER', 'RECEPTIONIST', 'APPROVER'], false],
  ['RECEIVED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false],
  ['IN_PROCESSING', 'assign', 'IN_PROCESSING', ['OFFICER', 'RECEPTIONIST', 'APPROVER'], false],
  ['IN_PROCESSING', 'request_supplement', 'SUPPLEMENT_REQUESTED', ['OFFICER'], true],
  ['IN_PROCESSING', 'submit_for_approval', 'PENDING_APPROVAL', ['OFFICER'], false],
  ['SUPPLEMENT_REQUESTED', 'supplement', 'IN_PROCESSING', ['CITIZEN'], true],
  ['SUPPLEMENT_REQUESTED', 'withdraw', 'WITHDRAWN', ['CITIZEN'], false],
  ['PENDING_APPROVAL', 'approve', 'APPROVED', ['APPROVER'], false],
  ['PENDING_APPROVAL', 'reject', 'REJECTED', ['APPROVER'], true],
  ['PENDING_APPROVAL', 'return_to_officer', 'IN_PROCESSING', ['APPROVER'], true],
  ['APPROVED', 'return_result', 'RETURNED', ['RECEPTIONIST'], false],
  ['REJECTED', 'return_result', 'RETURNED', ['RECEPTIONIST'], false],
];

const isApplicantAction = (a: DossierAction) => (APPLICANT_DOSSIER_ACTIONS as readonly string[]).includes(a);

function expectedRow(status: DossierStatus, action: DossierAction) {
  return EXPECTED.find(([s, a]) => s === status && a === action);
}

describe('dossier workflow table', () => {
  it('has a row for every status and no other', () => {
    expect(Object.keys(DOSSIER_TRANSITIONS).sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('holds exactly the transitions of domain.md, with their targets, roles and notes', () => {
    const actual = DOSSIER_STATUSES.flatMap((status) =>
      DOSSIER_ACTIONS.flatMap((action) => {
        const t = findTransition(status, action);
        return t ? [[status, action, t.to, [...t.roles].sort(), t.noteRequired]] : [];
      }),
    );
    const expected = EXPECTED.map(([s, a, to, roles, note]) => [s, a, to, [...roles].sort(), note]);
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });

  it('marks the applicant actions as the applicant’s and every action of the actions route as staff', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const action of DOSSIER_ACTIONS) {
        const t = findTransition(status, action);
        if (t) expect(t.actor).toBe(isApplicantAction(action) ? 'applicant' : 'staff');
      }
    }
    expect(APPLICANT_DOSSIER_ACTIONS.map(actionActor)).toEqual(['applicant', 'applicant', 'applicant']);
    expect(new Set(STAFF_DOSSIER_ACTIONS.map(actionActor))).toEqual(new Set(['staff']));
    expect(DOSSIER_ACTIONS).toHaveLength(12);
  });

  it('lets nothing out of the terminal statuses NOT_ACCEPTED, WITHDRAWN and RETURNED', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['NOT_ACCEPTED', 'RETURNED', 'WITHDRAWN']);
    for (const status of TERMINAL_STATUSES) {
      expect(Object.keys(DOSSIER_TRANSITIONS[status])).toEqual([]);
      for (const role of ROLES) {
        expect(availableActions(status, { roles: [role], isApplicant: true })).toEqual([]);
        expect(availableActions(status, { roles: [...ROLES], isApplicant: false })).toEqual([]);
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

describe('who may take which action from which status', () => {
  // Every status × every action × every role × applicant or not.
  for (const status of DOSSIER_STATUSES) {
    for (const action of DOSSIER_ACTIONS) {
      const row = expectedRow(status, action);
      it(`${action} from ${status}: ${row ? `only ${row[3].join(', ')}` : 'nobody'}`, () => {
        for (const role of ROLES) {
          for (const isApplicant of [true, false]) {
            const allowed = !!row && row[3].includes(role) && (!isApplicantAction(action) || isApplicant);
            const caller = { roles: [role], isApplicant };
            expect({ role, isApplicant, allowed: canTakeAction(status, action, caller) }).toEqual({
              role,
              isApplicant,
              allowed,
            });
            expect(availableActions(status, caller).includes(action)).toBe(allowed);
            const check = checkAction(status, action, caller);
            expect(check.ok).toBe(allowed);
            if (check.ok) expect(check.transition.to).toBe(row![2]);
          }
        }
      });
    }
  }

  it('refuses an applicant action to a citizen who does not own the dossier', () => {
    expect(availableActions('SUBMITTED', { roles: ['CITIZEN'], isApplicant: false })).toEqual([]);
    expect(availableActions('SUBMITTED', { roles: ['CITIZEN'], isApplicant: true })).toEqual(['withdraw']);
    expect(checkAction('DRAFT', 'submit', { roles: ['CITIZEN'], isApplicant: false })).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    });
  });

  it('unions the actions of a staff member holding several roles', () => {
    const desk = { roles: ['RECEPTIONIST', 'APPROVER'] as Role[], isApplicant: false };
    expect(availableActions('SUBMITTED', desk)).toEqual(['receive', 'refuse']);
    expect(availableActions('PENDING_APPROVAL', desk)).toEqual(['approve', 'reject', 'return_to_officer']);
    expect(availableActions('RECEIVED', desk)).toEqual(['assign']);
  });

  it('gives managers and admins no workflow action at all', () => {
    for (const status of DOSSIER_STATUSES) {
      expect(availableActions(status, { roles: ['MANAGER', 'ADMIN'], isApplicant: false })).toEqual([]);
    }
  });
});

describe('checkAction answers in the order of the API: 403 before 409', () => {
  it('is FORBIDDEN for a role that may never take the action, whatever the status', () => {
    for (const status of DOSSIER_STATUSES) {
      expect(checkAction(status, 'approve', { roles: ['OFFICER'], isApplicant: false })).toEqual({
        ok: false,
        reason: 'FORBIDDEN',
      });
      expect(checkAction(status, 'withdraw', { roles: ['RECEPTIONIST'], isApplicant: false })).toEqual({
        ok: false,
        reason: 'FORBIDDEN',
      });
    }
  });

  it('is INVALID_TRANSITION for an allowed role from a status that does not allow the action', () => {
    for (const action of DOSSIER_ACTIONS) {
      const roles = actionRoles(action);
      const caller = { roles, isApplicant: true };
      for (const status of DOSSIER_STATUSES) {
        const check = checkAction(status, action, caller);
        expect(check.ok ? 'ok' : check.reason).toBe(expectedRow(status, action) ? 'ok' : 'INVALID_TRANSITION');
      }
    }
  });

  it('lists for each action the roles that may take it somewhere', () => {
    expect(actionRoles('assign').sort()).toEqual(['APPROVER', 'OFFICER', 'RECEPTIONIST']);
    expect(actionRoles('return_result')).toEqual(['RECEPTIONIST']);
    expect(actionRoles('withdraw')).toEqual(['CITIZEN']);
  });
});

describe('notes', () => {
  it('requires a note for refuse, request_supplement, reject, return_to_officer and supplement only', () => {
    expect(DOSSIER_ACTIONS.filter(noteRequired).sort()).toEqual(
      ['refuse', 'reject', 'request_supplement', 'return_to_officer', 'supplement'].sort(),
    );
  });

  it('has the same note rule for an action from every status it is allowed from', () => {
    for (const action of DOSSIER_ACTIONS) {
      for (const status of DOSSIER_STATUSES) {
        const t = findTransition(status, action);
        if (t) expect(t.noteRequired).toBe(noteRequired(action));
      }
    }
  });
});
