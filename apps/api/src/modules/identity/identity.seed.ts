import { hash } from '@node-rs/argon2';
import type { Role } from '@motcua/shared';
import type { DataSource } from 'typeorm';
import type { DemoSeed } from '../../database/seeds/demo-seed.js';

/** The password of every demo account (README, Demo accounts). */
export const DEMO_PASSWORD = 'Demo@123456';

interface DemoAccount {
  username: string;
  fullName: string;
  roles: Role[];
  agencyCode: string | null;
  nationalId?: string;
  dateOfBirth?: string;
  email?: string;
}

const HAI_CHAU = '000.30.01.H17';
const TU_PHAP = '000.00.12.H17';
const THANH_PHO = '000.00.00.H17';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: '048090000123',
    nationalId: '048090000123',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-05-12',
    email: 'an@example.vn',
    roles: ['CITIZEN'],
    agencyCode: null,
  },
  { username: 'tiepnhan.haichau', fullName: 'Trần Thị Bình', roles: ['RECEPTIONIST'], agencyCode: HAI_CHAU },
  { username: 'chuyenvien.haichau', fullName: 'Lê Văn Cường', roles: ['OFFICER'], agencyCode: HAI_CHAU },
  { username: 'lanhdao.haichau', fullName: 'Phạm Thị Dung', roles: ['APPROVER'], agencyCode: HAI_CHAU },
  { username: 'quanly.haichau', fullName: 'Hoàng Văn Em', roles: ['MANAGER'], agencyCode: HAI_CHAU },
  { username: 'tiepnhan.tuphap', fullName: 'Võ Thị Giang', roles: ['RECEPTIONIST'], agencyCode: TU_PHAP },
  { username: 'chuyenvien.tuphap', fullName: 'Đặng Văn Hùng', roles: ['OFFICER'], agencyCode: TU_PHAP },
  { username: 'lanhdao.tuphap', fullName: 'Bùi Thị Lan', roles: ['APPROVER'], agencyCode: TU_PHAP },
  { username: 'quanly.tuphap', fullName: 'Đỗ Văn Minh', roles: ['MANAGER'], agencyCode: TU_PHAP },
  { username: 'quanly.thanhpho', fullName: 'Ngô Thị Ngọc', roles: ['MANAGER'], agencyCode: THANH_PHO },
];

/**
 * Demo accounts (a citizen, staff of a ward and of a department, a city manager).
 * Runs after the catalog seed: an account whose agency does not exist is skipped.
 * Only missing accounts are hashed and inserted, so a restart costs one query.
 */
export const identityDemoSeed: DemoSeed = {
  name: 'demo accounts',
  async run(ds: DataSource): Promise<void> {
    const existing = new Set(
      (
        await ds.query<{ username: string }[]>(`SELECT username FROM app_user WHERE username = ANY($1)`, [
          DEMO_ACCOUNTS.map((a) => a.username),
        ])
      ).map((r) => r.username),
    );
    const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username));
    if (!missing.length) return;
    const agencies = new Set(
      (
        await ds.query<{ code: string }[]>(`SELECT code FROM agency WHERE code = ANY($1)`, [
          missing.flatMap((a) => (a.agencyCode ? [a.agencyCode] : [])),
        ])
      ).map((r) => r.code),
    );
    for (const a of missing) {
      if (a.agencyCode && !agencies.has(a.agencyCode)) continue;
      await ds.query(
        `INSERT INTO app_user (username, national_id, email, full_name, date_of_birth, password_hash, roles, agency_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING`,
        [
          a.username,
          a.nationalId ?? null,
          a.email ?? null,
          a.fullName,
          a.dateOfBirth ?? null,
          await hash(DEMO_PASSWORD),
          a.roles,
          a.agencyCode,
        ],
      );
    }
  },
};
