import type { Browser, BrowserContext, Page } from 'playwright-core';
import { violationsInBothLanguages } from './support/a11y.js';
import { ApiClient } from './support/api.js';
import { launchBrowser, newPage, PHONE } from './support/browser.js';
import { BIRTH, DEMO_PASSWORD, HAI_CHAU } from './support/fixtures.js';
import { waitForHeading, watchErrors } from './support/pages.js';

/**
 * What a newcomer looks for on a phone (issue 16, items 7–11): where and when to go, forms to
 * download, help and privacy, rating from the tracking page, the wait after too many logins, and
 * pages that stay 375 px wide whatever was typed into them.
 */
const CITIZEN = '048090000123';
const JOURNEY_TIMEOUT = 180_000;

/** How far the page scrolls sideways: 0 when it fits its screen. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectFits(page: Page): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  expect({ page: new URL(page.url()).pathname.slice(0, 60), overflow }).toEqual({
    page: new URL(page.url()).pathname.slice(0, 60),
    overflow: 0,
  });
}

/** A birth registration filed by the demo citizen, collected at the desk (no signed result needed). */
async function fileBirthRegistration(requesterName = 'Nguyễn Văn An'): Promise<{ id: string; code: string }> {
  const api = await ApiClient.login(CITIZEN);
  const birthDay = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const draft = await api.call<{ id: string }>('POST', '/dossiers', {
    procedureCode: BIRTH,
    agencyCode: HAI_CHAU,
    deliveryMethod: 'COUNTER',
    formData: {
      childFullName: 'Nguyễn Minh Khôi',
      childDateOfBirth: birthDay,
      childGender: 'NAM',
      childEthnicity: 'KINH',
      placeOfBirth: 'Bệnh viện Phụ sản – Nhi Đà Nẵng',
      hometown: 'Hải Châu, Đà Nẵng',
      motherFullName: 'Trần Thị Hoa',
      motherNationalId: '048190000123',
      requesterName,
      requesterNationalId: CITIZEN,
      requesterPhone: '0905123456',
      requesterRelation: 'CHA',
      resultDelivery: 'TAI_QUAY',
      declaration: true,
    },
  });
  await api.upload(draft.id, 'TO_KHAI', 'to-khai.pdf');
  await api.upload(draft.id, 'GIAY_CHUNG_SINH', 'giay-chung-sinh.pdf');
  const submitted = await api.call<{ code: string }>('POST', `/dossiers/${draft.id}/submit`, undefined, {
    'Idempotency-Key': `pages-e2e-${draft.id}`,
  });
  return { id: draft.id, code: submitted.code };
}

async function act(username: string, id: string, action: string, note?: string): Promise<void> {
  const api = await ApiClient.login(username);
  const { version } = await api.call<{ version: number }>('GET', `/dossiers/${id}`);
  await api.call('POST', `/dossiers/${id}/actions`, { action, version, ...(note ? { note } : {}) });
}

async function logInHere(page: Page, username: string): Promise<void> {
  await waitForHeading(page, 'Đăng nhập');
  await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}

