import { Body, Controller, Get, HttpCode, Inject, Injectable, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../../common/auth/access.decorator.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, SANDBOX_SMS_PATH, type AppConfig } from '../../config/config.js';
import { sandboxSmsPage } from './notification-pages.js';
import { normalisePhone, SMS_ACCEPTED, type SmsAnswer } from './sms-gateway.js';

export interface SandboxSms {
  id: string;
  phone: string;
  brandname: string;
  content: string;
  unicode: boolean;
  requestId: string;
  receivedAt: string;
}

/** What the stand-in gateway took (this process only, the last 500): tests and the sandbox page read it. */
@Injectable()
export class SmsSandboxStore {
  readonly messages: SandboxSms[] = [];

  record(m: SandboxSms): void {
    this.messages.unshift(m);
    this.messages.length = Math.min(this.messages.length, 500);
  }
}

/**
 * The stand-in SMS gateway (outside production with no SMS_URL, mounted only then): the same
 * protocol as the real one (sms-gateway.ts), it checks the key and brandname, records the message
 * and answers like the gateway; a repeated RequestId is accepted once.
 */
@ApiExcludeController()
@Controller(SANDBOX_SMS_PATH.slice(1))
export class SmsSandboxController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: SmsSandboxStore,
    private readonly clock: Clock,
  ) {}

  @Post('send')
  @Access('public')
  @HttpCode(200)
  send(@Body() raw: unknown): SmsAnswer {
    const b = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const sms = this.config.sms;
    if (!sms || b.ApiKey !== sms.apiKey) return { CodeResult: '101', ErrorMessage: 'ApiKey không đúng' };
    if (b.Brandname !== sms.brandname) return { CodeResult: '104', ErrorMessage: 'Brandname chưa đăng ký' };
    const phone = typeof b.Phone === 'string' ? normalisePhone(b.Phone) : null;
    if (!phone) return { CodeResult: '99', ErrorMessage: 'Số điện thoại không hợp lệ' };
    if (typeof b.Content !== 'string' || !b.Content || b.Content.length > 1000) {
      return { CodeResult: '99', ErrorMessage: 'Nội dung trống hoặc quá dài' };
    }
    const requestId = typeof b.RequestId === 'string' ? b.RequestId : '';
    const seen = requestId ? this.store.messages.find((m) => m.requestId === requestId) : undefined;
    if (seen) return { CodeResult: SMS_ACCEPTED, SMSID: seen.id };
    const id = `SB${this.clock.now().getTime()}${this.store.messages.length}`;
    this.store.record({
      id,
      phone,
      brandname: sms.brandname,
      content: b.Content,
      unicode: b.IsUnicode === 1,
      requestId,
      receivedAt: this.clock.now().toISOString(),
    });
    return { CodeResult: SMS_ACCEPTED, SMSID: id };
  }

  /** The recorded messages as JSON, newest first, optionally for one phone (tests, demos). */
  @Get('messages')
  @Access('public')
  list(@Query('phone') phone?: string): { items: SandboxSms[] } {
    const to = phone ? normalisePhone(phone) : null;
    return { items: this.store.messages.filter((m) => !phone || m.phone === to) };
  }

  @Get()
  @Access('public')
  page(@Res() res: Response): void {
    res.status(200).type('html').setHeader('Cache-Control', 'no-store').send(sandboxSmsPage(this.store.messages));
  }
}
