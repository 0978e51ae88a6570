import { ensureAgency } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AgencyScopeService } from './agency-scope.service.js';

describe('AgencyScopeService', () => {
  let t: TestApp;
  let scope: AgencyScopeService;
  const user = (roles: string[], agencyCode: string | null) =>
    ({ id: '00000000-0000-4000-8000-000000000000', fullName: 'x', roles, agencyCode }) as Parameters<
      AgencyScopeService['agencyCodesInScope']
    >[0];

  beforeAll(async () => {
    t = await createTestApp();
    scope = t.app.get(AgencyScopeService);
    // city → department → division; city → ward; another city apart.
    await ensureAgency(t.ds, 'C', { level: 'CITY' });
    await ensureAgency(t.ds, 'C.D', { level: 'DEPARTMENT', parentCode: 'C' });
    await ensureAgency(t.ds, 'C.D.X', { level: 'DEPARTMENT', parentCode: 'C.D' });
    await ensureAgency(t.ds, 'C.W', { level: 'WARD', parentCode: 'C' });
    await ensureAgency(t.ds, 'OTHER', { level: 'CITY' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives an admin every agency', async () => {
    expect(await scope.agencyCodesInScope(user(['ADMIN'], null))).toBe('ALL');
  });

  it('gives a manager their agency and its whole subtree, and nothing outside it', async () => {
    expect(await scope.agencyCodesInScope(user(['MANAGER'], 'C'))).toEqual(['C', 'C.D', 'C.D.X', 'C.W']);
    expect(await scope.agencyCodesInScope(user(['MANAGER'], 'C.D'))).toEqual(['C.D', 'C.D.X']);
    expect(await scope.agencyCodesInScope(user(['MANAGER'], 'C.W'))).toEqual(['C.W']);
  });

  it('gives other staff their own agency only', async () => {
    for (const role of ['RECEPTIONIST', 'OFFICER', 'APPROVER']) {
      expect(await scope.agencyCodesInScope(user([role], 'C'))).toEqual(['C']);
    }
  });

  it('gives a citizen no agency', async () => {
    expect(await scope.agencyCodesInScope(user(['CITIZEN'], null))).toEqual([]);
  });

  it('tells whether one agency is in scope', async () => {
    expect(await scope.inScope(user(['MANAGER'], 'C.D'), 'C.D.X')).toBe(true);
    expect(await scope.inScope(user(['MANAGER'], 'C.D'), 'C.W')).toBe(false);
    expect(await scope.inScope(user(['OFFICER'], 'C.D'), 'C.D.X')).toBe(false);
  });
});
