import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { getRefreshToken } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import { citizenLogin, citizenMe, receptionistLogin } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

async function fillAndSubmit(username: string, password: string, submit = 'Đăng nhập') {
  await userEvent.type(await screen.findByLabelText('Số định danh cá nhân hoặc tên đăng nhập'), username);
  await userEvent.type(screen.getByLabelText('Mật khẩu'), password);
  await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: submit }));
}

describe('login page', () => {
  beforeEach(() => resetVisitor('vi'));

  it('lists every missing field in Vietnamese in a focused summary linked to the fields', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Đăng nhập' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading', { name: 'Có lỗi cần sửa' })).toBeInTheDocument();
    const link = within(summary).getByRole('link', { name: 'Nhập số định danh cá nhân hoặc tên đăng nhập' });
    expect(within(summary).getByRole('link', { name: 'Nhập mật khẩu' })).toHaveAttribute('href', '#login-password');
    const username = screen.getByLabelText('Số định danh cá nhân hoặc tên đăng nhập');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(/Nhập số định danh cá nhân hoặc tên đăng nhập/);
    // The shared schema's English messages are for API clients, never for this screen.
    expect(screen.queryByText(/Required/)).not.toBeInTheDocument();

    await userEvent.click(link);
    expect(username).toHaveFocus();
  });

  it('shows the same summary and field errors in English', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    act(() => setLanguage('en'));
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in' });
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Log in' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Enter your national ID number or username' })).toBeVisible();
    expect(within(summary).getByRole('link', { name: 'Enter your password' })).toBeVisible();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Enter your password/);
  });

  it('says the ID/username or password is wrong on a 401, in the focused summary', async () => {
    stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': { status: 401, body: problem(401, 'INVALID_CREDENTIALS', 'Wrong username or password') },
    });
    renderApp('/login');
    await fillAndSubmit('048095001234', 'sai-mat-khau-roi');

    const summary = await screen.findByRole('alert');
    // The summary takes the focus once it is on screen (an effect after the render that shows it).
    await waitFor(() => expect(summary).toHaveFocus());
    expect(
      within(summary).getByRole('link', { name: 'Số định danh cá nhân/tên đăng nhập hoặc mật khẩu không đúng' }),
    ).toHaveAttribute('href', '#login-username');
    expect(screen.queryByText('Wrong username or password')).not.toBeInTheDocument();
    expect(getRefreshToken()).toBeNull();
  });

  it('says when to try again after too many attempts (429 with Retry-After), under its own title', async () => {
    stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': {
        status: 429,
        headers: { 'Retry-After': '42' },
        body: problem(429, 'TOO_MANY_ATTEMPTS', 'Too many failed logins'),
      },
    });
    renderApp('/login');
    await fillAndSubmit('048095001234', 'mat-khau-bat-ky');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(within(alert).getByRole('heading', { name: 'Tạm thời chưa thể đăng nhập' })).toBeInTheDocument();
    expect(within(alert).queryByRole('heading', { name: 'Có lỗi cần sửa' })).not.toBeInTheDocument();
    // The local time (Asia/Ho_Chi_Minh, HH:mm the same day) and the wait in words.
    expect(alert).toHaveTextContent(
      /Bạn có thể thử lại sau \d{2}:\d{2}(?: \d{2}\/\d{2}\/\d{4})? \(khoảng 42 giây nữa\)\./,
    );
  });

  it('counts a longer back-off in minutes, in English too', async () => {
    stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': {
        status: 429,
        headers: { 'Retry-After': '540' },
        body: problem(429, 'TOO_MANY_ATTEMPTS', 'Too many failed logins'),
      },
    });
    act(() => setLanguage('en'));
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/^National ID number or username/), '048095001234');
    await userEvent.type(screen.getByLabelText(/^Password/), 'mat-khau-bat-ky');
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'You cannot log in for now' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      /You can try again after \d{2}:\d{2}(?: \d{2}\/\d{2}\/\d{4})? \(in about 9 minutes\)\./,
    );
  });

  it('sends a citizen back to the page they came from, with the session stored', async () => {
    const api = stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': { body: citizenLogin },
      'GET /auth/me': { body: citizenMe },
    });
    const { router } = renderApp('/login?next=%2Faccount');
    await fillAndSubmit('048095001234', 'Mot-cau-rat-dai-2026');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(api.calls.find((c) => c.path === '/auth/login')?.body).toEqual({
      username: '048095001234',
      password: 'Mot-cau-rat-dai-2026',
    });
    expect(api.calls.find((c) => c.path === '/auth/me')?.authorization).toBe('Bearer access-citizen');
    expect(getRefreshToken()).toBe('refresh-citizen');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /Nguyễn Văn An/ })).toBeInTheDocument();
  });

  it('takes a receptionist to the staff desk', async () => {
    stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': { body: receptionistLogin },
    });
    const { router } = renderApp('/login');
    await fillAndSubmit('tiepnhan.haichau', 'Demo@123456');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/staff');
  });

  it('never follows a `next` that leaves the site', async () => {
    stubApi({
      'GET /auth/providers': { body: { oidc: false } },
      'POST /auth/login': { body: citizenLogin },
      'GET /auth/me': { body: citizenMe },
    });
    const { router } = renderApp('/login?next=%2F%2Fevil.example%2Fx');
    await fillAndSubmit('048095001234', 'Mot-cau-rat-dai-2026');
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    expect(router.state.location.pathname).toBe('/account');
  });

  it('offers the digital citizen ID login only when the server has OIDC', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: true } } });
    const first = renderApp('/login');
    const link = await screen.findByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID)' });
    expect(link).toHaveAttribute('href', '/api/v1/auth/oidc/login');
    first.unmount();

    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    renderApp('/login');
    await screen.findByLabelText('Mật khẩu');
    expect(screen.queryByRole('link', { name: /VNeID/ })).not.toBeInTheDocument();
  });

  it('explains a failed digital citizen ID login', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: true } } });
    renderApp('/login?error=oidc');
    expect(await screen.findByRole('alert')).toHaveTextContent('Không đăng nhập được bằng tài khoản định danh điện tử');
  });
});
