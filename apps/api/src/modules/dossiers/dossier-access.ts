import { isStaffRole } from '@motcua/shared';
import type { Actor, DossierRow } from './dossiers.types.js';

/** The agencies a user's staff roles reach (AgencyScopeService.agencyCodesInScope). */
export type AgencyScope = string[] | 'ALL';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid names no dossier (404, not a database error). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * Who may see a dossier (domain.md, Roles): its applicant; staff whose agency scope holds the
 * dossier's agency, once it is submitted (a draft is the citizen's alone, but for a walk-in draft,
 * which lives only inside the desk's intake transaction). Everyone else gets 404, never 403, so
 * that existence does not leak.
 */
export function canSeeDossier(
  user: Actor,
  scope: AgencyScope,
  d: Pick<DossierRow, 'applicantId' | 'agencyCode' | 'status' | 'channel'>,
): boolean {
  if (d.applicantId === user.id) return true;
  if ((d.status === 'DRAFT' && d.channel !== 'COUNTER') || !user.roles.some(isStaffRole)) return false;
  return scope === 'ALL' || scope.includes(d.agencyCode);
}
