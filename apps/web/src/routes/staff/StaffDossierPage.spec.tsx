import type { DossierDto, StaffDossierAction } from '@motcua/shared';
import { STAFF_DOSSIER_ACTIONS } from '@motcua/shared/workflow';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeSession } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import {
  approver,
  birthProcedure,
  dossier,
  dueInDays,
  officer,
  queueItem,
  receptionist,
} from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

const ACTION_LABELS: Record<StaffDossierAction, string> = {
  receive: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  assign: 'Phân công xử lý',
  request_supplement: 'Yêu cầu bổ sung',
  submit_for_approval: 'Trình phê duyệt',
  approve: 'Phê duyệt',
  reject: 'Từ chối giải quyết',
  return_to_officer: 'Trả lại chuyên viên',
  return_result: 'Trả kết quả',
  issue_apology: 'Gửi thư xin lỗi',
};

async function actionsSection(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Xử lý hồ sơ' });
}

function postedActions(api: ReturnType<typeof stubApi>) {
  return api.calls.filter((c) => c.method === 'POST' && c.path === '/dossiers/d-1/actions').map((c) => c.body);
}

describe('dossier work screen', () => {
  beforeEach(() => resetVisitor('vi'));

  it.each<[string, DossierDto['status'], StaffDossierAction[]]>([
    ['a submitted dossier at the desk', 'SUBMITTED', ['receive', 'refuse']],
    ['a dossier awaiting approval', 'PENDING_APPROVAL', ['approve', 'reject', 'return_to_officer']],
    ['a dossier in processing', 'IN_PROCESSING', ['assign', 'request_supplement', 'submit_for_approval']],
    ['a returned dossier', 'RETURNED', []],
  ])('shows exactly the available actions as buttons: %s', async (_name, status, actions) => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /dossiers/d-1': { body: dossier({ status, availableActions: actions }) },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    const section = await actionsSection();
    const buttons = within(section)
      .queryAllByRole('button')
      .map((b) => b.textContent);
    const expected = actions.map((a) => ACTION_LABELS[a]);
    expect(buttons.filter((b) => Object.values(ACTION_LABELS).includes(b ?? ''))).toEqual(expected);
    for (const a of STAFF_DOSSIER_ACTIONS.filter((x) => !actions.includes(x))) {
      expect(within(section).queryByRole('button', { name: ACTION_LABELS[a] })).not.toBeInTheDocument();
    }
    if (!actions.length) expect(within(section).getByText(/không có thao tác nào/)).toBeInTheDocument();
  });

  it('shows a dossier waiting for the supplement as waiting for the citizen, not overdue, past its due date', async () => {
    storeSession(officer, officer.user);
    stubApi({
      'GET /dossiers/d-1': {
        body: dossier({ status: 'SUPPLEMENT_REQUESTED', sla: 'WAITING_CITIZEN', dueAt: dueInDays(-2) }),
      },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    expect(await screen.findByText('Chờ công dân bổ sung', { selector: '.tag' })).toBeInTheDocument();
    expect(screen.queryByText(/Quá hạn/)).not.toBeInTheDocument();
  });

  it('shows the form answers with the procedure’s labels, the documents and the history', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /dossiers/d-1': { body: dossier() },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hồ sơ 000.30.01.H17-260714-0001' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Họ, chữ đệm và tên của trẻ')).toBeInTheDocument();
    expect(screen.getByText('Nguyễn Minh Khang')).toBeInTheDocument();
    expect(screen.getByText('01/07/2026')).toBeInTheDocument();
    expect(screen.getByText('Tờ khai đăng ký khai sinh')).toBeInTheDocument();
    expect(screen.getByText('Chưa nộp (bắt buộc)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xem trước to-khai.pdf' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('heading', { level: 2, name: 'Quá trình xử lý' })).toBeInTheDocument();
  });

  it('previews a PDF in an iframe from a blob fetched with the bearer token', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /dossiers/d-1': { body: dossier() },
      'GET /procedures/1.001193': { body: birthProcedure },
      'GET /dossiers/d-1/attachments/a-1': { body: '%PDF-1.4' },
    });
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:preview-1';
    });
    URL.revokeObjectURL = jest.fn();
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Xem trước to-khai.pdf' }));
    const frame = await screen.findByTitle('Xem trước: Tờ khai đăng ký khai sinh (to-khai.pdf)');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'blob:preview-1');
    expect(created[0].type).toBe('application/pdf');
    const fileCall = api.calls.find((c) => c.path === '/dossiers/d-1/attachments/a-1');
    expect(fileCall?.authorization).toBe('Bearer access-u-reception');
    await userEvent.click(screen.getByRole('button', { name: 'Ẩn bản xem trước to-khai.pdf' }));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview-1');
  });

  it('receives at once an action that needs no note, sending the version, and says so', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /dossiers/d-1': { body: dossier() },
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/actions': {
        body: dossier({ status: 'RECEIVED', version: 4, receivedAt: '2026-07-14T03:00:00.000Z', availableActions: [] }),
      },
      'GET /queue': { body: { items: [], nextCursor: null } },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    const notice = await screen.findByText('Đã tiếp nhận hồ sơ. Công dân được báo ngày hẹn trả kết quả.');
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(postedActions(api)).toEqual([{ action: 'receive', version: 3 }]);
    expect(screen.queryByRole('button', { name: 'Tiếp nhận hồ sơ' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' })).toBeInTheDocument();
  });

  it('asks for a note in a labelled modal dialog where the action requires one, and sends it', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /dossiers/d-1': { body: dossier() },
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/actions': { body: dossier({ status: 'NOT_ACCEPTED', version: 4, availableActions: [] }) },
      'GET /queue': { body: { items: [], nextCursor: null } },
    });
    renderApp('/staff/dossiers/d-1');
    const refuse = within(await actionsSection()).getByRole('button', { name: 'Từ chối tiếp nhận' });
    await userEvent.click(refuse);
    const dialog = screen.getByRole('dialog', { name: 'Từ chối tiếp nhận' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const note = within(dialog).getByLabelText(/Lý do từ chối tiếp nhận/);
    expect(note).toHaveFocus();

    // Without a note: nothing is sent, the field says why and takes the focus.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Từ chối tiếp nhận' }));
    expect(within(dialog).getByText('Nhập lý do từ chối tiếp nhận')).toBeInTheDocument();
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveFocus();
    expect(postedActions(api)).toEqual([]);

    // Tab stays inside the dialog.
    await userEvent.tab();
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Huỷ' })).toHaveFocus();
    await userEvent.tab();
    expect(note).toHaveFocus();

    await userEvent.type(note, '  Giấy chứng sinh không rõ nét  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Từ chối tiếp nhận' }));
    await screen.findByText('Đã từ chối tiếp nhận hồ sơ. Công dân được báo lý do.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(postedActions(api)).toEqual([{ action: 'refuse', version: 3, note: 'Giấy chứng sinh không rõ nét' }]);
  });

  it('issues an apology letter with a new date a working day after the due date, and a reason', async () => {
    storeSession(approver, approver.user);
    const due = '2026-07-17T10:00:00.000Z'; // Friday 17/7, 17:00 local
    const api = stubApi({
      'GET /dossiers/d-1': {
        body: dossier({ status: 'IN_PROCESSING', dueAt: due, availableActions: ['assign', 'issue_apology'] }),
      },
      'GET /procedures/1.001193': { body: birthProcedure },
      'GET /holidays': { body: { items: [] } },
      'POST /dossiers/d-1/actions': {
        body: dossier({ status: 'IN_PROCESSING', version: 4, dueAt: due, appointmentAt: '2026-07-21T10:00:00.000Z' }),
      },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Gửi thư xin lỗi' }));
    const dialog = screen.getByRole('dialog', { name: 'Gửi thư xin lỗi' });
    const date = within(dialog).getByLabelText(/Ngày hẹn trả kết quả mới/);
    // The next working day after Friday's due date is Monday 20/7 (the weekend is not one).
    await waitFor(() => expect(date).toHaveAttribute('min', '2026-07-20'));

    fireEvent.change(date, { target: { value: '2026-07-18' } });
    await userEvent.type(within(dialog).getByLabelText(/Lý do chậm trả kết quả/), 'Chờ xác minh của cơ quan khác');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi thư xin lỗi' }));
    expect(within(dialog).getByText('Chọn một ngày làm việc sau hạn trả kết quả ban đầu')).toBeInTheDocument();
    expect(postedActions(api)).toEqual([]);

    fireEvent.change(date, { target: { value: '2026-07-21' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi thư xin lỗi' }));
    await screen.findByText('Đã gửi thư xin lỗi và hẹn lại ngày trả kết quả cho công dân.');
    expect(postedActions(api)).toEqual([
      { action: 'issue_apology', version: 3, note: 'Chờ xác minh của cơ quan khác', newDueDate: '2026-07-21' },
    ]);
  });

  it('closes the dialog on Esc and gives the focus back to its button', async () => {
    storeSession(approver, approver.user);
    stubApi({
      'GET /dossiers/d-1': {
        body: dossier({ status: 'PENDING_APPROVAL', availableActions: ['approve', 'reject', 'return_to_officer'] }),
      },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    const reject = within(await actionsSection()).getByRole('button', { name: 'Từ chối giải quyết' });
    await userEvent.click(reject);
    expect(screen.getByRole('dialog', { name: 'Từ chối giải quyết' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(reject).toHaveFocus();
  });

  it('lets an officer take a free dossier for themself only (assign without assigneeId, no note)', async () => {
    storeSession(officer, officer.user);
    const api = stubApi({
      'GET /dossiers/d-1': { body: dossier({ status: 'RECEIVED', availableActions: ['assign'] }) },
      'GET /procedures/1.001193': { body: birthProcedure },
      'GET /queue': {
        body: {
          items: [queueItem({ id: 'd-9', assignee: { id: 'u-officer-2', fullName: 'Đặng Văn Hùng' } })],
          nextCursor: null,
        },
      },
      'POST /dossiers/d-1/actions': {
        body: dossier({ status: 'IN_PROCESSING', version: 4, assignee: { id: 'u-officer', fullName: 'Lê Văn Cường' } }),
      },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Phân công xử lý' }));
    const dialog = screen.getByRole('dialog', { name: 'Phân công xử lý' });
    // The shared table: handing a dossier to a colleague is the desk's or the approver's move.
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Phân công xử lý' }));
    await screen.findByText('Đã phân công xử lý hồ sơ.');
    expect(postedActions(api)).toEqual([{ action: 'assign', version: 3 }]);
  });

  it('lets the desk hand a dossier to an officer it picks from GET /staff, with their load, searching without diacritics', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /dossiers/d-1': { body: dossier({ status: 'RECEIVED', availableActions: ['assign'] }) },
      'GET /procedures/1.001193': { body: birthProcedure },
      'GET /staff': {
        body: {
          items: [
            { id: 'u-officer-2', fullName: 'Đặng Văn Hùng', roles: ['OFFICER'], openAssigned: 7 },
            { id: 'u-officer', fullName: 'Lê Văn Cường', roles: ['OFFICER'], openAssigned: 2 },
            { id: 'u-officer-3', fullName: 'Nguyễn Thị Mai', roles: ['OFFICER', 'APPROVER'], openAssigned: 0 },
          ],
        },
      },
      'POST /dossiers/d-1/actions': { body: dossier({ status: 'IN_PROCESSING', version: 4 }) },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Phân công xử lý' }));
    const dialog = screen.getByRole('dialog', { name: 'Phân công xử lý' });
    const group = await within(dialog).findByRole('group', { name: /Chuyên viên xử lý/ });
    // Every officer of the agency with their open load, not names gathered from queue pages.
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(within(group).getByRole('radio', { name: 'Đặng Văn Hùng đang xử lý 7 hồ sơ' })).toBeInTheDocument();
    expect(api.calls.some((c) => c.path === '/staff' && c.search === '?role=OFFICER')).toBe(true);
    expect(api.calls.some((c) => c.path === '/queue')).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Phân công xử lý' }));
    expect(within(dialog).getByText('Chọn chuyên viên xử lý')).toBeInTheDocument();
    expect(within(dialog).getByText('Nhập lý do phân công, chuyển hồ sơ')).toBeInTheDocument();

    // Search without diacritics narrows the list; Enter in the box does not send the form.
    const search = within(dialog).getByRole('searchbox', { name: 'Tìm chuyên viên theo tên' });
    await userEvent.type(search, 'le van{Enter}');
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['u-officer']);
    expect(within(dialog).getByText('1/3 chuyên viên')).toBeInTheDocument();
    // Keyboard: Tab from the search box into the group, Space picks the officer.
    await userEvent.tab();
    expect(within(group).getByRole('radio', { name: 'Lê Văn Cường đang xử lý 2 hồ sơ' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await userEvent.type(within(dialog).getByLabelText(/Lý do phân công/), 'Đúng lĩnh vực chuyên môn');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Phân công xử lý' }));
    await screen.findByText('Đã phân công xử lý hồ sơ.');
    expect(postedActions(api)).toEqual([
      { action: 'assign', version: 3, assigneeId: 'u-officer', note: 'Đúng lĩnh vực chuyên môn' },
    ]);
  });

  it('says when no officer matches the search', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /dossiers/d-1': { body: dossier({ status: 'RECEIVED', availableActions: ['assign'] }) },
      'GET /procedures/1.001193': { body: birthProcedure },
      'GET /staff': {
        body: { items: [{ id: 'u-officer', fullName: 'Lê Văn Cường', roles: ['OFFICER'], openAssigned: 2 }] },
      },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Phân công xử lý' }));
    const dialog = screen.getByRole('dialog', { name: 'Phân công xử lý' });
    await within(dialog).findByRole('radio');
    await userEvent.type(within(dialog).getByRole('searchbox'), 'trần');
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(dialog).getByText('Không có chuyên viên nào có tên khớp “trần”.')).toBeInTheDocument();
  });

  it('on a 409 says someone else acted first, and reloads the dossier on request', async () => {
    storeSession(receptionist, receptionist.user);
    let reloads = 0;
    stubApi({
      'GET /dossiers/d-1': () => {
        reloads++;
        return reloads === 1
          ? { body: dossier() }
          : {
              body: dossier({
                status: 'RECEIVED',
                version: 4,
                receivedAt: '2026-07-14T03:00:00.000Z',
                dueAt: dueInDays(1),
                sla: 'DUE_SOON',
                availableActions: ['assign'],
              }),
            };
      },
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/actions': { status: 409, body: problem(409, 'STALE_VERSION', 'Version 3 is not current') },
    });
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    const message = await screen.findByText('Hồ sơ đã được người khác xử lý. Tải lại để xem trạng thái mới nhất.');
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Tiếp nhận hồ sơ' })).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Tải lại hồ sơ' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Phân công xử lý' })).toBeInTheDocument());
    expect(screen.queryByText(/người khác xử lý/)).not.toBeInTheDocument();
    expect(screen.getByText('Còn 1 ngày')).toBeInTheDocument();
  });

  it('offers the receipt to print after the result is returned', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /dossiers/d-1': {
        body: dossier({
          status: 'APPROVED',
          receivedAt: '2026-07-14T03:00:00.000Z',
          availableActions: ['return_result'],
        }),
      },
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/actions': {
        body: dossier({
          status: 'RETURNED',
          version: 4,
          receivedAt: '2026-07-14T03:00:00.000Z',
          returnedAt: '2026-07-15T03:00:00.000Z',
          availableActions: [],
        }),
      },
      'GET /queue': { body: { items: [], nextCursor: null } },
      'GET /dossiers/d-1/receipt.pdf': { body: '%PDF-1.4' },
    });
    URL.createObjectURL = jest.fn(() => 'blob:receipt');
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot download; the click on the hidden link is what a browser would follow.
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/staff/dossiers/d-1');
    await userEvent.click(within(await actionsSection()).getByRole('button', { name: 'Trả kết quả' }));
    await screen.findByText('Đã trả kết quả cho công dân.');
    const print = screen.getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' });
    expect(print).toHaveClass('btn--primary');
    await userEvent.click(print);
    await waitFor(() => expect(api.calls.some((c) => c.path === '/dossiers/d-1/receipt.pdf')).toBe(true));
    expect(api.calls.find((c) => c.path === '/dossiers/d-1/receipt.pdf')?.authorization).toBe(
      'Bearer access-u-reception',
    );
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    clicked.mockRestore();
  });

  it('says a dossier outside the agency is not found', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({ 'GET /dossiers/d-x': { status: 404, body: problem(404, 'DOSSIER_NOT_FOUND', 'No such dossier') } });
    renderApp('/staff/dossiers/d-x');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' })).toBeInTheDocument();
  });
});

describe('result document on the work screen', () => {
  beforeEach(() => resetVisitor('vi'));

  it('the approver uploads the result PDF before approving, and sees it listed, not yet signed', async () => {
    storeSession(approver, approver.user);
    let current = dossier({ status: 'PENDING_APPROVAL', availableActions: ['approve', 'reject', 'return_to_officer'] });
    const api = stubApi({
      'GET /dossiers/d-1': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/result': () => {
        current = {
          ...current,
          result: {
            id: 'r-1',
            fileName: 'ket-qua.pdf',
            size: 9,
            sha256: 'c'.repeat(64),
            signed: false,
            signedAt: null,
            signer: null,
            verificationCode: 'q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO',
          },
        };
        return {
          status: 201,
          body: { id: 'r-1', fileName: 'ket-qua.pdf', size: 9, sha256: 'c'.repeat(64), signed: false },
        };
      },
    });
    renderApp('/staff/dossiers/d-1');
    const section = await screen.findByRole('region', { name: 'Kết quả giải quyết' });
    expect(within(section).getByText(/Chưa có văn bản kết quả/)).toBeInTheDocument();
    const pdf = new File(['%PDF-1.7'], 'ket-qua.pdf', { type: 'application/pdf' });
    await userEvent.upload(within(section).getByLabelText('Văn bản kết quả (PDF)'), pdf);
    await userEvent.click(within(section).getByRole('button', { name: 'Tải lên kết quả' }));
    expect(await within(section).findByText('Đã tải lên văn bản kết quả.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/dossiers/d-1/result')).toBe(true);
    expect(await within(section).findByText(/ket-qua\.pdf — chưa ký số/)).toBeInTheDocument();
  });

  it('generates the result from the procedure template when it has one (and not otherwise)', async () => {
    storeSession(approver, approver.user);
    const base = dossier({ status: 'IN_PROCESSING', availableActions: [] });
    let current = { ...base, procedure: { ...base.procedure, hasResultTemplate: true } };
    const api = stubApi({
      'GET /dossiers/d-1': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/result/generate': () => {
        current = {
          ...current,
          result: {
            id: 'r-1',
            fileName: 'ket-qua-C-1.pdf',
            size: 9,
            sha256: 'c'.repeat(64),
            signed: false,
            signedAt: null,
            signer: null,
            verificationCode: 'q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO',
          },
        };
        return { status: 201, body: { id: 'r-1', fileName: 'ket-qua-C-1.pdf', size: 9, sha256: 'c', signed: false } };
      },
    });
    renderApp('/staff/dossiers/d-1');
    const section = await screen.findByRole('region', { name: 'Kết quả giải quyết' });
    await userEvent.click(within(section).getByRole('button', { name: 'Tạo từ mẫu' }));
    expect(await within(section).findByText('Đã tạo văn bản kết quả từ mẫu của thủ tục.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/dossiers/d-1/result/generate')).toBe(true);
    expect(await within(section).findByText(/ket-qua-C-1\.pdf — chưa ký số/)).toBeInTheDocument();
  });

  it('offers no template button for a procedure without one', async () => {
    storeSession(approver, approver.user);
    stubApi({
      'GET /dossiers/d-1': { body: dossier({ status: 'IN_PROCESSING', availableActions: [] }) },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    const section = await screen.findByRole('region', { name: 'Kết quả giải quyết' });
    expect(within(section).queryByRole('button', { name: 'Tạo từ mẫu' })).not.toBeInTheDocument();
  });

  it('the approver revokes a signed result with a reason in a dialog', async () => {
    storeSession(approver, approver.user);
    const signed = {
      id: 'r-1',
      fileName: 'ket-qua.pdf',
      size: 9,
      sha256: 'c'.repeat(64),
      signed: true,
      signedAt: '2026-07-02T03:00:00.000Z',
      signer: 'CN=UBND phường Hải Châu',
      verificationCode: 'q3Zk9xw7TnA1bC2dE3fG4hI5jK6lM7nO',
    };
    let current: DossierDto = dossier({ status: 'RETURNED', availableActions: [], result: signed });
    const api = stubApi({
      'GET /dossiers/d-1': () => ({ body: current }),
      'GET /procedures/1.001193': { body: birthProcedure },
      'POST /dossiers/d-1/result/revoke': () => {
        current = {
          ...current,
          result: { ...signed, revokedAt: '2026-07-03T03:00:00.000Z', revokedReason: 'Sai ngày sinh' },
        };
        return {
          status: 200,
          body: { ...signed, revokedAt: '2026-07-03T03:00:00.000Z', revokedReason: 'Sai ngày sinh' },
        };
      },
    });
    renderApp('/staff/dossiers/d-1');
    const section = await screen.findByRole('region', { name: 'Kết quả giải quyết' });
    await userEvent.click(within(section).getByRole('button', { name: 'Thu hồi kết quả' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thu hồi kết quả' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Thu hồi kết quả' }));
    expect(await within(dialog).findByText(/Nhập lý do thu hồi/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(/Lý do thu hồi/), 'Sai ngày sinh');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Thu hồi kết quả' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const call = api.calls.find((c) => c.path === '/dossiers/d-1/result/revoke');
    expect(call?.body).toEqual({ reason: 'Sai ngày sinh' });
    expect(await within(section).findByText(/đã thu hồi: Sai ngày sinh/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Thu hồi kết quả' })).not.toBeInTheDocument();
  });

  it('is absent for the desk while nothing is uploaded', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /dossiers/d-1': { body: dossier({ status: 'IN_PROCESSING', availableActions: [] }) },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    renderApp('/staff/dossiers/d-1');
    await actionsSection();
    expect(screen.queryByRole('region', { name: 'Kết quả giải quyết' })).not.toBeInTheDocument();
  });
});
