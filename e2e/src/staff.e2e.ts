import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newPage, PHONE, type Viewport } from './support/browser.js';
import { violationsInBothLanguages } from './support/a11y.js';
import { ApiClient } from './support/api.js';
import { BIRTH, DEMO_PASSWORD, HAI_CHAU, tinyPdf } from './support/fixtures.js';
import { waitForHeading } from './support/pages.js';

const CITIZEN = '048090000123';

/** The citizen's side, through the API as the portal would call it. */
class CitizenApi {
  private constructor(private readonly api: ApiClient) {}

  static async login(): Promise<CitizenApi> {
    return new CitizenApi(await ApiClient.login(CITIZEN));
  }

  /** A birth registration filed online: draft, a PDF per required document, submit. */
  async fileBirthRegistration(): Promise<{ id: string; code: string }> {
    const birthDay = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const draft = await this.api.call<{ id: string }>('POST', '/dossiers', {
      procedureCode: BIRTH,
      agencyCode: HAI_CHAU,
      formData: {
        childFullName: 'Nguyễn Minh Khang',
        childDateOfBirth: birthDay,
        childGender: 'NAM',
        childEthnicity: 'KINH',
        placeOfBirth: 'Bệnh viện Phụ sản – Nhi Đà Nẵng',
        hometown: 'Hải Châu, Đà Nẵng',
        motherFullName: 'Trần Thị Hoa',
        motherNationalId: '048190000123',
        requesterName: 'Nguyễn Văn An',
        requesterNationalId: CITIZEN,
        requesterPhone: '0905123456',
        requesterRelation: 'CHA',
        resultDelivery: 'TRUC_TUYEN',
        declaration: true,
      },
    });
    await this.api.upload(draft.id, 'TO_KHAI', 'to-khai.pdf');
    await this.api.upload(draft.id, 'GIAY_CHUNG_SINH', 'giay-chung-sinh.pdf');
    const submitted = await this.api.call<{ code: string }>('POST', `/dossiers/${draft.id}/submit`, undefined, {
      'Idempotency-Key': `staff-e2e-${draft.id}`,
    });
    return { id: draft.id, code: submitted.code };
  }

  async supplement(id: string): Promise<void> {
    await this.api.upload(id, 'GIAY_CHUNG_SINH', 'giay-chung-sinh-ro-net.pdf');
    await this.api.call('POST', `/dossiers/${id}/supplement`, { note: 'Đã tải lên bản chụp giấy chứng sinh rõ nét.' });
  }
}

async function logIn(
  browser: Browser,
  username: string,
  viewport?: Viewport,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, viewport);
  await page.goto('/login');
  await waitForHeading(page, 'Đăng nhập');
  await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  return { context, page };
}

/** Open a queue tab, find the dossier by its code with the search, and open its work screen. */
async function openFromQueue(page: Page, tab: string, code: string): Promise<void> {
  await page.goto('/staff');
  await waitForHeading(page, 'Bàn làm việc');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(code);
  await page.getByRole('button', { name: 'Tìm và lọc' }).click();
  const link = page.getByRole('tabpanel').getByRole('link', { name: code, exact: true });
  await link.waitFor();
  await link.click();
  await waitForHeading(page, `Hồ sơ ${code}`);
}

const actions = (page: Page) => page.getByRole('region', { name: 'Xử lý hồ sơ' });

async function act(
  page: Page,
  button: string,
  done: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await actions(page).getByRole('button', { name: button, exact: true }).click();
  if (fill) {
    const dialog = page.getByRole('dialog', { name: button });
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
  }
  await actions(page).getByRole('status').filter({ hasText: done }).waitFor();
}

