import { z } from 'zod';
import { ROLES } from './role-list.js';

// The role lists live in role-list.ts, free of zod, so that the web's shell (permissions, `can()`)
// does not carry the schema library (issue 16, the front end's budget).
export { ROLES, STAFF_ROLES, isStaffRole, type Role, type StaffRole } from './role-list.js';
export const roleSchema = z.enum(ROLES);
