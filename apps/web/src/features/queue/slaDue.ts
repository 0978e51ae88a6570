import type { DossierStatus, SlaState } from '@motcua/shared';
import { toLocalDate } from '@motcua/shared/dossier-clock';
import type { TagTone } from '../../components/ui';

/** Where a dossier stands against its due date, as the desk reads it. */
export type SlaDue =
  | { kind: 'none' }
  | { kind: 'daysLeft'; days: number; soon: boolean }
  | { kind: 'dueToday' }
  | { kind: 'overdue'; days: number }
  | { kind: 'waiting' }
  | { kind: 'decided'; outcome: 'EARLY' | 'ON_TIME' | 'LATE' };

const DECIDED: readonly DossierStatus[] = ['APPROVED', 'REJECTED', 'RETURNED'];
const DAY_MS = 86_400_000;

/** Calendar days from the local day of `from` to the local day of `to` (Asia/Ho_Chi_Minh). */
export function localDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(toLocalDate(to)) - Date.parse(toLocalDate(from))) / DAY_MS);
}

/**
 * The API's SLA state with the days counted to or past the due day. The state is the server's
 * (it knows the holiday calendar and 17:00 cut-off); the days are calendar days, as people say
 * "còn 2 ngày".
 */
export function slaDue(item: { status: DossierStatus; sla: SlaState | null; dueAt: string | null }, now: Date): SlaDue {
  const { sla, dueAt } = item;
  if (!sla || !dueAt) return { kind: 'none' };
  if (DECIDED.includes(item.status) || sla === 'EARLY' || sla === 'LATE') {
    return { kind: 'decided', outcome: sla === 'EARLY' ? 'EARLY' : sla === 'LATE' ? 'LATE' : 'ON_TIME' };
  }
  // The agency's clock is stopped while the citizen supplements: no days are counted.
  if (sla === 'WAITING_CITIZEN') return { kind: 'waiting' };
  const days = localDaysBetween(now, new Date(dueAt));
  if (sla === 'OVERDUE') return { kind: 'overdue', days: Math.max(0, -days) };
  if (days <= 0) return { kind: 'dueToday' };
  return { kind: 'daysLeft', days, soon: sla === 'DUE_SOON' };
}

export function slaTone(due: SlaDue): TagTone {
  switch (due.kind) {
    case 'none':
      return 'neutral';
    case 'overdue':
      return 'danger';
    case 'dueToday':
      return 'warning';
    case 'waiting':
      return 'info';
    case 'daysLeft':
      return due.soon ? 'warning' : 'success';
    case 'decided':
      return due.outcome === 'LATE' ? 'danger' : 'success';
  }
}
