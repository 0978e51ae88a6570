import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppUser } from './user.entity.js';

export type NewUser = Omit<AppUser, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  findById(id: string, m: EntityManager = this.ds.manager): Promise<AppUser | null> {
    return m.getRepository(AppUser).findOneBy({ id });
  }

  findByUsername(username: string, m: EntityManager = this.ds.manager): Promise<AppUser | null> {
    return m.getRepository(AppUser).findOneBy({ username });
  }

  findByOidcSubForUpdate(sub: string, m: EntityManager): Promise<AppUser | null> {
    return m.getRepository(AppUser).findOne({ where: { oidcSub: sub }, lock: { mode: 'pessimistic_write' } });
  }

  /** The account (not a walk-in record) of a national ID, locked. */
  findAccountByNationalIdForUpdate(nationalId: string, m: EntityManager): Promise<AppUser | null> {
    return m
      .getRepository(AppUser)
      .findOne({ where: { nationalId, walkIn: false }, lock: { mode: 'pessimistic_write' } });
  }

  /** The walk-in record the counter made for a national ID, locked. */
  findWalkInByNationalIdForUpdate(nationalId: string, m: EntityManager): Promise<AppUser | null> {
    return m
      .getRepository(AppUser)
      .findOne({ where: { nationalId, walkIn: true }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(user: NewUser, at: Date, m: EntityManager = this.ds.manager): Promise<AppUser> {
    const result = await m.getRepository(AppUser).insert({ ...user, createdAt: at, updatedAt: at });
    const id = (result.identifiers[0] as { id: string }).id;
    return m.getRepository(AppUser).findOneByOrFail({ id });
  }

  async update(id: string, patch: Partial<NewUser>, at: Date, m: EntityManager = this.ds.manager): Promise<AppUser> {
    await m.getRepository(AppUser).update({ id }, { ...patch, updatedAt: at });
    return m.getRepository(AppUser).findOneByOrFail({ id });
  }

  /** The active staff of an agency holding `role` (the SLA alerts' recipients). */
  async activeStaffIds(agencyCode: string, role: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM app_user WHERE agency_code = $1 AND $2 = ANY(roles) AND disabled_at IS NULL ORDER BY id`,
      [agencyCode, role],
    );
    return rows.map((r) => r.id);
  }

  async anyWithRole(role: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM app_user WHERE $1 = ANY(roles) LIMIT 1`, [role]);
    return rows.length > 0;
  }

  /**
   * Create the first administrator unless one exists; a concurrent start of another
   * process inserts nothing (ON CONFLICT). True when this call created it.
   */
  async insertFirstAdmin(username: string, passwordHash: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO app_user (username, full_name, password_hash, roles, created_at, updated_at)
       SELECT $1, 'Administrator', $2, ARRAY['ADMIN'], $3, $3
       WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE 'ADMIN' = ANY(roles))
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [username, passwordHash, at],
    );
    return rows.length > 0;
  }

  async agencyExists(code: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM agency WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** The codes of an agency and of every agency below it. */
  async agencySubtree(code: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows: { code: string }[] = await m.query(
      `WITH RECURSIVE subtree AS (
         SELECT code FROM agency WHERE code = $1
         UNION
         SELECT a.code FROM agency a JOIN subtree s ON a.parent_code = s.code
       )
       SELECT code FROM subtree ORDER BY code`,
      [code],
    );
    return rows.map((r) => r.code);
  }
}
