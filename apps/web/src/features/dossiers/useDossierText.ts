import type { Channel, DossierStatus, Role, SlaState } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import type { TagTone } from '../../components/ui';

const STATUS_TONE: Record<DossierStatus, TagTone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  NOT_ACCEPTED: 'danger',
  RECEIVED: 'info',
  WITHDRAWN: 'neutral',
  IN_PROCESSING: 'info',
  SUPPLEMENT_REQUESTED: 'warning',
  PENDING_APPROVAL: 'info',
  APPROVED: 'success',
  REJECTED: 'danger',
  RETURNED: 'success',
};

/**
 * Every status in life-cycle order, for the status filter. Read from the table above (typed by the
 * shared status type, so it cannot miss one) rather than from the shared runtime list, which would
 * load zod into pages that validate nothing.
 */
export const STATUS_ORDER = Object.keys(STATUS_TONE) as DossierStatus[];

const SLA_TONE: Record<SlaState, TagTone> = {
  EARLY: 'success',
  ON_TIME: 'success',
  DUE_SOON: 'warning',
  OVERDUE: 'danger',
  WAITING_CITIZEN: 'info',
  LATE: 'danger',
};

/** A dossier's status, SLA, channel and actors in words (the colour of a tag only repeats them). */
export function useDossierText() {
  const { t } = useTranslation();
  return {
    status: (s: DossierStatus) => t(`dossiers.status.${s}`),
    statusTone: (s: DossierStatus) => STATUS_TONE[s],
    /** What happens next, in plain words, for the applicant. */
    next: (s: DossierStatus) => t(`dossiers.next.${s}`),
    sla: (s: SlaState) => t(`dossiers.sla.${s}`),
    slaTone: (s: SlaState) => SLA_TONE[s],
    channel: (c: Channel) => t(`dossiers.channel.${c}`),
    role: (r: Role) => t(`auth.roles.${r}`),
  };
}
