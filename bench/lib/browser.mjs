import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, sleep } from './api-process.mjs';

/** Password of every seeded demo account (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'Demo@123456';
/** Birth registration, handled by the ward of Hải Châu in the demo data (as in e2e/src/support/fixtures.ts). */
export const BIRTH = '1.001193';

/**
 * Debian's Chromium (CHROMIUM_PATH), headless, on a DevTools port: Lighthouse connects to the port,
 * and playwright-core to the same browser (connectOverCDP), so a login scripted with playwright
 * leaves its session (localStorage) in the default profile Lighthouse's tabs open in.
 * @returns {Promise<{ port: number, browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, close(): Promise<void> }>}
 */
export async function launchChromium() {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-chromium-'));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d.toString()).slice(-5000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const endpoint = `http://127.0.0.1:${port}`;
  let browser;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}):\n${stderr}`);
    try {
      browser = await chromium.connectOverCDP(endpoint);
      break;
    } catch (e) {
      if (i > 100) throw new Error(`Chromium's DevTools port did not answer:\n${stderr}`, { cause: e });
      await sleep(200);
    }
  }
  const [context] = browser.contexts();
  return {
    port,
    browser,
    context,
    close: async () => {
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      // Chromium's helper processes may still write to the profile for a moment after it exits:
      // try again after them, and leave the folder (in the system's temporary folder) if they persist.
      for (let i = 0; ; i++) {
        try {
          rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
          break;
        } catch (e) {
          if (i >= 5) {
            console.warn(`Could not remove ${profile}: ${e instanceof Error ? e.message : e}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    },
  };
}

/**
 * Sign in through the login page, as a person does; the session stays in the browser's storage.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} baseUrl
 * @param {string} username
 */
export async function logIn(context, baseUrl, username) {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  } finally {
    await page.close();
  }
}

/**
 * Sign out by forgetting the session on this origin (the app keeps it in localStorage).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} baseUrl
 */
export async function forgetSession(context, baseUrl) {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/procedures`);
    await page.evaluate(() => localStorage.clear());
  } finally {
    await page.close();
  }
}
