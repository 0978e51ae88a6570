import { createHmac, timingSafeEqual } from 'node:crypto';
import { toLocalParts } from '@motcua/shared';

/**
 * The VNPay 2.1.0 protocol (api.md, "Fees and online payment"): the signed pay URL, the IPN and
 * querydr checks. Pure functions of their inputs; the one place that knows how a `vnp_` query is
 * signed, shared by the API and the built-in sandbox gateway.
 */

export const VNPAY_VERSION = '2.1.0';

export type VnpParams = Record<string, string>;

/** PHP's `urlencode`: everything but A-Za-z0-9-_. percent-encoded (UTF-8, upper hex), space as `+`. */
export function phpUrlencode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.]/.test(c)) out += c;
    else if (byte === 0x20) out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The hash input: `vnp_` parameters sorted by name, without the hash fields, PHP-urlencoded. */
export function signData(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort()
    .map((k) => `${phpUrlencode(k)}=${phpUrlencode(params[k])}`)
    .join('&');
}

/** HMAC-SHA512 of the hash input, lower-case hex (as VNPay sends it). */
export function secureHash(params: VnpParams, secret: string): string {
  return createHmac('sha512', secret).update(signData(params), 'utf8').digest('hex');
}

/** Whether a query's `vnp_SecureHash` is ours, compared in constant time (case of the hex ignored). */
export function verifySecureHash(params: VnpParams, secret: string): boolean {
  const given = params.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(secureHash(params, secret), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The signed query string of a parameter set (values encoded the same way as the hash input). */
export function signedQuery(params: VnpParams, secret: string): string {
  return `${signData(params)}&vnp_SecureHash=${secureHash(params, secret)}`;
}

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh, the dossier clock's zone (VNPay's dates are local). */
export function vnpDate(instant: Date): string {
  const p = toLocalParts(instant);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

export interface PayRequest {
  tmnCode: string;
  /** VND; sent ×100 as VNPay wants. */
  amount: number;
  txnRef: string;
  orderInfo: string;
  orderType?: string;
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  /** How long the gateway accepts the payment; VNPay's default is 15 minutes. */
  expiresInMs?: number;
  locale?: 'vn' | 'en';
  bankCode?: string;
}

/** The `vnp_` parameters of a pay request, unsigned. */
export function payParams(req: PayRequest): VnpParams {
  if (!Number.isSafeInteger(req.amount) || req.amount <= 0) throw new RangeError('amount must be a positive integer');
  const params: VnpParams = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: req.tmnCode,
    vnp_Amount: String(req.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: req.txnRef,
    vnp_OrderInfo: req.orderInfo,
    vnp_OrderType: req.orderType ?? 'other',
    vnp_Locale: req.locale ?? 'vn',
    vnp_ReturnUrl: req.returnUrl,
    vnp_IpAddr: req.ipAddr,
    vnp_CreateDate: vnpDate(req.createdAt),
    vnp_ExpireDate: vnpDate(new Date(req.createdAt.getTime() + (req.expiresInMs ?? 15 * 60_000))),
  };
  if (req.bankCode) params.vnp_BankCode = req.bankCode;
  return params;
}

/** The gateway's pay page with the signed request. */
export function buildPayUrl(payUrl: string, req: PayRequest, secret: string): string {
  return `${payUrl}?${signedQuery(payParams(req), secret)}`;
}

/** A query object as Express parses it, reduced to its single-valued `vnp_` strings (arrays refused). */
export function vnpQuery(query: Record<string, unknown>): VnpParams | null {
  const out: VnpParams = {};
  for (const [k, v] of Object.entries(query)) {
    if (!k.startsWith('vnp_')) continue;
    if (typeof v !== 'string') return null;
    out[k] = v;
  }
  return out;
}

/** IPN answers (VNPay's codes for the merchant's reply). */
export const IPN_RESPONSES = {
  CONFIRMED: { RspCode: '00', Message: 'Confirm Success' },
  UNKNOWN_PAYMENT: { RspCode: '01', Message: 'Order not found' },
  ALREADY_CONFIRMED: { RspCode: '02', Message: 'Order already confirmed' },
  AMOUNT_DIFFERS: { RspCode: '04', Message: 'Invalid amount' },
  BAD_SIGNATURE: { RspCode: '97', Message: 'Invalid signature' },
  OTHER: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnVerdict = keyof typeof IPN_RESPONSES;
export type IpnResponse = (typeof IPN_RESPONSES)[IpnVerdict];

// ---- querydr: the merchant asks the gateway for a transaction's result (reconciliation) ----

/** The request fields of querydr in the order VNPay hashes them, joined by `|`. */
const QUERYDR_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

/** The response fields of querydr in the order VNPay hashes them. */
const QUERYDR_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

function pipeHash(fields: readonly string[], body: Record<string, unknown>, secret: string): string {
  // A field that is not a string or number (absent, or an object smuggled into JSON) hashes as empty.
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const data = fields.map((f) => text(body[f])).join('|');
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

function sameHex(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const a = Buffer.from(given, 'hex');
  const b = Buffer.from(expected, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface QuerydrInput {
  requestId: string;
  tmnCode: string;
  txnRef: string;
  orderInfo: string;
  /** The vnp_CreateDate of the pay request. */
  transactionDate: string;
  createdAt: Date;
  ipAddr: string;
}

/** The signed JSON body of a querydr request. */
export function querydrRequest(q: QuerydrInput, secret: string): VnpParams {
  const body: VnpParams = {
    vnp_RequestId: q.requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: q.tmnCode,
    vnp_TxnRef: q.txnRef,
    vnp_OrderInfo: q.orderInfo,
    vnp_TransactionDate: q.transactionDate,
    vnp_CreateDate: vnpDate(q.createdAt),
    vnp_IpAddr: q.ipAddr,
  };
  return { ...body, vnp_SecureHash: pipeHash(QUERYDR_REQUEST_FIELDS, body, secret) };
}

export function verifyQuerydrRequest(body: Record<string, unknown>, secret: string): boolean {
  return sameHex(body.vnp_SecureHash, pipeHash(QUERYDR_REQUEST_FIELDS, body, secret));
}

/** A querydr response signed (the sandbox answers with it). */
export function signQuerydrResponse(body: VnpParams, secret: string): VnpParams {
  return { ...body, vnp_SecureHash: pipeHash(QUERYDR_RESPONSE_FIELDS, body, secret) };
}

/** Whether a querydr response is the gateway's: unlike the vnpay package, a missing hash fails. */
export function verifyQuerydrResponse(body: Record<string, unknown>, secret: string): boolean {
  return sameHex(body.vnp_SecureHash, pipeHash(QUERYDR_RESPONSE_FIELDS, body, secret));
}
