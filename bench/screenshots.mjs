#!/usr/bin/env node
// Screenshots at 375 px (a small phone) of the procedure page, the apply page (step 1) and the
// manager dashboard, from the built app with demo data: `npm run screenshots` from the repository
// root. They go to docs/screenshots/ and are shown in README.md.
/* global document, window -- used in functions that run in the page (waitForFunction, evaluate) */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startDemoApp } from './lib/api-process.mjs';
import { BIRTH, launchChromium, logIn } from './lib/browser.mjs';
import { REPO_ROOT } from './lib/paths.mjs';

const OUT = path.join(REPO_ROOT, 'docs/screenshots');
const VIEWPORT = { width: 375, height: 812 };
const SHOTS = [
  { file: 'procedure-375.png', path: `/procedures/${BIRTH}`, user: null },
  { file: 'apply-step1-375.png', path: `/apply/${BIRTH}`, user: '048090000123' },
  { file: 'dashboard-375.png', path: '/manager', user: 'quanly.haichau' },
];

const log = (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
mkdirSync(OUT, { recursive: true });
const app = await startDemoApp({ log, history: 2000 });
let chrome;
try {
  chrome = await launchChromium();
  for (const shot of SHOTS) {
    // A fresh context per page: its own session, a phone (overlay scrollbars, as on a phone: desktop
    // Chromium's classic scrollbar would leave the page 360 px), Vietnamese, the city's zone.
    const context = await chrome.browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    try {
      if (shot.user) await logIn(context, app.baseUrl, shot.user);
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}${shot.path}`);
      await page.locator('h1').first().waitFor();
      // Until every "loading" placeholder is gone (the dashboard's live feed keeps the network busy,
      // so network idle never comes), then a moment for charts to lay out.
      await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), null, {
        timeout: 30_000,
      });
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) log(`${shot.file}: the page is ${overflow} px wider than the screen (horizontal scroll)`);
      // The dashboard's sections under its key figures are drawn only near the screen
      // (content-visibility: auto): the picture of the whole page shows them as a reader scrolling
      // down sees them.
      await page.addStyleTag({ content: '.dashboard-below { content-visibility: visible !important; }' });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, shot.file), fullPage: true });
      log(`docs/screenshots/${shot.file}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await chrome?.close();
  await app.stop();
}
