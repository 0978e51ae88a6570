import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeSession } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import { birthProcedure, dossier, officer, receptionist } from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

const procedures = {
  body: {
    items: [
      {
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        sectorCode: 'HO_TICH',
        onlineLevel: 'FULL',
        processingDays: 1,
        fee: 0,
      },
    ],
    total: 1,
  },
};

describe('counter intake', () => {
  beforeEach(() => resetVisitor('vi'));

  it('is for the reception desk only', async () => {
    storeSession(officer, officer.user);
    stubApi({});
    renderApp('/staff/counter');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }),
    ).toBeInTheDocument();
  });

  it('builds the form from the procedure’s schema, checks it with the shared validator, and confirms with the code', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /procedures': procedures,
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /counter/dossiers': {
        status: 201,
        // Shown once: the API keeps only its hash.
        body: {
          ...dossier({
            id: 'd-walk',
            code: '000.30.01.H17-260715-0002',
            channel: 'COUNTER',
            status: 'RECEIVED',
            receivedAt: '2026-07-15T03:00:00.000Z',
            dueAt: '2026-07-16T10:00:00.000Z',
            applicant: { id: 'u-walk', fullName: 'Võ Thị Hạnh' },
          }),
          claimCode: '7K3M-Q9TX-2HBD',
        },
      },
      'GET /dossiers/d-walk/receipt.pdf': ({ headers }) => {
        receiptClaimCode = headers.get('Claim-Code');
        return { body: '%PDF-1.4' };
      },
    });
    let receiptClaimCode: string | null = null;
    URL.createObjectURL = jest.fn(() => 'blob:receipt');
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot download; the click on the hidden link is what a browser would follow.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/staff/counter');
    await screen.findByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tại quầy' });
    const agencyCall = api.calls.find((c) => c.path === '/procedures');
    expect(new URLSearchParams(agencyCall?.search).get('agencyCode')).toBe('000.30.01.H17');
    await screen.findByRole('option', { name: 'Đăng ký khai sinh' });
    await userEvent.selectOptions(screen.getByLabelText(/Thủ tục hành chính/), 'Đăng ký khai sinh');
    await screen.findByLabelText(/Họ, chữ đệm và tên của trẻ/);

    await userEvent.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const messages = within(summary)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(messages).toEqual([
      'Nhập số định danh cá nhân',
      'Nhập họ và tên',
      expect.stringMatching(/họ, chữ đệm và tên của trẻ/),
      expect.stringMatching(/ngày, tháng, năm sinh/),
    ]);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(screen.getByLabelText(/Số định danh cá nhân/), '048095001234');
    await userEvent.type(screen.getByLabelText(/^Họ và tên/), 'Võ Thị Hạnh');
    await userEvent.type(screen.getByLabelText(/Số điện thoại/), '0905123456');
    await userEvent.type(screen.getByLabelText(/Họ, chữ đệm và tên của trẻ/), 'Võ Minh Khôi');
    await userEvent.type(screen.getByLabelText(/Ngày, tháng, năm sinh/), '2026-07-01');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Đã tiếp nhận hồ sơ' })).toBeInTheDocument();
    expect(screen.getByText('000.30.01.H17-260715-0002')).toBeInTheDocument();
    expect(screen.getByText('17:00 16/07/2026')).toBeInTheDocument();
    // The claim code, shown once, goes to the printed receipt with the request.
    expect(screen.getByRole('heading', { name: 'Mã nhận hồ sơ vào tài khoản' })).toBeInTheDocument();
    expect(screen.getByText('7K3M-Q9TX-2HBD')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' }));
    await waitFor(() => expect(receiptClaimCode).toBe('7K3M-Q9TX-2HBD'));
    expect(screen.getByRole('link', { name: 'Mở hồ sơ để xử lý' })).toHaveAttribute('href', '/staff/dossiers/d-walk');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      procedureCode: '1.001193',
      applicant: { nationalId: '048095001234', fullName: 'Võ Thị Hạnh', phone: '0905123456' },
      formData: { childFullName: 'Võ Minh Khôi', childDateOfBirth: '2026-07-01' },
    });
  });

  it('puts the API’s field errors on their fields', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /procedures': procedures,
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /counter/dossiers': {
        status: 400,
        body: problem(400, 'VALIDATION_FAILED', 'Invalid', {
          errors: [{ field: 'formData.childFullName', message: 'invalid_format' }],
        }),
      },
    });
    renderApp('/staff/counter');
    await screen.findByRole('option', { name: 'Đăng ký khai sinh' });
    await userEvent.selectOptions(screen.getByLabelText(/Thủ tục hành chính/), 'Đăng ký khai sinh');
    await userEvent.type(await screen.findByLabelText(/Số định danh cá nhân/), '048095001234');
    await userEvent.type(screen.getByLabelText(/^Họ và tên/), 'Võ Thị Hạnh');
    await userEvent.type(screen.getByLabelText(/Họ, chữ đệm và tên của trẻ/), 'Khôi 2');
    await userEvent.type(screen.getByLabelText(/Ngày, tháng, năm sinh/), '2026-07-01');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByLabelText(/Họ, chữ đệm và tên của trẻ/)).toHaveAttribute('aria-invalid', 'true');
  });
});
