import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getRefreshToken, storeSession } from '../lib/auth';
import { stubApi } from '../test/api-stub';
import { citizenLogin, citizenMe, receptionistLogin, sectors } from '../test/fixtures';
import { renderApp, resetVisitor } from '../test/render-app';

describe('pages that need a login', () => {
  beforeEach(() => resetVisitor('vi'));

  it('sends an anonymous visitor to the login page, remembering where they were going', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    const { router } = renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  it('shows a citizen that the staff desk is not for them', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    stubApi({});
    renderApp('/staff');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Bàn làm việc' })).not.toBeInTheDocument();
  });

  it('shows a menu entry only to a role holding its permission: no "My dossiers" for staff (dossier.own)', async () => {
    storeSession(receptionistLogin, receptionistLogin.user);
    stubApi({});
    const staff = renderApp('/staff');
    await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc' });
    const staffNav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(staffNav).queryByRole('link', { name: 'Hồ sơ của tôi' })).not.toBeInTheDocument();
    expect(within(staffNav).getByRole('link', { name: 'Tra cứu hồ sơ' })).toBeInTheDocument();
    staff.unmount();

    storeSession(citizenLogin, citizenLogin.user);
    stubApi({ 'GET /auth/me': { body: citizenMe }, 'GET /sectors': { body: { items: sectors } } });
    renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Hồ sơ của tôi' })).toHaveAttribute('href', '/dossiers');
  });

  it('lets a receptionist open the staff desk but not the dashboard', async () => {
    storeSession(receptionistLogin, receptionistLogin.user);
    stubApi({});
    const first = renderApp('/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc' })).toBeInTheDocument();
    first.unmount();
    renderApp('/manager');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }),
    ).toBeInTheDocument();
  });

  it('header: "Log in" for a visitor; the name and "Log out" for a user, which ends the session', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    const api = stubApi({
      'GET /auth/me': { body: citizenMe },
      'POST /auth/logout': { status: 204 },
      'GET /sectors': { body: { items: sectors } },
      'GET /procedures': { body: { items: [], total: 0 } },
    });
    const { router } = renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: 'Tài khoản của tôi' });
    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('link', { name: 'Tài khoản của Nguyễn Văn An' })).toHaveAttribute(
      'href',
      '/account',
    );
    expect(await screen.findByText('an.nguyen@example.com')).toBeInTheDocument();
    await userEvent.click(within(header).getByRole('button', { name: 'Đăng xuất' }));

    expect(await within(header).findByRole('link', { name: 'Đăng nhập' })).toHaveAttribute('href', '/login');
    expect(router.state.location.pathname).toBe('/');
    expect(api.calls.find((c) => c.path === '/auth/logout')?.body).toEqual({ refreshToken: 'refresh-citizen' });
    expect(getRefreshToken()).toBeNull();
  });

  it('the account page\'s own "Log out" ends the session and goes home, not to the login page', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    stubApi({
      'GET /auth/me': { body: citizenMe },
      'POST /auth/logout': { status: 204 },
      'GET /sectors': { body: { items: sectors } },
      'GET /procedures': { body: { items: [], total: 0 } },
    });
    const { router } = renderApp('/account');
    await screen.findByText('an.nguyen@example.com');
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' })).toBeInTheDocument();
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Đăng nhập' });
    expect(router.state.location.pathname).toBe('/');
    expect(getRefreshToken()).toBeNull();
  });
});