/** The number on a KPI card of the dashboard ("1.234" → 1234). */
async function kpi(page: Page, key: string): Promise<number> {
  const text = (await page.locator(`li[data-kpi="${key}"] .kpi__value`).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function kpiBecomes(page: Page, key: string, value: number): Promise<void> {
  try {
    await page.waitForFunction(
      ([k, v]) =>
        Number(document.querySelector(`li[data-kpi="${k}"] .kpi__value`)?.textContent?.replace(/\D/g, '')) === v,
      [key, value] as const,
      { timeout: 15_000 },
    );
  } catch (e) {
    throw new Error(`KPI ${key} did not become ${value} (it is ${await kpi(page, key)})`, { cause: e });
  }
}

describe('staff desk and manager dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('receive, assign, supplement, approve, return the result; the dashboard follows live; axe-clean in vi and en', async () => {
    const violations: string[] = [];
    const citizen = await CitizenApi.login();
    const { id, code } = await citizen.fileBirthRegistration();

    // The manager watches the dashboard in a second browser context for the whole journey.
    const manager = await logIn(browser, 'quanly.haichau');
    await waitForHeading(manager.page, 'Bảng điều khiển');
    await manager.page.getByText('Cập nhật trực tiếp', { exact: true }).waitFor();
    await manager.page.locator('li[data-kpi="received"]').waitFor();
    violations.push(...(await violationsInBothLanguages(manager.page)));
    await manager.page.getByText('Cập nhật trực tiếp', { exact: true }).waitFor();
    // A reload would lose this mark: it proves the figures below changed in place.
    await manager.page.evaluate(() => Object.assign(window, { __notReloaded: true }));
    const received = await kpi(manager.page, 'received');
    const decided = await kpi(manager.page, 'decided');

    // The reception desk receives it.
    const desk = await logIn(browser, 'tiepnhan.haichau');
    await waitForHeading(desk.page, 'Bàn làm việc');
    await desk.page.getByRole('tab', { name: 'Chờ tiếp nhận', exact: true, selected: true }).waitFor();
    violations.push(...(await violationsInBothLanguages(desk.page)));
    await openFromQueue(desk.page, 'Chờ tiếp nhận', code);
    await desk.page.getByText('Nguyễn Minh Khang').waitFor();
    violations.push(...(await violationsInBothLanguages(desk.page)));
    // The citizen's PDF shows in the page.
    await desk.page.getByRole('button', { name: 'Xem trước to-khai.pdf' }).click();
    await desk.page.locator('iframe[src^="blob:"]').waitFor();
    await act(desk.page, 'Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ');
    await kpiBecomes(manager.page, 'received', received + 1);

    // The officer takes it and asks for a supplement.
    const officer = await logIn(browser, 'chuyenvien.haichau');
    await waitForHeading(officer.page, 'Bàn làm việc');
    await openFromQueue(officer.page, 'Chờ phân công', code);
    await act(officer.page, 'Phân công xử lý', 'Đã phân công xử lý hồ sơ', async (dialog) => {
      // An officer takes a free dossier for themself; handing it to a colleague is the desk's or the approver's.
      expect(await dialog.getByRole('radio').count()).toBe(0);
    });
    await act(officer.page, 'Yêu cầu bổ sung', 'Đã gửi yêu cầu bổ sung', async (dialog) => {
      // The note is required: an empty one is refused in the dialog.
      await dialog.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
      await dialog.getByText('Nhập giấy tờ, thông tin cần bổ sung').first().waitFor();
      // The open dialog, as axe sees it (the page behind it is inert, so the language stays).
      violations.push(...(await axeViolations(officer.page)));
      await dialog
        .getByLabel(/Giấy tờ, thông tin cần bổ sung/)
        .fill('Vui lòng tải lên bản chụp giấy chứng sinh rõ nét hơn.');
    });

    // The citizen supplements; the officer, after a reload, submits it for approval.
    await citizen.supplement(id);
    await officer.page.reload();
    await waitForHeading(officer.page, `Hồ sơ ${code}`);
    await officer.page.getByRole('button', { name: 'Xem trước giay-chung-sinh-ro-net.pdf' }).waitFor();
    await act(officer.page, 'Trình phê duyệt', 'Đã trình hồ sơ');

    // The head of the ward approves it.
    const approver = await logIn(browser, 'lanhdao.haichau');
    await waitForHeading(approver.page, 'Bàn làm việc');
    await openFromQueue(approver.page, 'Chờ phê duyệt', code);
    violations.push(...(await violationsInBothLanguages(approver.page)));
    // Delivered online: the decision needs the result document, which the approval signs.
    await approver.page
      .getByLabel('Văn bản kết quả (PDF)')
      .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await approver.page.getByRole('button', { name: 'Tải lên kết quả' }).click();
    await approver.page.getByText('Đã tải lên văn bản kết quả.').waitFor();
    await act(approver.page, 'Phê duyệt', 'Đã phê duyệt hồ sơ');
    await kpiBecomes(manager.page, 'decided', decided + 1);

    // The desk returns the result and prints the receipt.
    await openFromQueue(desk.page, 'Chờ trả kết quả', code);
    await act(desk.page, 'Trả kết quả', 'Đã trả kết quả');
    const [download] = await Promise.all([
      desk.page.waitForEvent('download'),
      actions(desk.page).getByRole('button', { name: 'In phiếu tiếp nhận và hẹn trả kết quả' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`phieu-tiep-nhan-${code}.pdf`);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    violations.push(...(await violationsInBothLanguages(desk.page)));

    expect(await manager.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(
      true,
    );

    // The dashboard's overdue list and breakdown render; the work screen opens read-only for the manager.
    await manager.page.getByRole('table', { name: 'Số liệu theo đơn vị' }).waitFor();
    await manager.page.getByRole('table', { name: /^Hồ sơ quá hạn đang giải quyết/ }).waitFor();
    await manager.page.goto(`/manager/dossiers/${id}`);
    await waitForHeading(manager.page, `Hồ sơ ${code}`);
    await actions(manager.page).getByText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.').waitFor();

    expect(violations).toEqual([]);
    for (const c of [manager, desk, officer, approver]) await c.context.close();
    // Five people, four logins and a live feed: longer than one page's journey.
  }, 180_000);

  it('tells a desk that lost a race that someone else acted first, and reloads', async () => {
    const citizen = await CitizenApi.login();
    const { code } = await citizen.fileBirthRegistration();
    const first = await logIn(browser, 'tiepnhan.haichau');
    await waitForHeading(first.page, 'Bàn làm việc');
    await openFromQueue(first.page, 'Chờ tiếp nhận', code);
    // The same desk in a second tab (the session is shared through storage).
    const secondPage = await first.context.newPage();
    await secondPage.goto(first.page.url());
    await waitForHeading(secondPage, `Hồ sơ ${code}`);
    await act(secondPage, 'Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ');

    await actions(first.page).getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    const conflict = first.page.getByRole('alert').filter({ hasText: 'Hồ sơ đã được người khác xử lý' });
    await conflict.waitFor();
    expect(await violationsInBothLanguages(first.page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await actions(first.page).getByRole('button', { name: 'Phân công xử lý', exact: true }).waitFor();
    await first.context.close();
  });

  it('fits a phone (375×667): the dashboard and the work screen scroll only their tables sideways', async () => {
    const sideways = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const manager = await logIn(browser, 'quanly.haichau', PHONE);
    await waitForHeading(manager.page, 'Bảng điều khiển');
    await manager.page.locator('li[data-kpi="received"]').waitFor();
    await manager.page.getByRole('table', { name: 'Số liệu theo đơn vị' }).waitFor();
    expect(await sideways(manager.page)).toBeLessThanOrEqual(0);
    await manager.context.close();

    const citizen = await CitizenApi.login();
    const { code } = await citizen.fileBirthRegistration();
    const desk = await logIn(browser, 'tiepnhan.haichau', PHONE);
    await waitForHeading(desk.page, 'Bàn làm việc');
    await openFromQueue(desk.page, 'Chờ tiếp nhận', code);
    expect(await sideways(desk.page)).toBeLessThanOrEqual(0);
    await desk.context.close();
  });

  it('the desk on a phone (375×667): queue rows as cards, shortcuts, and the assignee picker with each officer’s load', async () => {
    const sideways = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const citizen = await CitizenApi.login();
    const { code } = await citizen.fileBirthRegistration();
    const desk = await logIn(browser, 'tiepnhan.haichau', PHONE);
    const page = desk.page;
    await waitForHeading(page, 'Bàn làm việc');
    const table = page.getByRole('table', { name: 'Chờ tiếp nhận' });
    await table.getByRole('link').first().waitFor();
    // Cards: no sideways scroll of the page nor of the table, rows laid out as blocks.
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(
      await page
        .locator('.table-wrap')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(
      await table
        .locator('tbody tr')
        .first()
        .evaluate((tr) => getComputedStyle(tr).display),
    ).toBe('block');
    expect(await axeViolations(page)).toEqual([]);

    // "/" goes to the search; what is typed there stays text; "j" then "a" opens the dossier's actions.
    await page.keyboard.press('/');
    const search = page.getByLabel('Mã hồ sơ hoặc tên người nộp');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    const link = table.getByRole('link', { name: code, exact: true });
    // The new dossier is already listed before the search runs: wait for the filtered list
    // (only this dossier), not just for its link, or the count races the search's fetch.
    await page.waitForFunction((wanted) => {
      const tables = [...document.querySelectorAll('table')].filter(
        (t) =>
          t.getAttribute('aria-label') === 'Chờ tiếp nhận' ||
          t.querySelector('caption')?.textContent?.includes('Chờ tiếp nhận'),
      );
      const links = tables.flatMap((t) => [...t.querySelectorAll('tbody a')]);
      return links.length === 1 && links[0].textContent?.trim() === wanted;
    }, code);
    expect(await table.getByRole('link').count()).toBe(1);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('j');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('a');
    await waitForHeading(page, `Hồ sơ ${code}`);
    const receive = actions(page).getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Tiếp nhận hồ sơ');
    await receive.press('Enter');
    await actions(page).getByRole('status').filter({ hasText: 'Đã tiếp nhận hồ sơ' }).waitFor();

    // "?" lists the shortcuts.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Phím tắt của bàn làm việc' });
    await help.getByText('Hồ sơ tiếp theo trong danh sách').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // Handing over: GET /staff's officers with their open load, searchable without diacritics.
    await actions(page).getByRole('button', { name: 'Phân công xử lý', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Phân công xử lý' });
    const officer = dialog.getByRole('radio', { name: /^Lê Văn Cường đang xử lý \d+ hồ sơ$/ });
    await officer.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('searchbox', { name: 'Tìm chuyên viên theo tên' }).fill('le van cuong');
    expect(await dialog.getByRole('radio').count()).toBe(1);
    await officer.check();
    await dialog.getByLabel(/Lý do phân công/).fill('Đúng lĩnh vực hộ tịch');
    await dialog.getByRole('button', { name: 'Phân công xử lý', exact: true }).click();
    await actions(page).getByRole('status').filter({ hasText: 'Đã phân công xử lý hồ sơ' }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await desk.context.close();
  });
});
