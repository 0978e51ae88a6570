import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationPreferencesInput, NotificationType } from '@motcua/shared';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  params: Record<string, string | number>;
  dossierId: string | null;
  dossierCode: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Who got a new notification and by which channels it goes out (the user's preferences applied). */
export interface FanOutRow {
  id: string;
  userId: string;
  email: boolean;
  sms: boolean;
}

/** A notification ready to send: the row, its dossier's code and where its user is reached. */
export interface DeliveryRow extends NotificationRow {
  userId: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  roles: string[];
}

export interface PreferencesRow extends NotificationPreferencesInput {
  hasEmail: boolean;
  hasPhone: boolean;
}

const COLUMNS = `n.id, n.type, n.params, n.dossier_id AS "dossierId", d.code AS "dossierCode",
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/**
 * The notifications module's tables (notification, notification_preference); users and dossiers
 * are read through their owners' views user_contact and dossier_label (module-tables.spec.ts).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One row per distinct user in one statement, and for each the channels it goes by: e-mail when
   * the user has an address and (essential or e-mail updates on); SMS when the gateway is on, the
   * user has a phone, agreed to SMS, and (essential or SMS updates on). Defaults apply without a
   * preference row (notifications.ts DEFAULT_NOTIFICATION_PREFERENCES).
   */
  async insertFanOut(
    m: EntityManager,
    input: {
      userIds: string[];
      type: NotificationType;
      dossierId: string | null;
      params: Record<string, string | number>;
      at: Date;
      essential: boolean;
      smsOn: boolean;
    },
  ): Promise<FanOutRow[]> {
    return m.query(
      `WITH ins AS (
         INSERT INTO notification (user_id, type, dossier_id, params, created_at)
         SELECT u, $2, $3, $4::jsonb, $5 FROM (SELECT DISTINCT unnest($1::uuid[]) AS u) x
         RETURNING id, user_id)
       SELECT ins.id, ins.user_id AS "userId",
              (c.email IS NOT NULL AND c.disabled_at IS NULL AND ($6 OR COALESCE(p.email_updates, true))) AS email,
              ($7 AND c.phone IS NOT NULL AND c.disabled_at IS NULL AND COALESCE(p.sms_agreed, false)
                 AND ($6 OR COALESCE(p.sms_updates, true))) AS sms
         FROM ins
         JOIN user_contact c ON c.id = ins.user_id
         LEFT JOIN notification_preference p ON p.user_id = ins.user_id`,
      [
        input.userIds,
        input.type,
        input.dossierId,
        JSON.stringify(input.params),
        input.at,
        input.essential,
        input.smsOn,
      ],
    );
  }

  /** A page of the user's own, newest first, after the keyset (createdAt, id) of the cursor. */
  async page(
    userId: string,
    options: { unread: boolean; after: { createdAt: Date; id: string } | null; limit: number },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, options.limit];
    let where = 'n.user_id = $1';
    if (options.unread) where += ' AND n.read_at IS NULL';
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where += ' AND (n.created_at, n.id) < ($3, $4::uuid)';
    }
    return this.ds.query(
      `SELECT ${COLUMNS} FROM notification n LEFT JOIN dossier_label d ON d.id = n.dossier_id
        WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      params,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return n;
  }

  /** Marks one of the user's own read (kept at the first read); false when it is not theirs or does not exist. */
  async markRead(userId: string, id: string, at: Date): Promise<boolean> {
    // A CTE, so the answer is rows (TypeORM answers a bare UPDATE with [rows, count]).
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `WITH u AS (UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $2 AND user_id = $1 RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [userId, id, at],
    );
    return n > 0;
  }

  async markAllRead(userId: string, at: Date): Promise<void> {
    await this.ds.query(`UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, [userId, at]);
  }

  /** Deletes every inbox row about a dossier (in the caller's transaction); how many went. */
  async deleteForDossier(em: EntityManager, dossierId: string): Promise<number> {
    const [{ n }] = await em.query<{ n: number }[]>(
      `WITH gone AS (DELETE FROM notification WHERE dossier_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [dossierId],
    );
    return n;
  }

  async forDelivery(id: string): Promise<DeliveryRow | null> {
    const [row] = await this.ds.query<DeliveryRow[]>(
      `SELECT ${COLUMNS}, n.user_id AS "userId", c.full_name AS "fullName", c.email, c.phone, c.roles
         FROM notification n
         JOIN user_contact c ON c.id = n.user_id
         LEFT JOIN dossier_label d ON d.id = n.dossier_id
        WHERE n.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async preferences(userId: string): Promise<PreferencesRow | null> {
    const [row] = await this.ds.query<PreferencesRow[]>(
      `SELECT COALESCE(p.email_updates, true) AS "emailUpdates", COALESCE(p.sms_updates, true) AS "smsUpdates",
              COALESCE(p.sms_agreed, false) AS "smsAgreed",
              c.email IS NOT NULL AS "hasEmail", c.phone IS NOT NULL AS "hasPhone"
         FROM user_contact c LEFT JOIN notification_preference p ON p.user_id = c.id
        WHERE c.id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async savePreferences(userId: string, p: NotificationPreferencesInput, at: Date): Promise<void> {
    await this.ds.query(
      `INSERT INTO notification_preference (user_id, email_updates, sms_updates, sms_agreed, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE
         SET email_updates = $2, sms_updates = $3, sms_agreed = $4, updated_at = $5`,
      [userId, p.emailUpdates, p.smsUpdates, p.smsAgreed, at],
    );
  }

  /** The unsubscribe link: e-mail updates off, the other choices kept (defaults when none saved). */
  async emailUpdatesOff(userId: string, at: Date): Promise<boolean> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `WITH u AS (
         INSERT INTO notification_preference (user_id, email_updates, sms_updates, sms_agreed, updated_at)
         SELECT id, false, true, false, $2 FROM user_contact WHERE id = $1
         ON CONFLICT (user_id) DO UPDATE SET email_updates = false, updated_at = $2
         RETURNING user_id)
       SELECT count(*)::int AS n FROM u`,
      [userId, at],
    );
    return n > 0;
  }
}
