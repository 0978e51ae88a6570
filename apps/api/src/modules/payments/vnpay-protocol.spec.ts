import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPaymentUrlSearchParams, calculateSecureHash, HashAlgorithm, VNPay } from 'vnpay';
import {
  buildPayUrl,
  payParams,
  phpUrlencode,
  querydrRequest,
  signQuerydrResponse,
  verifyQuerydrRequest,
  verifyQuerydrResponse,
  secureHash,
  signData,
  verifySecureHash,
  vnpDate,
  vnpQuery,
  type VnpParams,
} from './vnpay-protocol.js';

interface Fixtures {
  secret: string;
  tmnCode: string;
  pay: { name: string; createdAt: string; params: VnpParams; expectedHash: string }[];
  ipn: { name: string; params: VnpParams; expectedHash: string }[];
}
const fixtures = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/vnpay-fixtures.json'), 'utf8')) as Fixtures;

/** The `vnpay` package's own hash of a parameter set: the independent implementation we agree with. */
function theirHash(params: VnpParams, secret = fixtures.secret): string {
  const { vnp_SecureHash: _h, vnp_SecureHashType: _t, ...rest } = params;
  return calculateSecureHash({
    secureSecret: secret,
    data: buildPaymentUrlSearchParams(rest).toString(),
    hashAlgorithm: HashAlgorithm.SHA512,
    bufferEncode: 'utf-8',
  });
}

const theirs = new VNPay({
  tmnCode: fixtures.tmnCode,
  secureSecret: fixtures.secret,
  vnpayHost: 'https://sandbox.vnpayment.vn',
  hashAlgorithm: HashAlgorithm.SHA512,
});

