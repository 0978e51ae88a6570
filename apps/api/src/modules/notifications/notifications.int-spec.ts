import { JobsService } from '../../jobs/jobs.service.js';
import { MailService } from './mail.service.js';
import { OutboxService } from './outbox.service.js';
import { startSmtp, type TestSmtp } from '../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('outbox and e-mail', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let outbox: OutboxService;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    outbox = t.app.get(OutboxService);
    const mail = t.app.get(MailService);
    outbox.on<{ to: string; code: string }>('test.mail', async (m) => {
      await mail.send({ to: m.payload.to, subject: `Hồ sơ ${m.payload.code}`, text: 'Đã tiếp nhận hồ sơ' });
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a message written in a committed transaction through a real SMTP server', async () => {
    await t.ds.transaction((m) => outbox.enqueue(m, 'test.mail', { to: 'dan@example.vn', code: 'X-261127-0001' }));
    expect(await outbox.drain()).toBe(1);
    expect(smtp.inbox).toHaveLength(1);
    expect(smtp.inbox[0].to).toEqual(['dan@example.vn']);
    expect(smtp.inbox[0].raw).toContain('Subject:');
    const [row] = await t.ds.query(`SELECT processed_at, attempts FROM outbox`);
    expect(row.processed_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = Number((await t.ds.query(`SELECT count(*) AS n FROM outbox`))[0].n);
    await expect(
      t.ds.transaction(async (m) => {
        await outbox.enqueue(m, 'test.mail', { to: 'x@example.vn', code: 'none' });
        throw new Error('the status change failed');
      }),
    ).rejects.toThrow('the status change failed');
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM outbox`))[0].n)).toBe(before);
  });

  it('keeps a failing message for a later attempt with backoff and its error', async () => {
    outbox.on('test.fail', async () => {
      throw new Error('portal unreachable');
    });
    await t.ds.transaction((m) => outbox.enqueue(m, 'test.fail', {}));
    expect(await outbox.drain()).toBe(0);
    const [row] = await t.ds.query(
      `SELECT attempts, last_error, processed_at, available_at > now() AS later FROM outbox WHERE type = 'test.fail'`,
    );
    expect(row).toMatchObject({ attempts: 1, processed_at: null, later: true });
    expect(row.last_error).toContain('portal unreachable');
  });

  it('hands each message to exactly one of two concurrent workers', async () => {
    const seen: string[] = [];
    const slowCount = async (m: { id: string }) => {
      seen.push(m.id);
      await new Promise((r) => setTimeout(r, 2));
    };
    // A second worker, as another API process would run, on the same database.
    const other = new OutboxService(t.ds, t.app.get(JobsService));
    outbox.on('test.count', slowCount);
    other.on('test.count', slowCount);
    await t.ds.transaction(async (m) => {
      for (let n = 0; n < 60; n++) await outbox.enqueue(m, 'test.count', { n });
    });
    const [a, b] = await Promise.all([outbox.drain(), other.drain()]);
    expect(a + b).toBe(60);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });
});
