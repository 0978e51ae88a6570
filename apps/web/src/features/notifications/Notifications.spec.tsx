import type { NotificationItem, NotificationList } from '@motcua/shared';
import { focusManager } from '@tanstack/react-query';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { citizenLogin, receptionistLogin } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

const item = (over: Partial<NotificationItem> = {}): NotificationItem => ({
  id: 'n-1',
  type: 'STATUS_CHANGED',
  title: 'Hồ sơ 000.00.12.H17-261127-0001: Đã tiếp nhận',
  body: 'Hồ sơ 000.00.12.H17-261127-0001 đã chuyển sang trạng thái: Đã tiếp nhận.',
  dossierId: 'd-1',
  dossierCode: '000.00.12.H17-261127-0001',
  createdAt: '2026-11-27T02:05:00.000Z',
  readAt: null,
  ...over,
});

const page = (items: NotificationItem[], unread: number, nextCursor: string | null = null): NotificationList => ({
  items,
  nextCursor,
  unread,
});

describe('the bell in the header', () => {
  beforeEach(() => {
    resetVisitor('vi');
  });

  it('is not there for a visitor', async () => {
    stubApi({});
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: /Thông báo/ })).not.toBeInTheDocument();
  });

  it('carries the unread count in its name, and says a rise once through a live region', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    let unread = 3;
    const api = stubApi({ 'GET /notifications': () => ({ body: page([item()], unread) }) });
    renderApp('/');
    const bell = await screen.findByRole('link', { name: 'Thông báo: 3 chưa đọc' });
    expect(bell).toHaveAttribute('href', '/notifications');
    const live = document.querySelector('.header__bell-live')!;
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('');
    expect(api.calls.find((c) => c.path === '/notifications')?.search).toBe('?unread=true&limit=1');
    unread = 4;
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    expect(await screen.findByRole('link', { name: 'Thông báo: 4 chưa đọc' })).toBeInTheDocument();
    await waitFor(() => expect(live).toHaveTextContent('Bạn có 4 thông báo chưa đọc'));
    act(() => focusManager.setFocused(undefined));
  });

  it('says there is nothing unread, in English too', async () => {
    resetVisitor('en');
    storeSession(citizenLogin, citizenLogin.user);
    stubApi({ 'GET /notifications': { body: page([], 0) } });
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Notifications: none unread' })).toBeInTheDocument();
  });
});

describe('the notifications page', () => {
  beforeEach(() => {
    resetVisitor('vi');
  });

  it('lists the items with links to the dossier, and marks one read when it is opened', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    const read: string[] = [];
    stubApi({
      'GET /notifications': ({ url }) =>
        url.searchParams.get('limit') === '1'
          ? { body: page([], 2 - read.length) }
          : {
              body: page(
                [
                  item({ readAt: read.includes('n-1') ? '2026-11-27T03:00:00.000Z' : null }),
                  item({ id: 'n-2', type: 'RESULT_READY', title: 'Hồ sơ X đã có kết quả', dossierId: 'd-2' }),
                  item({ id: 'n-3', title: 'Đã đọc rồi', readAt: '2026-11-27T03:00:00.000Z' }),
                ],
                2 - read.length,
              ),
            },
      'POST /notifications/n-1/read': () => {
        read.push('n-1');
        return { status: 204 };
      },
      'GET /dossiers/d-1': {
        status: 404,
        body: { status: 404, code: 'NOT_FOUND', title: 'x', detail: 'x', type: 'x' },
      },
    });
    const { router } = renderApp('/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Thông báo' })).toBeInTheDocument();
    // The footer has its own list of links: the inbox's is the one in the page's main region.
    const list = await within(screen.getByRole('main')).findByRole('list');
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/dossiers/d-1',
      '/dossiers/d-2#danh-gia',
      '/dossiers/d-1',
    ]);
    // An unread item says so to a screen reader in its heading.
    expect(within(list).getAllByRole('heading', { level: 2 })[0]).toHaveTextContent('Chưa đọc:');
    expect(screen.getByText('Bạn có 2 thông báo chưa đọc.')).toBeInTheDocument();
    await userEvent.click(links[0]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/dossiers/d-1'));
    expect(read).toEqual(['n-1']);
  });

  it('marks all read and shows the empty state of the unread filter', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    let allRead = false;
    const api = stubApi({
      'GET /notifications': ({ url }) =>
        url.searchParams.get('unread') === 'true' && url.searchParams.get('limit') !== '1'
          ? { body: page(allRead ? [] : [item()], allRead ? 0 : 1) }
          : { body: page(allRead ? [item({ readAt: '2026-11-27T03:00:00.000Z' })] : [item()], allRead ? 0 : 1) },
      'POST /notifications/read-all': () => {
        allRead = true;
        return { status: 204 };
      },
    });
    renderApp('/notifications');
    await userEvent.click(await screen.findByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    expect(await screen.findByText('Bạn đã đọc hết thông báo.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/notifications/read-all')).toBe(true);
    expect(await screen.findByRole('link', { name: 'Thông báo: không có thông báo chưa đọc' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Chỉ hiện thông báo chưa đọc'));
    expect(await screen.findByText('Không có thông báo chưa đọc.')).toBeInTheDocument();
  });

  it('shows the empty state, and sends staff to the work screen', async () => {
    storeSession(receptionistLogin, receptionistLogin.user);
    stubApi({
      'GET /notifications': ({ url }) =>
        url.searchParams.get('limit') === '1'
          ? { body: page([], 0) }
          : { body: page([item({ type: 'SLA_OVERDUE', title: 'Hồ sơ X đã quá hạn', readAt: 'x' })], 0) },
    });
    renderApp('/notifications');
    expect(await screen.findByRole('link', { name: 'Hồ sơ X đã quá hạn' })).toHaveAttribute(
      'href',
      '/staff/dossiers/d-1',
    );
  });

  it('an empty inbox says so', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    stubApi({ 'GET /notifications': { body: page([], 0) } });
    renderApp('/notifications');
    expect(await screen.findByText(/Bạn chưa có thông báo nào/)).toBeInTheDocument();
  });
});

describe('the notification settings page', () => {
  beforeEach(() => {
    resetVisitor('vi');
  });

  it('saves the switches; SMS updates wait for the consent', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    const api = stubApi({
      'GET /notifications': { body: page([], 0) },
      'GET /notifications/preferences': {
        body: { emailUpdates: true, smsUpdates: true, smsAgreed: false, hasEmail: true, hasPhone: true },
      },
      'PUT /notifications/preferences': ({ body }) => ({
        body: { ...(body as object), hasEmail: true, hasPhone: true },
      }),
    });
    renderApp('/account/notifications');
    const sms = await screen.findByLabelText('Gửi SMS cả khi hồ sơ đổi trạng thái và khi có nhắc việc');
    expect(sms).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Gửi thư điện tử khi hồ sơ đổi trạng thái và khi có nhắc việc'));
    await userEvent.click(screen.getByLabelText('Tôi đồng ý nhận tin nhắn SMS về hồ sơ của tôi'));
    expect(sms).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Đã lưu cài đặt thông báo.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      emailUpdates: false,
      smsUpdates: true,
      smsAgreed: true,
    });
  });
});
