import type { Role } from '@motcua/shared';
import { DESK_ROLES } from '../auth/landing';

/** The desk's queues, in the order they are shown. */
export const QUEUE_TABS = [
  'toReceive',
  'mine',
  'toAssign',
  'awaitingApproval',
  'supplement',
  'toReturn',
  'overdue',
  'all',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

interface QueueTabDef {
  /** Who works this queue. */
  roles: readonly Role[];
  /** Its GET /queue parameters. */
  params: Record<string, string>;
}

/**
 * Each queue is a GET /queue filter (api.md, "Counter and queues"): the desk receives submitted
 * dossiers and returns decided ones, officers take received ones and follow supplements,
 * approvers decide; everyone watches what is overdue.
 */
export const QUEUE_TAB_DEFS: Record<QueueTab, QueueTabDef> = {
  toReceive: { roles: ['RECEPTIONIST'], params: { status: 'SUBMITTED' } },
  mine: { roles: ['OFFICER'], params: { assignee: 'me' } },
  toAssign: { roles: ['RECEPTIONIST', 'OFFICER', 'APPROVER'], params: { status: 'RECEIVED' } },
  awaitingApproval: { roles: ['APPROVER'], params: { status: 'PENDING_APPROVAL' } },
  supplement: { roles: ['RECEPTIONIST', 'OFFICER'], params: { status: 'SUPPLEMENT_REQUESTED' } },
  toReturn: { roles: ['RECEPTIONIST'], params: { status: 'APPROVED,REJECTED' } },
  overdue: { roles: DESK_ROLES, params: { sla: 'OVERDUE' } },
  all: { roles: DESK_ROLES, params: {} },
};

/** The queues a user with these roles works, in display order. */
export function tabsFor(roles: readonly Role[]): QueueTab[] {
  return QUEUE_TABS.filter((tab) => QUEUE_TAB_DEFS[tab].roles.some((r) => roles.includes(r)));
}

/** The user's first queue: the desk's "to receive", an officer's own, an approver's "to approve". */
export function defaultTab(roles: readonly Role[]): QueueTab {
  if (roles.includes('OFFICER')) return 'mine';
  if (roles.includes('APPROVER') && !roles.includes('RECEPTIONIST')) return 'awaitingApproval';
  return tabsFor(roles)[0] ?? 'all';
}

export function isQueueTab(s: string | null): s is QueueTab {
  return s !== null && (QUEUE_TABS as readonly string[]).includes(s);
}

export interface QueueFilters {
  q?: string;
  procedureCode?: string;
  sla?: string;
}

/** The GET /queue parameters of a tab with the user's filters (a tab's own filter wins). */
export function queueParams(tab: QueueTab, filters: QueueFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q?.trim()) out.q = filters.q.trim();
  if (filters.procedureCode) out.procedureCode = filters.procedureCode;
  if (filters.sla) out.sla = filters.sla;
  return { ...out, ...QUEUE_TAB_DEFS[tab].params };
}
