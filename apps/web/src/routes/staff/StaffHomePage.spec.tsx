import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { approver, dueInDays, officer, queueItem, receptionist } from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

const emptyQueue = { body: { items: [], nextCursor: null } };
const noProcedures = { body: { items: [], total: 0 } };

function tabNames(): string[] {
  return within(screen.getByRole('tablist'))
    .getAllByRole('tab')
    .map((t) => t.textContent ?? '');
}

function queueCalls(api: ReturnType<typeof stubApi>): URLSearchParams[] {
  return api.calls.filter((c) => c.path === '/queue').map((c) => new URLSearchParams(c.search));
}

describe('staff desk queues', () => {
  beforeEach(() => resetVisitor('vi'));

  it('shows a receptionist the reception queues, opening "to receive" (SUBMITTED)', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({ 'GET /queue': emptyQueue, 'GET /procedures': noProcedures });
    renderApp('/staff');
    await screen.findByRole('heading', { level: 1, name: 'Bàn làm việc' });
    expect(tabNames()).toEqual([
      'Chờ tiếp nhận',
      'Chờ phân công',
      'Chờ bổ sung',
      'Chờ trả kết quả',
      'Quá hạn',
      'Tất cả',
    ]);
    expect(screen.getByRole('tab', { name: 'Chờ tiếp nhận' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Không có hồ sơ nào chờ tiếp nhận.')).toBeInTheDocument();
    expect(queueCalls(api)[0].get('status')).toBe('SUBMITTED');
    expect(screen.getByRole('link', { name: 'Tiếp nhận hồ sơ tại quầy' })).toHaveAttribute('href', '/staff/counter');
  });

  it('shows an officer their own dossiers first, and no reception queue or counter', async () => {
    storeSession(officer, officer.user);
    const api = stubApi({ 'GET /queue': emptyQueue, 'GET /procedures': noProcedures });
    renderApp('/staff');
    await screen.findByRole('tablist');
    expect(tabNames()).toEqual(['Của tôi', 'Chờ phân công', 'Chờ bổ sung', 'Quá hạn', 'Tất cả']);
    expect(screen.getByRole('tab', { name: 'Của tôi' })).toHaveAttribute('aria-selected', 'true');
    await screen.findByText('Bạn chưa có hồ sơ nào cần xử lý.');
    expect(queueCalls(api)[0].get('assignee')).toBe('me');
    expect(screen.queryByRole('link', { name: 'Tiếp nhận hồ sơ tại quầy' })).not.toBeInTheDocument();
  });

  it('shows an approver the approval queue; arrow keys move between tabs and load that queue', async () => {
    storeSession(approver, approver.user);
    const api = stubApi({ 'GET /queue': emptyQueue, 'GET /procedures': noProcedures });
    const { router } = renderApp('/staff');
    await screen.findByRole('tablist');
    expect(tabNames()).toEqual(['Chờ phân công', 'Chờ phê duyệt', 'Quá hạn', 'Tất cả']);
    const approval = screen.getByRole('tab', { name: 'Chờ phê duyệt' });
    expect(approval).toHaveAttribute('aria-selected', 'true');
    expect(approval).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'Quá hạn' })).toHaveAttribute('tabindex', '-1');
    await screen.findByText('Không có hồ sơ nào chờ phê duyệt.');

    approval.focus();
    await userEvent.keyboard('{ArrowRight}');
    const overdue = screen.getByRole('tab', { name: 'Quá hạn' });
    expect(overdue).toHaveFocus();
    expect(overdue).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Quá hạn');
    await screen.findByText('Không có hồ sơ nào quá hạn.');
    expect(queueCalls(api).at(-1)?.get('sla')).toBe('OVERDUE');
    expect(router.state.location.search).toBe('?tab=overdue');
    // The overdue queue has no separate time-limit filter.
    expect(screen.queryByLabelText('Thời hạn')).not.toBeInTheDocument();
  });

  it('says the days left and the days overdue in words on each row', async () => {
    storeSession(officer, officer.user);
    stubApi({
      'GET /queue': {
        body: {
          items: [
            queueItem({ id: 'd-late', code: 'C-LATE', status: 'IN_PROCESSING', sla: 'OVERDUE', dueAt: dueInDays(-1) }),
            queueItem({ id: 'd-soon', code: 'C-SOON', status: 'IN_PROCESSING', sla: 'ON_TIME', dueAt: dueInDays(2) }),
            queueItem({ id: 'd-new', code: 'C-NEW', status: 'SUBMITTED' }),
            queueItem({
              id: 'd-wait',
              code: 'C-WAIT',
              status: 'SUPPLEMENT_REQUESTED',
              sla: 'WAITING_CITIZEN',
              dueAt: dueInDays(-2),
            }),
          ],
          nextCursor: null,
        },
      },
      'GET /procedures': noProcedures,
    });
    renderApp('/staff');
    const table = await screen.findByRole('table', { name: 'Của tôi' });
    const row = (code: string) => within(table).getByRole('link', { name: code }).closest('tr')!;
    expect(within(row('C-LATE')).getByText('Quá hạn 1 ngày')).toBeInTheDocument();
    expect(within(row('C-SOON')).getByText('Còn 2 ngày')).toBeInTheDocument();
    expect(within(row('C-NEW')).getByText('Chưa tính hạn')).toBeInTheDocument();
    expect(within(row('C-WAIT')).getByText('Chờ công dân bổ sung')).toBeInTheDocument();
    expect(within(row('C-LATE')).getByText('Quá hạn 1 ngày')).toHaveClass('tag--danger');
    expect(within(table).getByRole('link', { name: 'C-LATE' })).toHaveAttribute('href', '/staff/dossiers/d-late');

    act(() => setLanguage('en'));
    expect(await within(row('C-LATE')).findByText('1 day overdue')).toBeInTheDocument();
    expect(within(row('C-SOON')).getByText('2 days left')).toBeInTheDocument();
    expect(within(row('C-WAIT')).getByText('Waiting for the citizen')).toBeInTheDocument();
  });

  it('loads the next page with the cursor and keeps the rows already shown', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /queue': ({ url }) =>
        url.searchParams.get('cursor') === 'page-2'
          ? { body: { items: [queueItem({ id: 'd-2', code: 'C-2' })], nextCursor: null } }
          : { body: { items: [queueItem({ id: 'd-1', code: 'C-1' })], nextCursor: 'page-2' } },
      'GET /procedures': noProcedures,
    });
    renderApp('/staff');
    await screen.findByRole('link', { name: 'C-1' });
    expect(screen.getByRole('status')).toHaveTextContent('Đang hiển thị 1 hồ sơ');
    await userEvent.click(screen.getByRole('button', { name: 'Xem thêm hồ sơ' }));
    await screen.findByRole('link', { name: 'C-2' });
    expect(screen.getByRole('link', { name: 'C-1' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Đang hiển thị 2 hồ sơ');
    expect(screen.queryByRole('button', { name: 'Xem thêm hồ sơ' })).not.toBeInTheDocument();
    const calls = queueCalls(api);
    expect(calls[1].get('cursor')).toBe('page-2');
    expect(calls[1].get('status')).toBe('SUBMITTED');
  });

  it('searches by code or name and filters by procedure and time limit, within the tab', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /queue': emptyQueue,
      'GET /procedures': {
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
      },
    });
    const { router } = renderApp('/staff?tab=all');
    await screen.findByText('Đơn vị không có hồ sơ nào đang giải quyết.');
    await userEvent.type(screen.getByLabelText('Mã hồ sơ hoặc tên người nộp'), 'nguyen van an');
    await userEvent.selectOptions(await screen.findByLabelText('Thủ tục'), 'Đăng ký khai sinh');
    await userEvent.selectOptions(screen.getByLabelText('Thời hạn'), 'Sắp đến hạn');
    await userEvent.click(screen.getByRole('button', { name: 'Tìm và lọc' }));
    await screen.findByText('Không có hồ sơ nào khớp với tìm kiếm và bộ lọc.');
    const last = queueCalls(api).at(-1)!;
    expect(Object.fromEntries(last)).toEqual({
      q: 'nguyen van an',
      procedureCode: '1.001193',
      sla: 'DUE_SOON',
      limit: '20',
    });
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('nguyen van an');
    await userEvent.click(screen.getByRole('button', { name: 'Xoá tìm kiếm và bộ lọc' }));
    await screen.findByText('Đơn vị không có hồ sơ nào đang giải quyết.');
    expect(screen.getByLabelText('Mã hồ sơ hoặc tên người nộp')).toHaveValue('');
  });
});
