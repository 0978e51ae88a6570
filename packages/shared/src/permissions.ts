import { ROLES, type Role } from './role-list.js';

/**
 * The named permissions: each API route declares exactly one (`@Access(…)`, checked at boot), and
 * the web shows a menu, a page or a button only to users who hold the one behind it. Which
 * dossier a holder may see or move is then narrowed by scope and by the transition table
 * (workflow.ts); this table only says who may knock at all.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'dossier.read',
  'dossier.own',
  'dossier.act',
  'counter.intake',
  'payment.counter',
  'result.upload',
  'result.revoke',
  'queue.read',
  'staff.read',
  'report.read',
  'audit.read',
  'admin.catalog.write',
  'admin.procedure.write',
  'admin.user.write',
  'demo.control',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who holds a permission: anyone, any signed-in user, or a signed-in user with one of these roles. */
export type Grant = readonly Role[] | 'public' | 'authenticated';

const MANAGERS = ['MANAGER', 'ADMIN'] as const satisfies readonly Role[];
const ADMIN = ['ADMIN'] as const satisfies readonly Role[];

/**
 * The one table of who may do what (domain.md, Roles). A changed grant changes every route that
 * declares the permission: apps/api/src/security/expected-access.ts, written by hand, catches it.
 */
export const PERMISSION_GRANTS = {
  /** The catalog, tracking, open data, signing in. */
  public: 'public',
  /** One's own account. */
  authenticated: 'authenticated',
  /** Reading dossiers: a citizen their own, staff their agency scope (404 outside it). */
  'dossier.read': ROLES,
  /** The citizen's own dossiers: draft, attachments, submit, supplement, withdraw, rating, claim. */
  'dossier.own': ['CITIZEN'],
  /** The staff actions of the transition table (the desk, the officer, the approver). */
  'dossier.act': ['RECEPTIONIST', 'OFFICER', 'APPROVER'],
  /** Registering a walk-in dossier at the one-stop desk. */
  'counter.intake': ['RECEPTIONIST'],
  /** Recording a fee paid in cash at the desk (api.md, Fees and online payment). */
  'payment.counter': ['RECEPTIONIST'],
  /** Uploading a dossier's result document: the assigned officer or an approver (api.md, Electronic results). */
  'result.upload': ['OFFICER', 'APPROVER'],
  /** Withdrawing an issued result with a reason: the agency's approver (our addition to api.md, Electronic results). */
  'result.revoke': ['APPROVER'],
  /** The work queues of the agency scope. */
  'queue.read': ['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'],
  /** The active staff of one's agency with their open load, to assign dossiers (api.md, Staff). */
  'staff.read': ['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'],
  /** The reports and the live dashboard. */
  'report.read': MANAGERS,
  /** A dossier's timeline hash chain, checked. */
  'audit.read': MANAGERS,
  /** Agencies, sectors and the holiday calendar. */
  'admin.catalog.write': ADMIN,
  'admin.procedure.write': ADMIN,
  'admin.user.write': ADMIN,
  /** Outside production only: the demo's controls (pushing a dossier past its deadline, README). */
  'demo.control': ADMIN,
} as const satisfies Record<Permission, Grant>;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** The grant of a permission. */
export function grantOf(permission: Permission): Grant {
  return PERMISSION_GRANTS[permission];
}

/** Whether a user (null: anonymous) holds `permission`: the API's access guard and the web's menus both ask this. */
export function can(user: { readonly roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  const grant = grantOf(permission);
  if (grant === 'public') return true;
  if (!user) return false;
  if (grant === 'authenticated') return true;
  return grant.some((r) => user.roles.includes(r));
}
