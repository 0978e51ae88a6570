import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './support/api.js';
import { launchBrowser, newPage, PHONE, type Viewport } from './support/browser.js';
import { DEMO_PASSWORD, HAI_CHAU, tinyPdf } from './support/fixtures.js';
import { consoleProblems, watchConsole } from './support/console.js';
import { waitForHeading, watchErrors } from './support/pages.js';

const CITIZEN = '048090000123';
/** Cấp bản sao trích lục hộ tịch: FULL online, a fee (8.000 đ), handled by the ward of Hải Châu. */
const EXTRACT_COPY = '2.000635';
const PROCEDURE_NAME = 'Cấp bản sao trích lục hộ tịch';

interface EndToEnd {
  total: number;
  count: number;
}

interface Dossier {
  id: string;
  code: string;
  version: number;
  status: string;
  fee: { status: string };
  endToEnd?: boolean | null;
  result: { signed: boolean; verificationCode?: string } | null;
}

/** The dashboard's end-to-end figure for the manager's ward (default period: this year to today). */
async function endToEnd(manager: ApiClient): Promise<EndToEnd> {
  const s = await manager.call<{ endToEnd: EndToEnd }>('GET', '/reports/summary');
  return { total: s.endToEnd.total, count: s.endToEnd.count };
}

/** The end-to-end card of the dashboard page: its "count/total hồ sơ" line. */
async function dashboardFigure(page: Page): Promise<EndToEnd> {
  await waitForHeading(page, 'Bảng điều khiển');
  const detail = page.locator('li[data-kpi="endToEnd"] .kpi__detail');
  await detail.waitFor();
  const text = (await detail.textContent()) ?? '';
  // No dossier in the period: the card says so in words ("Chưa có dữ liệu"), which is 0/0.
  const [count, total] = text.match(/[\d.]+/g)?.map((n) => Number(n.replace(/\./g, ''))) ?? [0, 0];
  return { total: total ?? NaN, count: count ?? NaN };
}

async function act(username: string, id: string, action: string): Promise<void> {
  const api = await ApiClient.login(username);
  const { version } = await api.call<Dossier>('GET', `/dossiers/${id}`);
  await api.call('POST', `/dossiers/${id}/actions`, { action, version });
}

async function logIn(
  browser: Browser,
  username: string,
  viewport?: Viewport,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, viewport);
  watchErrors(page);
  watchConsole(page);
  await page.goto('/login');
  await waitForHeading(page, 'Đăng nhập');
  await page.getByLabel('Số định danh cá nhân hoặc tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  return { context, page };
}

/** Poll until the check passes (short steps, a generous deadline), or fail saying what was last seen. */
async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

