import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../config/config.js';
import { MailService } from './mail.service.js';

const configOf = (env: 'development' | 'production', dataDir: string) =>
  ({ smtpUrl: undefined, env, dataDir, mailFrom: 'MotCua <no-reply@motcua.example.vn>' }) as unknown as AppConfig;

describe('mail without SMTP_URL', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-mail-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each message, as sent, to the data folder’s mailbox outside production', async () => {
    const mail = new MailService(configOf('development', dir));
    await mail.send({ to: 'nhung@example.vn', subject: 'Thư xin lỗi', text: 'Hẹn mới: 17:00 01/12/2026' });
    await mail.send({ to: 'an@example.vn', subject: 'Hồ sơ', text: 'Đã tiếp nhận' });
    const files = readdirSync(path.join(dir, 'mail')).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const texts = files.map((f) => readFileSync(path.join(dir, 'mail', f), 'utf8'));
    const apology = texts.find((x) => /^To: nhung@example\.vn$/m.test(x));
    expect(apology).toMatch(/^From: MotCua <no-reply@motcua\.example\.vn>$/m);
    expect(texts.filter((x) => /^To: an@example\.vn$/m.test(x))).toHaveLength(1);
  });

  it('writes nothing in production (no mailbox on the server’s disk)', async () => {
    const mail = new MailService(configOf('production', dir));
    await mail.send({ to: 'nhung@example.vn', subject: 'x', text: 'y' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
