import { z } from 'zod';
import { safeText } from './input.js';

/** Fees and online payment (api.md, "Fees and online payment"). */

export const DELIVERY_METHODS = ['ELECTRONIC', 'COUNTER', 'POSTAL'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const FEE_STATUSES = ['NONE', 'UNPAID', 'PENDING', 'PAID', 'REFUND_DUE', 'REFUNDED'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

export const FEE_METHODS = ['ONLINE', 'COUNTER'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'FAILED', 'CANCELLED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** `fee` of GET /dossiers/{id}. */
export interface DossierFeeDto {
  /** VND, from the procedure version. */
  amount: number;
  status: FeeStatus;
  method: FeeMethod | null;
  paidAt: string | null;
  receiptNo: string | null;
}

/** POST /dossiers/{id}/payments → 201. */
export interface PaymentCreatedResponse {
  id: string;
  status: 'PENDING';
  amount: number;
  paymentUrl: string;
}

/** POST /dossiers/{id}/payments. */
export const createPaymentSchema = z.strictObject({ provider: z.literal('vnpay') });
export type CreatePaymentRequest = z.input<typeof createPaymentSchema>;

/** POST /dossiers/{id}/payments/counter: the number printed on the desk's receipt. */
export const counterPaymentSchema = z.strictObject({ receiptNo: safeText().trim().min(1).max(40) });
export type CounterPaymentRequest = z.input<typeof counterPaymentSchema>;

export interface CounterPaymentResponse {
  id: string;
  status: 'PAID';
  amount: number;
  method: 'COUNTER';
  receiptNo: string;
}
