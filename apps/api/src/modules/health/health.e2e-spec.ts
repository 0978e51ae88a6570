import pg from 'pg';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('health, errors and docs over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers ok when the database answers', async () => {
    const res = await request(t.http).get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/.+/);
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const res = await request(t.http).get('/api/v1/no-such-route').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', code: 'NOT_FOUND' });
    expect(typeof res.body.type).toBe('string');
  });

  it('answers a malformed JSON body with a problem+json 400, not a 500', async () => {
    const res = await request(t.http)
      .post('/api/v1/health')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('keeps a sane request id and echoes it', async () => {
    const res = await request(t.http).get('/api/v1/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/health');
  });

  it('answers 503 with db "down" when the database stops answering', async () => {
    // As an outage would: forbid new connections to this test's database and cut the open ones.
    const admin = new pg.Client({ connectionString: process.env.MOTCUA_TEST_SERVER_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${t.db.name}" WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.db.name]);
    } finally {
      await admin.end();
    }
    const res = await request(t.http).get('/api/v1/health').expect(503);
    expect(res.body).toMatchObject({ status: 503, db: 'down' });
  });
});
