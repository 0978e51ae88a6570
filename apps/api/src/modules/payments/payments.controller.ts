import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  counterPaymentSchema,
  createPaymentSchema,
  type CounterPaymentRequest,
  type CounterPaymentResponse,
  type PaymentCreatedResponse,
} from '@motcua/shared';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/auth/auth-user.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { ZodPipe } from '../../common/zod.pipe.js';
import { openApiSchema } from '../dossiers/dossiers.openapi.js';
import { contentDisposition } from '../dossiers/multipart-upload.js';
import { Origin } from '../identity/request-origin.decorator.js';
import { PaymentsService } from './payments.service.js';
import type { IpnResponse } from './vnpay-protocol.js';

/** api.md, "Fees and online payment". */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('dossiers/:id/payments')
  @Access('dossier.own')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start an online payment of the fee (the applicant, once the dossier is submitted)' })
  @ApiBody({ schema: openApiSchema(createPaymentSchema, 'input') })
  @ApiCreatedResponse({ description: '{id, status: "PENDING", amount, paymentUrl}' })
  create(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createPaymentSchema)) _body: unknown,
    @Origin() origin: RequestOrigin,
  ): Promise<PaymentCreatedResponse> {
    return this.payments.createOnline(id, user, origin.ip);
  }

  @Post('dossiers/:id/payments/counter')
  @Access('payment.counter')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record the fee paid in cash at the desk, with its receipt number' })
  @ApiBody({ schema: openApiSchema(counterPaymentSchema, 'input') })
  @ApiCreatedResponse({ description: '{id, status: "PAID", amount, method: "COUNTER", receiptNo}' })
  counter(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(counterPaymentSchema)) body: CounterPaymentRequest,
  ): Promise<CounterPaymentResponse> {
    return this.payments.recordCounter(id, body.receiptNo.trim(), user);
  }

  @Get('dossiers/:id/fee-receipt.pdf')
  @Access('dossier.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The electronic fee receipt (biên lai điện tử) of the paid fee (our addition)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The receipt PDF, signed with the agency certificate when one is configured' })
  @ApiNotFoundResponse({ description: 'No such dossier in scope, or no payment confirmed yet' })
  async feeReceipt(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.payments.feeReceipt(id, user);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      length: file.content.length,
      disposition: contentDisposition('inline', file.fileName),
    });
  }

  /** The gateway's server-to-server notification: the only thing that marks a fee paid online. */
  @Get('payments/vnpay/ipn')
  @Access('public')
  @HttpCode(200)
  @ApiOperation({ summary: 'VNPay IPN (the gateway, no login): {RspCode, Message}' })
  @ApiOkResponse({
    description:
      '00 confirmed, 97 bad signature, 01 unknown payment, 04 amount differs, 02 already confirmed, 99 other',
  })
  ipn(@Query() query: Record<string, unknown>, @Origin() origin: RequestOrigin): Promise<IpnResponse> {
    return this.payments.handleIpn(query, origin.ip);
  }

  /** The browser back from the gateway: display only, never a state change. */
  @Get('payments/vnpay/return')
  @Access('public')
  @ApiOperation({ summary: 'VNPay return URL: 302 to the web payment page' })
  async return(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    this.payments.gateway();
    res.redirect(302, await this.payments.returnTarget(query));
  }
}
