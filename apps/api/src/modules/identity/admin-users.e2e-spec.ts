import request from 'supertest';
import { bearer, createUser, ensureAgency, loginAs } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { UsersService } from './users.service.js';

const API = '/api/v1';

describe('administration of users over HTTP', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_PASSWORD: 'First-Admin-2026' });
    await ensureAgency(t.ds, 'T.01', { name: 'Phường Thử' });
    adminToken = (await loginAs(t, 'admin', 'First-Admin-2026')).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: unknown, token = adminToken) =>
    request(t.http)
      .post(`${API}/admin/users`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  const staff = (over: Record<string, unknown> = {}) => ({
    username: `tiepnhan.${Math.random().toString(36).slice(2, 8)}`,
    password: 'Một-Cửa-2026',
    fullName: 'Trần Thị Bình',
    roles: ['RECEPTIONIST'],
    agencyCode: 'T.01',
    ...over,
  });

  describe('the first administrator', () => {
    it('is created at start from ADMIN_PASSWORD, once', async () => {
      const rows = await t.ds.query(`SELECT username, roles, agency_code FROM app_user WHERE 'ADMIN' = ANY(roles)`);
      expect(rows).toEqual([{ username: 'admin', roles: ['ADMIN'], agency_code: null }]);
    });

    it('is not created again when an administrator exists, even by two processes at once', async () => {
      const users = t.app.get(UsersService);
      await Promise.all([users.ensureFirstAdmin(), users.ensureFirstAdmin()]);
      const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM app_user WHERE 'ADMIN' = ANY(roles)`);
      expect(count).toBe(1);
    });

    it('is created once when two processes start together on an empty table', async () => {
      await t.ds.query(`UPDATE app_user SET roles = ARRAY['MANAGER'], username = 'old.admin' WHERE username = 'admin'`);
      try {
        const users = t.app.get(UsersService);
        await Promise.all([users.ensureFirstAdmin(), users.ensureFirstAdmin(), users.ensureFirstAdmin()]);
        const rows = await t.ds.query(`SELECT username FROM app_user WHERE 'ADMIN' = ANY(roles)`);
        expect(rows).toEqual([{ username: 'admin' }]);
      } finally {
        await t.ds.query(`DELETE FROM app_user WHERE username = 'admin'`);
        await t.ds.query(`UPDATE app_user SET roles = ARRAY['ADMIN'], username = 'admin' WHERE username = 'old.admin'`);
      }
    });
  });

  describe('POST /admin/users', () => {
    it('creates a staff account: 201 with the user, who can then log in', async () => {
      const dto = staff({ roles: ['OFFICER', 'APPROVER'], username: 'ChuyenVien.Moi' });
      const res = await create(dto).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        username: 'chuyenvien.moi',
        nationalId: null,
        fullName: 'Trần Thị Bình',
        dateOfBirth: null,
        email: null,
        phone: null,
        roles: ['OFFICER', 'APPROVER'],
        agencyCode: 'T.01',
        assuranceLevel: null,
        verified: false,
        createdAt: t.clock.now().toISOString(),
      });
      const login = await loginAs(t, 'chuyenvien.moi', dto.password);
      expect(login.user).toEqual({
        id: res.body.id,
        fullName: 'Trần Thị Bình',
        roles: ['OFFICER', 'APPROVER'],
        agencyCode: 'T.01',
      });
    });

    it('refuses a username that is taken with 409', async () => {
      const dto = staff();
      await create(dto).expect(201);
      const res = await create(staff({ username: dto.username })).expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE_USERNAME', errors: [{ field: 'username' }] });
    });

    it('refuses an unknown agency with a 400 naming agencyCode', async () => {
      const res = await create(staff({ agencyCode: 'NO.SUCH' })).expect(400);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_AGENCY', errors: [{ field: 'agencyCode' }] });
    });

    it('names every bad field in a 400', async () => {
      const res = await create({
        username: '048090000123',
        password: 'short',
        fullName: '',
        roles: ['CITIZEN'],
        agencyCode: '',
      }).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'agencyCode',
        'fullName',
        'password',
        'roles[0]',
        'username',
      ]);
    });

    it('refuses no role, a duplicate role and an unknown field', async () => {
      expect((await create(staff({ roles: [] })).expect(400)).body.errors[0].field).toBe('roles');
      expect((await create(staff({ roles: ['OFFICER', 'OFFICER'] })).expect(400)).body.errors[0].field).toBe('roles');
      const res = await create({ ...staff(), nationalId: '048090000123' }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'nationalId', message: 'Unknown field' }]);
    });

    it('refuses a common password with a 400 naming password', async () => {
      const res = await create(staff({ password: 'password1234' })).expect(400);
      expect(res.body).toMatchObject({ code: 'COMMON_PASSWORD', errors: [{ field: 'password' }] });
    });

    it('answers 401 to an anonymous caller', async () => {
      await request(t.http).post(`${API}/admin/users`).send(staff()).expect(401);
    });

    it('answers 403 to a citizen and to staff who are not admins, and records it', async () => {
      const citizen = await createUser(t.ds);
      const manager = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: 'T.01' });
      for (const u of [citizen, manager]) {
        const res = await request(t.http)
          .post(`${API}/admin/users`)
          .set('Authorization', bearer(t, u))
          .set('X-Forwarded-For', '198.51.100.77')
          .send(staff())
          .expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const events = await t.ds.query(
        `SELECT user_id, ip, detail FROM security_event WHERE type = 'FORBIDDEN' AND user_id = $1`,
        [citizen.id],
      );
      expect(events).toEqual([
        {
          user_id: citizen.id,
          ip: '198.51.100.77',
          detail: {
            method: 'POST',
            path: '/api/v1/admin/users',
            roles: ['CITIZEN'],
            permission: 'admin.user.write',
            required: ['ADMIN'],
          },
        },
      ]);
    });
  });
});