describe('VNPay 2.1.0 signing (api.md: HMAC-SHA512 over sorted vnp_ params, PHP urlencode)', () => {
  describe.each(fixtures.pay)('pay request fixture: $name', (f) => {
    const p = f.params;
    const ours = payParams({
      tmnCode: p.vnp_TmnCode,
      amount: Number(p.vnp_Amount) / 100,
      txnRef: p.vnp_TxnRef,
      orderInfo: p.vnp_OrderInfo,
      returnUrl: p.vnp_ReturnUrl,
      ipAddr: p.vnp_IpAddr,
      createdAt: new Date(f.createdAt),
    });

    it('builds the same parameters, dates in Asia/Ho_Chi_Minh and the amount ×100', () => {
      expect(ours).toEqual(p);
    });

    it('signs them with the hash the vnpay package computed', () => {
      expect(secureHash(ours, fixtures.secret)).toBe(f.expectedHash);
      expect(theirHash(ours)).toBe(f.expectedHash);
    });

    it('produces a pay URL whose query the vnpay package verifies', () => {
      const url = new URL(
        buildPayUrl(
          'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
          {
            tmnCode: p.vnp_TmnCode,
            amount: Number(p.vnp_Amount) / 100,
            txnRef: p.vnp_TxnRef,
            orderInfo: p.vnp_OrderInfo,
            returnUrl: p.vnp_ReturnUrl,
            ipAddr: p.vnp_IpAddr,
            createdAt: new Date(f.createdAt),
          },
          fixtures.secret,
        ),
      );
      const query = Object.fromEntries(url.searchParams);
      expect(query).toEqual({ ...p, vnp_SecureHash: f.expectedHash });
      // The package verifies a return/IPN query; the check is the same hash over the same fields.
      expect(theirs.verifyReturnUrl(query as never).isVerified).toBe(true);
    });
  });

  describe.each(fixtures.ipn)('IPN fixture: $name', (f) => {
    const signed = { ...f.params, vnp_SecureHash: f.expectedHash };

    it('is verified by our module and by the vnpay package', () => {
      expect(secureHash(f.params, fixtures.secret)).toBe(f.expectedHash);
      expect(verifySecureHash(signed, fixtures.secret)).toBe(true);
      expect(theirs.verifyIpnCall(signed as never).isVerified).toBe(true);
    });

    it('fails on a changed amount, a reordered-and-changed field, another secret or a cut hash', () => {
      expect(verifySecureHash({ ...signed, vnp_Amount: '5000100' }, fixtures.secret)).toBe(false);
      expect(
        verifySecureHash(
          { ...signed, vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: 'x' },
          fixtures.secret,
        ),
      ).toBe(false);
      expect(verifySecureHash(signed, `${fixtures.secret}x`)).toBe(false);
      expect(verifySecureHash({ ...signed, vnp_SecureHash: f.expectedHash.slice(0, 64) }, fixtures.secret)).toBe(false);
      expect(verifySecureHash({ ...f.params }, fixtures.secret)).toBe(false);
    });

    it('ignores the order of the query and the case of the hex, and vnp_SecureHashType', () => {
      const reversed = Object.fromEntries(Object.entries(signed).reverse());
      expect(verifySecureHash(reversed, fixtures.secret)).toBe(true);
      expect(
        verifySecureHash(
          { ...signed, vnp_SecureHash: f.expectedHash.toUpperCase(), vnp_SecureHashType: 'HmacSHA512' },
          fixtures.secret,
        ),
      ).toBe(true);
    });
  });

  it('agrees with the vnpay package on random Vietnamese text (every character but *)', () => {
    const alphabet =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ÀÁĐ0123456789-_.~!@#$%^&()+={}[]|\\:;"\'<>,?/`\n';
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]).join('');
      const params = { vnp_Amount: '100', vnp_OrderInfo: text, vnp_TxnRef: `r${i}` };
      expect(secureHash(params, fixtures.secret)).toBe(theirHash(params));
    }
  });

  it('encodes like PHP urlencode: space as +, only A-Za-z0-9-_. left as is, UTF-8 upper hex', () => {
    expect(phpUrlencode('a b&c=d/é~*')).toBe('a+b%26c%3Dd%2F%C3%A9%7E%2A');
    expect(phpUrlencode('Lệ phí')).toBe('L%E1%BB%87+ph%C3%AD');
    expect(phpUrlencode('AZaz09-_.')).toBe('AZaz09-_.');
    // The one place the vnpay package (URLSearchParams) differs from PHP: `*`. The contract says PHP.
    expect(buildPaymentUrlSearchParams({ x: '*' }).toString()).toBe('x=*');
  });

  it('leaves vnp_SecureHash, vnp_SecureHashType, empty values and non-vnp_ fields out of the hash input', () => {
    expect(
      signData({ vnp_B: '2', vnp_A: '1 ', vnp_SecureHash: 'h', vnp_SecureHashType: 'SHA512', vnp_E: '', other: 'x' }),
    ).toBe('vnp_A=1+&vnp_B=2');
  });

  it('writes dates yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
    expect(vnpDate(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(vnpDate(new Date('2026-06-01T00:00:05Z'))).toBe('20260601070005');
  });

  it('reads an Express query as single strings and refuses repeated parameters', () => {
    expect(vnpQuery({ vnp_A: '1', foo: ['x'], vnp_B: '2' })).toEqual({ vnp_A: '1', vnp_B: '2' });
    expect(vnpQuery({ vnp_A: ['1', '2'] })).toBeNull();
  });

  it('refuses an amount that is not a positive whole number of dong', () => {
    const base = {
      tmnCode: 'X',
      txnRef: 't',
      orderInfo: 'o',
      returnUrl: 'http://x',
      ipAddr: '1.1.1.1',
      createdAt: new Date(),
    };
    expect(() => payParams({ ...base, amount: 0 })).toThrow(RangeError);
    expect(() => payParams({ ...base, amount: 10.5 })).toThrow(RangeError);
  });

  it('querydr: signs the request over the |-joined fields as the vnpay package does, and checks the response', async () => {
    const body = querydrRequest(
      {
        requestId: 'req-1',
        tmnCode: fixtures.tmnCode,
        txnRef: fixtures.ipn[0].params.vnp_TxnRef,
        orderInfo: 'Doi soat',
        transactionDate: '20261127090000',
        createdAt: new Date('2026-11-27T03:00:00Z'),
        ipAddr: '127.0.0.1',
      },
      fixtures.secret,
    );
    expect(verifyQuerydrRequest(body, fixtures.secret)).toBe(true);
    expect(verifyQuerydrRequest({ ...body, vnp_TxnRef: 'other' }, fixtures.secret)).toBe(false);
    // The package's queryDr posts the same hash: catch its request instead of sending it.
    const realFetch = global.fetch;
    let sent: Record<string, string> = {};
    const answer = signQuerydrResponse(
      {
        vnp_ResponseId: 'r1',
        vnp_Command: 'querydr',
        vnp_ResponseCode: '00',
        vnp_Message: 'OK',
        vnp_TmnCode: fixtures.tmnCode,
        vnp_TxnRef: body.vnp_TxnRef,
        vnp_Amount: '5000000',
        vnp_BankCode: 'NCB',
        vnp_PayDate: '20261127090512',
        vnp_TransactionNo: '14123456',
        vnp_TransactionType: '01',
        vnp_TransactionStatus: '00',
        vnp_OrderInfo: 'Doi soat',
        vnp_PromotionCode: '',
        vnp_PromotionAmount: '',
      },
      fixtures.secret,
    );
    global.fetch = (async (_url: unknown, init: { body: string }) => {
      sent = JSON.parse(init.body) as Record<string, string>;
      return new Response(JSON.stringify(answer), { status: 200 });
    }) as typeof fetch;
    try {
      const { vnp_SecureHash: _h, vnp_Command: _c, vnp_TmnCode: _t, ...query } = body;
      const result = await theirs.queryDr(query as never);
      expect(sent.vnp_SecureHash).toBe(body.vnp_SecureHash);
      expect(result.isVerified).toBe(true);
    } finally {
      global.fetch = realFetch;
    }
    expect(verifyQuerydrResponse(answer, fixtures.secret)).toBe(true);
    expect(verifyQuerydrResponse({ ...answer, vnp_TransactionStatus: '02' }, fixtures.secret)).toBe(false);
    const { vnp_SecureHash: _gone, ...unsigned } = answer;
    expect(verifyQuerydrResponse(unsigned, fixtures.secret)).toBe(false);
  });
});
