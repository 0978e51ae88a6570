import { Injectable } from '@nestjs/common';
import type { StaffList, StaffQuery } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { StaffRepository } from './staff.repository.js';

/** Names in Vietnamese order whatever the database's collation (it may run with the C locale). */
const byName = new Intl.Collator('vi', { sensitivity: 'base' });

/**
 * The staff directory (api.md, Staff): the active staff of the caller's own agency (not a
 * manager's subtree: a dossier is assigned within its agency), for the assignee picker.
 */
@Injectable()
export class StaffService {
  constructor(private readonly repo: StaffRepository) {}

  async list(user: AuthUser, query: StaffQuery): Promise<StaffList> {
    if (!user.agencyCode) return { items: [] };
    const items = await this.repo.listActive(user.agencyCode, query.role);
    items.sort((a, b) => byName.compare(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1));
    return { items };
  }
}
