import type { DossierDto } from '@motcua/shared';
import { todayInVietnam } from '@motcua/shared/form-dates';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { problem, stubApi, type StubRoute } from '../../test/api-stub';
import {
  birthProcedure,
  buildDossier,
  PAGE_1_ANSWERS,
  PAGE_2_ANSWERS,
  pdfAttachment,
  summaryOf,
} from '../../test/dossier-fixtures';
import { citizenLogin, citizenMe } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

// The first visit of a lazy route compiles its chunk: slow when several suites run at once.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

/**
 * The API of api.md for one citizen with (at most) one draft, kept in memory so that what the
 * wizard saves is what it reads back.
 */
function fakeApi(
  draft: DossierDto | null,
  extra: (state: { set: (d: DossierDto) => void }) => Record<string, StubRoute> = () => ({}),
) {
  let current = draft;
  const fetched = stubApi({
    'GET /procedures/1.001193': { body: birthProcedure() },
    'GET /dossiers': ({ url }) => ({
      body: {
        // The API's filters: status and procedureCode (a missing one matches every dossier).
        items:
          current &&
          (url.searchParams.get('status') ?? current.status) === current.status &&
          (url.searchParams.get('procedureCode') ?? current.procedure.code) === current.procedure.code
            ? [summaryOf(current)]
            : [],
        nextCursor: null,
      },
    }),
    'POST /dossiers': () => {
      current = buildDossier();
      return { status: 201, body: { id: current.id, status: 'DRAFT', version: 1 } };
    },
    'GET /dossiers/d-1': () =>
      current ? { body: current } : { status: 404, body: problem(404, 'DOSSIER_NOT_FOUND', 'x') },
    'PATCH /dossiers/d-1': ({ body }) => {
      const patch = body as { formData?: Record<string, unknown>; agencyCode?: string };
      const formData = { ...current!.formData };
      for (const [k, v] of Object.entries(patch.formData ?? {})) {
        if (v === null) delete formData[k];
        else formData[k] = v;
      }
      current = { ...current!, formData, version: current!.version + 1 };
      if (patch.agencyCode) current.agency = { code: patch.agencyCode, name: 'Phường Hòa Cường' };
      return { body: current };
    },
    ...extra({ set: (d) => (current = d) }),
  });
  return { fetched, current: () => current };
}

function logIn() {
  storeSession(citizenLogin, citizenLogin.user);
}

const continueButton = () => screen.getByRole('button', { name: /^(Tiếp tục|Continue)$/ });

