import { z } from 'zod';
import { ROLES, STAFF_ROLES } from './roles.js';

/** The staff directory for assignment (api.md, "Staff"): GET /staff parameters and rows. */

/** Query strings are not strict (an unknown parameter is ignored); `role` is one staff role, any case. */
export const staffQuerySchema = z.object({
  role: z
    .string()
    .max(20)
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(STAFF_ROLES))
    .optional(),
});
export type StaffQuery = z.output<typeof staffQuerySchema>;

export const staffMemberSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Open dossiers assigned to them (the queue's default statuses): their current load. */
  openAssigned: z.number().int().min(0),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({ items: z.array(staffMemberSchema) });
export type StaffList = z.infer<typeof staffListSchema>;
