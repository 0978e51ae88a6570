import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe of non-essential notifications). */
  headers?: Record<string, string>;
}

/**
 * E-mail through SMTP (SMTP_URL). Without one outside production, each message is written, as
 * sent, to `DATA_DIR/mail/*.eml` (the demo's mailbox: any mail reader opens them, README "Demo");
 * without one in production, messages are only logged.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  private readonly mailbox: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.mailbox = !config.smtpUrl && config.env !== 'production' ? path.join(config.dataDir, 'mail') : null;
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : this.mailbox
        ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
        : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: Mail): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.config.mailFrom, ...mail })) as { message?: unknown };
    if (this.config.smtpUrl) return;
    if (this.mailbox && Buffer.isBuffer(info.message)) {
      await mkdir(this.mailbox, { recursive: true, mode: 0o700 });
      // Sortable by time; the random tail keeps two processes from writing the same name.
      const file = path.join(
        this.mailbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`,
      );
      await writeFile(file, info.message, { mode: 0o600 });
      this.logger.log(`(no SMTP_URL) mail to ${mail.to}: ${mail.subject} → ${file}`);
      return;
    }
    this.logger.log(`(no SMTP_URL) mail to ${mail.to}: ${mail.subject}`);
  }
}
