import type { Page } from 'playwright-core';

/**
 * The console stays clean across a journey (issue 16, item 6): no console error or warning, no
 * request that failed, no answer of 400 or more, except those the journey expects (a wrong
 * password's 401, a validation 400 it provokes…), each named by method, path and status.
 */
export interface ExpectedFailure {
  method: string;
  /** The request's path (under /api/v1 for the API) or a pattern of it. */
  path: string | RegExp;
  status: number;
}

interface Watch {
  problems: string[];
  expected: ExpectedFailure[];
}

const watches = new WeakMap<Page, Watch>();

const matches = (e: ExpectedFailure, method: string, path: string, status: number) =>
  e.method === method && e.status === status && (typeof e.path === 'string' ? e.path === path : e.path.test(path));

/** Start recording a page's console errors and warnings and its failed requests. */
export function watchConsole(page: Page, expected: ExpectedFailure[] = []): Page {
  const watch: Watch = { problems: [], expected: [...expected] };
  watches.set(page, watch);
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // The browser logs each failed response as a console error too: those are judged below, by status.
    if (/^Failed to load resource: the server responded with a status of \d+/.test(m.text())) return;
    watch.problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // A stream or page load the browser itself cut short on navigation is not a failure of the app.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    watch.problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const method = r.request().method();
    const path = new URL(r.url()).pathname;
    if (watch.expected.some((e) => matches(e, method, path, r.status()))) return;
    watch.problems.push(`${r.status()} ${method} ${path}`);
  });
  return page;
}

/** Failures a later step of the journey provokes on purpose. */
export function expectFailure(page: Page, failure: ExpectedFailure): void {
  watches.get(page)?.expected.push(failure);
}

/** What went wrong on a watched page so far (an empty list for a clean console). */
export function consoleProblems(page: Page): string[] {
  const watch = watches.get(page);
  if (!watch) throw new Error('consoleProblems: the page was not given to watchConsole');
  return watch.problems;
}
