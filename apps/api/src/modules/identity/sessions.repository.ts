import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type SessionMethod = 'password' | 'oidc';

@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(userId: string, method: SessionMethod, at: Date, m: EntityManager = this.ds.manager): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO auth_session (user_id, method, created_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, method, at],
    );
    return rows[0].id;
  }

  /** The primary-key lookup every authenticated request makes (at most once a second per process). */
  async findActive(id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM auth_session WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Revoke sessions and their refresh tokens; the ids of the sessions this call ended. */
  async revoke(
    where: { id: string } | { userId: string; exceptId?: string },
    reason: string,
    at: Date,
    m: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    const rows: { id: string }[] =
      'id' in where
        ? await m.query(
            `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
            [where.id, at, reason],
          )
        : await m.query(
            `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3
              WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $4 RETURNING id`,
            [where.userId, at, reason, where.exceptId ?? null],
          );
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const ended = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    const ids = ended.map((r) => r.id);
    if (ids.length) {
      await m.query(`UPDATE refresh_token SET revoked_at = $2 WHERE family_id = ANY($1) AND revoked_at IS NULL`, [
        ids,
        at,
      ]);
    }
    return ids;
  }
}
