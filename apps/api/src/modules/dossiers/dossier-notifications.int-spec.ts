import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mailText, startSmtp, type TestSmtp } from '../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { act, createWorld, dossierIn, submitted, type World } from './dossiers.factories.js';

describe('inbox and e-mail to the applicant on each status change', () => {
  let t: TestApp;
  let dataDir: string;
  let smtp: TestSmtp;
  let outbox: OutboxService;
  let w: World;

  beforeAll(async () => {
    smtp = await startSmtp();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-mail-'));
    t = await createTestApp({
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://motcua.danang.gov.vn',
    });
    outbox = t.app.get(OutboxService);
    w = await createWorld(t, {}, 'nhung@example.vn');
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
    await smtp.close();
  });

  it('sends nothing inside the transaction, then a Vietnamese message with the code, status and tracking link', async () => {
    const { id, code } = await submitted(w);
    await act(w, w.staff.RECEPTIONIST, id, 'receive');
    expect(smtp.inbox).toHaveLength(0);
    // Two status messages (for the portal sync) and the e-mails of the two inbox notifications.
    expect(await outbox.drain()).toBe(4);
    expect(smtp.inbox.map((m) => m.to)).toEqual([['nhung@example.vn'], ['nhung@example.vn']]);
    const inbox: { type: string; params: { status: string } }[] = await t.ds.query(
      `SELECT type, params FROM notification WHERE dossier_id = $1 ORDER BY created_at, type`,
      [id],
    );
    expect(inbox.map((n) => n.params.status)).toEqual(['SUBMITTED', 'RECEIVED']);
    const text = mailText(smtp.inbox[1].raw);
    expect(text).toContain(`Hồ sơ ${code}`);
    expect(text).toContain('Đã tiếp nhận');
    expect(text).toContain(`https://motcua.danang.gov.vn/dossiers/${id}`);
    expect(text).toContain(`Dossier ${code} is now: Received`);
  });

  it('includes the officer’s note of a supplement request', async () => {
    smtp.inbox.length = 0;
    const { id } = await submitted(w);
    await act(w, w.staff.RECEPTIONIST, id, 'receive');
    await act(w, w.staff.OFFICER, id, 'assign');
    await act(w, w.staff.OFFICER, id, 'request_supplement', { note: 'Bổ sung bản sao giấy chứng sinh' });
    await outbox.drain();
    const last = mailText(smtp.inbox.at(-1)!.raw);
    expect(last).toContain('yêu cầu bổ sung');
    expect(last).toContain('Bổ sung bản sao giấy chứng sinh');
  });

  it('skips an applicant without an e-mail address', async () => {
    smtp.inbox.length = 0;
    await submitted(w, w.otherCitizen);
    expect(await outbox.drain()).toBe(1);
    expect(smtp.inbox).toHaveLength(0);
    // The inbox has it all the same.
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [
      w.otherCitizen.id,
    ]);
    expect(n).toBe(1);
  });

  const typesOf = async (dossierId: string): Promise<string[]> =>
    (
      await t.ds.query<{ type: string }[]>(
        `SELECT type FROM notification WHERE dossier_id = $1 ORDER BY created_at, type`,
        [dossierId],
      )
    ).map((r) => r.type);

  it('a result returned electronically is RESULT_READY, its e-mail opening the rating section', async () => {
    const id = await dossierIn(w, 'RETURNED');
    // The test clock stands still: every row has one time, so count rather than take the last.
    expect((await typesOf(id)).filter((type) => type === 'RESULT_READY')).toHaveLength(1);
    smtp.inbox.length = 0;
    await outbox.drain();
    const last = mailText(smtp.inbox.at(-1)!.raw);
    expect(last).toContain(`https://motcua.danang.gov.vn/dossiers/${id}#danh-gia`);
    // Essential: no unsubscribe link.
    expect(last).not.toContain('/notifications/unsubscribe');
  });

  it('a hand-over between officers (same status) tells the applicant nothing', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    const before = await typesOf(id);
    await act(w, w.staff.RECEPTIONIST, id, 'assign', { assigneeId: w.officer2.id, note: 'Chuyển cán bộ khác' });
    expect(await typesOf(id)).toEqual(before);
  });

  it('an unpaid fee falls due once, at the online submission', async () => {
    const paying = await createWorld(t, { fee: 50_000 }, 'phi@example.vn');
    const { id } = await submitted(paying);
    await act(paying, paying.staff.RECEPTIONIST, id, 'receive');
    expect(await typesOf(id)).toEqual(['FEE_DUE', 'STATUS_CHANGED', 'STATUS_CHANGED']);
  });
});
