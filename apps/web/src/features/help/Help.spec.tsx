import { act, configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { birthProcedure, buildDossier, summaryOf } from '../../test/dossier-fixtures';
import { citizenLogin } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

/** The Decree 13/2023 notice: purpose, data, processor, retention, rights, contact, and the full policy. */
function expectPrivacyNotice(data: RegExp) {
  const notice = screen.getByRole('complementary', { name: 'Thông tin về xử lý dữ liệu cá nhân' });
  expect(notice).toHaveTextContent(/Mục đích: giải quyết thủ tục hành chính/);
  expect(notice).toHaveTextContent(data);
  expect(notice).toHaveTextContent(/Bên xử lý: cơ quan giải quyết thủ tục/);
  expect(notice).toHaveTextContent('Thời hạn lưu trữ: 10 năm kể từ khi hồ sơ kết thúc');
  expect(notice).toHaveTextContent(/Quyền của bạn: .*Nghị định 13\/2023\/NĐ-CP/);
  expect(notice).toHaveTextContent('Liên hệ: hotro@motcua.example, tổng đài 1022.');
  expect(within(notice).getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân đầy đủ' })).toHaveAttribute(
    'href',
    '/quyen-rieng-tu',
  );
}

describe('help, privacy and the personal data notice', () => {
  beforeEach(() => resetVisitor('vi'));

  it('answers common questions in disclosure widgets and says how to get help', async () => {
    stubApi({});
    renderApp('/tro-giup');
    await screen.findByRole('heading', { level: 1, name: 'Trợ giúp' });
    const details = document.querySelectorAll('details.faq__item');
    expect(details.length).toBeGreaterThanOrEqual(5);
    const first = details[0] as HTMLDetailsElement;
    expect(first.open).toBe(false);
    await userEvent.click(within(first).getByText('Tôi có cần tài khoản để nộp hồ sơ không?'));
    expect(first.open).toBe(true);
    expect(screen.getByRole('link', { name: '1022' })).toHaveAttribute('href', 'tel:1022');
    expect(screen.getByRole('link', { name: 'hotro@motcua.example' })).toHaveAttribute(
      'href',
      'mailto:hotro@motcua.example',
    );
    expect(screen.getByText(/Giờ hỗ trợ: Thứ Hai đến Thứ Sáu/)).toBeInTheDocument();
  });

  it('links help and the privacy policy from every page footer, in both languages', async () => {
    stubApi({ 'GET /sectors': { body: { items: [] } }, 'GET /procedures': { body: { items: [], total: 0 } } });
    renderApp('/');
    const footer = await screen.findByRole('navigation', { name: 'Liên kết chân trang' });
    expect(within(footer).getByRole('link', { name: 'Trợ giúp' })).toHaveAttribute('href', '/tro-giup');
    expect(within(footer).getByRole('link', { name: 'Bảo vệ dữ liệu cá nhân' })).toHaveAttribute(
      'href',
      '/quyen-rieng-tu',
    );
    act(() => setLanguage('en'));
    const en = await screen.findByRole('navigation', { name: 'Footer links' });
    expect(within(en).getByRole('link', { name: 'Help' })).toBeInTheDocument();
    expect(within(en).getByRole('link', { name: 'Personal data protection' })).toBeInTheDocument();
  });

  it('states the full policy: purpose, data, processor, a concrete retention period, rights and contact', async () => {
    stubApi({});
    renderApp('/quyen-rieng-tu');
    await screen.findByRole('heading', { level: 1, name: 'Chính sách bảo vệ dữ liệu cá nhân' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Mục đích xử lý',
      'Dữ liệu được thu thập',
      'Ai xử lý dữ liệu',
      'Thời hạn lưu trữ',
      'Quyền của bạn',
      'Liên hệ',
    ]);
    expect(screen.getByRole('region', { name: 'Thời hạn lưu trữ' })).toHaveTextContent(
      'được lưu 10 năm kể từ khi hồ sơ kết thúc',
    );
    act(() => setLanguage('en'));
    expect(await screen.findByRole('region', { name: 'How long we keep it' })).toHaveTextContent(
      'kept for 10 years after the application is closed',
    );
  });

  it('shows the notice at registration', async () => {
    stubApi({ 'GET /auth/providers': { body: { oidc: false } } });
    renderApp('/register');
    await screen.findByRole('heading', { level: 1 });
    expectPrivacyNotice(/Dữ liệu thu thập: họ tên, số định danh cá nhân, ngày sinh/);
  });

  it('shows the notice on the application form', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    const draft = buildDossier();
    stubApi({
      'GET /procedures/1.001193': { body: birthProcedure() },
      'GET /dossiers': { body: { items: [summaryOf(draft)], nextCursor: null } },
      'GET /dossiers/d-1': { body: draft },
      'GET /agencies': { body: { items: [] } },
    });
    renderApp('/apply/1.001193/1');
    await screen.findByRole('heading', { level: 1, name: /Khai thông tin/ });
    expectPrivacyNotice(/Dữ liệu thu thập: thông tin bạn khai trong tờ khai và các giấy tờ bạn tải lên/);
  });

  it('shows the notice on the application form only with the form, never below a loading line it would jump from', async () => {
    storeSession(citizenLogin, citizenLogin.user);
    // A draft with answers, opened without a step: the wizard first works out where to resume.
    const draft = buildDossier({ formData: { childFullName: 'Nguyễn Văn An' } });
    stubApi({
      'GET /procedures/1.001193': { body: birthProcedure() },
      'GET /dossiers': { body: { items: [summaryOf(draft)], nextCursor: null } },
      'GET /dossiers/d-1': { body: draft },
      'GET /agencies': { body: { items: [] } },
    });
    let alone = 0;
    const watch = new MutationObserver(() => {
      const notice = document.querySelector('aside.privacy-notice');
      const form = [...document.querySelectorAll('h1')].some((h) => /Khai thông tin/.test(h.textContent ?? ''));
      if (notice && !form) alone++;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    try {
      renderApp('/apply/1.001193');
      await screen.findByRole('heading', { level: 1, name: /Khai thông tin/ });
      expectPrivacyNotice(/Dữ liệu thu thập: thông tin bạn khai trong tờ khai/);
    } finally {
      watch.disconnect();
    }
    expect(alone).toBe(0);
  });
});
