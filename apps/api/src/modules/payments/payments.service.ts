import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CounterPaymentResponse, PaymentCreatedResponse, Role } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig, type VnpayConfig } from '../../config/config.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { canSeeDossier, isUuid } from '../dossiers/dossier-access.js';
import { DossierTransitionHooks } from '../dossiers/dossier-transition-hooks.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossierError } from '../dossiers/dossiers.errors.js';
import { renderFeeReceiptPdf } from '../documents/fee-receipt-pdf.js';
import { ReportSummaryUpkeep } from '../reports/report-summary-upkeep.service.js';
import { ResultsService } from '../results/results.service.js';
import { PaymentError } from './payments.errors.js';
import { PaymentsRepository, type PayableDossier, type PaymentRow } from './payments.repository.js';
import {
  buildPayUrl,
  IPN_RESPONSES,
  querydrRequest,
  verifyQuerydrResponse,
  verifySecureHash,
  vnpDate,
  vnpQuery,
  type IpnResponse,
  type VnpParams,
} from './vnpay-protocol.js';

/** VNPay's pay page expires after 15 minutes: a payment older than that is asked about, not waited for. */
export const PAY_EXPIRY_MS = 15 * 60_000;

export interface ReconcileReport {
  checked: number;
  paid: number;
  closed: number;
  unchanged: number;
  errors: number;
}

/** The outbox message of a fee paid (online or at the desk); the portal sync and e-mail read it. */
export const DOSSIER_FEE_PAID = 'dossier.fee_paid';
/** The timeline event of a fee paid: no status change, sealed in the audit chain like `claim`. */
export const FEE_PAID_EVENT = 'fee_paid';

export interface DossierFeePaidPayload {
  dossierId: string;
  code: string | null;
  paymentId: string;
  amount: number;
  method: 'ONLINE' | 'COUNTER';
  at: string;
}

/** Dossier statuses that take no payment: not yet sent, refused at the desk, withdrawn. */
const NOT_PAYABLE = new Set(['DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN']);

