import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, PHONE } from './support/browser.js';
import { violationsInBothLanguages } from './support/a11y.js';
import { staffAction } from './support/api.js';
import { BIRTH, freshNationalId, pdfFile } from './support/fixtures.js';
import { consoleProblems, watchConsole } from './support/console.js';
import { errorsOf, waitForHeading, watchErrors } from './support/pages.js';

const HAI_CHAU_CODE = /^000\.30\.01\.H17-\d{6}-\d{4}$/;

/** The page fits its width: nothing scrolls sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * axe finds nothing in vi and en, and the page fits both the journey's screen and a 320 px one
 * (WCAG 1.4.10 reflow: 1280 px at 400% zoom is 320 px).
 */
async function expectPageOk(page: Page, violations: string[]): Promise<void> {
  violations.push(...(await violationsInBothLanguages(page)));
  const size = page.viewportSize();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  if (size && size.width > 320) {
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await sidewaysOverflow(page);
    await page.setViewportSize(size);
    expect({ page: new URL(page.url()).pathname, overflow }).toEqual({
      page: new URL(page.url()).pathname,
      overflow: 0,
    });
  }
}

const continueButton = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Tiếp tục', exact: true });

/** Answer the four pages of the birth registration form, checking each page with axe. */
async function answerBirthRegistration(page: Page, violations: string[]): Promise<void> {
  await waitForHeading(page, 'Khai thông tin (phần 1/4)');
  await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Nguyễn Minh Anh');
  await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-20');
  await page.getByLabel('Nữ', { exact: true }).check();
  await page.getByLabel('Kinh', { exact: true }).check();
  await page.getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản – Nhi Đà Nẵng');
  await expectPageOk(page, violations);
  await continueButton(page).click();

  await waitForHeading(page, 'Khai thông tin (phần 2/4)');
  await page.getByLabel('Quê quán').fill('Hải Châu, Đà Nẵng');
  await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Hoa');
  await page.getByLabel('Số định danh cá nhân của mẹ').fill('048190000123');
  await expectPageOk(page, violations);
  await continueButton(page).click();

  await waitForHeading(page, 'Khai thông tin (phần 3/4)');
  await page.getByLabel('Họ, chữ đệm và tên người yêu cầu').fill('Trần Thị Hoa');
  await page.getByLabel('Số định danh cá nhân người yêu cầu').fill('048190000123');
  await page.getByLabel('Số điện thoại liên hệ').fill('0905123456');
  await page.getByLabel('Mẹ', { exact: true }).check();
  await expectPageOk(page, violations);
  await continueButton(page).click();

  await waitForHeading(page, 'Khai thông tin (phần 4/4)');
  await page.getByLabel('Nhận bản điện tử trên Cổng dịch vụ công').check();
  await page.getByLabel(/^Tôi cam đoan/).check();
  await expectPageOk(page, violations);
  await continueButton(page).click();
}

/** Upload a PDF for each required document of birth registration. */
async function uploadDocuments(page: Page, violations: string[]): Promise<void> {
  await waitForHeading(page, 'Tải lên giấy tờ');
  await page.getByLabel(/^Tờ khai đăng ký khai sinh/).setInputFiles(pdfFile('to-khai.pdf'));
  await page.getByRole('listitem').filter({ hasText: 'to-khai.pdf' }).waitFor();
  await page.getByLabel(/^Giấy chứng sinh/).setInputFiles(pdfFile('giay-chung-sinh.pdf'));
  await page.getByRole('listitem').filter({ hasText: 'giay-chung-sinh.pdf' }).waitFor();
  // The upload was announced to screen readers.
  await page.getByRole('status').filter({ hasText: 'Đã tải lên giay-chung-sinh.pdf' }).waitFor();
  await expectPageOk(page, violations);
  await continueButton(page).click();
}

