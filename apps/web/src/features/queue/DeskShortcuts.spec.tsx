import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { birthProcedure, dossier, queueItem, receptionist } from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';
import { DESK_SHORTCUTS, shortcutOf } from './deskShortcuts';

const key = (k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  shortcutOf({ key: k, ctrlKey: false, altKey: false, metaKey: false, target, ...mods });

describe('desk shortcuts (shortcutOf)', () => {
  it('maps j, k, /, a and ? to their actions', () => {
    expect(DESK_SHORTCUTS.map((s) => [s.key, key(s.key)])).toEqual([
      ['j', 'next'],
      ['k', 'previous'],
      ['/', 'search'],
      ['a', 'actions'],
      ['?', 'help'],
    ]);
    expect(key('x')).toBeNull();
  });

  it('never fires while typing in a field, nor with Ctrl, Alt or Meta', () => {
    for (const html of ['<input type="search">', '<input>', '<textarea></textarea>', '<select></select>']) {
      document.body.innerHTML = html;
      expect(key('j', document.body.firstElementChild)).toBeNull();
    }
    document.body.innerHTML = '<div contenteditable="true"></div>';
    const editable = document.body.firstElementChild as HTMLElement;
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(key('a', editable)).toBeNull();
    document.body.innerHTML = '<input type="radio">';
    expect(key('j', document.body.firstElementChild)).toBe('next');
    expect(key('j', document.body, { ctrlKey: true })).toBeNull();
    expect(key('/', document.body, { metaKey: true })).toBeNull();
    expect(key('a', document.body, { altKey: true })).toBeNull();
    document.body.innerHTML = '';
  });
});

describe('desk shortcuts on the queue and the work screen', () => {
  beforeEach(() => resetVisitor('vi'));

  const queue = {
    body: {
      items: [
        queueItem({ id: 'd-1', code: 'H17.01-260101-0001' }),
        queueItem({ id: 'd-2', code: 'H17.01-260101-0002' }),
        queueItem({ id: 'd-3', code: 'H17.01-260101-0003' }),
      ],
      nextCursor: null,
    },
  };

  it('j/k move between dossiers, / goes to the search box, typing there fires nothing, ? lists the keys', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({ 'GET /queue': queue, 'GET /procedures': { body: { items: [], total: 0 } } });
    renderApp('/staff');
    const first = await screen.findByRole('link', { name: 'H17.01-260101-0001' });
    await userEvent.keyboard('j');
    expect(first).toHaveFocus();
    await userEvent.keyboard('jj');
    expect(screen.getByRole('link', { name: 'H17.01-260101-0003' })).toHaveFocus();
    await userEvent.keyboard('j');
    expect(screen.getByRole('link', { name: 'H17.01-260101-0003' })).toHaveFocus();
    await userEvent.keyboard('k');
    expect(screen.getByRole('link', { name: 'H17.01-260101-0002' })).toHaveFocus();

    await userEvent.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Mã hồ sơ hoặc tên người nộp' });
    expect(search).toHaveFocus();
    // Letters typed into the box stay there: no shortcut fires.
    await userEvent.keyboard('jak?');
    expect(search).toHaveValue('jak?');
    expect(search).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    search.blur();
    await userEvent.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Phím tắt của bàn làm việc' });
    for (const k of ['j', 'k', '/', 'a', '?'])
      expect(within(help).getByText(k, { selector: 'kbd' })).toBeInTheDocument();
    expect(within(help).getByText('Hồ sơ tiếp theo trong danh sách')).toBeInTheDocument();
    // No shortcut while the dialog is open; Esc closes it.
    await userEvent.keyboard('j');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('a on a dossier opens its work screen with the focus on its first action', async () => {
    storeSession(receptionist, receptionist.user);
    const api = stubApi({
      'GET /queue': queue,
      'GET /procedures': { body: { items: [], total: 0 } },
      'GET /dossiers/d-2': {
        body: dossier({ id: 'd-2', status: 'SUBMITTED', availableActions: ['receive', 'refuse'] }),
      },
      'GET /procedures/1.001193': { body: birthProcedure },
    });
    const { router } = renderApp('/staff');
    await screen.findByRole('link', { name: 'H17.01-260101-0001' });
    await userEvent.keyboard('jja');
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/dossiers/d-2'));
    const receive = await screen.findByRole('button', { name: 'Tiếp nhận hồ sơ' });
    await waitFor(() => expect(receive).toHaveFocus());
    expect(api.calls.some((c) => c.path === '/dossiers/d-2')).toBe(true);
    // On the work screen, "a" comes back to the actions from anywhere.
    receive.blur();
    await userEvent.keyboard('a');
    expect(receive).toHaveFocus();
  });
});
