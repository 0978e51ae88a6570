import type { Role } from '@motcua/shared';
import { defaultTab, tabsFor } from './queueTabs';

describe('queue tabs, read from the shared permission and transition tables', () => {
  it('gives each desk role the queues of its work', () => {
    const tabs: Record<string, string[]> = {};
    for (const role of ['RECEPTIONIST', 'OFFICER', 'APPROVER'] as const) tabs[role] = tabsFor([role]);
    expect(tabs).toEqual({
      RECEPTIONIST: ['toReceive', 'toAssign', 'supplement', 'toReturn', 'overdue', 'all'],
      OFFICER: ['mine', 'toAssign', 'supplement', 'overdue', 'all'],
      APPROVER: ['toAssign', 'awaitingApproval', 'overdue', 'all'],
    });
  });

  it('gives a role without the desk permission (dossier.act) no queue tab at all', () => {
    for (const role of ['CITIZEN', 'MANAGER', 'ADMIN'] as Role[]) expect(tabsFor([role])).toEqual([]);
  });

  it('opens an officer’s own work, an approver’s approvals unless also at the desk, else the first', () => {
    expect(defaultTab(['RECEPTIONIST'])).toBe('toReceive');
    expect(defaultTab(['OFFICER'])).toBe('mine');
    expect(defaultTab(['APPROVER'])).toBe('awaitingApproval');
    expect(defaultTab(['APPROVER', 'RECEPTIONIST'])).toBe('toReceive');
    expect(defaultTab(['OFFICER', 'APPROVER'])).toBe('mine');
  });
});
