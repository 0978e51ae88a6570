import { ensureAgency, loginAs } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DEMO_PASSWORD, identityDemoSeed } from './identity.seed.js';

describe('demo accounts seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Only the ward exists: the department's and the city's accounts must be skipped.
    await ensureAgency(t.ds, '000.30.01.H17', { name: 'Phường Hải Châu' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the citizen and the accounts whose agency exists, and is idempotent', async () => {
    await identityDemoSeed.run(t.ds);
    await identityDemoSeed.run(t.ds);
    const rows = await t.ds.query(
      `SELECT username, roles, agency_code FROM app_user WHERE username <> 'admin' ORDER BY username`,
    );
    expect(rows).toEqual([
      { username: '048090000123', roles: ['CITIZEN'], agency_code: null },
      { username: 'chuyenvien.haichau', roles: ['OFFICER'], agency_code: '000.30.01.H17' },
      { username: 'lanhdao.haichau', roles: ['APPROVER'], agency_code: '000.30.01.H17' },
      { username: 'quanly.haichau', roles: ['MANAGER'], agency_code: '000.30.01.H17' },
      { username: 'tiepnhan.haichau', roles: ['RECEPTIONIST'], agency_code: '000.30.01.H17' },
    ]);
  });

  it('adds the skipped accounts once their agency exists', async () => {
    await ensureAgency(t.ds, '000.00.00.H17', { level: 'CITY' });
    await identityDemoSeed.run(t.ds);
    const rows = await t.ds.query(`SELECT username FROM app_user WHERE username = 'quanly.thanhpho'`);
    expect(rows).toHaveLength(1);
  });

  it('lets the demo citizen and staff log in with the demo password', async () => {
    expect((await loginAs(t, '048090000123', DEMO_PASSWORD)).user).toMatchObject({
      fullName: 'Nguyễn Văn An',
      roles: ['CITIZEN'],
    });
    expect((await loginAs(t, 'tiepnhan.haichau', DEMO_PASSWORD)).user).toMatchObject({
      roles: ['RECEPTIONIST'],
      agencyCode: '000.30.01.H17',
    });
  });
});
