import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DossierAction, DossierStatus } from '@motcua/shared';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service.js';
import type { DossierWithNames } from './dossiers.types.js';

/** What one transition tells its applicant (api.md, "Notifications and apologies"). */
export function applicantNotifications(
  action: DossierAction,
  fromStatus: DossierStatus,
  after: Pick<
    DossierWithNames,
    'id' | 'code' | 'applicantId' | 'status' | 'channel' | 'fee' | 'feeStatus' | 'deliveryMethod'
  >,
  note: string | null,
): NotifyInput[] {
  const base = { userIds: [after.applicantId], dossierId: after.id };
  const code = after.code ?? '';
  const out: NotifyInput[] = [];
  // A hand-over between officers keeps the status: nothing the applicant sees changed.
  if (fromStatus !== after.status) {
    if (action === 'request_supplement') {
      out.push({ ...base, type: 'SUPPLEMENT_REQUESTED', params: { code, note: note ?? '' } });
    } else if (action === 'return_result' && after.deliveryMethod === 'ELECTRONIC') {
      // The "result ready" of issue 14: its e-mail opens the dossier at the rating section.
      out.push({ ...base, type: 'RESULT_READY', params: { code } });
    } else {
      out.push({ ...base, type: 'STATUS_CHANGED', params: { code, status: after.status, ...(note ? { note } : {}) } });
    }
  }
  // The fee falls due once: at an online submission, or at receipt of a dossier filed otherwise.
  const feeDueNow =
    (action === 'submit' && after.channel === 'ONLINE') || (action === 'receive' && after.channel !== 'ONLINE');
  if (feeDueNow && after.feeStatus === 'UNPAID' && after.fee > 0) {
    out.push({ ...base, type: 'FEE_DUE', params: { code, amount: after.fee } });
  }
  return out;
}

/**
 * Tells the applicant of each status change, in the change's transaction: the inbox row is
 * written with the change (or not at all), and e-mail/SMS follow through the outbox.
 */
@Injectable()
export class DossierNotificationsService {
  constructor(private readonly notifications: NotificationsService) {}

  async onTransition(
    m: EntityManager,
    action: DossierAction,
    fromStatus: DossierStatus,
    after: DossierWithNames,
    note: string | null,
  ): Promise<void> {
    for (const n of applicantNotifications(action, fromStatus, after, note)) await this.notifications.notify(m, n);
  }
}