describe('application wizard: questions', () => {
  beforeEach(() => {
    resetVisitor('vi');
    logIn();
  });

  it('starts a draft when there is none, and names every unanswered question in the summary, which takes focus', async () => {
    const api = fakeApi(null);
    renderApp('/apply/1.001193');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(screen.getByText('Bước 1/4')).toBeInTheDocument();
    expect(api.fetched.calls.filter((c) => c.method === 'POST' && c.path === '/dossiers')).toHaveLength(1);

    await userEvent.click(continueButton());
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading', { name: 'Có lỗi cần sửa' })).toBeInTheDocument();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Nhập họ, chữ đệm và tên của trẻ',
      'Nhập ngày, tháng, năm sinh',
      'Chọn giới tính',
      'Nhập số định danh cá nhân của mẹ',
    ]);
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      '#f-childFullName',
      '#f-childDateOfBirth',
      '#f-childGender',
      '#f-motherNationalId',
    ]);
    // Nothing was saved from an invalid page.
    expect(api.fetched.calls.some((c) => c.method === 'PATCH')).toBe(false);

    // Each link takes the applicant to its question, which carries the same message.
    await userEvent.click(links[3]);
    const nationalId = screen.getByLabelText(/^Số định danh cá nhân của mẹ/);
    expect(nationalId).toHaveFocus();
    expect(nationalId).toHaveAttribute('aria-invalid', 'true');
    expect(nationalId).toHaveAccessibleDescription(expect.stringContaining('Nhập số định danh cá nhân của mẹ'));
    // A radio group is a fieldset named by its question; its error is tied to the group.
    const gender = screen.getByRole('group', { name: /^Giới tính/ });
    expect(gender).toHaveAccessibleDescription(expect.stringContaining('Chọn giới tính'));
  });

  it('says what is wrong with a badly formed answer, in Vietnamese then in English', async () => {
    fakeApi(buildDossier());
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    await userEvent.type(screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/), 'Bé 2026');
    fireEvent.change(screen.getByLabelText(/^Ngày, tháng, năm sinh/), { target: { value: '2026-11-20' } });
    await userEvent.click(screen.getByLabelText('Nam'));
    await userEvent.type(screen.getByLabelText(/^Số định danh cá nhân của mẹ/), '04819');
    await userEvent.click(continueButton());

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'Họ, chữ đệm và tên của trẻ chưa đúng định dạng',
      'Số định danh cá nhân của mẹ phải gồm đúng 12 chữ số',
    ]);
    expect(screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/)).toHaveAccessibleDescription(
      expect.stringContaining('chưa đúng định dạng'),
    );

    act(() => setLanguage('en'));
    await screen.findByRole('heading', { level: 1, name: 'Your answers (part 1 of 2)' });
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      "Child's full name is not in the right format",
      "Mother's personal ID number must be exactly 12 digits",
    ]);
    expect(screen.getByLabelText(/^Mother's personal ID number/)).toHaveAccessibleDescription(
      expect.stringContaining('must be exactly 12 digits'),
    );
  });

  it('after Continue, checks each answer again as it changes: a fixed one leaves the summary, an emptied one shows its error', async () => {
    fakeApi(buildDossier({ formData: { ...PAGE_1_ANSWERS, motherNationalId: '04819' } }));
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    // The saved answers are shown: text, date, the chosen radio.
    expect(screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/)).toHaveValue(PAGE_1_ANSWERS.childFullName);
    expect(screen.getByLabelText(/^Ngày, tháng, năm sinh/)).toHaveValue(PAGE_1_ANSWERS.childDateOfBirth);
    expect(screen.getByLabelText('Nữ')).toBeChecked();
    await userEvent.click(continueButton());
    const links = async () =>
      within(await screen.findByRole('alert'))
        .getAllByRole('link')
        .map((l) => l.textContent);
    expect(await links()).toEqual(['Số định danh cá nhân của mẹ phải gồm đúng 12 chữ số']);

    const nationalId = screen.getByLabelText(/^Số định danh cá nhân của mẹ/);
    await userEvent.type(nationalId, '0000123');
    await waitFor(() => expect(nationalId).not.toHaveAttribute('aria-invalid'));
    expect(screen.queryByRole('link', { name: /12 chữ số/ })).not.toBeInTheDocument();
    // Emptied after the check: its error shows at once, without another Continue.
    await userEvent.clear(screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/)).toHaveAccessibleDescription(
        expect.stringContaining('Nhập họ, chữ đệm và tên của trẻ'),
      ),
    );
  });

  it.each([
    [
      'vi',
      [
        'Nhập số điện thoại liên hệ là số điện thoại Việt Nam, ví dụ 0905123456',
        'Nhập thư điện tử đúng dạng, ví dụ ten@example.com',
        'Số bản sao trích lục không được lớn hơn 10',
        'Đánh dấu vào ô để xác nhận trước khi tiếp tục',
      ],
      ['Số bản sao trích lục phải là số nguyên'],
    ],
    [
      'en',
      [
        'Enter contact phone number as a Vietnamese phone number, like 0905123456',
        'Enter e-mail in the correct format, like name@example.com',
        'Number of certified extracts must be 10 or less',
        'Tick the box to confirm before you continue',
      ],
      ['Number of certified extracts must be a whole number'],
    ],
  ] as const)(
    'checks phone, e-mail, number bounds and the declaration (%s)',
    async (lang, messages, integerMessage) => {
      act(() => setLanguage(lang));
      fakeApi(buildDossier({ formData: PAGE_1_ANSWERS }));
      renderApp('/apply/1.001193/2');
      await screen.findByRole('heading', { level: 1, name: /\(.*2.*2\)$/ });
      const input = (vi: RegExp, en: RegExp) => screen.getByLabelText(lang === 'vi' ? vi : en);
      await userEvent.type(input(/^Số điện thoại liên hệ/, /^Contact phone number/), '12345');
      await userEvent.type(input(/^Thư điện tử/, /^E-mail/), 'an@');
      await userEvent.type(input(/^Số bản sao trích lục/, /^Number of certified extracts/), '11');
      await userEvent.click(continueButton());
      const summary = await screen.findByRole('alert');
      expect(
        within(summary)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(messages);

      await userEvent.clear(input(/^Số bản sao trích lục/, /^Number of certified extracts/));
      await userEvent.type(input(/^Số bản sao trích lục/, /^Number of certified extracts/), '2,5');
      await userEvent.click(continueButton());
      await waitFor(() =>
        expect(
          within(screen.getByRole('alert'))
            .getAllByRole('link')
            .map((l) => l.textContent),
        ).toContain(integerMessage[0]),
      );
    },
  );

  it('saves the page and the chosen agency to the draft on Continue, then moves to the next page', async () => {
    const api = fakeApi(buildDossier({ formData: { childFullName: 'Cũ' } }));
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    const name = screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/);
    expect(name).toHaveValue('Cũ');
    await userEvent.clear(name);
    await userEvent.type(name, 'Nguyễn Minh Anh');
    fireEvent.change(screen.getByLabelText(/^Ngày, tháng, năm sinh/), { target: { value: '2026-11-20' } });
    await userEvent.click(screen.getByLabelText('Nữ'));
    await userEvent.type(screen.getByLabelText(/^Số định danh cá nhân của mẹ/), '048190000123');
    await userEvent.selectOptions(screen.getByLabelText(/^Nơi nộp hồ sơ/), 'Phường Hòa Cường');
    await userEvent.click(continueButton());

    const heading = await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 2/2)' });
    // A client-side page change moves the focus to the new page's heading.
    expect(heading).toHaveFocus();
    // Saved as typed (autosave) and on Continue: the last save holds the whole page, on the draft's version.
    const patch = api.fetched.calls.filter((c) => c.method === 'PATCH').at(-1);
    expect(patch?.body).toEqual({
      formData: PAGE_1_ANSWERS,
      agencyCode: '000.30.02.H17',
      version: expect.any(Number),
    });
    expect(patch?.authorization).toBe('Bearer access-citizen');
    expect(api.current()?.formData).toMatchObject(PAGE_1_ANSWERS);
  });
});

