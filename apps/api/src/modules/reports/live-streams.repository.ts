import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The open `/reports/live` streams of every API process (report_live_stream): a row per stream,
 * its process's heartbeat refreshed while it lives, so the per-user cap holds across processes
 * and a crashed process's streams stop counting once stale.
 */
@Injectable()
export class LiveStreamsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Record a new stream for `userId` unless they already hold `max` live ones (stale rows, whose
   * heartbeat is older than `staleBefore`, are dropped first). Serialised per user by an advisory
   * lock, so parallel opens on any number of processes never pass the cap together.
   */
  async claim(userId: string, processId: string, max: number, now: Date, staleBefore: Date): Promise<string | null> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_live_stream:' || $1, 0))`, [userId]);
      await m.query(`DELETE FROM report_live_stream WHERE user_id = $1 AND heartbeat_at < $2`, [userId, staleBefore]);
      const [{ open }] = await m.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM report_live_stream WHERE user_id = $1`,
        [userId],
      );
      if (open >= max) return null;
      const id = randomUUID();
      await m.query(
        `INSERT INTO report_live_stream (id, user_id, process_id, opened_at, heartbeat_at) VALUES ($1, $2, $3, $4, $4)`,
        [id, userId, processId, now],
      );
      return id;
    });
  }

  async release(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM report_live_stream WHERE id = $1`, [id]);
  }

  async releaseProcess(processId: string): Promise<void> {
    await this.ds.query(`DELETE FROM report_live_stream WHERE process_id = $1`, [processId]);
  }

  async heartbeat(processId: string, now: Date): Promise<void> {
    await this.ds.query(`UPDATE report_live_stream SET heartbeat_at = $2 WHERE process_id = $1`, [processId, now]);
  }

  async countOpen(userId: string): Promise<number> {
    const [{ open }] = await this.ds.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM report_live_stream WHERE user_id = $1`,
      [userId],
    );
    return open;
  }
}
