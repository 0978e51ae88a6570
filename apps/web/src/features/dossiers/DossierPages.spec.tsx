import type { DossierDto } from '@motcua/shared';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import { birthProcedure, buildDossier, pdfAttachment, summaryOf } from '../../test/dossier-fixtures';
import { citizenLogin } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

// The first visit of a lazy route compiles its chunk: slow when several suites run at once.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

const CODE = '000.30.01.H17-261126-0001';

const submitted = (over: Partial<DossierDto> = {}) =>
  buildDossier({
    id: 'd-2',
    code: CODE,
    status: 'SUBMITTED',
    nationalStatusCode: 1,
    version: 2,
    submittedAt: '2026-11-26T09:30:00.000Z',
    attachments: [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')],
    availableActions: ['withdraw'],
    timeline: [
      {
        type: 'CREATED',
        fromStatus: null,
        toStatus: 'DRAFT',
        actor: { fullName: 'Nguyễn Văn An', role: 'CITIZEN' },
        note: null,
        at: '2026-11-26T02:00:00.000Z',
      },
      {
        type: 'SUBMITTED',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        actor: { fullName: 'Nguyễn Văn An', role: 'CITIZEN' },
        note: null,
        at: '2026-11-26T09:30:00.000Z',
      },
    ],
    ...over,
  });

const supplementRequested = () =>
  submitted({
    status: 'SUPPLEMENT_REQUESTED',
    nationalStatusCode: 5,
    receivedAt: '2026-11-26T10:00:00.000Z',
    dueAt: '2026-11-27T10:00:00.000Z',
    supplementRequestedAt: '2026-11-26T11:00:00.000Z',
    sla: 'WAITING_CITIZEN',
    availableActions: ['withdraw', 'supplement'],
    timeline: [
      ...submitted().timeline,
      {
        type: 'ACTION',
        fromStatus: 'IN_PROCESSING',
        toStatus: 'SUPPLEMENT_REQUESTED',
        actor: { fullName: 'Lê Văn Cường', role: 'OFFICER' },
        note: 'Giấy chứng sinh bị mờ, vui lòng tải lên bản rõ nét hơn.',
        at: '2026-11-26T11:00:00.000Z',
      },
    ],
  });

describe('my dossiers', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
  });

  it('lists code, status and SLA in words and the date in Vietnam; a draft leads back into its wizard', async () => {
    const late = submitted({
      id: 'd-3',
      code: `${CODE.slice(0, -1)}2`,
      status: 'IN_PROCESSING',
      sla: 'OVERDUE',
      submittedAt: '2026-11-25T18:00:00.000Z',
    });
    stubApi({
      'GET /dossiers': {
        body: { items: [buildDossier(), submitted(), late].map(summaryOf), nextCursor: null },
      },
    });
    renderApp('/dossiers');
    await screen.findByRole('heading', { level: 1, name: 'Hồ sơ của tôi' });
    const items = await within(screen.getByRole('main')).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByRole('link', { name: 'Đăng ký khai sinh' })).toHaveAttribute(
      'href',
      '/apply/1.001193',
    );
    expect(items[0]).toHaveTextContent('Bản nháp');
    expect(within(items[1]).getByRole('link', { name: 'Đăng ký khai sinh' })).toHaveAttribute('href', '/dossiers/d-2');
    expect(items[1]).toHaveTextContent(CODE);
    expect(items[1]).toHaveTextContent('Đã nộp, chờ tiếp nhận');
    expect(items[1]).toHaveTextContent('Ngày nộp26/11/2026');
    // 18:00 UTC on the 25th is 01:00 on the 26th in Vietnam.
    expect(items[2]).toHaveTextContent('Ngày nộp26/11/2026');
    expect(items[2]).toHaveTextContent('Tiến độQuá hạn');
    expect(screen.getByRole('status')).toHaveTextContent('Đang hiển thị 3 hồ sơ');

    act(() => setLanguage('en'));
    expect(await screen.findByText('Overdue', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getAllByText('Submitted, awaiting reception', { selector: 'strong' })).toHaveLength(1);
  });

  it('loads more with the cursor, moving the focus to the first new dossier, and filters by status', async () => {
    const first = Array.from({ length: 2 }, (_, i) => summaryOf(submitted({ id: `p1-${i}`, code: `${CODE}-${i}` })));
    const second = [summaryOf(submitted({ id: 'p2-0', code: `${CODE}-9` }))];
    const fetched = stubApi({
      'GET /dossiers': ({ url }) => {
        if (url.searchParams.get('status') === 'RETURNED') return { body: { items: [], nextCursor: null } };
        return url.searchParams.get('cursor') === 'c2'
          ? { body: { items: second, nextCursor: null } }
          : { body: { items: first, nextCursor: 'c2' } };
      },
    });
    renderApp('/dossiers');
    await userEvent.click(await screen.findByRole('button', { name: 'Xem thêm hồ sơ' }));
    await waitFor(() => expect(within(screen.getByRole('main')).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.getAllByRole('link', { name: 'Đăng ký khai sinh' })[2]).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Xem thêm hồ sơ' })).not.toBeInTheDocument();
    // The header's unread count is polled too; this page's own calls are to /dossiers.
    const pageCalls = () => fetched.calls.filter((c) => c.path === '/dossiers');
    expect(pageCalls().map((c) => c.search)).toEqual(['?limit=20', '?limit=20&cursor=c2']);

    await userEvent.selectOptions(screen.getByLabelText('Trạng thái'), 'Đã trả kết quả');
    await userEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await screen.findByRole('heading', { level: 2, name: 'Không có hồ sơ nào ở trạng thái “Đã trả kết quả”' });
    expect(pageCalls().at(-1)?.search).toBe('?limit=20&status=RETURNED');
    expect(screen.getByRole('link', { name: 'Xem tất cả hồ sơ' })).toHaveAttribute('href', '/dossiers');
  });

  it('says plainly when there is nothing yet, with a way to the catalog', async () => {
    stubApi({ 'GET /dossiers': { body: { items: [], nextCursor: null } } });
    renderApp('/dossiers');
    await screen.findByRole('heading', { level: 2, name: 'Bạn chưa có hồ sơ nào' });
    expect(screen.getByRole('link', { name: 'Tìm thủ tục để nộp hồ sơ' })).toHaveAttribute('href', '/procedures');
  });

  it('claims a counter dossier with the code of its receipt: a wrong code is said in words, a right one adds it', async () => {
    let claimed = false;
    const walkIn = submitted({ id: 'd-walk', code: `${CODE.slice(0, -1)}9`, status: 'RECEIVED' });
    const api = stubApi({
      'GET /dossiers': () => ({ body: { items: claimed ? [summaryOf(walkIn)] : [], nextCursor: null } }),
      'POST /dossiers/claim': ({ body }) => {
        if ((body as { code: string }).code !== '7k3m q9tx 2hbd') {
          return { status: 404, body: problem(404, 'NOT_FOUND', 'Dossier not found') };
        }
        claimed = true;
        return { body: walkIn };
      },
    });
    renderApp('/dossiers');
    const code = await screen.findByLabelText('Mã nhận hồ sơ');
    await userEvent.type(code, 'AAAA-BBBB-CCCC');
    await userEvent.click(screen.getByRole('button', { name: 'Nhận hồ sơ vào tài khoản' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Mã không đúng, đã được dùng/);
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(code);
    await userEvent.type(code, '7k3m q9tx 2hbd');
    await userEvent.click(screen.getByRole('button', { name: 'Nhận hồ sơ vào tài khoản' }));
    expect(
      await screen.findByText(`Đã đưa hồ sơ ${walkIn.code} vào tài khoản của bạn.`, { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem hồ sơ' })).toHaveAttribute('href', '/dossiers/d-walk');
    await screen.findByText(walkIn.code!);
    expect(api.calls.filter((c) => c.path === '/dossiers/claim')).toHaveLength(2);
  });

  it('says too many claims (429) is a wait, with its own title and when to try again', async () => {
    stubApi({
      'GET /dossiers': { body: { items: [], nextCursor: null } },
      'POST /dossiers/claim': {
        status: 429,
        headers: { 'Retry-After': '300' },
        body: problem(429, 'RATE_LIMITED', 'Too many claims'),
      },
    });
    renderApp('/dossiers');
    await userEvent.type(await screen.findByLabelText('Mã nhận hồ sơ'), 'AAAA-BBBB-CCCC');
    await userEvent.click(screen.getByRole('button', { name: 'Nhận hồ sơ vào tài khoản' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Tạm thời chưa thể nhận hồ sơ' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(/thử lại sau \d{2}:\d{2}(?: \d{2}\/\d{2}\/\d{4})? \(khoảng 5 phút nữa\)/);
    expect(screen.queryByRole('heading', { name: 'Có lỗi cần sửa' })).not.toBeInTheDocument();
  });

  it('sends a visitor who is not logged in to the login page, then back', async () => {
    resetVisitor('vi');
    const { router } = renderApp('/dossiers');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(router.state.location.search).toBe('?next=%2Fdossiers');
  });
});

describe('dossier page', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
  });

  it('shows where the dossier stands, what happens next, its history in Vietnam time, and only the actions allowed', async () => {
    stubApi({
      'GET /dossiers/d-2': { body: submitted() },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    const status = screen.getByRole('region', { name: 'Tình trạng hồ sơ' });
    expect(status).toHaveTextContent('Đã nộp, chờ tiếp nhận');
    expect(status).toHaveTextContent('Cơ quan sẽ kiểm tra hồ sơ và tiếp nhận trong giờ làm việc.');
    const timeline = document.querySelector('ol.timeline') as HTMLElement;
    const events = within(timeline).getAllByRole('listitem');
    expect(events[1]).toHaveTextContent('Chuyển sang: Đã nộp, chờ tiếp nhận');
    expect(events[1]).toHaveTextContent('16:30 26/11/2026');
    expect(events[1]).toHaveTextContent('Công dân: Nguyễn Văn An');
    expect(screen.getByRole('link', { name: 'Rút hồ sơ' })).toHaveAttribute('href', '/dossiers/d-2/withdraw');
    expect(screen.queryByRole('heading', { name: 'Bổ sung hồ sơ' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải thư xin lỗi (PDF)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /kết quả giải quyết đã ký số/ })).not.toBeInTheDocument();
    // The documents, by the procedure's names, each downloadable.
    expect(await screen.findByText('Giấy chứng sinh')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Tải về giay_chung_sinh\.pdf/ })).toBeInTheDocument();
  });

  it('offers the signed result of a returned dossier for download, and nothing before', async () => {
    const result = {
      id: 'r-1',
      fileName: 'ket-qua.pdf',
      size: 1200,
      sha256: 'b'.repeat(64),
      signed: true,
      signedAt: '2026-11-27T02:00:00.000Z',
      signer: 'CN=UBND phường Hải Châu, O=000.30.01.H17',
      verificationCode: 'q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO',
    };
    stubApi({
      'GET /dossiers/d-2': { body: submitted({ status: 'RETURNED', sla: 'ON_TIME', availableActions: [], result }) },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(screen.getByRole('button', { name: 'Tải kết quả giải quyết đã ký số (PDF)' })).toBeInTheDocument();
  });

  it.each([
    ['PAID', '2026-11-27T02:00:00.000Z', true],
    ['PENDING', null, false],
  ] as const)('offers the electronic fee receipt once the fee is paid (%s: %s)', async (status, paidAt, shown) => {
    const fee = { amount: 50_000, status, method: paidAt ? ('ONLINE' as const) : null, paidAt, receiptNo: null };
    stubApi({
      'GET /dossiers/d-2': { body: submitted({ fee }) },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(screen.queryByRole('button', { name: 'Tải biên lai điện tử (PDF)' }) !== null).toBe(shown);
  });

  it('downloads the receipt with the bearer token, and offers the apology letter once one is issued', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:receipt';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const fetched = stubApi({
      'GET /dossiers/d-2': {
        body: submitted({
          status: 'RETURNED',
          sla: 'LATE',
          availableActions: [],
          appointmentAt: '2026-07-20T10:00:00.000Z',
        }),
      },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    // A PDF is not JSON: answered here, the rest by the stub.
    const pdf = jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } }),
    );
    const stubbed = globalThis.fetch;
    globalThis.fetch = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
      (input instanceof Request ? input.url : input.toString()).endsWith('/receipt.pdf')
        ? pdf(input, init)
        : stubbed(input, init),
    ) as typeof fetch;
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(screen.getByRole('button', { name: 'Tải thư xin lỗi (PDF)' })).toBeInTheDocument();
    // The new appointment the letter promised, beside the original due date.
    expect(screen.getByText('Ngày hẹn trả kết quả mới')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tải phiếu tiếp nhận và hẹn trả kết quả (PDF)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(pdf).toHaveBeenCalledWith('/api/v1/dossiers/d-2/receipt.pdf', {
      headers: { Authorization: 'Bearer access-citizen' },
    });
    expect(await created[0].text()).toBe('%PDF-1.7');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(`phieu-tiep-nhan-${CODE}.pdf`);
    expect(fetched.calls.some((c) => c.path.endsWith('.pdf'))).toBe(false);
    click.mockRestore();
  });

  it('answers a supplement request: the officer’s note, a note required, then POST /supplement', async () => {
    let current = supplementRequested();
    const fetched = stubApi({
      'GET /dossiers/d-2': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure() },
      'POST /dossiers/d-2/supplement': () => {
        current = { ...current, status: 'IN_PROCESSING', availableActions: [] };
        return { body: current };
      },
    });
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    const status = screen.getByRole('region', { name: 'Tình trạng hồ sơ' });
    expect(status).toHaveTextContent('Cần bổ sung');
    expect(status).toHaveTextContent('Giấy chứng sinh bị mờ, vui lòng tải lên bản rõ nét hơn.');

    const form = await screen.findByRole('region', { name: 'Bổ sung hồ sơ' });
    // Only files added since the request are listed as this supplement's.
    expect(within(form).queryByText('giay_chung_sinh.pdf')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi bổ sung' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Nhập nội dung đã bổ sung' })).toHaveAttribute(
      'href',
      '#supplement-note',
    );
    expect(fetched.calls.some((c) => c.path === '/dossiers/d-2/supplement')).toBe(false);

    await userEvent.type(within(form).getByLabelText(/^Nội dung đã bổ sung/), 'Đã tải lên bản rõ nét hơn.');
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi bổ sung' }));
    const notice = await screen.findByText('Đã gửi bổ sung. Hồ sơ được chuyển lại cho chuyên viên xử lý.');
    expect(notice).toHaveFocus();
    expect(fetched.calls.find((c) => c.path === '/dossiers/d-2/supplement')?.body).toEqual({
      note: 'Đã tải lên bản rõ nét hơn.',
    });
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Tình trạng hồ sơ' })).toHaveTextContent('Đang xử lý'),
    );
    expect(screen.queryByRole('region', { name: 'Bổ sung hồ sơ' })).not.toBeInTheDocument();
  });

  it('says a dossier waiting for the supplement waits for the citizen, not overdue, past its due date', async () => {
    stubApi({
      'GET /dossiers/d-2': { body: supplementRequested() },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(screen.getByText('Chờ công dân bổ sung', { selector: '.tag' })).toBeInTheDocument();
    expect(screen.queryByText('Quá hạn')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải thư xin lỗi (PDF)' })).not.toBeInTheDocument();
    act(() => setLanguage('en'));
    expect(await screen.findByText('Waiting for the citizen', { selector: '.tag' })).toBeInTheDocument();
  });

  it('withdraws only after a confirmation step', async () => {
    let current = submitted();
    const fetched = stubApi({
      'GET /dossiers/d-2': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure() },
      'POST /dossiers/d-2/withdraw': () => {
        current = { ...current, status: 'WITHDRAWN', availableActions: [] };
        return { body: current };
      },
    });
    renderApp('/dossiers/d-2');
    await userEvent.click(await screen.findByRole('link', { name: 'Rút hồ sơ' }));
    await screen.findByRole('heading', { level: 1, name: `Bạn có chắc muốn rút hồ sơ ${CODE}?` });
    expect(fetched.calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText('Lý do rút hồ sơ (không bắt buộc)'), 'Nộp nhầm thủ tục');
    await userEvent.click(screen.getByRole('button', { name: 'Có, rút hồ sơ' }));
    await screen.findByText('Đã rút hồ sơ.');
    expect(fetched.calls.find((c) => c.method === 'POST')?.body).toEqual({ note: 'Nộp nhầm thủ tục' });
    expect(screen.getByRole('region', { name: 'Tình trạng hồ sơ' })).toHaveTextContent('Đã rút');
  });

  it('asks for a rating in words once the result is returned, and sends the score', async () => {
    let current = submitted({ status: 'RETURNED', sla: 'EARLY', availableActions: [] });
    const fetched = stubApi({
      'GET /dossiers/d-2': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure() },
      'POST /dossiers/d-2/rating': () => {
        current = { ...current, rating: { score: 4, comment: null, at: '2026-11-27T01:00:00.000Z' } };
        return { status: 201, body: { dossierId: 'd-2', score: 4, comment: null, at: '2026-11-27T01:00:00.000Z' } };
      },
    });
    renderApp('/dossiers/d-2');
    const form = await screen.findByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(within(await within(form).findByRole('alert')).getByRole('link')).toHaveTextContent(
      'Chọn mức độ hài lòng của bạn',
    );
    const group = within(form).getByRole('group', { name: /^Bạn hài lòng thế nào/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    await userEvent.click(within(group).getByLabelText('Hài lòng'));
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi đánh giá' }));
    await screen.findByText('Cảm ơn bạn đã đánh giá.');
    expect(fetched.calls.find((c) => c.path === '/dossiers/d-2/rating')?.body).toEqual({ score: 4 });
    await screen.findByText('Bạn đã đánh giá hồ sơ này: 4/5.');
  });

  it('opens at the rating when the link says #danh-gia (the tracking page and the result e-mail)', async () => {
    stubApi({
      'GET /dossiers/d-2': { body: submitted({ status: 'RETURNED', sla: 'EARLY', availableActions: [] }) },
      'GET /procedures/1.001193': { body: birthProcedure() },
    });
    renderApp('/dossiers/d-2#danh-gia');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Đánh giá mức độ hài lòng' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading.closest('#danh-gia')).not.toBeNull();
  });

  it('keeps the #danh-gia anchor through the login a visitor is sent to', async () => {
    resetVisitor('vi');
    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    const { router } = renderApp('/dossiers/d-2#danh-gia');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/dossiers/d-2#danh-gia');
  });

  it('says a dossier of someone else (404) is not found', async () => {
    stubApi({ 'GET /dossiers/x': { status: 404, body: problem(404, 'DOSSIER_NOT_FOUND', 'Dossier not found') } });
    renderApp('/dossiers/x');
    await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' });
  });
});

describe('public tracking', () => {
  beforeEach(() => resetVisitor('vi'));

  it('finds a dossier by its code without login, in words, and says clearly when none has the code', async () => {
    const fetched = stubApi({
      [`GET /tracking/${CODE}`]: {
        body: {
          code: CODE,
          procedureName: 'Đăng ký khai sinh',
          agencyName: 'Phường Hải Châu',
          status: 'RECEIVED',
          submittedAt: '2026-11-26T09:30:00.000Z',
          dueAt: '2026-11-27T10:00:00.000Z',
          completedAt: null,
        },
      },
      'GET /tracking/000.30.01.H17-000000-9999': {
        status: 404,
        body: problem(404, 'DOSSIER_NOT_FOUND', 'No dossier has this code'),
      },
    });
    renderApp('/track');
    await screen.findByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' });
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Nhập mã hồ sơ' })).toHaveAttribute(
      'href',
      '#track-code',
    );

    await userEvent.type(screen.getByLabelText('Mã hồ sơ'), ` ${CODE.toLowerCase()} `);
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    const heading = await screen.findByRole('heading', { level: 2, name: `Hồ sơ ${CODE}` });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('Đã tiếp nhận')).toBeInTheDocument();
    expect(screen.getByText('27/11/2026')).toBeInTheDocument();
    expect(fetched.calls[0].authorization).toBeNull();

    await userEvent.clear(screen.getByLabelText('Mã hồ sơ'));
    await userEvent.type(screen.getByLabelText('Mã hồ sơ'), '000.30.01.H17-000000-9999');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    await screen.findByRole('heading', { level: 2, name: 'Không tìm thấy hồ sơ' });
    expect(screen.getByText(/Không có hồ sơ nào mang mã 000\.30\.01\.H17-000000-9999/)).toBeInTheDocument();
  });

  it('opened from the receipt’s QR code (with its token), shows the public timeline too', async () => {
    const fetched = stubApi({
      [`GET /tracking/${CODE}`]: ({ url }) => ({
        body: {
          code: CODE,
          procedureName: 'Đăng ký khai sinh',
          agencyName: 'Phường Hải Châu',
          status: 'RECEIVED',
          submittedAt: '2026-11-26T09:30:00.000Z',
          dueAt: '2026-11-27T10:00:00.000Z',
          completedAt: null,
          ...(url.searchParams.get('t') === 'tok123'
            ? {
                timeline: [
                  { type: 'submit', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', at: '2026-11-26T09:30:00.000Z' },
                  { type: 'receive', fromStatus: 'SUBMITTED', toStatus: 'RECEIVED', at: '2026-11-26T10:00:00.000Z' },
                ],
              }
            : {}),
        },
      }),
    });
    renderApp(`/track/${CODE}?t=tok123`);
    await screen.findByRole('heading', { level: 3, name: 'Quá trình xử lý' });
    expect(fetched.calls[0].search).toBe('?t=tok123');
    const steps = screen.getAllByRole('listitem').filter((li) => li.classList.contains('timeline__item'));
    expect(steps).toHaveLength(2);
    expect(steps[1]).toHaveTextContent('Đã tiếp nhận');
  });

  it('without a token shows no timeline', async () => {
    stubApi({
      [`GET /tracking/${CODE}`]: {
        body: {
          code: CODE,
          procedureName: 'Đăng ký khai sinh',
          agencyName: 'Phường Hải Châu',
          status: 'RECEIVED',
          submittedAt: '2026-11-26T09:30:00.000Z',
          dueAt: null,
          completedAt: null,
        },
      },
    });
    renderApp(`/track/${CODE}`);
    await screen.findByRole('heading', { level: 2, name: `Hồ sơ ${CODE}` });
    expect(screen.queryByRole('heading', { name: 'Quá trình xử lý' })).not.toBeInTheDocument();
  });

  const returnedTracking = {
    code: CODE,
    procedureName: 'Đăng ký khai sinh',
    agencyName: 'Phường Hải Châu',
    status: 'RETURNED',
    submittedAt: '2026-11-26T09:30:00.000Z',
    dueAt: '2026-11-27T10:00:00.000Z',
    completedAt: '2026-11-27T08:00:00.000Z',
  };

  it('once the result is returned, asks a visitor to log in to rate, and comes back here after', async () => {
    stubApi({ [`GET /tracking/${CODE}`]: { body: returnedTracking } });
    renderApp(`/track/${CODE}?t=tok123`);
    const region = await screen.findByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    expect(region).toHaveTextContent('Nếu đây là hồ sơ của bạn, hãy đăng nhập để đánh giá');
    const link = within(region).getByRole('link', { name: 'Đăng nhập để đánh giá' });
    const next = new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('next');
    expect(next).toBe(`/track/${CODE}?t=tok123`);
  });

  it('lets the signed-in applicant rate right on the tracking page', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    let current = submitted({ status: 'RETURNED', sla: 'EARLY', availableActions: [] });
    const fetched = stubApi({
      [`GET /tracking/${CODE}`]: { body: returnedTracking },
      'GET /dossiers': { body: { items: [summaryOf(current)], nextCursor: null } },
      'GET /dossiers/d-2': () => ({ body: current }),
      'POST /dossiers/d-2/rating': () => {
        current = { ...current, rating: { score: 5, comment: null, at: '2026-11-27T09:00:00.000Z' } };
        return { status: 201, body: { dossierId: 'd-2', score: 5, comment: null, at: '2026-11-27T09:00:00.000Z' } };
      },
    });
    renderApp(`/track/${CODE}`);
    const form = await screen.findByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    expect(within(form).getByRole('heading', { level: 3 })).toBeInTheDocument();
    expect(fetched.calls.find((c) => c.path === '/dossiers')?.search).toBe('?status=RETURNED&limit=100');
    await userEvent.click(within(form).getByLabelText('Rất hài lòng'));
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá hồ sơ này.')).toBeInTheDocument();
    expect(fetched.calls.find((c) => c.path === '/dossiers/d-2/rating')?.body).toEqual({ score: 5 });
  });

  it('tells a signed-in citizen who is not the applicant that only the applicant can rate', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    stubApi({
      [`GET /tracking/${CODE}`]: { body: returnedTracking },
      'GET /dossiers': { body: { items: [], nextCursor: null } },
    });
    renderApp(`/track/${CODE}`);
    expect(await screen.findByText(/Chỉ người nộp hồ sơ mới đánh giá được/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).not.toBeInTheDocument();
  });

  it('is in the header, with "My dossiers", in both languages', async () => {
    stubApi({ 'GET /sectors': { body: { items: [] } }, 'GET /procedures': { body: { items: [], total: 0 } } });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Tra cứu hồ sơ' })).toHaveAttribute('href', '/track');
    expect(within(nav).getByRole('link', { name: 'Hồ sơ của tôi' })).toHaveAttribute('href', '/dossiers');
    act(() => setLanguage('en'));
    expect(await within(nav).findByRole('link', { name: 'Track a dossier' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'My dossiers' })).toBeInTheDocument();
  });
});
