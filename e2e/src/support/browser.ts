import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE_URL = (): string => {
  const b = process.env.E2E_BASE_URL;
  if (!b) throw new Error('E2E_BASE_URL is not set: run through jest (globalSetup starts the app)');
  return b;
};

/** Debian's Chromium (CHROMIUM_PATH), headless, with no call to the outside network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Viewport {
  width: number;
  height: number;
}
export const PHONE: Viewport = { width: 375, height: 667 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

/** @axe-core/playwright wants a context first, then its page (toolchain.md, trap 8). */
export async function newPage(
  browser: Browser,
  viewport: Viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    baseURL: BASE_URL(),
  });
  const page = await context.newPage();
  return { context, page };
}

/** WCAG 2.2 A and AA rules of axe-core; returns the violations, described for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
