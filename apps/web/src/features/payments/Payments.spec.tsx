import type { DossierDto } from '@motcua/shared';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeSession } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import { birthProcedure as deskProcedure, dossier as deskDossier, receptionist } from '../../test/desk-fixtures';
import { birthProcedure, buildDossier, summaryOf } from '../../test/dossier-fixtures';
import { citizenLogin } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';
import { gatewayRedirect } from './PayFeeButton';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

const unpaid = (over: Partial<DossierDto> = {}) =>
  buildDossier({
    id: 'd-2',
    code: '000.30.01.H17-261126-0001',
    status: 'SUBMITTED',
    nationalStatusCode: 1,
    submittedAt: '2026-11-26T09:30:00.000Z',
    availableActions: ['withdraw'],
    fee: { amount: 50_000, status: 'UNPAID', method: null, paidAt: null, receiptNo: null },
    ...over,
  });

describe('paying the fee (citizen)', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
  });

  it('shows the fee and delivery, and "Thanh toán lệ phí" starts a VNPay payment and goes to its page', async () => {
    const assign = jest.fn();
    gatewayRedirect.go = assign;
    const api = stubApi({
      'GET /dossiers/d-2': { body: unpaid() },
      'GET /procedures/1.001193': { body: birthProcedure() },
      'POST /dossiers/d-2/payments': {
        status: 201,
        body: {
          id: 'p-1',
          status: 'PENDING',
          amount: 50_000,
          paymentUrl: 'https://gateway.example/pay?vnp_TxnRef=p-1',
        },
      },
    });
    renderApp('/dossiers/d-2');
    const button = await screen.findByRole('button', { name: 'Thanh toán lệ phí' });
    expect(screen.getByText(/50\.000.*Chưa thanh toán/)).toBeInTheDocument();
    expect(screen.getByText('Nhận bản điện tử trên Cổng')).toBeInTheDocument();
    await userEvent.click(button);
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://gateway.example/pay?vnp_TxnRef=p-1'));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ provider: 'vnpay' });
  });

  it('offers no payment once the fee is paid, and says how it was paid', async () => {
    stubApi({
      'GET /dossiers/d-2': {
        body: unpaid({
          fee: {
            amount: 50_000,
            status: 'PAID',
            method: 'ONLINE',
            paidAt: '2026-11-26T09:35:00.000Z',
            receiptNo: null,
          },
        }),
      },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2');
    expect(await screen.findByText(/Đã thanh toán · trực tuyến · 16:35 26\/11\/2026/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thanh toán lệ phí' })).not.toBeInTheDocument();
  });

  it('the payment page shows the state the API knows; a failed payment can be tried again', async () => {
    stubApi({ 'GET /dossiers/d-2': { body: unpaid() } });
    renderApp('/dossiers/d-2/payment?paymentId=p-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chưa thanh toán được' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Không có khoản tiền nào được ghi nhận');
    expect(screen.getByRole('button', { name: 'Thanh toán lệ phí' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Quay lại hồ sơ' })).toHaveAttribute('href', '/dossiers/d-2');
  });

  it('the payment page waits for the bank while PENDING, then shows PAID', async () => {
    let calls = 0;
    stubApi({
      'GET /dossiers/d-2': () => ({
        body:
          ++calls === 1
            ? unpaid({ fee: { amount: 50_000, status: 'PENDING', method: null, paidAt: null, receiptNo: null } })
            : unpaid({
                fee: {
                  amount: 50_000,
                  status: 'PAID',
                  method: 'ONLINE',
                  paidAt: '2026-11-26T09:35:00.000Z',
                  receiptNo: null,
                },
              }),
      }),
    });
    renderApp('/dossiers/d-2/payment');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đang chờ xác nhận' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Đã thanh toán lệ phí' }, { timeout: 8000 }),
    ).toBeInTheDocument();
  });
});

describe('taking the fee at the desk', () => {
  beforeEach(() => resetVisitor('vi'));

  it('a receptionist records the receipt number; an empty one is named in the error summary', async () => {
    storeSession(receptionist, receptionist.user);
    const fee = { amount: 50_000, status: 'UNPAID' as const, method: null, paidAt: null, receiptNo: null };
    const api = stubApi({
      'GET /dossiers/d-1': { body: deskDossier({ fee, availableActions: ['receive', 'refuse'] }) },
      'GET /procedures/1.001193': { body: deskProcedure },
      'POST /dossiers/d-1/payments/counter': ({ body }) =>
        (body as { receiptNo: string }).receiptNo === 'BL-1'
          ? { status: 409, body: problem(409, 'FEE_ALREADY_PAID', 'paid') }
          : { status: 201, body: { id: 'p', status: 'PAID', amount: 50_000, method: 'COUNTER', receiptNo: 'BL-2' } },
    });
    renderApp('/staff/dossiers/d-1');
    const submit = await screen.findByRole('button', { name: 'Ghi nhận đã thu' });
    await userEvent.click(submit);
    expect(await screen.findByRole('link', { name: 'Nhập số biên lai' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Số biên lai/), 'BL-1');
    await userEvent.click(submit);
    expect(await screen.findByText('Lệ phí của hồ sơ đã được thanh toán.', { selector: 'a' })).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/Số biên lai/));
    await userEvent.type(screen.getByLabelText(/Số biên lai/), 'BL-2');
    await userEvent.click(submit);
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path === '/dossiers/d-1/payments/counter').map((c) => c.body)).toEqual([
        { receiptNo: 'BL-1' },
        { receiptNo: 'BL-2' },
      ]),
    );
  });
});

describe('choosing how to receive the result (check answers)', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
  });

  it('shows the fee, offers electronic delivery for a FULL procedure, and POSTAL needs the address before it is saved', async () => {
    let current = buildDossier();
    const api = stubApi({
      'GET /procedures/1.001193': { body: birthProcedure() },
      'GET /dossiers': { body: { items: [summaryOf(current)], nextCursor: null } },
      'GET /dossiers/d-1': () => ({ body: current }),
      'PATCH /dossiers/d-1': ({ body }) => {
        const b = body as { deliveryMethod: DossierDto['deliveryMethod']; postalAddress?: string };
        current = { ...current, deliveryMethod: b.deliveryMethod, postalAddress: b.postalAddress ?? null };
        return { body: current };
      },
    });
    renderApp('/apply/1.001193/check');
    const group = await screen.findByRole('group', { name: 'Bạn muốn nhận kết quả bằng cách nào?' });
    expect(screen.getByRole('radio', { name: 'Nhận bản điện tử trên Cổng' })).toBeChecked();
    // The fee row of the summary (the demo birth registration has none).
    expect(screen.getByText('Phí, lệ phí', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Miễn phí');
    await userEvent.click(screen.getByRole('radio', { name: 'Nhận qua bưu chính' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu hình thức nhận' }));
    expect(await screen.findByRole('link', { name: 'Nhập địa chỉ nhận kết quả qua bưu chính' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Địa chỉ nhận qua bưu chính/), '12 Bạch Đằng, Hải Châu');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu hình thức nhận' }));
    expect(await screen.findByText('Đã lưu hình thức nhận kết quả.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { deliveryMethod: 'POSTAL', postalAddress: '12 Bạch Đằng, Hải Châu' },
    ]);
    expect(group).toBeInTheDocument();
  });
});