describe('application wizard: autosave, prefill and date bounds', () => {
  beforeEach(() => {
    resetVisitor('vi');
    logIn();
  });

  const nameInput = () => screen.getByLabelText(/^Họ, chữ đệm và tên của trẻ/);

  it('saves what is typed after a pause, says when, and a reload finds it again', async () => {
    const api = fakeApi(buildDossier());
    const view = renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    await userEvent.type(nameInput(), 'Lê Văn Tám');
    await waitFor(() => expect(api.current()?.formData.childFullName).toBe('Lê Văn Tám'), { timeout: 4000 });
    expect(await screen.findByText(/^Đã lưu lúc \d{2}:\d{2}$/)).toHaveAttribute('role', 'status');
    // Typing again within the pause: one more save, not one per key.
    const before = api.fetched.calls.filter((c) => c.method === 'PATCH').length;
    await userEvent.type(nameInput(), ' Hai');
    await waitFor(() => expect(api.current()?.formData.childFullName).toBe('Lê Văn Tám Hai'), { timeout: 4000 });
    expect(api.fetched.calls.filter((c) => c.method === 'PATCH').length).toBe(before + 1);

    view.unmount();
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(nameInput()).toHaveValue('Lê Văn Tám Hai');
  });

  it('after another tab saved (409), reads the draft again and saves on its version: nothing typed is lost', async () => {
    // The draft is at version 3 on the server while this page still holds version 2.
    let server = buildDossier({ version: 3 });
    let refused = false;
    const api = fakeApi(buildDossier({ version: 2 }), (state) => ({
      // The page read the draft before the other tab's save; every later read sees it.
      'GET /dossiers/d-1': () => ({ body: refused ? server : { ...server, version: 2 } }),
      'PATCH /dossiers/d-1': ({ body }) => {
        const patch = body as { formData: Record<string, unknown>; version: number };
        if (patch.version !== server.version) {
          refused = true;
          return { status: 409, body: problem(409, 'STALE_VERSION', 'The dossier has changed') };
        }
        server = { ...server, formData: { ...server.formData, ...patch.formData }, version: server.version + 1 };
        state.set(server);
        return { body: server };
      },
    }));
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    await userEvent.type(nameInput(), 'An');
    await waitFor(() => expect(api.current()?.formData.childFullName).toBe('An'), { timeout: 4000 });
    expect(refused).toBe(true);
    const calls = api.fetched.calls.filter((c) => c.path === '/dossiers/d-1').map((c) => c.method);
    expect(calls.slice(-3)).toEqual(['PATCH', 'GET', 'PATCH']);
    expect(await screen.findByText(/^Đã lưu lúc/)).toBeInTheDocument();
  });

  it('prefills mapped fields from the profile and locks verified ones, saying why', async () => {
    const procedure = birthProcedure();
    procedure.formSchema.fields = procedure.formSchema.fields.map((f) =>
      f.key === 'childFullName' ? { ...f, profileField: 'fullName' as const, pattern: undefined } : f,
    );
    fakeApi(buildDossier(), () => ({
      'GET /procedures/1.001193': { body: procedure },
      'GET /auth/me': { body: { ...citizenMe, verified: true } },
    }));
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(nameInput()).toHaveValue(citizenMe.fullName);
    expect(nameInput()).toHaveAttribute('readonly');
    expect(nameInput()).toHaveAccessibleDescription(expect.stringContaining('định danh điện tử'));
  });

  it('gives the date input the schema’s bounds, today read in Vietnam', async () => {
    const procedure = birthProcedure();
    procedure.formSchema.fields = procedure.formSchema.fields.map((f) =>
      f.key === 'childDateOfBirth' ? { ...f, min: '1900-01-01', max: 'today' } : f,
    );
    fakeApi(buildDossier(), () => ({ 'GET /procedures/1.001193': { body: procedure } }));
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    const date = screen.getByLabelText(/^Ngày, tháng, năm sinh/);
    expect(date).toHaveAttribute('min', '1900-01-01');
    expect(date).toHaveAttribute('max', todayInVietnam());
    fireEvent.change(date, { target: { value: '2999-01-01' } });
    await userEvent.click(continueButton());
    expect(
      await within(await screen.findByRole('alert')).findByRole('link', {
        name: 'Ngày, tháng, năm sinh không được sau ngày hôm nay',
      }),
    ).toBeInTheDocument();
  });
});

