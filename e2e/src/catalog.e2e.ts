import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.js';
import { settled, violationsInBothLanguages } from './support/a11y.js';

describe('catalog journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('searching "dang ky khai sinh" without diacritics finds "Đăng ký khai sinh" and opens its page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await settled(page);
    // The home page lists the sectors of the seeded catalog.
    expect(await page.locator('.tiles a').count()).toBeGreaterThan(0);
    expect(await violationsInBothLanguages(page)).toEqual([]);

    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await page.getByRole('search').getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Tìm thấy' }).waitFor();
    const result = page.getByRole('main').getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await result.waitFor();
    expect(await violationsInBothLanguages(page)).toEqual([]);

    await result.click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Giấy tờ cần chuẩn bị' }).waitFor();
    await page.getByText('Thời gian giải quyết', { exact: true }).waitFor();
    // The way in, near the top and again at the end.
    const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    expect(await apply.count()).toBe(2);
    expect(await apply.first().getAttribute('href')).toMatch(/^\/apply\//);
    expect(await violationsInBothLanguages(page)).toEqual([]);

    // In English the page speaks English, keeping the official name beside it.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'What you need' }).waitFor();
    await page.getByRole('link', { name: 'Apply online' }).first().waitFor();
    const procedureUrl = page.url();
    await context.close();

    // The same page fits a 320 px screen (WCAG 1.4.10 reflow).
    const narrow = await newPage(browser, { width: 320, height: 640 });
    await narrow.page.goto(procedureUrl);
    await settled(narrow.page);
    const overflow = await narrow.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.context.close();
  });

  it('shows an empty state with suggestions when nothing matches', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/procedures?q=zzqqxxyy');
    await page.getByRole('heading', { level: 2, name: 'Không tìm thấy thủ tục phù hợp' }).waitFor();
    expect(await violationsInBothLanguages(page)).toEqual([]);
    await context.close();
  });
});
