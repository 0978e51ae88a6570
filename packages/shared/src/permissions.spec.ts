import { PERMISSIONS, PERMISSION_GRANTS, can, isPermission } from './permissions.js';
import { ROLES } from './roles.js';

describe('the permission table', () => {
  it('grants every permission, and nothing that is not one', () => {
    expect(Object.keys(PERMISSION_GRANTS).sort()).toEqual([...PERMISSIONS].sort());
    expect(isPermission('report.read')).toBe(true);
    expect(isPermission('report.write')).toBe(false);
  });

  it('lets anyone through a public permission, any signed-in user through authenticated', () => {
    expect(can(null, 'public')).toBe(true);
    expect(can(null, 'authenticated')).toBe(false);
    for (const role of ROLES) expect(can({ roles: [role] }, 'authenticated')).toBe(true);
  });

  it('refuses a role-granted permission to the anonymous and to a role without it', () => {
    expect(can(null, 'report.read')).toBe(false);
    expect(can({ roles: ['OFFICER'] }, 'report.read')).toBe(false);
    expect(can({ roles: ['MANAGER'] }, 'report.read')).toBe(true);
    expect(can({ roles: ['OFFICER', 'ADMIN'] }, 'report.read')).toBe(true);
    expect(can({ roles: ['RECEPTIONIST'] }, 'dossier.own')).toBe(false);
  });
});
