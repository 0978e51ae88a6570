import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { birthProcedure, buildDossier, summaryOf } from '../../test/dossier-fixtures';
import { citizenLogin, citizenMe } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';
import * as rules from './loadFormRules';

// The rules' loader, held until a test lets it finish: step 1 must not wait for it (issue 16, item 16).
let release: () => void = () => undefined;
jest.mock('./loadFormRules', () => {
  const actual = jest.requireActual<typeof import('./loadFormRules')>('./loadFormRules');
  return {
    ...actual,
    loadFormRules: jest.fn(),
    prefetchFormRules: jest.fn(() => () => undefined),
  };
});
const loadFormRules = jest.mocked(rules.loadFormRules);
const prefetchFormRules = jest.mocked(rules.prefetchFormRules);

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

describe('application wizard: step 1 before the validator has loaded', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(citizenLogin, citizenLogin.user);
    const actual = jest.requireActual<typeof import('./loadFormRules')>('./loadFormRules');
    const gate = new Promise<void>((resolve) => (release = resolve));
    loadFormRules.mockReset().mockImplementation(async () => {
      await gate;
      return actual.loadFormRules();
    });
    prefetchFormRules.mockClear();
  });

  it('shows a new draft’s first questions, prefilled and bounded, then checks them once the rules arrive', async () => {
    const procedure = birthProcedure();
    procedure.formSchema.fields = procedure.formSchema.fields.map((f) =>
      f.key === 'childFullName'
        ? { ...f, profileField: 'fullName' as const, pattern: undefined }
        : f.key === 'childDateOfBirth'
          ? { ...f, max: 'today' }
          : f,
    );
    let draft: ReturnType<typeof buildDossier> | null = null;
    stubApi({
      'GET /procedures/1.001193': { body: procedure },
      'GET /auth/me': { body: { ...citizenMe, verified: true } },
      'GET /dossiers': () => ({ body: { items: draft ? [summaryOf(draft)] : [], nextCursor: null } }),
      'POST /dossiers': () => {
        draft = buildDossier();
        return { status: 201, body: { id: draft.id, status: 'DRAFT', version: 1 } };
      },
      'GET /dossiers/d-1': () => ({ body: draft }),
    });
    const { router } = renderApp('/apply/1.001193');

    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });
    expect(router.state.location.pathname).toBe('/apply/1.001193/1');
    const name = screen.getByLabelText(/^Họ, chữ đệm và tên/);
    expect(name).toHaveValue(citizenMe.fullName);
    expect(name).toHaveAttribute('readonly');
    expect(screen.getByLabelText(/^Ngày, tháng, năm sinh/)).toHaveAttribute('max');
    // Rendered, and the rules are asked for only once the page is idle.
    expect(prefetchFormRules).toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(loadFormRules).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await act(async () => release());
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Nhập ngày, tháng, năm sinh', 'Chọn giới tính', 'Nhập số định danh cá nhân của mẹ']);
  });

  it('says so when the rules cannot be loaded (offline), and checks the page on the next try', async () => {
    const actual = jest.requireActual<typeof import('./loadFormRules')>('./loadFormRules');
    loadFormRules.mockReset().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    loadFormRules.mockImplementation(() => actual.loadFormRules());
    const draft = buildDossier();
    stubApi({
      'GET /procedures/1.001193': { body: birthProcedure() },
      'GET /dossiers/d-1': { body: draft },
      'GET /dossiers': { body: { items: [summaryOf(draft)], nextCursor: null } },
    });
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: 'Khai thông tin (phần 1/2)' });

    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByText('Đã có lỗi xảy ra. Vui lòng thử lại.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    const summary = await screen.findByRole('alert', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getAllByRole('link')).toHaveLength(4);
  });
});
