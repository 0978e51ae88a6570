import type { NotificationType } from '@motcua/shared';
import type { EntityManager } from 'typeorm';

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  dossierId: string | null;
  params?: Record<string, string | number>;
}

/**
 * What the SLA module needs of notifications: one `notify` in the caller's transaction, the
 * signature of NotificationsService.notify, so the inbox's service binds to SLA_NOTIFIER as is.
 */
export interface SlaNotifier {
  notify(em: EntityManager, input: NotifyInput): Promise<void>;
}

export const SLA_NOTIFIER = Symbol('SLA_NOTIFIER');

/** A notifier that keeps what it was given (tests read `sent`). */
export class RecordingSlaNotifier implements SlaNotifier {
  readonly sent: NotifyInput[] = [];

  notify(_em: EntityManager, input: NotifyInput): Promise<void> {
    if (input.userIds.length > 0) this.sent.push(input);
    return Promise.resolve();
  }

  of(type: NotificationType, dossierId?: string): NotifyInput[] {
    return this.sent.filter((n) => n.type === type && (dossierId === undefined || n.dossierId === dossierId));
  }
}
