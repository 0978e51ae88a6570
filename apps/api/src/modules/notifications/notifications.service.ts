import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  isEssentialNotification,
  renderNotification,
  type NotificationItem,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  type NotificationType,
  type TextLanguage,
} from '@motcua/shared';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { NotificationError } from './notifications.errors.js';
import { NotificationsRepository, type NotificationRow } from './notifications.repository.js';
import { OutboxService } from './outbox.service.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

export type { NotificationType } from '@motcua/shared';

/** The outbox messages of a notification's delivery (notification-delivery.service.ts sends them). */
export const NOTIFICATION_EMAIL = 'notification.email';
export const NOTIFICATION_SMS = 'notification.sms';
export interface NotificationDeliveryPayload {
  notificationId: string;
}

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  dossierId: string | null;
  params?: Record<string, string | number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's cursor: the keyset (createdAt, id) of the last item, opaque to the client. */
function encodeCursor(row: NotificationRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (rest.length || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw NotificationError.badCursor();
  }
  return { createdAt, id };
}

/**
 * The inbox (api.md, "Notifications and apologies"): every notification is a row in the user's
 * inbox, written in the caller's transaction; e-mail and SMS follow from it through the outbox
 * (one message per recipient and channel), so the inbox is the single source of what was said.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly rows: NotificationsRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inserts one inbox row per user (and queues e-mail/SMS per the user's channels) inside the caller's transaction. */
  async notify(em: EntityManager, input: NotifyInput): Promise<void> {
    if (input.userIds.length === 0) return;
    const fanOut = await this.rows.insertFanOut(em, {
      userIds: input.userIds,
      type: input.type,
      dossierId: input.dossierId,
      params: input.params ?? {},
      at: this.clock.now(),
      essential: isEssentialNotification(input.type),
      smsOn: this.config.sms !== null,
    });
    const messages = [
      ...fanOut.filter((r) => r.email).map((r) => ({ type: NOTIFICATION_EMAIL, payload: { notificationId: r.id } })),
      ...fanOut.filter((r) => r.sms).map((r) => ({ type: NOTIFICATION_SMS, payload: { notificationId: r.id } })),
    ];
    await this.outbox.enqueueMany(em, messages);
  }

  async list(userId: string, query: NotificationListQuery, lang: TextLanguage): Promise<NotificationList> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    // One more than asked tells whether a next page exists.
    const rows = await this.rows.page(userId, { unread: query.unread ?? false, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => toItem(r, lang)),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
      unread: await this.rows.unreadCount(userId),
    };
  }

  async markRead(userId: string, id: string): Promise<void> {
    // Not a uuid: no such notification (and no cast error from PostgreSQL).
    if (!UUID.test(id)) throw NotificationError.notFound();
    if (!(await this.rows.markRead(userId, id, this.clock.now()))) throw NotificationError.notFound();
  }

  /**
   * The retention sweep's share (dossiers/retention.service.ts; domain.md, "Personal data"): the
   * inbox rows about a dossier whose personal data is erased go, in the erasure's transaction.
   */
  forgetDossier(em: EntityManager, dossierId: string): Promise<number> {
    return this.rows.deleteForDossier(em, dossierId);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.rows.markAllRead(userId, this.clock.now());
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const p = await this.rows.preferences(userId);
    if (!p) throw NotificationError.notFound();
    return p;
  }

  async savePreferences(userId: string, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
    await this.rows.savePreferences(userId, input, this.clock.now());
    return this.preferences(userId);
  }

  /** The unsubscribe link (no login): true when the token is ours and its user's e-mail updates are now off. */
  async unsubscribe(token: string | undefined): Promise<boolean> {
    const userId = verifyUnsubscribeToken(this.config.jwtSecret, token);
    if (!userId) return false;
    return this.rows.emailUpdatesOff(userId, this.clock.now());
  }
}

/** A row as the API shows it, its texts in the caller's language; the code param falls back to the dossier's. */
export function toItem(r: NotificationRow, lang: TextLanguage): NotificationItem {
  const { title, body } = renderNotification(r.type, { code: r.dossierCode ?? '', ...r.params }, lang);
  return {
    id: r.id,
    type: r.type,
    title,
    body,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}
