import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { NotificationList, NotificationPreferences } from '@motcua/shared';
import { bearer, createUser, type TestUser } from '../../test/auth-helpers.js';
import { startSmtp, type TestSmtp } from '../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as } from '../dossiers/dossiers.factories.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxService } from './outbox.service.js';
import { SmsGateway } from './sms-gateway.js';
import { SmsSandboxStore } from './sms-sandbox.controller.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

describe('the inbox: notify, list, read, preferences, unsubscribe, SMS', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let service: NotificationsService;
  let outbox: OutboxService;
  let ana: TestUser;
  let binh: TestUser;

  const notify = (userIds: string[], type: Parameters<NotificationsService['notify']>[1]['type'], params = {}) =>
    t.ds.transaction((m) => service.notify(m, { userIds, type, dossierId: null, params }));
  const pending = async (type: string): Promise<number> =>
    (
      await t.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND processed_at IS NULL`,
        [type],
      )
    )[0].n;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://motcua.example.vn' });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    const { port } = t.http.address() as AddressInfo;
    // The adapter reaches the stand-in gateway over HTTP on the port this suite listens on.
    t.config.sms!.url = `http://127.0.0.1:${port}/api/v1/sandbox/sms/send`;
    service = t.app.get(NotificationsService);
    outbox = t.app.get(OutboxService);
    ana = await createUser(t.ds, { email: 'ana@example.vn', fullName: 'Trần Thị Ana' });
    binh = await createUser(t.ds, { email: 'binh@example.vn' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('writes one row per user and queues e-mail in the caller’s transaction; a rollback leaves nothing', async () => {
    await notify([ana.id, binh.id, ana.id], 'STATUS_CHANGED', { code: 'X-1', status: 'RECEIVED' });
    const rows = await t.ds.query(`SELECT user_id FROM notification ORDER BY user_id`);
    expect(rows).toHaveLength(2);
    expect(await pending('notification.email')).toBe(2);
    await expect(
      t.ds.transaction(async (m) => {
        await service.notify(m, { userIds: [ana.id], type: 'APOLOGY', dossierId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.ds.query(`SELECT 1 FROM notification WHERE type = 'APOLOGY'`)).toHaveLength(0);
    await outbox.drain();
    expect(smtp.inbox.map((m) => m.to[0]).sort()).toEqual(['ana@example.vn', 'binh@example.vn']);
  });

  it('lists the caller’s own only, newest first, page by page with a keyset cursor, and counts unread', async () => {
    for (let i = 0; i < 24; i++) {
      t.clock.advance(1000);
      await notify([ana.id], 'SUPPLEMENT_REMINDER', { code: `A-${i}` });
    }
    await notify([binh.id], 'SUPPLEMENT_REMINDER', { code: 'B-only' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await as(t, ana).get(`/notifications?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = res.body as NotificationList;
      expect(body.unread).toBe(25);
      seen.push(...body.items.map((i) => i.title));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(seen[0]).toBe('Nhắc: hồ sơ A-23 đang chờ bổ sung');
    expect(seen.some((s) => s.includes('B-only'))).toBe(false);
    const en = await as(t, ana).get('/notifications?limit=1').set('Accept-Language', 'en');
    expect((en.body as NotificationList).items[0]).toMatchObject({
      type: 'SUPPLEMENT_REMINDER',
      title: 'Reminder: dossier A-23 awaits your information',
      dossierId: null,
      readAt: null,
    });
  });

  it('refuses a forged cursor (400 naming it)', async () => {
    const dashes = Buffer.from(`2026-11-27T02:00:00.000Z|${'-'.repeat(36)}`).toString('base64url');
    for (const cursor of ['bm90LWEtY3Vyc29y', dashes, '%FF']) {
      const res = await as(t, ana).get(`/notifications?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('cursor');
    }
  });

  it('marks one read (204), refuses someone else’s or an unknown id with 404, and reads all', async () => {
    const [mine] = (await as(t, ana).get('/notifications?limit=1').expect(200)).body.items as { id: string }[];
    const [theirs] = (await as(t, binh).get('/notifications?limit=1').expect(200)).body.items as { id: string }[];
    expect((await as(t, ana).post(`/notifications/${mine.id}/read`)).status).toBe(204);
    expect((await as(t, ana).post(`/notifications/${theirs.id}/read`)).status).toBe(404);
    expect((await as(t, ana).post(`/notifications/not-an-id/read`)).status).toBe(404);
    expect((await as(t, ana).post(`/notifications/${'-'.repeat(36)}/read`)).status).toBe(404);
    const [{ readAt }] = await t.ds.query(`SELECT read_at AS "readAt" FROM notification WHERE id = $1`, [theirs.id]);
    expect(readAt).toBeNull();
    const unread = (await as(t, ana).get('/notifications?unread=true&limit=100').expect(200)).body as NotificationList;
    expect(unread.items.map((i) => i.id)).not.toContain(mine.id);
    expect(unread.unread).toBe(24);
    expect((await as(t, ana).post('/notifications/read-all')).status).toBe(204);
    expect(((await as(t, ana).get('/notifications').expect(200)).body as NotificationList).unread).toBe(0);
    expect(((await as(t, binh).get('/notifications').expect(200)).body as NotificationList).unread).toBeGreaterThan(0);
  });

  it('requires sign-in', async () => {
    expect((await request(t.http).get('/api/v1/notifications')).status).toBe(401);
  });

  it('keeps preferences: non-essential e-mail off, essential still sent', async () => {
    const before = (await as(t, ana).get('/notifications/preferences').expect(200)).body as NotificationPreferences;
    expect(before).toEqual({ emailUpdates: true, smsUpdates: true, smsAgreed: false, hasEmail: true, hasPhone: false });
    const put = await request(t.http)
      .put('/api/v1/notifications/preferences')
      .set('Authorization', bearer(t, ana))
      .send({ emailUpdates: false, smsUpdates: true, smsAgreed: false });
    expect(put.status).toBe(200);
    expect(put.body.emailUpdates).toBe(false);
    await outbox.drain();
    await notify([ana.id], 'STATUS_CHANGED', { code: 'P-1', status: 'RECEIVED' });
    expect(await pending('notification.email')).toBe(0);
    await notify([ana.id], 'RESULT_READY', { code: 'P-2' });
    expect(await pending('notification.email')).toBe(1);
    const bad = await request(t.http)
      .put('/api/v1/notifications/preferences')
      .set('Authorization', bearer(t, ana))
      .send({ emailUpdates: 'no' });
    expect(bad.status).toBe(400);
  });

  it('unsubscribes from a signed link without login; a forged or altered token is refused and changes nothing', async () => {
    const token = signUnsubscribeToken(t.config.jwtSecret, binh.id);
    const forged = [
      signUnsubscribeToken('another-secret-another-secret-another', binh.id),
      `${binh.id}.${token.split('.')[1].slice(0, -2)}AA`,
      `${ana.id}.${token.split('.')[1]}`,
      'garbage',
      '',
    ];
    for (const f of forged) {
      const url = `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(f)}`;
      const res = await request(t.http).get(url).set('Accept', 'text/html');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Liên kết hủy đăng ký không hợp lệ');
      const api = await request(t.http).get(url).set('Accept', 'application/json');
      expect(api.status).toBe(400);
      expect(api.body).toMatchObject({ code: 'UNSUBSCRIBE_LINK_INVALID', errors: [{ field: 'token' }] });
    }
    const prefs = (await as(t, binh).get('/notifications/preferences').expect(200)).body as NotificationPreferences;
    expect(prefs.emailUpdates).toBe(true);
    const ok = await request(t.http)
      .get(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`)
      .set('Accept', 'text/html');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Đã hủy nhận thư thông báo');
    expect(ok.text).toContain('https://motcua.example.vn/account/notifications');
    const after = (await as(t, binh).get('/notifications/preferences').expect(200)).body as NotificationPreferences;
    expect(after.emailUpdates).toBe(false);
  });

  it('puts the unsubscribe link in non-essential e-mails, and it works', async () => {
    const carl = await createUser(t.ds, { email: 'carl@example.vn' });
    await outbox.drain();
    smtp.inbox.length = 0;
    await notify([carl.id], 'STATUS_CHANGED', { code: 'U-1', status: 'RECEIVED' });
    await outbox.drain();
    const raw = smtp.inbox[0].raw.replace(/=\r?\n/g, '');
    expect(raw).toContain('List-Unsubscribe:');
    const url = t.app.get(NotificationDeliveryService).unsubscribeUrl(carl.id);
    const path = new URL(url).pathname + new URL(url).search;
    expect((await request(t.http).get(path)).status).toBe(200);
  });

  describe('SMS through the provider adapter and the stand-in gateway (HTTP)', () => {
    let dung: TestUser;
    beforeAll(async () => {
      dung = await createUser(t.ds, { email: null });
      await t.ds.query(`UPDATE app_user SET phone = '+84905123456' WHERE id = $1`, [dung.id]);
    });

    it('sends nothing without consent; with it, a Vietnamese text in one UCS-2 segment', async () => {
      await outbox.drain();
      await notify([dung.id], 'RESULT_READY', { code: '000.00.12.H17-261127-0001' });
      expect(await pending('notification.sms')).toBe(0);
      await request(t.http)
        .put('/api/v1/notifications/preferences')
        .set('Authorization', bearer(t, dung))
        .send({ emailUpdates: true, smsUpdates: false, smsAgreed: true })
        .expect(200);
      await notify([dung.id], 'RESULT_READY', { code: '000.00.12.H17-261127-0001' });
      // Non-essential with SMS updates off: no SMS (the inbox row is there all the same).
      await notify([dung.id], 'STATUS_CHANGED', { code: '000.00.12.H17-261127-0001', status: 'RECEIVED' });
      expect(await pending('notification.sms')).toBe(1);
      await outbox.drain();
      const res = await request(t.http).get('/api/v1/sandbox/sms/messages?phone=0905123456').expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        phone: '0905123456',
        brandname: 'MOTCUA',
        content: 'Hồ sơ 000.00.12.H17-261127-0001 đã có kết quả điện tử.',
        unicode: true,
      });
      const page = await request(t.http).get('/api/v1/sandbox/sms').expect(200);
      expect(page.text).toContain('đã có kết quả điện tử');
    });

    it('the gateway refuses a wrong key: the adapter throws and the outbox keeps the message', async () => {
      const wrongKey = new SmsGateway({ ...t.config, sms: { ...t.config.sms!, apiKey: 'not-the-key-at-all' } });
      await expect(wrongKey.send('0905123456', 'x', false)).rejects.toThrow(/101/);
      const url = t.config.sms!.url;
      t.config.sms!.url = url.replace('/send', '/nowhere');
      try {
        await notify([dung.id], 'APOLOGY', { code: 'Z-1', appointment: '17:00 10/12/2026' });
        expect(await outbox.drain()).toBe(0);
        expect(await pending('notification.sms')).toBe(1);
      } finally {
        t.config.sms!.url = url;
      }
    });

    it('a retried send with the same request id is recorded once', async () => {
      const store = t.app.get(SmsSandboxStore);
      const gateway = t.app.get(SmsGateway);
      const before = store.messages.length;
      const a = await gateway.send('0905123456', 'Thu lai', false, 'same-request');
      const b = await gateway.send('0905123456', 'Thu lai', false, 'same-request');
      expect(a).toBe(b);
      expect(store.messages.length).toBe(before + 1);
    });
  });
});