describe('application wizard: resuming a saved draft', () => {
  beforeEach(() => {
    resetVisitor('vi');
    logIn();
  });

  it('opens the first page that is not complete, with the saved answers, and starts no new draft', async () => {
    const api = fakeApi(buildDossier({ formData: { ...PAGE_1_ANSWERS, requesterPhone: '0905123456' } }));
    const { router } = renderApp('/apply/1.001193');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 2/2)' });
    expect(router.state.location.pathname).toBe('/apply/1.001193/2');
    expect(screen.getByLabelText(/^Số điện thoại liên hệ/)).toHaveValue('0905123456');
    expect(api.fetched.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(api.fetched.calls.find((c) => c.path === '/dossiers')?.search).toContain('status=DRAFT');
  });

  it('asks the API for this procedure’s newest draft in one request, and starts a new one when it has none', async () => {
    const api = fakeApi(buildDossier({ procedure: { ...buildDossier().procedure, code: '2.000001' } }));
    const { router } = renderApp('/apply/1.001193');
    await screen.findByRole('heading', { level: 1, name: /^Khai thông tin/ });
    expect(router.state.location.pathname).toBe('/apply/1.001193/1');
    const searches = api.fetched.calls.filter((c) => c.method === 'GET' && c.path === '/dossiers');
    expect(searches).toHaveLength(1);
    const query = new URLSearchParams(searches[0].search);
    expect(Object.fromEntries(query)).toEqual({ status: 'DRAFT', procedureCode: '1.001193', limit: '1' });
    expect(api.fetched.calls.filter((c) => c.method === 'POST' && c.path === '/dossiers')).toHaveLength(1);
  });

  it('opens the documents when every answer is complete and a required document is missing', async () => {
    fakeApi(
      buildDossier({ formData: { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS }, attachments: [pdfAttachment('TO_KHAI')] }),
    );
    renderApp('/apply/1.001193');
    await screen.findByRole('heading', { level: 1, name: 'Tải lên giấy tờ' });
    expect(screen.getByText('to_khai.pdf')).toBeInTheDocument();
  });

  it('opens "check your answers" when nothing is missing, with a Change link per answer', async () => {
    fakeApi(
      buildDossier({
        formData: { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS },
        attachments: [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')],
      }),
    );
    renderApp('/apply/1.001193');
    await screen.findByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi gửi' });
    const change = screen.getByRole('link', { name: 'Thay đổi Giới tính' });
    expect(change).toHaveAttribute('href', '/apply/1.001193/1?return=check#f-childGender');
    expect(screen.getByText('Nữ')).toBeInTheDocument();
    expect(screen.getByText('20/11/2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Thay đổi Giấy chứng sinh' })).toHaveAttribute(
      'href',
      '/apply/1.001193/documents?return=check#doc-GIAY_CHUNG_SINH',
    );

    // "Change" opens the question with the focus on it; Continue comes back to the check page.
    await userEvent.click(change);
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(screen.getByLabelText('Nữ')).toHaveFocus();
    await userEvent.click(continueButton());
    await screen.findByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi gửi' });
  });
});

