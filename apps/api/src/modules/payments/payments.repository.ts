import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Channel, DossierStatus, FeeStatus, PaymentStatus } from '@motcua/shared';

export interface PaymentRow {
  id: string;
  dossierId: string;
  provider: 'vnpay' | 'counter';
  amount: number;
  status: PaymentStatus;
  createdAt: Date;
  confirmedAt: Date | null;
}

/** The dossier facts a payment reads, locked. */
export interface PayableDossier {
  id: string;
  code: string | null;
  status: DossierStatus;
  applicantId: string;
  agencyCode: string;
  channel: Channel;
  fee: number;
  feeStatus: FeeStatus;
}

const PAYMENT_COLUMNS = `id, dossier_id AS "dossierId", provider, amount, status, created_at AS "createdAt",
  confirmed_at AS "confirmedAt"`;

/** The confirmed payment of a dossier and what its electronic receipt prints. */
export interface PaidReceiptRow {
  /** Null (and the payment's other facts) while no payment is confirmed. */
  paymentId: string | null;
  amount: number;
  provider: 'vnpay' | 'counter';
  paidAt: Date;
  receiptNo: string | null;
  gatewayTxnNo: string | null;
  dossierId: string;
  dossierCode: string | null;
  applicantId: string;
  agencyCode: string;
  agencyName: string;
  procedureName: string;
  payerName: string;
  status: DossierStatus;
  channel: Channel;
}

/** SQL of payment, payment_ipn and the dossier's fee columns; every write in the caller's transaction. */
@Injectable()
export class PaymentsRepository {
  /** The dossier row locked for the fee change (a transition and a payment on one dossier queue up). */
  async lockDossier(id: string, m: EntityManager): Promise<PayableDossier | null> {
    const rows: PayableDossier[] = await m.query(
      `SELECT id, code, status, applicant_id AS "applicantId", agency_code AS "agencyCode", channel, fee,
              fee_status AS "feeStatus"
         FROM dossier WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The dossier's confirmed payment (at most one: payment_one_paid_per_dossier), with the names its receipt prints. */
  async findPaidReceipt(dossierId: string, m: EntityManager): Promise<PaidReceiptRow | null> {
    const rows: PaidReceiptRow[] = await m.query(
      `SELECT p.id AS "paymentId", p.amount, p.provider, p.confirmed_at AS "paidAt", p.receipt_no AS "receiptNo",
              p.gateway_txn_no AS "gatewayTxnNo", d.id AS "dossierId", d.code AS "dossierCode",
              d.applicant_id AS "applicantId", d.agency_code AS "agencyCode", a.name AS "agencyName",
              q.procedure_name AS "procedureName", q.applicant_name AS "payerName", d.status, d.channel
         FROM dossier d
         JOIN dossier_queue_item q ON q.id = d.id
         JOIN agency_label a ON a.code = d.agency_code
         LEFT JOIN payment p ON p.dossier_id = d.id AND p.status = 'PAID'
        WHERE d.id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  async insertPayment(
    p: {
      id: string;
      dossierId: string;
      provider: 'vnpay' | 'counter';
      amount: number;
      status: PaymentStatus;
      at: Date;
    },
    extra: { receiptNo?: string; createdBy?: string },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `INSERT INTO payment (id, dossier_id, provider, amount, status, created_at, confirmed_at, receipt_no, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'PAID' THEN $6::timestamptz END, $7, $8)`,
      [p.id, p.dossierId, p.provider, p.amount, p.status, p.at, extra.receiptNo ?? null, extra.createdBy ?? null],
    );
  }

  /** The payment row locked: two IPNs for one payment are handled one after the other. */
  async lockPayment(id: string, m: EntityManager): Promise<PaymentRow | null> {
    const rows: PaymentRow[] = await m.query(`SELECT ${PAYMENT_COLUMNS} FROM payment WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async findPayment(id: string, m: EntityManager): Promise<PaymentRow | null> {
    const rows: PaymentRow[] = await m.query(`SELECT ${PAYMENT_COLUMNS} FROM payment WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The gateway's verdict on a PENDING payment; false when it was no longer PENDING (the
   * conditional update is the second guard after the row lock).
   */
  async settle(
    id: string,
    change: {
      status: PaymentStatus;
      at: Date;
      transactionNo: string | null;
      bankCode: string | null;
      responseCode: string;
    },
    m: EntityManager,
  ): Promise<boolean> {
    const [, count] = await m.query<[unknown, number]>(
      `UPDATE payment SET status = $2, confirmed_at = CASE WHEN $2 = 'PAID' THEN $3::timestamptz END,
              gateway_txn_no = $4, bank_code = $5, response_code = $6
        WHERE id = $1 AND status = 'PENDING'`,
      [id, change.status, change.at, change.transactionNo, change.bankCode, change.responseCode],
    );
    return count === 1;
  }

  /** PENDING payments created before a time, for reconciliation. */
  async findPendingBefore(before: Date, m: EntityManager): Promise<PaymentRow[]> {
    return m.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment WHERE status = 'PENDING' AND provider = 'vnpay' AND created_at < $1
        ORDER BY created_at LIMIT 500`,
      [before],
    );
  }

  async hasPending(dossierId: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM payment WHERE dossier_id = $1 AND status = 'PENDING' LIMIT 1`,
      [dossierId],
    );
    return rows.length > 0;
  }

  /** What return_result's fee guard reads. */
  async findDeliveryAndFee(
    dossierId: string,
    m: EntityManager,
  ): Promise<{ delivery: string; feeStatus: FeeStatus } | null> {
    const rows: { delivery: string; feeStatus: FeeStatus }[] = await m.query(
      `SELECT delivery_method AS delivery, fee_status AS "feeStatus" FROM dossier WHERE id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  async setFeeStatus(dossierId: string, status: FeeStatus, at: Date, m: EntityManager): Promise<void> {
    await m.query(`UPDATE dossier SET fee_status = $2, updated_at = $3 WHERE id = $1`, [dossierId, status, at]);
  }

  async markFeePaid(
    dossierId: string,
    paid: { at: Date; online: boolean; receiptNo: string | null },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE dossier SET fee_status = 'PAID', fee_paid_at = $2, fee_paid_online = $3, fee_receipt_no = $4, updated_at = $2
        WHERE id = $1`,
      [dossierId, paid.at, paid.online, paid.receiptNo],
    );
  }

  /** A paid fee of a dossier that will not be served becomes REFUND_DUE. */
  async markRefundDue(dossierId: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE dossier SET fee_status = 'REFUND_DUE', updated_at = $2 WHERE id = $1 AND fee_status = 'PAID'`,
      [dossierId, at],
    );
  }

  /** Every IPN, kept raw with the answer we gave. */
  async insertIpn(
    ipn: {
      at: Date;
      paymentId: string | null;
      query: Record<string, unknown>;
      rspCode: string;
      remoteAddr: string | null;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `INSERT INTO payment_ipn (received_at, payment_id, query, rsp_code, remote_addr) VALUES ($1, $2, $3, $4, $5)`,
      [ipn.at, ipn.paymentId, JSON.stringify(ipn.query), ipn.rspCode, ipn.remoteAddr],
    );
  }
}
