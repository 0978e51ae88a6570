import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredIdempotentAnswer {
  requestHash: string;
  response: unknown;
  statusCode: number | null;
}

/** Idempotency keys of submit, per user. */
@Injectable()
export class IdempotencyKeysRepository {
  /**
   * Claims a key for this transaction. While it is uncommitted, a concurrent claim of the same
   * key waits on it (unique index), then finds the committed answer, or claims it itself if this
   * transaction rolled back. True when claimed.
   */
  async claim(userId: string, key: string, requestHash: string, at: Date, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO idempotency_key (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash, at],
    );
    return rows.length > 0;
  }

  async find(userId: string, key: string, m: EntityManager): Promise<StoredIdempotentAnswer | null> {
    const rows: StoredIdempotentAnswer[] = await m.query(
      `SELECT request_hash AS "requestHash", response, status_code AS "statusCode"
         FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return rows[0] ?? null;
  }

  async saveAnswer(
    userId: string,
    key: string,
    statusCode: number,
    response: unknown,
    m: EntityManager,
  ): Promise<void> {
    await m.query(`UPDATE idempotency_key SET response = $3, status_code = $4 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      JSON.stringify(response),
      statusCode,
    ]);
  }
}