/**
 * Fees (api.md, "Fees and online payment"): a VNPay payment is created PENDING and only the
 * gateway's signed IPN marks it PAID; the desk records cash with a receipt number. Each fee paid
 * changes the dossier, its timeline (sealed) and the outbox in one transaction.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly ds: DataSource,
    private readonly repo: PaymentsRepository,
    private readonly workflow: DossierWorkflowService,
    private readonly scopes: AgencyScopeService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hooks: DossierTransitionHooks,
    private readonly summaries: ReportSummaryUpkeep,
    private readonly results: ResultsService,
  ) {}

  onModuleInit(): void {
    // A dossier refused at the desk or withdrawn keeps no fee: a paid one is owed back (the desk settles it).
    this.hooks.register(async (m, change) => {
      if (change.action !== 'refuse' && change.action !== 'withdraw') return;
      await this.refundDue(m, change.after.id, change.at);
    });
    // An electronic result is handed over only for a fee that is none or paid (api.md, Electronic results).
    this.hooks.registerBeforeSeal(async (m, change) => {
      if (change.action !== 'return_result') return;
      const row = await this.repo.findDeliveryAndFee(change.before.id, m);
      if (row?.delivery === 'ELECTRONIC' && row.feeStatus !== 'NONE' && row.feeStatus !== 'PAID')
        throw PaymentError.unpaid();
    });
  }

  /** The gateway, or 503: production without VNPAY_* refuses payments, never accepts them all. */
  gateway(): VnpayConfig {
    if (!this.config.vnpay) throw PaymentError.unavailable();
    return this.config.vnpay;
  }

  /** POST /dossiers/{id}/payments: the applicant starts an online payment of the dossier's fee. */
  async createOnline(dossierId: string, user: AuthUser, ip: string | null): Promise<PaymentCreatedResponse> {
    const gateway = this.gateway();
    if (!isUuid(dossierId)) throw DossierError.notFound();
    const now = this.clock.now();
    const id = randomUUID();
    const d = await this.ds.transaction(async (m) => {
      const d = await this.repo.lockDossier(dossierId, m);
      if (!d || d.applicantId !== user.id) throw DossierError.notFound();
      this.ensurePayable(d);
      await this.repo.insertPayment(
        { id, dossierId, provider: 'vnpay', amount: d.fee, status: 'PENDING', at: now },
        { createdBy: user.id },
        m,
      );
      if (d.feeStatus === 'UNPAID') await this.repo.setFeeStatus(d.id, 'PENDING', now, m);
      return d;
    });
    const paymentUrl = buildPayUrl(
      gateway.payUrl,
      {
        tmnCode: gateway.tmnCode,
        amount: d.fee,
        txnRef: id,
        // ASCII: banks' statements drop diacritics (VNPay's advice for vnp_OrderInfo).
        orderInfo: `Thanh toan le phi ho so ${d.code ?? d.id}`,
        returnUrl: `${this.config.publicUrl}/api/v1/payments/vnpay/return`,
        ipAddr: ip ?? '127.0.0.1',
        createdAt: now,
      },
      gateway.hashSecret,
    );
    return { id, status: 'PENDING', amount: d.fee, paymentUrl };
  }

  /** POST /dossiers/{id}/payments/counter: cash paid at the desk, with its receipt number. */
  async recordCounter(dossierId: string, receiptNo: string, user: AuthUser): Promise<CounterPaymentResponse> {
    if (!isUuid(dossierId)) throw DossierError.notFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    const now = this.clock.now();
    const id = randomUUID();
    const d = await this.ds.transaction(async (m) => {
      const d = await this.repo.lockDossier(dossierId, m);
      if (!d || !canSeeDossier(user, scope, d)) throw DossierError.notFound();
      this.ensurePayable(d);
      await this.repo.insertPayment(
        { id, dossierId, provider: 'counter', amount: d.fee, status: 'PAID', at: now },
        { receiptNo, createdBy: user.id },
        m,
      );
      const role: Role | null = user.roles.includes('RECEPTIONIST') ? 'RECEPTIONIST' : (user.roles[0] ?? null);
      await this.confirmFee(m, d, id, 'COUNTER', receiptNo, { id: user.id, role, fullName: user.fullName }, now);
      return d;
    });
    return { id, status: 'PAID', amount: d.fee, method: 'COUNTER', receiptNo };
  }

  /**
   * GET /dossiers/{id}/fee-receipt.pdf (our addition, docs/api.md): the electronic receipt of the
   * dossier's confirmed payment, to the applicant and the agency's staff; 404 before payment.
   * Signed with the agency's certificate as results are (unsigned only where none is configured).
   */
  async feeReceipt(dossierId: string, user: AuthUser): Promise<{ fileName: string; content: Buffer }> {
    if (!isUuid(dossierId)) throw DossierError.notFound();
    const scope = await this.scopes.agencyCodesInScope(user);
    const r = await this.repo.findPaidReceipt(dossierId, this.ds.manager);
    if (!r || !canSeeDossier(user, scope, r)) throw DossierError.notFound();
    if (r.paymentId === null) throw PaymentError.receiptNotFound();
    const paidAt = new Date(r.paidAt);
    // The desk's paper receipt number, or for an online payment one derived from the payment id.
    const receiptNo = r.receiptNo ?? `BLDT-${r.paymentId.slice(0, 8).toUpperCase()}`;
    const pdf = await renderFeeReceiptPdf({
      receiptNo,
      paymentId: r.paymentId,
      amount: Number(r.amount),
      method: r.provider === 'vnpay' ? 'ONLINE' : 'COUNTER',
      paidAt,
      payerName: r.payerName,
      agencyName: r.agencyName,
      dossierCode: r.dossierCode,
      procedureName: r.procedureName,
      gatewayTxnNo: r.gatewayTxnNo,
    });
    const signed = await this.results.signDocument(
      pdf,
      { code: r.agencyCode, name: r.agencyName },
      `Biên lai thu phí, lệ phí ${receiptNo}`,
      paidAt,
    );
    return { fileName: `bien-lai-${r.dossierCode ?? r.dossierId}.pdf`, content: signed ?? pdf };
  }

  /**
   * GET /payments/vnpay/ipn: the gateway's server-to-server verdict. Every IPN is stored raw with
   * the answer given; the answer and the change it makes commit together. An unexpected failure
   * answers 99 (the gateway retries) and is stored too.
   */
  async handleIpn(query: Record<string, unknown>, remoteAddr: string | null): Promise<IpnResponse> {
    const gateway = this.gateway();
    const at = this.clock.now();
    const seen: { paymentId: string | null } = { paymentId: null };
    try {
      return await this.ds.transaction(async (m) => {
        const verdict = await this.judgeIpn(vnpQuery(query), gateway, at, seen, m);
        await this.repo.insertIpn({ at, paymentId: seen.paymentId, query, rspCode: verdict.RspCode, remoteAddr }, m);
        return verdict;
      });
    } catch (e) {
      this.logger.warn(`IPN for ${seen.paymentId ?? 'an unknown payment'} failed: ${String(e)}`);
      await this.repo.insertIpn(
        { at, paymentId: seen.paymentId, query, rspCode: IPN_RESPONSES.OTHER.RspCode, remoteAddr },
        this.ds.manager,
      );
      return IPN_RESPONSES.OTHER;
    }
  }

  /** Where the browser goes back after the gateway: the web's payment page (display only, nothing changes). */
  async returnTarget(query: Record<string, unknown>): Promise<string> {
    const web = this.config.publicUrl;
    const params = vnpQuery(query);
    const txnRef = params?.vnp_TxnRef;
    if (!txnRef || !isUuid(txnRef)) return `${web}/dossiers`;
    const payment = await this.repo.findPayment(txnRef, this.ds.manager);
    if (!payment) return `${web}/dossiers`;
    return `${web}/dossiers/${payment.dossierId}/payment?paymentId=${payment.id}`;
  }

  /**
   * Reconciliation (a scheduled check, not a user click): every vnpay payment still PENDING past
   * the pay page's expiry is asked about with querydr; a signed answer settles it exactly as its
   * IPN would have (amount checked), "not found" closes it as CANCELLED, anything else waits.
   */
  async reconcilePending(now: Date): Promise<ReconcileReport> {
    const gateway = this.gateway();
    const report: ReconcileReport = { checked: 0, paid: 0, closed: 0, unchanged: 0, errors: 0 };
    const pending = await this.repo.findPendingBefore(new Date(now.getTime() - PAY_EXPIRY_MS), this.ds.manager);
    for (const p of pending) {
      report.checked++;
      let answer: Record<string, unknown>;
      try {
        const body = querydrRequest(
          {
            requestId: randomUUID().replace(/-/g, '').slice(0, 32),
            tmnCode: gateway.tmnCode,
            txnRef: p.id,
            orderInfo: `Doi soat giao dich ${p.id}`,
            transactionDate: vnpDate(p.createdAt),
            createdAt: now,
            ipAddr: '127.0.0.1',
          },
          gateway.hashSecret,
        );
        const res = await fetch(gateway.apiUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        answer = (await res.json()) as Record<string, unknown>;
      } catch (e) {
        this.logger.warn(`querydr ${p.id} failed: ${String(e)}`);
        report.errors++;
        continue;
      }
      if (!verifyQuerydrResponse(answer, gateway.hashSecret) || answer.vnp_TxnRef !== p.id) {
        this.logger.warn(`querydr ${p.id}: answer not signed by the gateway`);
        report.errors++;
        continue;
      }
      const outcome = await this.ds.transaction(async (m) => {
        const locked = await this.repo.lockPayment(p.id, m);
        if (!locked || locked.status !== 'PENDING') return 'unchanged';
        const str = (k: string) => {
          const v = answer[k];
          return typeof v === 'string' ? v : '';
        };
        if (str('vnp_ResponseCode') === '91') {
          // The gateway has no such transaction: the payer never paid and the page has expired.
          await this.settle(m, locked, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }, now);
          return 'closed';
        }
        if (str('vnp_ResponseCode') !== '00') return 'unchanged';
        const status = str('vnp_TransactionStatus');
        if (status !== '00' && status !== '02') return 'unchanged'; // still in progress at the bank
        if (status === '00' && str('vnp_Amount') !== String(locked.amount * 100)) {
          this.logger.warn(`querydr ${p.id}: amount ${str('vnp_Amount')} differs`);
          return 'unchanged';
        }
        const params: VnpParams = {
          vnp_ResponseCode: status === '00' ? '00' : '99',
          vnp_TransactionStatus: status,
          vnp_TransactionNo: str('vnp_TransactionNo'),
          vnp_BankCode: str('vnp_BankCode'),
        };
        const verdict = await this.settle(m, locked, params, now);
        return verdict.RspCode !== '00' ? 'unchanged' : status === '00' ? 'paid' : 'closed';
      });
      report[outcome]++;
    }
    return report;
  }

  private async judgeIpn(
    params: VnpParams | null,
    gateway: VnpayConfig,
    at: Date,
    seen: { paymentId: string | null },
    m: EntityManager,
  ): Promise<IpnResponse> {
    if (!params) return IPN_RESPONSES.OTHER;
    if (!verifySecureHash(params, gateway.hashSecret)) return IPN_RESPONSES.BAD_SIGNATURE;
    if (params.vnp_TmnCode !== gateway.tmnCode) return IPN_RESPONSES.OTHER;
    const txnRef = params.vnp_TxnRef ?? '';
    if (!isUuid(txnRef)) return IPN_RESPONSES.UNKNOWN_PAYMENT;
    const payment = await this.repo.lockPayment(txnRef, m);
    if (!payment || payment.provider !== 'vnpay') return IPN_RESPONSES.UNKNOWN_PAYMENT;
    seen.paymentId = payment.id;
    if (!/^\d{1,15}$/.test(params.vnp_Amount ?? '') || Number(params.vnp_Amount) !== payment.amount * 100) {
      return IPN_RESPONSES.AMOUNT_DIFFERS;
    }
    if (payment.status !== 'PENDING') return IPN_RESPONSES.ALREADY_CONFIRMED;
    return this.settle(m, payment, params, at);
  }

  /** A PENDING payment's outcome from the gateway (IPN or reconciliation), in the caller's transaction. */
  private async settle(m: EntityManager, payment: PaymentRow, params: VnpParams, at: Date): Promise<IpnResponse> {
    const d = (await this.repo.lockDossier(payment.dossierId, m))!;
    const paid = params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
    const gatewayFacts = {
      at,
      transactionNo: params.vnp_TransactionNo ?? null,
      bankCode: params.vnp_BankCode ?? null,
      responseCode: params.vnp_ResponseCode ?? '',
    };
    if (paid) {
      if (d.feeStatus === 'PAID') {
        // Paid twice (the desk, or another attempt): the second stays PENDING for the desk to refund.
        this.logger.warn(`Payment ${payment.id} confirmed for dossier ${d.id} whose fee was already paid`);
        return IPN_RESPONSES.ALREADY_CONFIRMED;
      }
      if (!(await this.repo.settle(payment.id, { status: 'PAID', ...gatewayFacts }, m))) {
        return IPN_RESPONSES.ALREADY_CONFIRMED;
      }
      await this.confirmFee(m, d, payment.id, 'ONLINE', null, null, at, gatewayFacts.transactionNo);
      // Paid after the dossier was withdrawn or refused (the page was still open): owed back.
      if (NOT_PAYABLE.has(d.status)) await this.refundDue(m, d.id, at);
      return IPN_RESPONSES.CONFIRMED;
    }
    // 24: the payer cancelled at the gateway; anything else is a failed payment.
    const status = params.vnp_ResponseCode === '24' ? 'CANCELLED' : 'FAILED';
    if (!(await this.repo.settle(payment.id, { status, ...gatewayFacts }, m))) return IPN_RESPONSES.ALREADY_CONFIRMED;
    if (d.feeStatus === 'PENDING' && !(await this.repo.hasPending(d.id, m))) {
      await this.repo.setFeeStatus(d.id, 'UNPAID', at, m);
    }
    return IPN_RESPONSES.CONFIRMED;
  }

  /** The fee PAID on the dossier, its sealed timeline event and the outbox message: the caller's transaction. */
  private async confirmFee(
    m: EntityManager,
    d: PayableDossier,
    paymentId: string,
    method: 'ONLINE' | 'COUNTER',
    receiptNo: string | null,
    actor: { id: string; role: Role | null; fullName: string } | null,
    at: Date,
    transactionNo: string | null = null,
  ): Promise<void> {
    // Not a transition: the report counters (payment.paid/online) are kept current here, in this transaction.
    await this.summaries.withDossierChange(m, d.id, () =>
      this.repo.markFeePaid(d.id, { at, online: method === 'ONLINE', receiptNo }, m),
    );
    const note = method === 'ONLINE' ? `VNPay ${transactionNo ?? paymentId}` : `Biên lai ${receiptNo}`;
    await this.workflow.recordEvent(m, d.id, FEE_PAID_EVENT, actor, note, at);
    const payload: DossierFeePaidPayload = {
      dossierId: d.id,
      code: d.code,
      paymentId,
      amount: d.fee,
      method,
      at: at.toISOString(),
    };
    await this.outbox.enqueue(m, DOSSIER_FEE_PAID, payload);
  }

  /**
   * A paid fee owed back: REFUND_DUE, and out of the payment counters in the same transaction
   * (the transition's own delta was taken before this write, so it is counted here).
   */
  private refundDue(m: EntityManager, dossierId: string, at: Date): Promise<void> {
    return this.summaries.withDossierChange(m, dossierId, () => this.repo.markRefundDue(dossierId, at, m));
  }

  private ensurePayable(d: PayableDossier): void {
    if (NOT_PAYABLE.has(d.status)) throw PaymentError.notPayable(d.status);
    if (d.fee <= 0 || d.feeStatus === 'NONE') throw PaymentError.noFee();
    if (d.feeStatus === 'PAID') throw PaymentError.alreadyPaid();
    if (d.feeStatus === 'REFUND_DUE' || d.feeStatus === 'REFUNDED') throw PaymentError.feeRefund();
  }
}
