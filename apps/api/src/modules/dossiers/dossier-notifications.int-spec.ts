import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { act, createWorld, submitted, type World } from './dossiers.factories.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, inbox };
}

/** The text of a message: quoted-printable soft breaks joined and =XX bytes decoded as UTF-8. */
function decoded(raw: string): string {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

describe('e-mail to the applicant on each status change', () => {
  let t: TestApp;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
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
    await new Promise<void>((r) => smtp.server.close(() => r()));
  });

  it('sends nothing inside the transaction, then a Vietnamese message with the code, status and tracking link', async () => {
    const { id, code } = await submitted(w);
    await act(w, w.staff.RECEPTIONIST, id, 'receive');
    expect(smtp.inbox).toHaveLength(0);
    expect(await outbox.drain()).toBe(2);
    expect(smtp.inbox.map((m) => m.to)).toEqual([['nhung@example.vn'], ['nhung@example.vn']]);
    const text = decoded(smtp.inbox[1].raw);
    expect(text).toContain(`Hồ sơ ${code}`);
    expect(text).toContain('Đã tiếp nhận');
    expect(text).toContain(`https://motcua.danang.gov.vn/track/${encodeURIComponent(code)}`);
    expect(text).toContain(`Dossier ${code} is now: Received`);
  });

  it('includes the officer’s note of a supplement request', async () => {
    smtp.inbox.length = 0;
    const { id } = await submitted(w);
    await act(w, w.staff.RECEPTIONIST, id, 'receive');
    await act(w, w.staff.OFFICER, id, 'assign');
    await act(w, w.staff.OFFICER, id, 'request_supplement', { note: 'Bổ sung bản sao giấy chứng sinh' });
    await outbox.drain();
    const last = decoded(smtp.inbox.at(-1)!.raw);
    expect(last).toContain('Yêu cầu bổ sung hồ sơ');
    expect(last).toContain('Bổ sung bản sao giấy chứng sinh');
  });

  it('skips an applicant without an e-mail address', async () => {
    smtp.inbox.length = 0;
    await submitted(w, w.otherCitizen);
    expect(await outbox.drain()).toBe(1);
    expect(smtp.inbox).toHaveLength(0);
  });
});