/** Send from "check your answers"; returns the dossier id and code from the confirmation. */
async function sendApplication(page: Page, violations: string[]): Promise<{ id: string; code: string }> {
  await waitForHeading(page, 'Kiểm tra lại thông tin trước khi gửi');
  await page.getByText('Nguyễn Minh Anh').waitFor();
  await expectPageOk(page, violations);
  await page.getByRole('button', { name: 'Chấp nhận và gửi hồ sơ' }).click();
  await waitForHeading(page, 'Đã gửi hồ sơ');
  const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
  expect(code).toMatch(HAI_CHAU_CODE);
  const id = /\/dossiers\/([^/]+)\/submitted$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  expect(id).not.toBe('');
  return { id, code };
}

/** Each journey visits a dozen pages, each checked with axe twice: more than jest's default time. */
const JOURNEY_TIMEOUT = 240_000;

describe('citizen journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'registers, logs in, finds birth registration without diacritics, applies with a PDF, downloads the receipt, answers a supplement request',
    async () => {
      const { context, page } = await newPage(browser);
      watchErrors(page);
      watchConsole(page);
      const violations: string[] = [];
      const nationalId = freshNationalId();
      const password = 'Mot-cau-rat-dai-ve-Song-Han-26';

      // Register (which logs in), then log out: the application will ask to log in again.
      await page.goto('/register');
      await waitForHeading(page, 'Đăng ký tài khoản công dân');
      await expectPageOk(page, violations);
      await page.getByLabel('Số định danh cá nhân').fill(nationalId);
      await page.getByLabel('Họ và tên').fill('Trần Thị Hoa');
      await page.getByLabel('Ngày sinh').fill('1990-02-14');
      await page.getByLabel('Thư điện tử (email)').fill(`hoa.${nationalId}@example.com`);
      await page.getByLabel(/^Mật khẩu/).fill(password);
      await page.getByLabel('Nhập lại mật khẩu').fill(password);
      await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
      await waitForHeading(page, 'Tài khoản của tôi');
      await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).waitFor();

      // Search without diacritics from the home page.
      await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
      await page.getByRole('search').getByRole('button', { name: 'Tìm kiếm' }).click();
      const result = page.getByRole('main').getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
      await result.waitFor();
      await expectPageOk(page, violations);
      await result.click();
      await waitForHeading(page, 'Đăng ký khai sinh');
      await expectPageOk(page, violations);

      // Applying needs a login, which brings the citizen back to the application.
      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
      await waitForHeading(page, 'Đăng nhập');
      await expectPageOk(page, violations);
      await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(nationalId);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await waitForHeading(page, 'Khai thông tin (phần 1/4)');
      expect(new URL(page.url()).pathname).toBe(`/apply/${BIRTH}/1`);
      expect(await page.getByLabel(/^Nơi nộp hồ sơ/).inputValue()).toBe('000.30.01.H17');

      // Continue with nothing answered: the summary takes the focus and names each question.
      await continueButton(page).click();
      const summary = page.locator('.error-summary');
      await summary.getByRole('link', { name: 'Nhập họ, chữ đệm và tên của trẻ' }).waitFor();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await summary.getByRole('link', { name: 'Chọn giới tính' }).waitFor();
      await expectPageOk(page, violations);
      // …and in English.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await summary.getByRole('link', { name: "Enter child's full name" }).waitFor();
      await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
      await summary.getByRole('link', { name: 'Nhập họ, chữ đệm và tên của trẻ' }).waitFor();

      await answerBirthRegistration(page, violations);
      await uploadDocuments(page, violations);
      const { id, code } = await sendApplication(page, violations);
      await expectPageOk(page, violations);

      // The receipt downloads as a PDF.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải phiếu tiếp nhận và hẹn trả kết quả (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`phieu-tiep-nhan-${code}.pdf`);
      expect(
        readFileSync(await download.path())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');

      // The dossier is in "My dossiers".
      await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      await waitForHeading(page, 'Hồ sơ của tôi');
      const item = page.getByRole('listitem').filter({ hasText: code });
      await item.getByText('Đã nộp, chờ tiếp nhận').waitFor();
      // Sending started no other draft: this is the citizen's only dossier.
      expect(await page.locator('.dossier-list__item').count()).toBe(1);
      await expectPageOk(page, violations);
      await item.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
      await waitForHeading(page, 'Đăng ký khai sinh');
      await page.getByRole('heading', { level: 2, name: 'Quá trình xử lý' }).waitFor();
      await expectPageOk(page, violations);

      // The ward receives it, an officer takes it and asks for a clearer birth notice.
      const request = 'Vui lòng tải lên bản chụp giấy chứng sinh rõ nét hơn.';
      await staffAction('tiepnhan.haichau', id, 'receive');
      await staffAction('chuyenvien.haichau', id, 'assign');
      await staffAction('chuyenvien.haichau', id, 'request_supplement', request);

      // The citizen sees the request and answers it with a new upload.
      await page.reload();
      await waitForHeading(page, 'Đăng ký khai sinh');
      await page.getByRole('region', { name: 'Tình trạng hồ sơ' }).getByText('Cần bổ sung', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Tình trạng hồ sơ' }).getByText(request, { exact: true }).waitFor();
      await expectPageOk(page, violations);
      const supplement = page.getByRole('region', { name: 'Bổ sung hồ sơ' });
      await supplement.getByLabel(/^Giấy chứng sinh/).setInputFiles(pdfFile('giay-chung-sinh-ro-net.pdf'));
      await supplement.getByRole('listitem').filter({ hasText: 'giay-chung-sinh-ro-net.pdf' }).waitFor();
      // Sending without saying what was added is refused, with the summary focused.
      await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click();
      await supplement.getByRole('alert').getByRole('link', { name: 'Nhập nội dung đã bổ sung' }).waitFor();
      await supplement.getByLabel(/^Nội dung đã bổ sung/).fill('Đã tải lên bản chụp giấy chứng sinh rõ nét hơn.');
      await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã gửi bổ sung' }).waitFor();
      await page.getByRole('region', { name: 'Tình trạng hồ sơ' }).getByText('Đang xử lý', { exact: true }).waitFor();
      await expectPageOk(page, violations);

      // The inbox: the bell names the unread count; the list and the settings pass axe too.
      await page.getByRole('link', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
      await waitForHeading(page, 'Thông báo');
      await page.getByRole('link', { name: `Hồ sơ ${code} cần bổ sung` }).waitFor();
      await expectPageOk(page, violations);
      await page.getByRole('link', { name: 'Cài đặt thông báo' }).click();
      await waitForHeading(page, 'Cài đặt thông báo');
      await page.getByLabel('Tôi đồng ý nhận tin nhắn SMS về hồ sơ của tôi').waitFor();
      await expectPageOk(page, violations);

      expect(violations).toEqual([]);

      expect(errorsOf(page)).toEqual([]);
      expect(consoleProblems(page)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'on a phone (375×667): resumes a saved draft, submits, tracks the code without logging in, withdraws',
    async () => {
      const { context, page } = await newPage(browser, PHONE);
      watchErrors(page);
      watchConsole(page);
      const violations: string[] = [];
      await page.goto(`/apply/${BIRTH}`);
      await waitForHeading(page, 'Đăng nhập');
      await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill('048090000123');
      await page.getByLabel('Mật khẩu').fill('Demo@123456');
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await waitForHeading(page, 'Khai thông tin (phần 1/4)');
      await expectPageOk(page, violations);

      // Answer the first page, then leave: the draft keeps it.
      await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Nguyễn Minh Anh');
      await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-20');
      await page.getByLabel('Nữ', { exact: true }).check();
      await page.getByLabel('Kinh', { exact: true }).check();
      await page.getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản – Nhi Đà Nẵng');
      await page.getByRole('button', { name: 'Lưu và tiếp tục sau' }).click();
      await waitForHeading(page, 'Hồ sơ của tôi');
      await page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' }).waitFor();
      const draft = page.getByRole('listitem').filter({ hasText: 'Bản nháp' });
      await draft.waitFor();
      await expectPageOk(page, violations);

      // Coming back resumes at the first page not yet complete.
      await draft.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
      await waitForHeading(page, 'Khai thông tin (phần 2/4)');
      await page.getByRole('link', { name: 'Quay lại' }).click();
      await waitForHeading(page, 'Khai thông tin (phần 1/4)');
      expect(await page.getByLabel('Họ, chữ đệm và tên của trẻ').inputValue()).toBe('Nguyễn Minh Anh');
      await continueButton(page).click();
      // answerBirthRegistration starts from page 1: go back to it.
      await waitForHeading(page, 'Khai thông tin (phần 2/4)');
      await page.getByRole('link', { name: 'Quay lại' }).click();
      await answerBirthRegistration(page, violations);
      await uploadDocuments(page, violations);
      const { code } = await sendApplication(page, violations);
      await expectPageOk(page, violations);

      // Anyone can track it by its code (the receipt's QR code links to /track/{code}).
      const anonymous = await newPage(browser, PHONE);
      await anonymous.page.goto('/track');
      await waitForHeading(anonymous.page, 'Tra cứu hồ sơ');
      await anonymous.page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await anonymous.page.getByRole('alert').getByRole('link', { name: 'Nhập mã hồ sơ' }).waitFor();
      await anonymous.page.getByLabel('Mã hồ sơ').fill(code.toLowerCase());
      await anonymous.page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await anonymous.page.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` }).waitFor();
      await anonymous.page.getByText('Đã nộp, chờ tiếp nhận').waitFor();
      await expectPageOk(anonymous.page, violations);
      await anonymous.page.goto('/track/000.30.01.H17-000000-9999');
      await anonymous.page.getByRole('heading', { level: 2, name: 'Không tìm thấy hồ sơ' }).waitFor();
      await expectPageOk(anonymous.page, violations);
      await anonymous.context.close();

      // Withdraw, after a confirmation step.
      await page.getByRole('link', { name: 'Xem hồ sơ', exact: true }).click();
      await waitForHeading(page, 'Đăng ký khai sinh');
      await page.getByRole('link', { name: 'Rút hồ sơ' }).click();
      await waitForHeading(page, `Bạn có chắc muốn rút hồ sơ ${code}?`);
      await expectPageOk(page, violations);
      await page.getByLabel(/^Lý do rút hồ sơ/).fill('Đã nộp nhầm, sẽ nộp lại.');
      await page.getByRole('button', { name: 'Có, rút hồ sơ' }).click();
      await waitForHeading(page, 'Đăng ký khai sinh');
      await page.getByRole('status').filter({ hasText: 'Đã rút hồ sơ.' }).waitFor();
      await page.getByRole('region', { name: 'Tình trạng hồ sơ' }).getByText('Đã rút', { exact: true }).waitFor();
      await expectPageOk(page, violations);

      expect(violations).toEqual([]);

      expect(errorsOf(page)).toEqual([]);
      expect(consoleProblems(page)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
  it(
    'starts applying signed out, registers, and lands back on the application: bounds, autosave, removing a file',
    async () => {
      const { context, page } = await newPage(browser);
      watchErrors(page);
      watchConsole(page);
      const violations: string[] = [];
      const nationalId = freshNationalId();
      const password = 'Mot-cau-rat-dai-ve-Song-Han-26';

      // Signed out, "apply" asks to sign in; the citizen has no account yet and registers instead.
      await page.goto(`/apply/${BIRTH}`);
      await waitForHeading(page, 'Đăng nhập');
      await page.getByRole('main').getByRole('link', { name: 'Đăng ký tài khoản công dân' }).click();
      await waitForHeading(page, 'Đăng ký tài khoản công dân');
      expect(new URL(page.url()).search).toBe(`?next=${encodeURIComponent(`/apply/${BIRTH}`)}`);
      await page.getByLabel('Số định danh cá nhân').fill(nationalId);
      await page.getByLabel('Họ và tên').fill('Phan Thị Mai');
      await page.getByLabel('Ngày sinh').fill('1992-04-30');
      await page.getByLabel('Thư điện tử (email)').fill(`mai.${nationalId}@example.com`);
      await page.getByLabel(/^Mật khẩu/).fill(password);
      await page.getByLabel('Nhập lại mật khẩu').fill(password);
      await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
      // Back where it started: the procedure's application, not the account page.
      await waitForHeading(page, 'Khai thông tin (phần 1/4)');
      expect(new URL(page.url()).pathname).toBe(`/apply/${BIRTH}/1`);

      // A birth date in the future is refused in the browser, and the summary goes once it is fixed.
      const birth = page.getByLabel('Ngày, tháng, năm sinh');
      expect(await birth.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Phan Minh Khoa');
      await birth.fill('2999-01-01');
      await page.getByLabel('Nam', { exact: true }).check();
      await page.getByLabel('Kinh', { exact: true }).check();
      await page.getByLabel('Nơi sinh').fill('Bệnh viện C Đà Nẵng');
      await continueButton(page).click();
      await page
        .getByRole('alert')
        .getByRole('link', { name: 'Ngày, tháng, năm sinh không được sau ngày hôm nay' })
        .waitFor();
      await birth.fill('2026-11-20');
      await page.getByRole('alert').waitFor({ state: 'detached' });

      // Saved as typed: "Đã lưu lúc hh:mm", and a reload keeps what was typed on this page.
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
        .waitFor();
      await page.reload();
      await waitForHeading(page, 'Khai thông tin (phần 1/4)');
      expect(await page.getByLabel('Họ, chữ đệm và tên của trẻ').inputValue()).toBe('Phan Minh Khoa');
      expect(await page.getByLabel('Ngày, tháng, năm sinh').inputValue()).toBe('2026-11-20');
      await expectPageOk(page, violations);
      await continueButton(page).click();

      await waitForHeading(page, 'Khai thông tin (phần 2/4)');
      await page.getByLabel('Quê quán').fill('Hải Châu, Đà Nẵng');
      await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Phan Thị Mai');
      await page.getByLabel('Số định danh cá nhân của mẹ').fill(nationalId);
      await continueButton(page).click();

      // The requester is the signed-in citizen: prefilled from the profile.
      await waitForHeading(page, 'Khai thông tin (phần 3/4)');
      expect(await page.getByLabel('Họ, chữ đệm và tên người yêu cầu').inputValue()).toBe('Phan Thị Mai');
      expect(await page.getByLabel('Số định danh cá nhân người yêu cầu').inputValue()).toBe(nationalId);
      await page.getByLabel('Số điện thoại liên hệ').fill('0905123456');
      await page.getByLabel('Mẹ', { exact: true }).check();
      await expectPageOk(page, violations);
      await continueButton(page).click();

      await waitForHeading(page, 'Khai thông tin (phần 4/4)');
      await page.getByLabel('Nhận bản điện tử trên Cổng dịch vụ công').check();
      await page.getByLabel(/^Tôi cam đoan/).check();
      await continueButton(page).click();

      // A file chosen by mistake is removed, and another takes its place.
      await waitForHeading(page, 'Tải lên giấy tờ');
      await page.getByLabel(/^Tờ khai đăng ký khai sinh/).setInputFiles(pdfFile('nham-tep.pdf'));
      await page.getByRole('button', { name: 'Xoá nham-tep.pdf' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã xoá nham-tep.pdf' }).waitFor();
      expect(await page.getByRole('listitem').filter({ hasText: 'nham-tep.pdf' }).count()).toBe(0);
      await page.getByLabel(/^Tờ khai đăng ký khai sinh/).setInputFiles(pdfFile('to-khai.pdf'));
      await page.getByRole('listitem').filter({ hasText: 'to-khai.pdf' }).waitFor();
      await expectPageOk(page, violations);

      expect(violations).toEqual([]);
      expect(errorsOf(page)).toEqual([]);
      expect(consoleProblems(page)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
