import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/**
 * The SMS brandname gateway protocol (the JSON shape of Vietnamese brandname gateways such as
 * eSMS): `POST SMS_URL` with
 *
 *   {"ApiKey": "…", "Brandname": "MOTCUA", "Phone": "0905123456", "Content": "…",
 *    "IsUnicode": 1, "SmsType": 2, "RequestId": "<uuid>"}
 *
 * answered 200 `{"CodeResult": "100", "SMSID": "…"}` when accepted; any other CodeResult is a
 * refusal with `ErrorMessage` (e.g. "101" wrong key, "104" bad brandname, "99" anything else).
 * `SmsType` 2 is a customer-care brandname message; `RequestId` lets the gateway drop a retry.
 */
export interface SmsRequest {
  ApiKey: string;
  Brandname: string;
  Phone: string;
  Content: string;
  IsUnicode: 0 | 1;
  SmsType: 2;
  RequestId: string;
}

export interface SmsAnswer {
  CodeResult: string;
  SMSID?: string;
  ErrorMessage?: string;
}

export const SMS_ACCEPTED = '100';

/** A Vietnamese mobile number as gateways want it: 0 and nine digits (from +84 / 84 as well). */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, '');
  const local = digits.replace(/^\+?84/, '0');
  return /^0\d{9}$/.test(local) ? local : null;
}

/** The SMS provider adapter: one HTTP call per message; a refusal or network error throws (the outbox retries). */
@Injectable()
export class SmsGateway {
  private readonly logger = new Logger('Sms');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.sms && config.env === 'production') {
      // Fail closed: no gateway configured in production means no SMS, said once at start.
      this.logger.warn('SMS is off: SMS_URL, SMS_API_KEY and SMS_BRANDNAME are not set');
    }
  }

  get enabled(): boolean {
    return this.config.sms !== null;
  }

  get unicode(): boolean {
    return this.config.sms?.unicode ?? false;
  }

  /** Send one SMS; returns the gateway's message id. `requestId` makes a retried send recognisable. */
  async send(phone: string, content: string, unicode: boolean, requestId: string = randomUUID()): Promise<string> {
    const sms = this.config.sms;
    if (!sms) throw new Error('SMS is off (no gateway configured)');
    const to = normalisePhone(phone);
    if (!to) throw new Error('Not a Vietnamese mobile number');
    const body: SmsRequest = {
      ApiKey: sms.apiKey,
      Brandname: sms.brandname,
      Phone: to,
      Content: content,
      IsUnicode: unicode ? 1 : 0,
      SmsType: 2,
      RequestId: requestId,
    };
    const res = await fetch(sms.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await res.json().catch(() => null)) as SmsAnswer | null;
    if (!res.ok || answer?.CodeResult !== SMS_ACCEPTED) {
      throw new Error(
        `SMS gateway refused: HTTP ${res.status} ${answer?.CodeResult ?? ''} ${answer?.ErrorMessage ?? ''}`,
      );
    }
    return answer.SMSID ?? requestId;
  }
}
