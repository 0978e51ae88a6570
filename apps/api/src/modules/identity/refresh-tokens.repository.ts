import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(token: Omit<RefreshToken, 'id'>, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(RefreshToken).insert(token);
  }

  /** Locked, so that two refreshes with one token are served one after the other. */
  findByHashForUpdate(tokenHash: string, m: EntityManager): Promise<RefreshToken | null> {
    return m.getRepository(RefreshToken).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findByHash(tokenHash: string, m: EntityManager = this.ds.manager): Promise<RefreshToken | null> {
    return m.getRepository(RefreshToken).findOneBy({ tokenHash });
  }

  async markUsed(id: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [id, at]);
  }
}
