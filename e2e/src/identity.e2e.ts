import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, PHONE } from './support/browser.js';
import { settled, violationsInBothLanguages } from './support/a11y.js';
import { freshNationalId } from './support/fixtures.js';

describe('identity journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a citizen registers, logs out and logs in again; every page passes axe in vi and en', async () => {
    const { context, page } = await newPage(browser);
    const nationalId = freshNationalId();
    const password = 'Mot-cau-rat-dai-cua-An-2026';

    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('link', { name: 'Đăng ký tài khoản công dân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' }).waitFor();
    expect(await violationsInBothLanguages(page)).toEqual([]);

    // A failed submit: the summary takes the focus and names the fields in Vietnamese.
    await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Nhập số định danh cá nhân' }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await violationsInBothLanguages(page)).toEqual([]);

    await page.getByLabel('Số định danh cá nhân').fill(nationalId);
    await page.getByLabel('Họ và tên').fill('Lê Thị Thu Hà');
    await page.getByLabel('Ngày sinh').fill('1990-07-21');
    await page.getByLabel('Thư điện tử (email)').fill(`ha.${nationalId}@example.com`);
    await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0905123456');
    await page.getByLabel(/^Mật khẩu/).fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();

    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByText(nationalId, { exact: true }).waitFor();
    await page.getByText('21/07/1990').waitFor();
    expect(await violationsInBothLanguages(page)).toEqual([]);

    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    // The account is no longer reachable without logging in.
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Faccount');
    expect(await violationsInBothLanguages(page)).toEqual([]);

    // A wrong password: one message for the summary, whatever was wrong.
    await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(nationalId);
    await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Số định danh cá nhân/tên đăng nhập hoặc mật khẩu không đúng' })
      .waitFor();
    expect(await violationsInBothLanguages(page)).toEqual([]);

    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByRole('banner').getByRole('link', { name: 'Lê Thị Thu Hà' }).waitFor();

    // A reload keeps the session (refresh token in storage, access token renewed): renewed once
    // (session-boot.js sends it while the code loads, the app takes its answer; refresh tokens
    // rotate, so one sent twice would end the session), and no call answered 401.
    const renewals: string[] = [];
    const refused: string[] = [];
    const onRequest = (r: import('playwright-core').Request) => {
      if (new URL(r.url()).pathname === '/api/v1/auth/refresh') renewals.push(r.frame().url());
    };
    const onResponse = (r: import('playwright-core').Response) => {
      if (r.status() === 401) refused.push(r.url());
    };
    page.on('request', onRequest);
    page.on('response', onResponse);
    await page.reload();
    await settled(page);
    await page.getByText(`ha.${nationalId}@example.com`).waitFor();
    page.off('request', onRequest);
    page.off('response', onResponse);
    expect(renewals).toHaveLength(1);
    expect(refused).toEqual([]);
    expect(await page.evaluate(() => (window as { motcuaSessionBoot?: unknown }).motcuaSessionBoot)).toBeNull();
    await context.close();
  });

  it('a receptionist logs in on a phone (375×667) and lands on the staff desk', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill('tiepnhan.haichau');
    await page.getByLabel('Mật khẩu').fill('Demo@123456');
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bàn làm việc' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await violationsInBothLanguages(page)).toEqual([]);
    await context.close();
  });
});