describe('portal pages on a phone', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  const phonePage = async () => {
    const { context, page } = await newPage(browser, PHONE);
    contexts.push(context);
    watchErrors(page);
    return page;
  };

  it(
    'the procedure page says where and when to go, links a map, offers the form, and leads to help and privacy',
    async () => {
      const page = await phonePage();
      const violations: string[] = [];
      await page.goto(`/procedures/${BIRTH}`);
      await waitForHeading(page, 'Đăng ký khai sinh');

      // The way in comes before the detail, and again at the end.
      const apply = page.getByRole('main').getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
      expect(await apply.count()).toBe(2);
      const applyY = (await apply.first().boundingBox())!.y;
      const summaryY = (await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).boundingBox())!.y;
      expect(applyY).toBeLessThan(summaryY);
      await page.getByText('Cập nhật lần cuối: 01/07/2025 (phiên bản 1)').waitFor();
      // E2E_SCREENSHOTS=<dir>: the page as a phone shows it, for the docs (docs/screenshots).
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/procedure-375.png`, fullPage: true });
      }

      // Every ward handles it: each office is a closed disclosure; the citizen opens their own.
      const office = page.locator('details.agency-contact').filter({
        has: page.getByText('Phường Hải Châu', { exact: true }),
      });
      expect(await page.locator('details.agency-contact').count()).toBeGreaterThan(3);
      await office.locator('summary').click();
      await office.getByText(/12 Quang Trung, phường Hải Châu/).waitFor();
      await office.getByText(/Thứ Hai đến Thứ Sáu/).waitFor();
      expect(await office.getByRole('link', { name: '0236 3000 201' }).getAttribute('href')).toBe('tel:02363000201');
      const map = office.getByRole('link', { name: /Xem trên bản đồ/ });
      expect(await map.getAttribute('href')).toMatch(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/);
      // No map script or frame on the page itself.
      expect(await page.locator('script[src*="maps"], iframe[src*="maps"]').count()).toBe(0);

      const template = page.getByRole('link', { name: 'Tờ khai đăng ký khai sinh' });
      const res = await page.request.get((await template.getAttribute('href'))!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByRole('heading', { level: 2, name: 'Căn cứ pháp lý' }).waitFor();
      await page.getByText(/Luật Hộ tịch 2014/).waitFor();
      await expectFits(page);
      violations.push(...(await violationsInBothLanguages(page)));

      // Help, from the footer: common questions open and close; how to reach a person.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Trợ giúp' }).click();
      await waitForHeading(page, 'Trợ giúp');
      const question = page.locator('details.faq__item').first();
      expect(await question.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await question.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await question.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.getByRole('link', { name: '1022' }).waitFor();
      await expectFits(page);
      violations.push(...(await violationsInBothLanguages(page)));

      await page.getByRole('contentinfo').getByRole('link', { name: 'Bảo vệ dữ liệu cá nhân' }).click();
      await waitForHeading(page, 'Chính sách bảo vệ dữ liệu cá nhân');
      await page.getByText(/được lưu 10 năm kể từ khi hồ sơ kết thúc/).waitFor();
      await expectFits(page);
      violations.push(...(await violationsInBothLanguages(page)));

      // The notice at registration.
      await page.goto('/register');
      await waitForHeading(page, 'Đăng ký tài khoản công dân');
      const notice = page.getByRole('complementary', { name: 'Thông tin về xử lý dữ liệu cá nhân' });
      await notice.getByText(/Thời hạn lưu trữ: 10 năm/).waitFor();
      await notice.getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân đầy đủ' }).waitFor();
      violations.push(...(await violationsInBothLanguages(page)));

      expect(violations).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'long unbroken input wraps at 375 px: tracking, search, the dossier page and its timeline notes',
    async () => {
      const long = 'X'.repeat(5000);
      const page = await phonePage();

      await page.goto(`/track/${long}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      expect((await page.getByLabel('Mã hồ sơ').inputValue()).length).toBe(5000);
      await expectFits(page);

      await page.goto(`/procedures?q=${'A'.repeat(5000)}`);
      await waitForHeading(page, 'Tìm thủ tục hành chính');
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await expectFits(page);

      // An officer's note of 2,000 characters with no space, on the citizen's page and the desk's.
      const note = `https://example.vn/${'a'.repeat(1900)}`;
      // …and an answer of 100 letters without a space (the field's maximum).
      const { id } = await fileBirthRegistration('N'.repeat(100));
      await act('tiepnhan.haichau', id, 'receive');
      await act('chuyenvien.haichau', id, 'assign');
      await act('chuyenvien.haichau', id, 'request_supplement', note);

      await page.goto(`/dossiers/${id}`);
      await logInHere(page, CITIZEN);
      await waitForHeading(page, 'Đăng ký khai sinh');
      await page.getByRole('region', { name: 'Tình trạng hồ sơ' }).getByText(note).waitFor();
      await expectFits(page);

      const staff = await phonePage();
      await staff.goto(`/staff/dossiers/${id}`);
      await logInHere(staff, 'chuyenvien.haichau');
      await staff.getByRole('heading', { level: 1 }).first().waitFor();
      await staff.getByText(note).first().waitFor();
      await expectFits(staff);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'rating from the tracking page: a visitor logs in and comes back to it; the dossier page opens at #danh-gia',
    async () => {
      const { id, code } = await fileBirthRegistration();
      await act('tiepnhan.haichau', id, 'receive');
      await act('chuyenvien.haichau', id, 'assign');
      await act('chuyenvien.haichau', id, 'submit_for_approval');
      await act('lanhdao.haichau', id, 'approve');
      await act('tiepnhan.haichau', id, 'return_result');

      // The "result ready" link, opened signed out: the login brings the citizen to the rating.
      const mail = await phonePage();
      await mail.goto(`/dossiers/${id}#danh-gia`);
      await logInHere(mail, CITIZEN);
      const heading = mail.getByRole('heading', { level: 2, name: 'Đánh giá mức độ hài lòng' });
      await heading.waitFor();
      expect(new URL(mail.url()).hash).toBe('#danh-gia');
      expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
      expect(await mail.locator('#danh-gia').count()).toBe(1);

      // The tracking page, signed out: log in to rate, then back to the tracking page to rate there.
      const page = await phonePage();
      const violations: string[] = [];
      await page.goto(`/track/${code}`);
      const region = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
      await region.getByRole('link', { name: 'Đăng nhập để đánh giá' }).click();
      await logInHere(page, CITIZEN);
      expect(new URL(page.url()).pathname).toBe(`/track/${code}`);
      await region.getByRole('button', { name: 'Gửi đánh giá' }).waitFor();
      violations.push(...(await violationsInBothLanguages(page)));
      await region.getByLabel('Rất hài lòng').check();
      await region.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByText('Cảm ơn bạn đã đánh giá hồ sơ này.').waitFor();
      await expectFits(page);

      // Counted once: the dossier page now says the rating given.
      await mail.reload();
      await mail.getByText('Bạn đã đánh giá hồ sơ này: 5/5.').waitFor();
      expect(violations).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'after too many failed logins, says when to try again under its own title',
    async () => {
      const page = await phonePage();
      // An account nobody holds: the throttle counts per username all the same, and locks no real one.
      const username = `khong.ton.tai.${Date.now()}`;
      await page.goto('/login');
      await waitForHeading(page, 'Đăng nhập');
      await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi-12');
      const locked = page.getByRole('heading', { name: 'Tạm thời chưa thể đăng nhập' });
      for (let i = 0; i < 15 && !(await locked.isVisible()); i++) {
        await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
        await page.waitForFunction(() => !document.querySelector('main button[disabled]'));
      }
      await locked.waitFor();
      expect(await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).count()).toBe(0);
      await page.getByText(/Bạn có thể thử lại sau \d{2}:\d{2}.* \(khoảng \d+ (giây|phút) nữa\)\./).waitFor();
      await expectFits(page);
      const violations = await violationsInBothLanguages(page);
      expect(violations).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
