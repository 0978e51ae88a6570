import { randomInt } from 'node:crypto';
import type { VnpayConfig } from '../../config/config.js';
import {
  signedQuery,
  signQuerydrResponse,
  verifySecureHash,
  vnpDate,
  VNPAY_VERSION,
  type VnpParams,
} from './vnpay-protocol.js';

/** The payer's choice on the sandbox page, as VNPay would report it (response code, transaction status). */
export const SANDBOX_OUTCOMES = {
  pay: { responseCode: '00', transactionStatus: '00' },
  cancel: { responseCode: '24', transactionStatus: '02' },
  fail: { responseCode: '51', transactionStatus: '02' },
} as const;
export type SandboxOutcome = keyof typeof SANDBOX_OUTCOMES;

/** Why the sandbox refuses a pay request, as the bank would (null: it is a valid request). */
export function payRequestProblem(params: VnpParams, gateway: VnpayConfig, now: Date): string | null {
  if (!verifySecureHash(params, gateway.hashSecret)) return 'Sai chữ ký (vnp_SecureHash)';
  if (params.vnp_TmnCode !== gateway.tmnCode) return 'Mã website (vnp_TmnCode) không đúng';
  if (params.vnp_Version !== VNPAY_VERSION || params.vnp_Command !== 'pay') return 'Phiên bản hoặc lệnh không hỗ trợ';
  if (!/^\d+00$/.test(params.vnp_Amount ?? '')) return 'Số tiền (vnp_Amount) không hợp lệ';
  if (!params.vnp_TxnRef || !params.vnp_ReturnUrl) return 'Thiếu mã giao dịch hoặc địa chỉ trả về';
  if (params.vnp_ExpireDate && params.vnp_ExpireDate < vnpDate(now)) return 'Giao dịch đã hết hạn';
  return null;
}

/** The querydr answer of the sandbox "bank" for a transaction it knows (or 91: not found), signed. */
export function querydrAnswer(
  request: Record<string, unknown>,
  result: VnpParams | undefined,
  gateway: VnpayConfig,
): VnpParams {
  const base: VnpParams = {
    vnp_ResponseId: randomInt(1e9, 9e9).toString(),
    vnp_Command: 'querydr',
    vnp_TmnCode: gateway.tmnCode,
    vnp_TxnRef: typeof request.vnp_TxnRef === 'string' ? request.vnp_TxnRef : '',
    vnp_OrderInfo: typeof request.vnp_OrderInfo === 'string' ? request.vnp_OrderInfo : '',
  };
  if (!result)
    return signQuerydrResponse({ ...base, vnp_ResponseCode: '91', vnp_Message: 'Not found' }, gateway.hashSecret);
  return signQuerydrResponse(
    {
      ...base,
      vnp_ResponseCode: '00',
      vnp_Message: 'Query success',
      vnp_Amount: result.vnp_Amount,
      vnp_BankCode: result.vnp_BankCode,
      vnp_PayDate: result.vnp_PayDate,
      vnp_TransactionNo: result.vnp_TransactionNo,
      vnp_TransactionType: '01',
      vnp_TransactionStatus: result.vnp_TransactionStatus,
    },
    gateway.hashSecret,
  );
}

/**
 * The signed result of a pay request, as VNPay sends it both to the IPN and on the return URL.
 * Signed with the merchant's secret: the API verifies it exactly as it verifies the real bank.
 */
export function resultParams(request: VnpParams, outcome: SandboxOutcome, gateway: VnpayConfig, now: Date): VnpParams {
  const { responseCode, transactionStatus } = SANDBOX_OUTCOMES[outcome];
  const transactionNo = String(randomInt(10_000_000, 99_999_999));
  return {
    vnp_Amount: request.vnp_Amount,
    vnp_BankCode: 'NCB',
    ...(outcome === 'pay' ? { vnp_BankTranNo: `VNP${transactionNo}`, vnp_CardType: 'ATM' } : {}),
    vnp_OrderInfo: request.vnp_OrderInfo ?? '',
    vnp_PayDate: vnpDate(now),
    vnp_ResponseCode: responseCode,
    vnp_TmnCode: gateway.tmnCode,
    vnp_TransactionNo: outcome === 'cancel' ? '0' : transactionNo,
    vnp_TransactionStatus: transactionStatus,
    vnp_TxnRef: request.vnp_TxnRef,
  };
}

export function signResult(params: VnpParams, gateway: VnpayConfig): string {
  return signedQuery(params, gateway.hashSecret);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The sandbox's pay page: Vietnamese, plain HTML, usable by keyboard and screen reader. */
export function payPage(params: VnpParams, rawQuery: string, action: string): string {
  const amount = Number(params.vnp_Amount) / 100;
  const vnd = new Intl.NumberFormat('vi-VN').format(amount);
  const q = escapeHtml(rawQuery);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán thử nghiệm (sandbox VNPay)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.25rem .5rem .25rem 0;cursor:pointer}
.note{background:#fff4ce;padding:.5rem 1rem;border-left:4px solid #b58900}</style></head>
<body><main>
<h1>Cổng thanh toán thử nghiệm</h1>
<p class="note" role="note">Đây là cổng thanh toán giả lập dùng cho phát triển và thử nghiệm. Không có tiền thật được chuyển.</p>
<dl><dt>Số tiền</dt><dd>${escapeHtml(vnd)} ₫</dd>
<dt>Nội dung</dt><dd>${escapeHtml(params.vnp_OrderInfo ?? '')}</dd>
<dt>Mã giao dịch</dt><dd>${escapeHtml(params.vnp_TxnRef ?? '')}</dd></dl>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="query" value="${q}">
<button type="submit" name="outcome" value="pay">Thanh toán</button>
<button type="submit" name="outcome" value="cancel">Hủy giao dịch</button>
<button type="submit" name="outcome" value="fail">Giả lập thất bại</button>
<button type="submit" name="outcome" value="pay" formaction="${escapeHtml(action)}?ipn=lost">Thanh toán nhưng mất IPN (thử đối soát)</button>
</form></main></body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi thanh toán</title></head>
<body><main><h1>Giao dịch không hợp lệ</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
