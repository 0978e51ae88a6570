import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { buildPaymentUrlSearchParams, calculateSecureHash, HashAlgorithm } from 'vnpay';
import type { PaymentCreatedResponse } from '@motcua/shared';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { PaymentsService } from './payments.service.js';
import { createProcedure } from '../catalog/catalog.factories.js';
import {
  as,
  createWorld,
  dossierIn,
  fieldsOf,
  stateOf,
  submitted,
  createDraft,
  versionOf,
  type World,
} from '../dossiers/dossiers.factories.js';

const FEE = 50_000;

/** An IPN query signed by the vnpay package (not our module), as the bank would send it. */
function bankSigned(params: Record<string, string>, secret: string): string {
  const search = buildPaymentUrlSearchParams(params);
  const hash = calculateSecureHash({
    secureSecret: secret,
    data: search.toString(),
    hashAlgorithm: HashAlgorithm.SHA512,
    bufferEncode: 'utf-8',
  });
  return `${search.toString()}&vnp_SecureHash=${hash}`;
}

describe('fees and online payment (api.md, "Fees and online payment")', () => {
  let t: TestApp;
  let w: World;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The sandbox calls our IPN on the port its request came in on: keep one open for the suite.
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    w = await createWorld(t, { fee: FEE });
    secret = t.config.vnpay!.hashSecret;
  });
  afterAll(async () => {
    await t.close();
  });

  const pay = (id: string, user = w.citizen) => as(t, user).post(`/dossiers/${id}/payments`, { provider: 'vnpay' });
  const ipn = (query: string) => request(t.http).get(`/api/v1/payments/vnpay/ipn?${query}`);
  const successIpn = (p: PaymentCreatedResponse, over: Record<string, string> = {}) => ({
    vnp_Amount: String(p.amount * 100),
    vnp_BankCode: 'NCB',
    vnp_OrderInfo: 'Thanh toan le phi',
    vnp_PayDate: '20261127091000',
    vnp_ResponseCode: '00',
    vnp_TmnCode: t.config.vnpay!.tmnCode,
    vnp_TransactionNo: '14123456',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: p.id,
    ...over,
  });
  const feeOf = async (id: string) =>
    (
      await t.ds.query<{ feeStatus: string; paidAt: Date | null; online: boolean | null }[]>(
        `SELECT fee_status AS "feeStatus", fee_paid_at AS "paidAt", fee_paid_online AS online FROM dossier WHERE id = $1`,
        [id],
      )
    )[0];
  const countOf = async (sql: string, params: unknown[]) =>
    Number((await t.ds.query<{ n: string }[]>(sql, params))[0].n);

  it('pays through the sandbox gateway: signed URL → pay page → IPN → PAID, sealed on the timeline, outbox row', async () => {
    const { id } = await submitted(w);
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'UNPAID' });
    const created = await pay(id);
    expect(created.status).toBe(201);
    const p = created.body as PaymentCreatedResponse;
    expect(p).toMatchObject({ status: 'PENDING', amount: FEE });
    const url = new URL(p.paymentUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.config.publicUrl}/api/v1/sandbox/vnpay/pay`);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_Amount: String(FEE * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: p.id,
      vnp_Locale: 'vn',
      vnp_CreateDate: '20261127090000',
      vnp_ReturnUrl: `${t.config.publicUrl}/api/v1/payments/vnpay/return`,
    });
    // The bank's own check (the vnpay package) accepts our signature.
    const { vnp_SecureHash, ...unsigned } = q;
    expect(bankSigned(unsigned, secret)).toContain(`vnp_SecureHash=${vnp_SecureHash}`);
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'PENDING' });

    const page = await request(t.http).get(`${url.pathname}${url.search}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('lang="vi"');
    expect(page.text).toContain('Thanh toán');

    const done = await request(t.http)
      .post(url.pathname)
      .type('form')
      .send({ query: url.search.slice(1), outcome: 'pay' });
    expect(done.status).toBe(303);
    const back = new URL(done.headers.location);
    expect(back.pathname).toBe('/api/v1/payments/vnpay/return');

    expect(await feeOf(id)).toMatchObject({ feeStatus: 'PAID', online: true, paidAt: t.clock.now() });
    const [payment] = await t.ds.query<{ status: string; txn: string }[]>(
      `SELECT status, gateway_txn_no AS txn FROM payment WHERE id = $1`,
      [p.id],
    );
    expect(payment.status).toBe('PAID');
    expect(payment.txn).toMatch(/^\d{8}$/);
    expect(
      await countOf(`SELECT count(*) AS n FROM payment_ipn WHERE payment_id = $1 AND rsp_code = '00'`, [p.id]),
    ).toBe(1);
    expect(
      await countOf(`SELECT count(*) AS n FROM outbox WHERE type = 'dossier.fee_paid' AND payload->>'paymentId' = $1`, [
        p.id,
      ]),
    ).toBe(1);

    const detail = await as(t, w.citizen).get(`/dossiers/${id}`);
    expect((detail.body as { timeline: { type: string }[] }).timeline.map((e) => e.type)).toContain('fee_paid');
    const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect(audit.body.valid).toBe(true);

    // The return URL only sends the browser to the web page; a second look changes nothing.
    const ret = await request(t.http).get(`${back.pathname}${back.search}`);
    expect(ret.status).toBe(302);
    expect(ret.headers.location).toBe(`${t.config.publicUrl}/dossiers/${id}/payment?paymentId=${p.id}`);

    // Replayed IPN: 02, nothing changes, and it is kept.
    const replay = await ipn(back.search.slice(1));
    expect(replay.body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await countOf(`SELECT count(*) AS n FROM payment_ipn WHERE payment_id = $1`, [p.id])).toBe(2);
    expect(
      await countOf(`SELECT count(*) AS n FROM dossier_event WHERE dossier_id = $1 AND type = 'fee_paid'`, [id]),
    ).toBe(1);

    // A second payment of a paid fee: 409.
    const again = await pay(id);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('FEE_ALREADY_PAID');
  });

  it('a return URL never changes state: a signed success on the return leaves the payment PENDING', async () => {
    const { id } = await submitted(w);
    const p = (await pay(id)).body as PaymentCreatedResponse;
    const ret = await request(t.http).get(`/api/v1/payments/vnpay/return?${bankSigned(successIpn(p), secret)}`);
    expect(ret.status).toBe(302);
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'PENDING' });
  });

  it('refuses forged, amount-changed and unknown IPNs with 97, 04 and 01, storing each', async () => {
    const { id } = await submitted(w);
    const p = (await pay(id)).body as PaymentCreatedResponse;
    const before = await countOf(`SELECT count(*) AS n FROM payment_ipn`, []);

    expect((await ipn(bankSigned(successIpn(p), 'not-our-secret-0123456789'))).body.RspCode).toBe('97');
    // The amount changed after signing: the signature no longer holds.
    const tampered = bankSigned(successIpn(p), secret).replace(`vnp_Amount=${FEE * 100}`, 'vnp_Amount=100');
    expect((await ipn(tampered)).body.RspCode).toBe('97');
    // No hash at all.
    expect((await ipn(new URLSearchParams(successIpn(p)).toString())).body.RspCode).toBe('97');
    // Correctly signed, but for another amount.
    expect((await ipn(bankSigned(successIpn(p, { vnp_Amount: '100' }), secret))).body.RspCode).toBe('04');
    // Correctly signed, an unknown payment.
    expect((await ipn(bankSigned(successIpn(p, { vnp_TxnRef: randomUUID() }), secret))).body.RspCode).toBe('01');
    // A parameter repeated (an attempt to confuse the parser): 99.
    expect((await ipn(`${bankSigned(successIpn(p), secret)}&vnp_Amount=1`)).body.RspCode).toBe('99');

    expect(await feeOf(id)).toMatchObject({ feeStatus: 'PENDING' });
    expect(await countOf(`SELECT count(*) AS n FROM payment_ipn`, [])).toBe(before + 6);
    expect(
      await countOf(`SELECT count(*) AS n FROM payment_ipn WHERE payment_id = $1 AND rsp_code = '04'`, [p.id]),
    ).toBe(1);
  });

  it('a cancelled or failed payment is recorded (00) and leaves the fee UNPAID; only 00/00 marks PAID', async () => {
    const { id } = await submitted(w);
    const p = (await pay(id)).body as PaymentCreatedResponse;
    const r = await ipn(bankSigned(successIpn(p, { vnp_ResponseCode: '00', vnp_TransactionStatus: '01' }), secret));
    expect(r.body.RspCode).toBe('00');
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'UNPAID', paidAt: null });
    const [row] = await t.ds.query<{ status: string }[]>(`SELECT status FROM payment WHERE id = $1`, [p.id]);
    expect(row.status).toBe('FAILED');

    const p2 = (await pay(id)).body as PaymentCreatedResponse;
    const url = new URL(p2.paymentUrl);
    const cancelled = await request(t.http)
      .post(url.pathname)
      .type('form')
      .send({ query: url.search.slice(1), outcome: 'cancel' });
    expect(cancelled.status).toBe(303);
    const [row2] = await t.ds.query<{ status: string }[]>(`SELECT status FROM payment WHERE id = $1`, [p2.id]);
    expect(row2.status).toBe('CANCELLED');
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'UNPAID' });
  });

  it('two IPNs racing for one payment confirm it once', async () => {
    const { id } = await submitted(w);
    const p = (await pay(id)).body as PaymentCreatedResponse;
    const q = bankSigned(successIpn(p), secret);
    const answers = await Promise.all([ipn(q), ipn(q), ipn(q)]);
    expect(answers.map((a) => (a.body as { RspCode: string }).RspCode).sort()).toEqual(['00', '02', '02']);
    expect(
      await countOf(`SELECT count(*) AS n FROM dossier_event WHERE dossier_id = $1 AND type = 'fee_paid'`, [id]),
    ).toBe(1);
    expect(
      await countOf(`SELECT count(*) AS n FROM outbox WHERE type = 'dossier.fee_paid' AND payload->>'paymentId' = $1`, [
        p.id,
      ]),
    ).toBe(1);
  });

  it('the sandbox refuses a pay URL whose signature or amount was changed, like the bank', async () => {
    const { id } = await submitted(w);
    const p = (await pay(id)).body as PaymentCreatedResponse;
    const url = new URL(p.paymentUrl);
    url.searchParams.set('vnp_Amount', '100');
    const page = await request(t.http).get(`${url.pathname}${url.search}`).set('Accept', 'text/html');
    expect(page.status).toBe(400);
    expect(page.text).toContain('Sai chữ ký');
    // Any other client gets the API's problem+json.
    const api = await request(t.http).get(`${url.pathname}${url.search}`);
    expect(api.status).toBe(400);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    // No form at all (a text body): a 400 problem, never a 500.
    const noForm = await request(t.http).post(url.pathname).type('text/plain').send('{}');
    expect(noForm.status).toBe(400);
  });

  it('refuses a payment for a draft (409), another person’s dossier (404), a fee-less dossier (409), a bad body (400)', async () => {
    const draft = await createDraft(w);
    expect((await pay(draft)).status).toBe(409);
    const { id } = await submitted(w);
    expect((await pay(id, w.otherCitizen)).status).toBe(404);
    const bad = await as(t, w.citizen).post(`/dossiers/${id}/payments`, { provider: 'momo' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['provider']);
    const free = await createProcedure(t.ds, { agencyCodes: [w.agency.code], fee: 0 });
    const freeDossier = await submitted({ ...w, procedure: free });
    expect(await feeOf(freeDossier.id)).toMatchObject({ feeStatus: 'NONE' });
    expect((await pay(freeDossier.id)).status).toBe(409);
  });

  it('records cash at the desk (RECEPTIONIST, receipt number); then online payment is refused', async () => {
    const { id } = await submitted(w);
    const missing = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, {});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['receiptNo']);
    expect(
      (await as(t, w.otherStaff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, { receiptNo: 'BL-1' })).status,
    ).toBe(404);
    const res = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, { receiptNo: 'BL-000123' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PAID', amount: FEE, method: 'COUNTER', receiptNo: 'BL-000123' });
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'PAID', online: false });
    expect((await pay(id)).status).toBe(409);
    expect(
      (await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, { receiptNo: 'BL-2' })).status,
    ).toBe(409);
    const audit = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect(audit.body.valid).toBe(true);
  });
  it('return_result with ELECTRONIC delivery and an unpaid fee is 409 FEE_UNPAID, changes nothing; paid, it returns', async () => {
    const id = await dossierIn(w, 'APPROVED');
    const [row]: { delivery: string }[] = await t.ds.query(
      `SELECT delivery_method AS delivery FROM dossier WHERE id = $1`,
      [id],
    );
    expect(row.delivery).toBe('ELECTRONIC');
    expect(await feeOf(id)).toMatchObject({ feeStatus: 'UNPAID' });
    const before = await stateOf(w, id);
    const returnResult = async () =>
      as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/actions`, {
        action: 'return_result',
        version: await versionOf(w, id),
      });
    const refused = await returnResult();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'FEE_UNPAID' });
    expect(await stateOf(w, id)).toEqual(before);
    // PENDING (an online payment under way) is not paid either.
    await t.ds.query(`UPDATE dossier SET fee_status = 'PENDING' WHERE id = $1`, [id]);
    expect((await returnResult()).body).toMatchObject({ code: 'FEE_UNPAID' });
    await t.ds.query(`UPDATE dossier SET fee_status = 'UNPAID' WHERE id = $1`, [id]);
    const paid = await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/payments/counter`, { receiptNo: 'BL-7' });
    expect(paid.status).toBe(201);
    const returned = await returnResult();
    expect(returned.status).toBe(200);
    // Paid at the desk, not online: not end-to-end.
    expect((returned.body as { endToEnd: unknown }).endToEnd).toBe(false);
  });

  describe('fee and deliveryMethod on the dossier', () => {
    it('shows fee {amount, status, method, paidAt, receiptNo} through UNPAID → PENDING → PAID online', async () => {
      const { id } = await submitted(w);
      const fee = async () => ((await as(t, w.citizen).get(`/dossiers/${id}`)).body as { fee: unknown }).fee;
      expect(await fee()).toEqual({ amount: FEE, status: 'UNPAID', method: null, paidAt: null, receiptNo: null });
      const p = (await pay(id)).body as PaymentCreatedResponse;
      expect(await fee()).toMatchObject({ status: 'PENDING', method: null });
      expect((await ipn(bankSigned(successIpn(p), secret))).body.RspCode).toBe('00');
      expect(await fee()).toEqual({
        amount: FEE,
        status: 'PAID',
        method: 'ONLINE',
        paidAt: t.clock.now().toISOString(),
        receiptNo: null,
      });
    });

    it('defaults to ELECTRONIC for a FULL procedure and COUNTER otherwise; POSTAL needs postalAddress', async () => {
      const full = await createDraft(w);
      const d = (await as(t, w.citizen).get(`/dossiers/${full}`)).body as {
        deliveryMethod: string;
        postalAddress: null;
      };
      expect(d).toMatchObject({ deliveryMethod: 'ELECTRONIC', postalAddress: null });

      const partial = await createProcedure(t.ds, { agencyCodes: [w.agency.code], onlineLevel: 'PARTIAL' });
      const created = await as(t, w.citizen).post('/dossiers', { procedureCode: partial.code, formData: {} });
      expect(created.status).toBe(201);
      const pd = (await as(t, w.citizen).get(`/dossiers/${(created.body as { id: string }).id}`)).body as {
        deliveryMethod: string;
      };
      expect(pd.deliveryMethod).toBe('COUNTER');

      const noAddress = await as(t, w.citizen).post('/dossiers', {
        procedureCode: w.procedure.code,
        deliveryMethod: 'POSTAL',
      });
      expect(noAddress.status).toBe(400);
      expect(fieldsOf(noAddress)).toEqual(['postalAddress']);
      expect(
        fieldsOf(
          await as(t, w.citizen).post('/dossiers', { procedureCode: w.procedure.code, deliveryMethod: 'DRONE' }),
        ),
      ).toEqual(['deliveryMethod']);

      const postal = await as(t, w.citizen).post('/dossiers', {
        procedureCode: w.procedure.code,
        deliveryMethod: 'POSTAL',
        postalAddress: '12 Bạch Đằng, Hải Châu, Đà Nẵng',
      });
      expect(postal.status).toBe(201);
      const postalId = (postal.body as { id: string }).id;
      expect((await as(t, w.citizen).get(`/dossiers/${postalId}`)).body).toMatchObject({
        deliveryMethod: 'POSTAL',
        postalAddress: '12 Bạch Đằng, Hải Châu, Đà Nẵng',
      });

      const patched = await as(t, w.citizen).patch(`/dossiers/${postalId}`, { deliveryMethod: 'COUNTER' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ deliveryMethod: 'COUNTER', postalAddress: null });
      const badPatch = await as(t, w.citizen).patch(`/dossiers/${postalId}`, { deliveryMethod: 'POSTAL' });
      expect(badPatch.status).toBe(400);
      expect(fieldsOf(badPatch)).toEqual(['postalAddress']);
    });
  });

  it('reconcilePending asks the gateway (querydr) about payments left PENDING: a lost IPN is paid, an abandoned one closed', async () => {
    // Reconciliation reaches the sandbox on the port the suite listens on.
    const { port } = t.http.address() as AddressInfo;
    t.config.vnpay!.apiUrl = `http://127.0.0.1:${port}/api/v1/sandbox/vnpay/querydr`;
    const lost = await submitted(w);
    const p1 = (await pay(lost.id)).body as PaymentCreatedResponse;
    const url = new URL(p1.paymentUrl);
    const paid = await request(t.http)
      .post(`${url.pathname}?ipn=lost`)
      .type('form')
      .send({ query: url.search.slice(1), outcome: 'pay' });
    expect(paid.status).toBe(303);
    expect(await feeOf(lost.id)).toMatchObject({ feeStatus: 'PENDING' });
    const abandoned = await submitted(w);
    const p2 = (await pay(abandoned.id)).body as PaymentCreatedResponse;

    const service = t.app.get(PaymentsService);
    // Not yet expired: nothing is asked.
    expect((await service.reconcilePending(new Date(t.clock.now().getTime() + 60_000))).checked).toBe(0);
    const report = await service.reconcilePending(new Date(t.clock.now().getTime() + 16 * 60_000));
    expect(report.errors).toBe(0);
    expect(report.paid).toBe(1);
    const statusOf = async (id: string) =>
      (await t.ds.query<{ status: string }[]>(`SELECT status FROM payment WHERE id = $1`, [id]))[0].status;
    expect(await statusOf(p1.id)).toBe('PAID');
    expect(await statusOf(p2.id)).toBe('CANCELLED');
    expect(await feeOf(lost.id)).toMatchObject({ feeStatus: 'PAID', online: true });
    expect(await feeOf(abandoned.id)).toMatchObject({ feeStatus: 'UNPAID' });
    expect(
      await countOf(`SELECT count(*) AS n FROM dossier_event WHERE dossier_id = $1 AND type = 'fee_paid'`, [lost.id]),
    ).toBe(1);
    // Run again: nothing left to do.
    expect((await service.reconcilePending(new Date(t.clock.now().getTime() + 17 * 60_000))).paid).toBe(0);
  });

  it('the sandbox querydr refuses a request not signed with the merchant secret', async () => {
    const res = await request(t.http)
      .post('/api/v1/sandbox/vnpay/querydr')
      .send({ vnp_TxnRef: randomUUID(), vnp_TmnCode: t.config.vnpay!.tmnCode, vnp_SecureHash: 'ab'.repeat(64) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ vnp_ResponseCode: '97' });
  });

  it('a withdrawn dossier with a paid fee becomes REFUND_DUE; a payment confirmed after withdrawal too', async () => {
    const paidFirst = await submitted(w);
    expect(
      (await as(t, w.staff.RECEPTIONIST).post(`/dossiers/${paidFirst.id}/payments/counter`, { receiptNo: 'BL-9' }))
        .status,
    ).toBe(201);
    expect((await as(t, w.citizen).post(`/dossiers/${paidFirst.id}/withdraw`, {})).status).toBe(200);
    expect(await feeOf(paidFirst.id)).toMatchObject({ feeStatus: 'REFUND_DUE' });

    const paidLate = await submitted(w);
    const p = (await pay(paidLate.id)).body as PaymentCreatedResponse;
    expect((await as(t, w.citizen).post(`/dossiers/${paidLate.id}/withdraw`, {})).status).toBe(200);
    expect((await ipn(bankSigned(successIpn(p), secret))).body.RspCode).toBe('00');
    expect(await feeOf(paidLate.id)).toMatchObject({ feeStatus: 'REFUND_DUE' });
    expect((await pay(paidLate.id)).status).toBe(409);
  });
});
