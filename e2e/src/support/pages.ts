import type { Page } from 'playwright-core';
import { settled } from './a11y.js';

/** Uncaught errors of each page, to tell what happened when a journey stalls. */
const pageErrors = new WeakMap<Page, string[]>();

export function watchErrors(page: Page): Page {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  return page;
}

/** The uncaught errors of a page given to watchErrors (undefined for one that was not). */
export function errorsOf(page: Page): string[] | undefined {
  return pageErrors.get(page);
}

/** Wait for the page's h1, then for it to settle; on failure, say where the journey went instead. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  } catch (e) {
    const text = await page.locator('body').innerText({ timeout: 5000 });
    const errors = (pageErrors.get(page) ?? []).join('\n');
    throw new Error(`No h1 ${String(name)} at ${page.url()}; the page says:\n${text}\nErrors:\n${errors}`, {
      cause: e,
    });
  }
  await settled(page);
}
