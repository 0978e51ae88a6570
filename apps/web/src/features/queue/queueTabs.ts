import type { DossierMove, Permission, Role } from '@motcua/shared';
import { can } from '@motcua/shared/permissions';
import { moveRoles } from '@motcua/shared/workflow';

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

/** A permission of the shared table, or a move of the transition table (whoever may make it). */
type Work = Permission | { move: DossierMove };

interface QueueTabDef {
  /** Who works this queue: a user holding any of these. */
  who: readonly Work[];
  /** Its GET /queue parameters. */
  params: Record<string, string>;
}

/**
 * Each queue is a GET /queue filter (api.md, "Counter and queues"): the desk receives submitted
 * dossiers and returns decided ones, officers take received ones and follow supplements,
 * approvers decide; everyone watches what is overdue. Who works each is read from the shared
 * tables (the transition table's moves, the permission table), never from a role list here.
 */
export const QUEUE_TAB_DEFS: Record<QueueTab, QueueTabDef> = {
  toReceive: { who: [{ move: 'receive' }], params: { status: 'SUBMITTED' } },
  // The officer's own work: who takes a free dossier works it.
  mine: { who: [{ move: 'take' }], params: { assignee: 'me' } },
  toAssign: { who: [{ move: 'take' }, { move: 'hand_over' }], params: { status: 'RECEIVED' } },
  awaitingApproval: { who: [{ move: 'approve' }], params: { status: 'PENDING_APPROVAL' } },
  // The officer who asked, and the desk where the applicant brings the papers.
  supplement: { who: [{ move: 'request_supplement' }, 'counter.intake'], params: { status: 'SUPPLEMENT_REQUESTED' } },
  toReturn: { who: [{ move: 'return_result' }], params: { status: 'APPROVED,REJECTED' } },
  overdue: { who: ['dossier.act'], params: { sla: 'OVERDUE' } },
  all: { who: ['dossier.act'], params: {} },
};

function works(roles: readonly Role[], work: Work): boolean {
  if (typeof work === 'string') return can({ roles }, work);
  return moveRoles(work.move).some((r) => roles.includes(r));
}

/** The queues a user with these roles works, in display order. */
export function tabsFor(roles: readonly Role[]): QueueTab[] {
  return QUEUE_TABS.filter((tab) => QUEUE_TAB_DEFS[tab].who.some((w) => works(roles, w)));
}

/** The user's first queue: an officer's own, an approver's "to approve" (unless also at the desk), else the first. */
export function defaultTab(roles: readonly Role[]): QueueTab {
  const tabs = tabsFor(roles);
  if (tabs.includes('mine')) return 'mine';
  if (tabs.includes('awaitingApproval') && !tabs.includes('toReceive')) return 'awaitingApproval';
  return tabs[0] ?? 'all';
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
