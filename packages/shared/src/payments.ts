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
export const dossierFeeSchema = z.object({
  /** VND, from the procedure version. */
  amount: z.number().int(),
  status: z.enum(FEE_STATUSES),
  method: z.enum(FEE_METHODS).nullable(),
  paidAt: z.string().nullable(),
  receiptNo: z.string().nullable(),
});
export type DossierFeeDto = z.infer<typeof dossierFeeSchema>;

/** The delivery fields of POST /dossiers and PATCH /dossiers/{id}. */
export const deliveryInputShape = {
  deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
  postalAddress: safeText().trim().min(5).max(300).optional(),
};

/** POSTAL needs the address it is posted to, in the same request. */
export function checkDelivery(
  v: { deliveryMethod?: DeliveryMethod; postalAddress?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.deliveryMethod === 'POSTAL' && !v.postalAddress) {
    ctx.addIssue({
      code: 'custom',
      path: ['postalAddress'],
      message: 'A postal address is required for POSTAL delivery',
    });
  }
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
