import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STAFF_ROLES, type Role, type StaffMember, type StaffRole } from '@motcua/shared';

/**
 * The active staff of one agency with their open load. The load is the dossiers module's read
 * view `dossier_assigned_load` (migration 1766900000001), never its table.
 */
@Injectable()
export class StaffRepository {
  constructor(private readonly ds: DataSource) {}

  async listActive(agencyCode: string, role: StaffRole | undefined): Promise<StaffMember[]> {
    const rows: { id: string; fullName: string; roles: Role[]; openAssigned: number }[] = await this.ds.query(
      // A correlated subquery, so the assignee filter reaches the view's GROUP BY (one index range
      // per person) instead of counting every assigned dossier of the city.
      `SELECT u.id, u.full_name AS "fullName", u.roles,
              COALESCE((SELECT l.open_assigned FROM dossier_assigned_load l WHERE l.assignee_id = u.id), 0)
                AS "openAssigned"
         FROM app_user u
        WHERE u.agency_code = $1 AND u.disabled_at IS NULL AND NOT u.walk_in
          AND u.roles && $2::text[] AND ($3::text IS NULL OR $3 = ANY(u.roles))
        ORDER BY u.id`,
      [agencyCode, STAFF_ROLES, role ?? null],
    );
    return rows;
  }
}
