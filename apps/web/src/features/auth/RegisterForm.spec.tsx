import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { problem, stubApi } from '../../test/api-stub';
import { citizenLogin, citizenMe } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

interface Answers {
  nationalId?: string;
  fullName?: string;
  dateOfBirth?: string;
  email?: string;
  phone?: string;
  password?: string;
  confirmPassword?: string;
}

const VALID: Required<Answers> = {
  nationalId: '048095001234',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1995-03-14',
  email: 'an.nguyen@example.com',
  phone: '',
  password: 'Mot-cau-rat-dai-2026',
  confirmPassword: 'Mot-cau-rat-dai-2026',
};

async function fillIn(a: Answers) {
  const labels: Record<keyof Answers, string> = {
    nationalId: 'Số định danh cá nhân',
    fullName: 'Họ và tên',
    dateOfBirth: 'Ngày sinh',
    email: 'Thư điện tử (email)',
    phone: 'Số điện thoại (không bắt buộc)',
    password: 'Mật khẩu',
    confirmPassword: 'Nhập lại mật khẩu',
  };
  await screen.findByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' });
  for (const [k, v] of Object.entries(a) as [keyof Answers, string][]) {
    const input = screen.getByLabelText(new RegExp(`^${labels[k].replace(/[()]/g, '\\$&')}( \\*)?$`));
    if (k === 'dateOfBirth') {
      // userEvent cannot type into a date input; set it as the browser's date picker would.
      await userEvent.clear(input);
      if (v) await userEvent.type(input, v);
    } else if (v) await userEvent.type(input, v);
  }
}

const submit = () => userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Đăng ký' }));

describe('register page', () => {
  beforeEach(() => resetVisitor('vi'));

  it('puts a duplicate national ID (409) on the national ID field, in words', async () => {
    stubApi({
      'POST /auth/register': {
        status: 409,
        body: problem(409, 'DUPLICATE_NATIONAL_ID', 'A user with this national ID already exists'),
      },
    });
    renderApp('/register');
    await fillIn(VALID);
    await submit();

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const message = 'Số định danh cá nhân này đã có tài khoản. Hãy đăng nhập';
    expect(within(summary).getByRole('link', { name: message })).toHaveAttribute('href', '#register-nationalId');
    const field = screen.getByLabelText(/^Số định danh cá nhân/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByLabelText(/^Thư điện tử/)).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/already exists/)).not.toBeInTheDocument();
  });

  it('says a rate limit (429) is a wait, under its own title, with when to try again', async () => {
    stubApi({
      'POST /auth/register': {
        status: 429,
        headers: { 'Retry-After': '600' },
        body: problem(429, 'RATE_LIMITED', 'Too many registrations'),
      },
    });
    renderApp('/register');
    await fillIn(VALID);
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(within(alert).getByRole('heading', { name: 'Tạm thời chưa thể đăng ký' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Có lỗi cần sửa' })).not.toBeInTheDocument();
    expect(alert).toHaveTextContent(/thử lại sau \d{2}:\d{2}(?: \d{2}\/\d{2}\/\d{4})? \(khoảng 10 phút nữa\)/);
  });

  it('puts a duplicate e-mail (409 naming the field) on the e-mail field', async () => {
    stubApi({
      'POST /auth/register': {
        status: 409,
        body: problem(409, 'DUPLICATE_EMAIL', 'A user with this email already exists', {
          errors: [{ field: 'email', message: 'Already registered' }],
        }),
      },
    });
    renderApp('/register');
    await fillIn(VALID);
    await submit();

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Thư điện tử/)).toHaveAccessibleDescription(
      expect.stringContaining('Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác'),
    );
    expect(screen.getByLabelText(/^Số định danh cá nhân/)).not.toHaveAttribute('aria-invalid');
  });

  it('checks the fields with the shared schema before sending, and names each problem in English too', async () => {
    const api = stubApi({});
    act(() => setLanguage('en'));
    renderApp('/register');
    await screen.findByRole('heading', { level: 1, name: 'Create a citizen account' });
    await userEvent.type(screen.getByLabelText(/^Personal identification number/), '12345');
    await userEvent.type(screen.getByLabelText(/^Email address/), 'not-an-email');
    await userEvent.type(screen.getByLabelText(/^Phone number/), '12');
    await userEvent.type(screen.getByLabelText(/^Password/), 'short');
    await userEvent.type(screen.getByLabelText(/^Confirm password/), 'other');
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Create account' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const messages = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(messages).toEqual([
      'The personal identification number must be exactly 12 digits',
      'Enter your full name',
      'Enter your date of birth',
      'Enter an email address in the right format, like name@example.com',
      'Enter a Vietnamese phone number, like 0905123456',
      'The password must be at least 12 characters',
      'The passwords do not match',
    ]);
    expect(api.calls.filter((c) => c.path === '/auth/register')).toHaveLength(0);
  });

  it('refuses a password holding the name or the birth date before sending it, and names the rule', async () => {
    const api = stubApi({});
    renderApp('/register');
    await fillIn({ ...VALID, password: 'Nguyen-yeu-Da-Nang', confirmPassword: 'Nguyen-yeu-Da-Nang' });
    await submit();
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: /không được chứa số định danh cá nhân, họ tên hoặc ngày sinh/ }),
    ).toHaveAttribute('href', '#register-password');
    expect(api.calls.filter((c) => c.path === '/auth/register')).toHaveLength(0);
  });

  it('puts the API’s refusal of a personal password (PASSWORD_PERSONAL_DATA) on the password field', async () => {
    stubApi({
      'POST /auth/register': {
        status: 400,
        body: problem(400, 'PASSWORD_PERSONAL_DATA', 'The request has invalid fields', {
          errors: [{ field: 'password', message: 'Must not contain your national ID, name or birth date' }],
        }),
      },
    });
    renderApp('/register');
    await fillIn(VALID);
    await submit();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /không được chứa số định danh cá nhân/ })).toBeInTheDocument();
  });

  it('logs the new citizen in and opens their account', async () => {
    const api = stubApi({
      'POST /auth/register': {
        status: 201,
        body: { id: 'u-citizen', nationalId: '048095001234', fullName: 'Nguyễn Văn An', roles: ['CITIZEN'] },
      },
      'POST /auth/login': { body: citizenLogin },
      'GET /auth/me': { body: citizenMe },
    });
    const { router } = renderApp('/register');
    await fillIn(VALID);
    await submit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    // The optional phone left empty is not sent; the confirmation never leaves the page.
    expect(api.calls.find((c) => c.path === '/auth/register')?.body).toEqual({
      nationalId: '048095001234',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1995-03-14',
      email: 'an.nguyen@example.com',
      password: 'Mot-cau-rat-dai-2026',
    });
    expect(await screen.findByText('048095001234')).toBeInTheDocument();
    expect(screen.getByText('14/03/1995')).toBeInTheDocument();
  });
});