describe('the online loop: file with a fee, pay, approve, sign, download, verify, count', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('moves the end-to-end figure by one', async () => {
    // (1) The figure before, as the ward's manager sees it.
    const manager = await ApiClient.login('quanly.haichau');
    const before = await endToEnd(manager);
    const dashboard = await logIn(browser, 'quanly.haichau');
    expect(await dashboardFigure(dashboard.page)).toEqual(before);

    // (2) The citizen files a FULL procedure with a fee, electronic delivery (the form itself is covered elsewhere).
    const citizenApi = await ApiClient.login(CITIZEN);
    const draft = await citizenApi.call<Dossier>('POST', '/dossiers', {
      procedureCode: EXTRACT_COPY,
      agencyCode: HAI_CHAU,
      formData: {
        requesterName: 'Nguyễn Văn An',
        requesterNationalId: CITIZEN,
        requesterPhone: '0905123456',
        extractType: 'KHAI_SINH',
        subjectFullName: 'Nguyễn Minh Khang',
        copies: 1,
        resultDelivery: 'TRUC_TUYEN',
      },
    });
    await citizenApi.upload(draft.id, 'TO_KHAI', 'to-khai.pdf');
    const submitted = await citizenApi.call<Dossier>('POST', `/dossiers/${draft.id}/submit`, undefined, {
      'Idempotency-Key': `online-loop-${draft.id}`,
    });
    const { id, code } = { id: draft.id, code: submitted.code };
    expect((await citizenApi.call<Dossier>('GET', `/dossiers/${id}`)).fee.status).toBe('UNPAID');

    // (3) In the browser: pay on the sandbox gateway and come back to a paid fee.
    const citizen = await logIn(browser, CITIZEN);
    await citizen.page.goto(`/dossiers/${id}`);
    await waitForHeading(citizen.page, PROCEDURE_NAME);
    await citizen.page.getByRole('heading', { level: 2, name: 'Thanh toán phí, lệ phí' }).waitFor();
    await citizen.page.getByRole('button', { name: 'Thanh toán lệ phí' }).click();
    await waitForHeading(citizen.page, 'Cổng thanh toán thử nghiệm');
    expect(citizen.page.url()).toContain('/api/v1/sandbox/vnpay/pay');
    await citizen.page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    // Back on our site: the page polls until the IPN has landed.
    await citizen.page.getByRole('heading', { level: 1, name: 'Đã thanh toán lệ phí' }).waitFor({ timeout: 30_000 });
    await eventually(
      'fee status',
      async () => (await citizenApi.call<Dossier>('GET', `/dossiers/${id}`)).fee.status,
      (s) => s === 'PAID',
    );
    await citizen.page.goto(`/dossiers/${id}`);
    await waitForHeading(citizen.page, PROCEDURE_NAME);
    expect(await citizen.page.getByRole('button', { name: 'Thanh toán lệ phí' }).count()).toBe(0);

    // (4) Staff: receive, take, upload the result, submit; the approver approves in the browser; the desk returns it.
    await act('tiepnhan.haichau', id, 'receive');
    await act('chuyenvien.haichau', id, 'assign');
    const officer = await ApiClient.login('chuyenvien.haichau');
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'ket-qua.pdf');
    await officer.call('POST', `/dossiers/${id}/result`, form);
    await act('chuyenvien.haichau', id, 'submit_for_approval');

    const approver = await logIn(browser, 'lanhdao.haichau');
    await approver.page.goto(`/staff/dossiers/${id}`);
    await waitForHeading(approver.page, `Hồ sơ ${code}`);
    const actions = approver.page.getByRole('region', { name: 'Xử lý hồ sơ' });
    await actions.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await actions.getByRole('status').filter({ hasText: 'Đã phê duyệt hồ sơ' }).waitFor({ timeout: 30_000 });
    await act('tiepnhan.haichau', id, 'return_result');
    const returned = await citizenApi.call<Dossier>('GET', `/dossiers/${id}`);
    expect(returned.status).toBe('RETURNED');
    expect(returned.endToEnd).toBe(true);
    expect(returned.result?.signed).toBe(true);
    const verificationCode = returned.result?.verificationCode ?? '';
    expect(verificationCode).not.toBe('');

    // (5) The citizen downloads the signed result from the dossier page.
    await citizen.page.goto(`/dossiers/${id}`);
    await waitForHeading(citizen.page, PROCEDURE_NAME);
    const resultButton = citizen.page.getByRole('button', { name: 'Tải kết quả giải quyết đã ký số (PDF)' });
    await resultButton.waitFor();
    const [download] = await Promise.all([citizen.page.waitForEvent('download'), resultButton.click()]);
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/ByteRange');
    if (existsSync('/usr/bin/pdfsig')) {
      let report: string;
      try {
        report = execFileSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' });
      } catch (e) {
        // pdfsig exits non-zero on some certificate warnings; its report is still on stdout.
        report = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(report).toContain('Signature is Valid');
    }

    // (6) The QR link on a phone: the result is valid.
    const phone = await newPage(browser, PHONE);
    watchErrors(phone.page);
    watchConsole(phone.page);
    await phone.page.goto(`/verify/${verificationCode}`);
    await waitForHeading(phone.page, 'Xác thực kết quả giải quyết');
    await phone.page.getByText('Kết quả hợp lệ: văn bản do cơ quan dưới đây ký số').waitFor();
    await phone.page.getByText(code, { exact: true }).waitFor();

    // (7) The dashboard's end-to-end figure moved by one, numerator and denominator.
    const after = await eventually(
      'end-to-end figure',
      () => endToEnd(manager),
      (e) => e.total === before.total + 1,
    );
    expect(after).toEqual({ total: before.total + 1, count: before.count + 1 });
    // The page says the same, after a reload (its live feed may already have moved it in place).
    await dashboard.page.reload();
    expect(await dashboardFigure(dashboard.page)).toEqual(after);

    // No console error or warning, no failed request, on any page of the loop (issue 16, item 6).
    for (const c of [citizen, approver, phone, dashboard]) {
      expect({ url: c.page.url(), problems: consoleProblems(c.page) }).toEqual({ url: c.page.url(), problems: [] });
    }
    for (const c of [citizen, approver, phone, dashboard]) await c.context.close();
  }, 180_000);
});
