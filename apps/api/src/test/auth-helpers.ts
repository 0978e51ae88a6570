import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { LoginResponse, Role } from '@motcua/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { TokensService } from '../modules/identity/tokens.service.js';
import type { TestApp } from './test-app.js';

/** The password every user made by createUser has unless told otherwise. */
export const TEST_PASSWORD = 'Correct-Horse-42';

let testPasswordHash: Promise<string> | undefined;

export interface TestUser extends AuthUser {
  username: string;
  nationalId: string | null;
  password: string;
}

export interface CreateUserOptions {
  roles?: Role[];
  agencyCode?: string | null;
  username?: string;
  nationalId?: string | null;
  fullName?: string;
  email?: string | null;
  password?: string;
  dateOfBirth?: string | null;
  /** A national ID proven by a digital-citizen login (default: an unverified password account). */
  verified?: boolean;
}

/** A random 12-digit national ID. */
export function randomNationalId(): string {
  return Array.from(randomBytes(12), (b) => String(b % 10)).join('');
}

/**
 * An agency for tests (the catalog's seed is not loaded in tests); idempotent.
 * Staff users need one: app_user.agency_code refers to agency.
 */
export async function ensureAgency(
  ds: DataSource,
  code: string,
  options: { name?: string; level?: 'CITY' | 'DEPARTMENT' | 'WARD' | 'COMMUNE'; parentCode?: string | null } = {},
): Promise<void> {
  await ds.query(
    `INSERT INTO agency (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
    [code, options.name ?? `Agency ${code}`, options.level ?? 'WARD', options.parentCode ?? null],
  );
}

/**
 * A user straight in the database. Default: a citizen (username = a random national
 * ID). Give `roles` and `agencyCode` for staff (the agency must exist: ensureAgency).
 */
export async function createUser(ds: DataSource, options: CreateUserOptions = {}): Promise<TestUser> {
  const roles = options.roles ?? ['CITIZEN'];
  const citizen = roles.includes('CITIZEN');
  const nationalId = options.nationalId !== undefined ? options.nationalId : citizen ? randomNationalId() : null;
  const username = options.username ?? (citizen && nationalId ? nationalId : `staff.${randomBytes(4).toString('hex')}`);
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash =
    password === TEST_PASSWORD ? await (testPasswordHash ??= hash(TEST_PASSWORD)) : await hash(password);
  const fullName = options.fullName ?? (citizen ? 'Công Dân Thử' : 'Cán Bộ Thử');
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO app_user (username, national_id, email, full_name, date_of_birth, password_hash, roles, agency_code, verified)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      username,
      nationalId,
      options.email ?? null,
      fullName,
      options.dateOfBirth ?? null,
      passwordHash,
      roles,
      options.agencyCode ?? null,
      options.verified ?? false,
    ],
  );
  // The session tokenFor() names (sid = the user's id), so that test tokens pass the session check.
  await ds.query(`INSERT INTO auth_session (id, user_id, method, created_at) VALUES ($1, $1, 'password', now())`, [
    rows[0].id,
  ]);
  return {
    id: rows[0].id,
    username,
    nationalId,
    password,
    fullName,
    roles,
    agencyCode: options.agencyCode ?? null,
  };
}

/**
 * An access token for a user, signed as a login would (at the test clock's time), without an HTTP
 * round trip. It names the session createUser() opened for the user (sid = user id); a user made
 * otherwise has no such session, and its token is refused.
 */
export function tokenFor(t: TestApp, user: Pick<AuthUser, 'id' | 'fullName' | 'roles' | 'agencyCode'>): string {
  return t.app.get(TokensService).signAccessToken(user, user.id);
}

/** `Authorization` header value for a user. */
export function bearer(t: TestApp, user: Pick<AuthUser, 'id' | 'fullName' | 'roles' | 'agencyCode'>): string {
  return `Bearer ${tokenFor(t, user)}`;
}

/** Log in over HTTP (POST /auth/login) and return the answer; fails the test unless 200. */
export async function loginAs(t: TestApp, username: string, password: string = TEST_PASSWORD): Promise<LoginResponse> {
  const res = await request(t.http).post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as LoginResponse;
}
