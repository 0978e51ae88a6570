import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly ds: DataSource) {}

  /** Per key: how many failures since `since`, and the time of the `nth` most recent one (null if fewer). */
  async countSince(
    keys: string[],
    since: Date,
    nth: number,
  ): Promise<Map<string, { count: number; nthLatest: Date | null }>> {
    const rows: { key: string; count: number; nth_latest: Date | null }[] = await this.ds.query(
      `SELECT key, count(*)::int AS count, (array_agg(at ORDER BY at DESC))[$3] AS nth_latest
         FROM login_failure WHERE key = ANY($1) AND at > $2 GROUP BY key`,
      [keys, since, nth],
    );
    return new Map(rows.map((r) => [r.key, { count: r.count, nthLatest: r.nth_latest }]));
  }

  async insert(keys: string[], at: Date): Promise<void> {
    await this.ds.query(`INSERT INTO login_failure (key, at) SELECT unnest($1::text[]), $2`, [keys, at]);
  }

  async deleteKey(key: string): Promise<void> {
    await this.ds.query(`DELETE FROM login_failure WHERE key = $1`, [key]);
  }

  async deleteBefore(before: Date): Promise<void> {
    await this.ds.query(`DELETE FROM login_failure WHERE at < $1`, [before]);
  }
}
