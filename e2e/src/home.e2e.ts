import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, newPage, PHONE } from './support/browser.js';

describe('home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders in Vietnamese, switches to English, and has no axe violations in either', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Online public services' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);

    // The choice is remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Online public services' }).waitFor();
    await context.close();
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    const { context, page } = await newPage(browser, { width: 320, height: 640 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('serves client-side routes from index.html and answers unknown API routes with problem+json', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const res = await page.goto('/trang-khong-co');
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    const api = await page.request.get('/api/v1/khong-co');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toMatch(/application\/problem\+json/);
    await context.close();
  });
});
