import { Body, Controller, Get, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../../common/app-error.js';
import { Access } from '../../common/auth/access.decorator.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, SANDBOX_VNPAY_PATH, type AppConfig, type VnpayConfig } from '../../config/config.js';
import {
  errorPage,
  payPage,
  payRequestProblem,
  querydrAnswer,
  resultParams,
  signResult,
  SANDBOX_OUTCOMES,
  type SandboxOutcome,
} from './sandbox-gateway.js';
import { verifyQuerydrRequest, vnpQuery, type VnpParams } from './vnpay-protocol.js';

/**
 * A refused request: a page for a browser (the person paying), problem+json for any other client
 * (the API's error format, api.md).
 */
function refuse(req: Request, res: Response, message: string): void {
  if (req.accepts(['json', 'html']) === 'html') {
    res.status(400).type('html').send(errorPage(message));
    return;
  }
  throw new AppError('SANDBOX_REFUSED', 400, message);
}

/**
 * The built-in VNPay sandbox (outside production only, mounted only then): checks our signed
 * request like the bank, shows a page to pay, cancel or fail, calls our IPN server to server with
 * a signed result, then sends the browser to our return URL.
 */
@ApiExcludeController()
@Controller(SANDBOX_VNPAY_PATH.slice(1))
export class SandboxController {
  private readonly logger = new Logger('VnpaySandbox');
  /** The "bank's" books: each transaction's result by vnp_TxnRef, for querydr (this process only). */
  private readonly transactions = new Map<string, VnpParams>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get gateway(): VnpayConfig {
    return this.config.vnpay!;
  }

  @Get('pay')
  @Access('public')
  pay(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): void {
    const params = vnpQuery(query);
    const problem = params ? payRequestProblem(params, this.gateway, this.clock.now()) : 'Tham số lặp lại';
    res.setHeader('Cache-Control', 'no-store');
    if (problem || !params) return refuse(req, res, problem ?? '');
    const rawQuery = req.originalUrl.split('?')[1] ?? '';
    res
      .status(200)
      .type('html')
      .send(payPage(params, rawQuery, `${req.baseUrl}${req.path}`));
  }

  @Post('pay')
  @Access('public')
  async decide(@Body() raw: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    // The page's form (urlencoded); any other body (none, text, an array) carries no choice.
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const outcome = body.outcome as SandboxOutcome;
    const rawQuery = typeof body.query === 'string' ? body.query : '';
    const params = vnpQuery(Object.fromEntries(new URLSearchParams(rawQuery)));
    const now = this.clock.now();
    const problem = params ? payRequestProblem(params, this.gateway, now) : 'Tham số lặp lại';
    if (problem || !params || !Object.hasOwn(SANDBOX_OUTCOMES, outcome)) {
      return refuse(req, res, problem ?? 'Lựa chọn không hợp lệ');
    }
    const result = resultParams(params, outcome, this.gateway, now);
    this.transactions.set(params.vnp_TxnRef, result);
    const signed = signResult(result, this.gateway);
    // `?ipn=lost` plays a lost notification, for reconciliation to find.
    if (req.query.ipn !== 'lost') {
      // Server to server, like the bank: our own IPN on the port this request came in on.
      const ipnUrl = `http://127.0.0.1:${req.socket.localPort}/api/v1/payments/vnpay/ipn?${signed}`;
      try {
        const answer = await fetch(ipnUrl, { signal: AbortSignal.timeout(10_000) });
        this.logger.log(`IPN ${params.vnp_TxnRef}: ${answer.status} ${await answer.text()}`);
      } catch (e) {
        this.logger.warn(`IPN ${params.vnp_TxnRef} not delivered: ${String(e)}`);
      }
    }
    const returnUrl = new URL(params.vnp_ReturnUrl);
    res.redirect(303, `${returnUrl.origin}${returnUrl.pathname}?${signed}`);
  }

  /** querydr (VNPay's merchant_webapi transaction API): the signed result the "bank" keeps. */
  @Post('querydr')
  @Access('public')
  @HttpCode(200)
  querydr(@Body() raw: unknown): VnpParams | { vnp_ResponseCode: string; vnp_Message: string } {
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    if (!verifyQuerydrRequest(body, this.gateway.hashSecret) || body.vnp_TmnCode !== this.gateway.tmnCode) {
      return { vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum' };
    }
    return querydrAnswer(
      body,
      this.transactions.get(typeof body.vnp_TxnRef === 'string' ? body.vnp_TxnRef : ''),
      this.gateway,
    );
  }
}
