import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../notifications/outbox.service.js';

/** The notification types of the inbox (issue 15); the SLA module sends APOLOGY, SLA_* and SUPPLEMENT_REMINDER. */
export type NotificationType =
  | 'STATUS_CHANGED'
  | 'SUPPLEMENT_REQUESTED'
  | 'FEE_DUE'
  | 'RESULT_READY'
  | 'APOLOGY'
  | 'SLA_DUE_SOON'
  | 'SLA_OVERDUE'
  | 'SUPPLEMENT_REMINDER';

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

/** The outbox message type of the default notifier (delivered after commit by its handlers). */
export const SLA_NOTIFICATION = 'sla.notification';

/**
 * The default binding: the notification is written to the outbox in the caller's transaction, so
 * it exists exactly when the change commits; SlaMailer e-mails the applicant's apology from it.
 */
@Injectable()
export class OutboxSlaNotifier implements SlaNotifier {
  constructor(private readonly outbox: OutboxService) {}

  async notify(em: EntityManager, input: NotifyInput): Promise<void> {
    if (input.userIds.length === 0) return;
    await this.outbox.enqueue(em, SLA_NOTIFICATION, input);
  }
}

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
