import type { AppConfig } from '../../config/config.js';
import { AppError } from '../../common/app-error.js';
import { PaymentsService } from './payments.service.js';

describe('PaymentsService without a gateway (production without VNPAY_*)', () => {
  // Every dependency but the config is unreachable: the refusal comes before any of them.
  const unreachable = new Proxy({}, { get: () => () => Promise.reject(new Error('touched')) });
  const service = new PaymentsService(
    unreachable as never,
    unreachable as never,
    unreachable as never,
    unreachable as never,
    unreachable as never,
    unreachable as never,
    { vnpay: null, publicUrl: 'https://motcua.example' } as unknown as AppConfig,
    unreachable as never,
    unreachable as never,
    unreachable as never,
  );

  it.each([
    ['creating a payment', () => service.createOnline('0b8f6d5e-1c2a-4e3b-9f7d-6a5b4c3d2e1f', {} as never, null)],
    ['an IPN', () => service.handleIpn({ vnp_TxnRef: 'x', vnp_SecureHash: 'y' }, null)],
  ])('refuses %s with 503 PAYMENTS_UNAVAILABLE, never "accept all"', async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ status: 503, code: 'PAYMENTS_UNAVAILABLE' });
    await expect(call()).rejects.toBeInstanceOf(AppError);
  });
});
