import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OidcLogin } from './oidc-login.entity.js';

@Injectable()
export class OidcLoginsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(login: OidcLogin): Promise<void> {
    await this.ds.getRepository(OidcLogin).insert(login);
  }

  /** Remove and return a pending login: a state is good for one callback only. */
  async take(state: string): Promise<OidcLogin | null> {
    // TypeORM answers a DELETE with [rows, rowCount].
    const [rows] = await this.ds.query<
      [{ state: string; code_verifier: string; nonce: string; created_at: Date }[], number]
    >(`DELETE FROM oidc_login WHERE state = $1 RETURNING state, code_verifier, nonce, created_at`, [state]);
    const r = rows[0];
    return r ? { state: r.state, codeVerifier: r.code_verifier, nonce: r.nonce, createdAt: r.created_at } : null;
  }

  async deleteCreatedBefore(before: Date): Promise<void> {
    await this.ds.query(`DELETE FROM oidc_login WHERE created_at < $1`, [before]);
  }
}
