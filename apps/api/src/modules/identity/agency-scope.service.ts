import { Injectable } from '@nestjs/common';
import { isStaffRole } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { UsersRepository } from './users.repository.js';

/**
 * Which agencies' objects a user may see (domain.md, Roles): an admin all; a manager
 * their agency and every agency below it; other staff their agency; a citizen none
 * (citizens see their own objects, filtered by owner). Modules filter by it and answer
 * 404 outside it.
 */
@Injectable()
export class AgencyScopeService {
  constructor(private readonly users: UsersRepository) {}

  async agencyCodesInScope(user: AuthUser): Promise<string[] | 'ALL'> {
    if (user.roles.includes('ADMIN')) return 'ALL';
    if (!user.agencyCode) return [];
    if (user.roles.includes('MANAGER')) return this.users.agencySubtree(user.agencyCode);
    return user.roles.some(isStaffRole) ? [user.agencyCode] : [];
  }

  /** True when the agency is in the user's scope. */
  async inScope(user: AuthUser, agencyCode: string): Promise<boolean> {
    const scope = await this.agencyCodesInScope(user);
    return scope === 'ALL' || scope.includes(agencyCode);
  }
}
