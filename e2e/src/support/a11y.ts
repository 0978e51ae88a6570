import type { Page } from 'playwright-core';
import { axeViolations } from './browser.js';

/** Wait until the page has its heading and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('p.loading'));
}

async function switchTo(page: Page, lang: 'vi' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  const label = lang === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt';
  await page.getByRole('button', { name: label }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * axe-core's WCAG 2.2 AA violations of the current page in Vietnamese, then in English;
 * the page is left in Vietnamese. Each violation is prefixed with its language.
 */
export async function violationsInBothLanguages(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const lang of ['vi', 'en'] as const) {
    await switchTo(page, lang);
    await settled(page);
    out.push(...(await axeViolations(page)).map((v) => `[${lang} ${new URL(page.url()).pathname}] ${v}`));
  }
  await switchTo(page, 'vi');
  return out;
}
