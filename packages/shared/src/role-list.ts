/** Roles of domain.md. A staff member holds one or more staff roles; a citizen only CITIZEN. */
export const ROLES = ['CITIZEN', 'RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
  'RECEPTIONIST',
  'OFFICER',
  'APPROVER',
  'MANAGER',
  'ADMIN',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