describe('application wizard: documents and submit', () => {
  beforeEach(() => {
    resetVisitor('vi');
    logIn();
  });

  it('refuses a file of the wrong type or over the limit before uploading it', async () => {
    fakeApi(buildDossier({ formData: { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS } }));
    renderApp('/apply/1.001193/documents');
    await screen.findByRole('heading', { level: 1, name: 'Tải lên giấy tờ' });
    const birthNotice = screen.getByLabelText(/^Giấy chứng sinh/);
    expect(birthNotice).toHaveAccessibleDescription('Tệp PDF, JPG hoặc PNG, tối đa 5 MB');

    await userEvent.upload(birthNotice, new File(['MZ'], 'giay-chung-sinh.exe', { type: 'application/x-msdownload' }), {
      applyAccept: false,
    });
    expect(birthNotice).toHaveAccessibleDescription(
      expect.stringContaining('Tệp giay-chung-sinh.exe không được chấp nhận. Chọn tệp PDF, JPG hoặc PNG'),
    );
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    await userEvent.upload(birthNotice, big);
    expect(birthNotice).toHaveAccessibleDescription(expect.stringContaining('Tệp scan.pdf lớn hơn 5 MB'));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Tệp scan.pdf lớn hơn 5 MB. Chọn tệp nhỏ hơn hoặc quét lại với độ phân giải thấp hơn',
    );

    // Continue without the required documents names each one.
    await userEvent.click(continueButton());
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Tải lên Tờ khai đăng ký khai sinh', 'Tải lên Giấy chứng sinh']);
  });

  it('brings a submit refusal back to its step and field, and sends a new Idempotency-Key after a definite answer', async () => {
    const keys: string[] = [];
    const api = fakeApi(
      buildDossier({
        formData: { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS },
        attachments: [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')],
      }),
      () => ({
        'POST /dossiers/d-1/submit': ({ headers }) => {
          keys.push(headers.get('Idempotency-Key') ?? '');
          if (keys.length === 1) return { status: 503, body: problem(503, 'UNAVAILABLE', 'down') };
          return {
            status: 400,
            body: problem(400, 'VALIDATION_FAILED', 'The form data does not satisfy the procedure', {
              errors: [{ field: 'formData.motherNationalId', message: 'invalid_national_id' }],
            }),
          };
        },
      }),
    );
    renderApp('/apply/1.001193/check');
    const send = await screen.findByRole('button', { name: 'Chấp nhận và gửi hồ sơ' });
    await userEvent.click(send);
    // The server failed: the applicant is told and may try again with the same key.
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Chấp nhận và gửi hồ sơ' }));

    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const back = await screen.findByRole('alert');
    expect(
      within(back).getByRole('link', { name: 'Số định danh cá nhân của mẹ phải gồm đúng 12 chữ số' }),
    ).toHaveAttribute('href', '#f-motherNationalId');
    expect(screen.getByLabelText(/^Số định danh cá nhân của mẹ/)).toHaveAttribute('aria-invalid', 'true');
    // After the definite 400, the next attempt is a new request.
    expect(sessionStorage.getItem('motcua.submitKey.d-1')).toBeNull();
    expect(api.fetched.calls.filter((c) => c.path === '/dossiers/d-1/submit')).toHaveLength(2);
    // Sending did not start another draft.
    expect(api.fetched.calls.filter((c) => c.method === 'POST' && c.path === '/dossiers')).toHaveLength(0);
  });

  it('takes a missing document (422) to the documents step, and a success to the confirmation', async () => {
    let attempts = 0;
    const submitted = buildDossier({
      status: 'SUBMITTED',
      code: '000.30.01.H17-261126-0001',
      submittedAt: '2026-11-26T02:30:00.000Z',
      availableActions: ['withdraw'],
    });
    const api = fakeApi(
      buildDossier({
        formData: { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS },
        attachments: [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')],
      }),
      (state) => ({
        'POST /dossiers/d-1/submit': () => {
          attempts += 1;
          if (attempts === 1) {
            return {
              status: 422,
              body: problem(422, 'MISSING_DOCUMENTS', 'Required documents are missing', {
                errors: [{ field: 'documents.GIAY_CHUNG_SINH', message: 'A required document is missing' }],
              }),
            };
          }
          state.set(submitted);
          return {
            body: {
              id: 'd-1',
              code: submitted.code,
              status: 'SUBMITTED',
              submittedAt: submitted.submittedAt,
              version: 2,
            },
          };
        },
      }),
    );
    renderApp('/apply/1.001193/check');
    await userEvent.click(await screen.findByRole('button', { name: 'Chấp nhận và gửi hồ sơ' }));
    await screen.findByRole('heading', { level: 1, name: 'Tải lên giấy tờ' });
    expect(
      within(await screen.findByRole('alert')).getByRole('link', { name: 'Tải lên Giấy chứng sinh' }),
    ).toBeInTheDocument();

    await userEvent.click(continueButton());
    await screen.findByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi gửi' });
    await userEvent.click(screen.getByRole('button', { name: 'Chấp nhận và gửi hồ sơ' }));
    await screen.findByRole('heading', { level: 1, name: 'Đã gửi hồ sơ' });
    expect(screen.getByText('000.30.01.H17-261126-0001')).toBeInTheDocument();
    expect(api.fetched.calls.filter((c) => c.path === '/dossiers/d-1/submit')).toHaveLength(2);
    // Sending did not start another draft.
    expect(api.fetched.calls.filter((c) => c.method === 'POST' && c.path === '/dossiers')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Tải phiếu tiếp nhận và hẹn trả kết quả (PDF)' })).toBeInTheDocument();
  });
});
