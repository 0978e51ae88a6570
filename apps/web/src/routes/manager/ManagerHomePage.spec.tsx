import type { BreakdownRow } from '@motcua/shared';
import { toLocalDate } from '@motcua/shared/dossier-clock';
import { breakdownRow, ZERO_COUNTS } from '@motcua/shared/metrics';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { storeSession } from '../../lib/auth';
import { stubApi, type StubRoute } from '../../test/api-stub';
import { dueInDays, manager, queueItem, reportSummary } from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

const agencyRows: BreakdownRow[] = [
  breakdownRow('000.30.01.H17', 'UBND phường Hải Châu', { ...ZERO_COUNTS, received: 40, receivedOnline: 30 }),
  breakdownRow('000.30.02.H17', 'UBND phường Thạch Thang', { ...ZERO_COUNTS, received: 90, receivedOnline: 45 }),
  breakdownRow('000.30.03.H17', 'UBND phường Bình Hiên', { ...ZERO_COUNTS, received: 0 }),
];

function routes(over: Record<string, StubRoute> = {}): Record<string, StubRoute> {
  return {
    'GET /reports/summary': { body: reportSummary() },
    'GET /reports/breakdown': ({ url }) => {
      const by = url.searchParams.get('by');
      const rows =
        by === 'month'
          ? [
              breakdownRow(toLocalDate(new Date()).slice(0, 7), 'Tháng này', {
                ...ZERO_COUNTS,
                received: 12,
                decided: 5,
              }),
            ]
          : agencyRows;
      return { body: { from: url.searchParams.get('from'), to: url.searchParams.get('to'), by, rows } };
    },
    'GET /queue': {
      body: {
        items: [
          queueItem({ id: 'd-7', code: 'C-OVERDUE', status: 'IN_PROCESSING', sla: 'OVERDUE', dueAt: dueInDays(-3) }),
        ],
        nextCursor: null,
      },
    },
    ...over,
  };
}

/** The live feed as a stream the test writes to; every other call goes to the stub. */
function withLiveFeed(): {
  send: (event: string, data: unknown) => void;
  calls: { url: string; auth: string | null }[];
} {
  const stubbed = globalThis.fetch;
  const enc = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const calls: { url: string; auth: string | null }[] = [];
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('/api/v1/reports/live')) return stubbed(input, init);
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        c.enqueue(enc.encode('retry: 5000\n\n'));
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  });
  return {
    send: (event, data) => controller?.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    calls,
  };
}

function card(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
}

describe('manager dashboard', () => {
  beforeEach(() => {
    resetVisitor('vi');
    storeSession(manager, manager.user);
  });

  it('shows each rate with its numerator and denominator, and "no data" when the denominator is 0', async () => {
    stubApi(routes());
    withLiveFeed();
    renderApp('/manager');
    await screen.findByRole('heading', { level: 3, name: 'Tỉ lệ nộp trực tuyến' });
    expect(within(card('Hồ sơ tiếp nhận')).getByText('1.000')).toBeInTheDocument();
    expect(within(card('Tỉ lệ nộp trực tuyến')).getByText('58,9%')).toBeInTheDocument();
    expect(within(card('Tỉ lệ nộp trực tuyến')).getByText('589/1.000 hồ sơ')).toBeInTheDocument();
    expect(within(card('Tỉ lệ trực tuyến toàn trình')).getByText('300/400 hồ sơ')).toBeInTheDocument();
    // The end-to-end rate: FULL-procedure dossiers returned in the period, those end-to-end online.
    expect(within(card('Tỉ lệ giải quyết toàn trình')).getByText('59,0%')).toBeInTheDocument();
    expect(within(card('Tỉ lệ giải quyết toàn trình')).getByText('177/300 hồ sơ')).toBeInTheDocument();
    expect(within(card('Tỉ lệ giải quyết đúng hạn')).getByText('95,0%')).toBeInTheDocument();
    expect(within(card('Tỉ lệ giải quyết đúng hạn')).getByText('760/800 hồ sơ')).toBeInTheDocument();
    expect(
      within(card('Hồ sơ quá hạn đang giải quyết')).getByText('5,0% (12/240 hồ sơ đang giải quyết)'),
    ).toBeInTheDocument();
    // Waiting for the citizen apart from the agency's own delays (issue 15).
    expect(within(card('Hồ sơ chờ công dân bổ sung')).getByText('7')).toBeInTheDocument();
    const satisfaction = card('Mức độ hài lòng');
    expect(within(satisfaction).getByText('Chưa có dữ liệu')).toBeInTheDocument();
    expect(within(satisfaction).getByText('—')).toHaveAttribute('aria-hidden', 'true');
    expect(within(satisfaction).queryByText(/%/)).not.toBeInTheDocument();

    act(() => setLanguage('en'));
    expect(await screen.findByText('589/1,000 dossiers')).toBeInTheDocument();
    expect(within(card('Online filing rate')).getByText('58.9%')).toBeInTheDocument();
    expect(within(card('Satisfaction')).getByText('No data')).toBeInTheDocument();
    expect(within(card('End-to-end online rate')).getByText('177/300 dossiers')).toBeInTheDocument();
  });

  it('lays out only the key figures at once: the sections under them are drawn as they come near the screen', async () => {
    stubApi(routes());
    withLiveFeed();
    renderApp('/manager');
    await screen.findByRole('heading', { level: 3, name: 'Tỉ lệ nộp trực tuyến' });
    const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section')!;
    // dashboard.css: content-visibility auto (issue 16, Lighthouse's blocking time on a phone).
    expect(section('Chỉ số chính')).not.toHaveClass('dashboard-below');
    const below = ['trend-title', 'breakdown-title', 'overdue-title', 'scorecard-title'].map((id) =>
      document.getElementById(id)!.closest('section')!,
    );
    for (const s of below) expect(s).toHaveClass('dashboard-below');
  });

  it('follows the live feed (fetched with the bearer token): the cards change without a reload', async () => {
    const api = stubApi(routes());
    const live = withLiveFeed();
    renderApp('/manager');
    await screen.findByText('Cập nhật trực tiếp');
    expect(live.calls[0].auth).toBe('Bearer access-u-manager');
    const today = toLocalDate(new Date());
    expect(live.calls[0].url).toBe(`/api/v1/reports/live?from=${today.slice(0, 8)}01&to=${today}`);

    act(() => live.send('summary', reportSummary()));
    act(() =>
      live.send('summary', reportSummary({ received: 1001, online: { count: 590, rate: 590 / 1001 }, decided: 801 })),
    );
    await waitFor(() => expect(within(card('Hồ sơ tiếp nhận')).getByText('1.001')).toBeInTheDocument());
    expect(within(card('Tỉ lệ nộp trực tuyến')).getByText('590/1.001 hồ sơ')).toBeInTheDocument();
    expect(within(card('Hồ sơ đã giải quyết')).getByText('801')).toBeInTheDocument();
    // Only the first summary was asked for over HTTP: the change came by the feed.
    expect(api.calls.filter((c) => c.path === '/reports/summary')).toHaveLength(1);
  });

  it('draws the monthly trend as an image described in words, with its figures in a table drawn when asked for', async () => {
    stubApi(routes());
    withLiveFeed();
    renderApp('/manager');
    const chart = await screen.findByRole('img', {
      name: /^Biểu đồ cột số hồ sơ tiếp nhận và đã giải quyết mỗi tháng/,
    });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('tổng cộng 12 hồ sơ tiếp nhận và 5 hồ sơ đã giải quyết'),
    );
    const countsName = 'Bảng số liệu: Số hồ sơ tiếp nhận và đã giải quyết theo tháng';
    // The tables are the charts' long descriptions (WCAG 1.1.1), drawn when their disclosure opens.
    expect(screen.queryByRole('table', { name: countsName })).not.toBeInTheDocument();
    const [countsToggle, ratesToggle] = screen.getAllByText('Xem dạng bảng số liệu');
    await userEvent.click(countsToggle);
    const table = await screen.findByRole('table', { name: countsName });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    await userEvent.click(ratesToggle);
    const rates = await screen.findByRole('table', { name: 'Bảng số liệu: Tỉ lệ trực tuyến và đúng hạn theo tháng' });
    expect(within(rates).getAllByText('Chưa có dữ liệu').length).toBeGreaterThan(0);
  });

  it('sorts the breakdown by a column (aria-sort) and switches to procedures', async () => {
    const api = stubApi(routes());
    withLiveFeed();
    renderApp('/manager');
    const table = await screen.findByRole('table', { name: 'Số liệu theo đơn vị' });
    const names = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent);
    expect(names()).toEqual(['UBND phường Thạch Thang', 'UBND phường Hải Châu', 'UBND phường Bình Hiên']);
    expect(within(table).getByRole('columnheader', { name: /Tiếp nhận/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(within(table).getByRole('button', { name: /Nộp trực tuyến/ }));
    // 30/40 = 75 % before 45/90 = 50 %; no data (0 received) last.
    expect(names()).toEqual(['UBND phường Hải Châu', 'UBND phường Thạch Thang', 'UBND phường Bình Hiên']);
    expect(within(table).getByRole('columnheader', { name: /Nộp trực tuyến/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(within(table).getByRole('columnheader', { name: /Tiếp nhận/ })).not.toHaveAttribute('aria-sort');
    await userEvent.click(within(table).getByRole('button', { name: /Nộp trực tuyến/ }));
    expect(names()).toEqual(['UBND phường Thạch Thang', 'UBND phường Hải Châu', 'UBND phường Bình Hiên']);
    expect(within(table).getByRole('columnheader', { name: /Nộp trực tuyến/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // The rate and its fraction in one cell, on two lines (white-space: pre-line).
    const haiChau = within(table).getByRole('rowheader', { name: 'UBND phường Hải Châu' }).closest('tr')!;
    expect(within(haiChau).getAllByRole('cell')[1].textContent).toMatch(/^75,0\s?%\n30\/40 hồ sơ$/);

    await userEvent.click(screen.getByRole('button', { name: 'Theo thủ tục' }));
    expect(screen.getByRole('button', { name: 'Theo thủ tục' })).toHaveAttribute('aria-pressed', 'true');
    await screen.findByRole('table', { name: 'Số liệu theo thủ tục' });
    expect(api.calls.some((c) => c.path === '/reports/breakdown' && c.search.includes('by=procedure'))).toBe(true);
  });

  it('exports the breakdown as CSV with the same parameters and the bearer token', async () => {
    const api = stubApi(routes({ 'GET /reports/breakdown.csv': { body: 'x' } }));
    withLiveFeed();
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/manager?period=custom&from=2025-01-01&to=2025-12-31');
    await screen.findByRole('table', { name: 'Số liệu theo đơn vị' });
    await userEvent.click(screen.getByRole('button', { name: 'Xuất CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    const csv = api.calls.find((c) => c.path === '/reports/breakdown.csv');
    expect(Object.fromEntries(new URLSearchParams(csv?.search))).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      by: 'agency',
    });
    expect(csv?.authorization).toBe('Bearer access-u-manager');
    clicked.mockRestore();
  });

  it('changes the period, and refuses custom dates the API would refuse', async () => {
    const api = stubApi(routes());
    withLiveFeed();
    const { router } = renderApp('/manager');
    await screen.findByRole('heading', { level: 3, name: 'Tỉ lệ nộp trực tuyến' });
    await userEvent.click(screen.getByRole('radio', { name: 'Năm nay' }));
    const year = toLocalDate(new Date()).slice(0, 4);
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === '/reports/summary' && c.search.includes(`from=${year}-01-01`))).toBe(
        true,
      ),
    );
    expect(router.state.location.search).toBe('?period=year');

    await userEvent.click(screen.getByRole('radio', { name: 'Tùy chọn' }));
    await userEvent.type(screen.getByLabelText(/Từ ngày/), '2025-12-31');
    await userEvent.type(screen.getByLabelText(/Đến ngày/), '2025-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    const link = await screen.findByRole('link', { name: 'Ngày kết thúc không được trước ngày bắt đầu' });
    expect(link.closest('.error-summary')).toHaveFocus();
    expect(screen.queryByRole('heading', { level: 2, name: 'Chỉ số chính' })).not.toBeInTheDocument();
  });

  it('shows a period the API refuses (400 naming `to`) at its field instead of failing', async () => {
    stubApi(
      routes({
        'GET /reports/summary': {
          status: 400,
          body: {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: 'The request has invalid fields',
            code: 'VALIDATION_FAILED',
            errors: [{ field: 'to', message: 'Must not be after 2027-12-06' }],
          },
        },
      }),
    );
    withLiveFeed();
    renderApp('/manager?period=custom&from=2026-01-01&to=2026-12-31');
    const link = await screen.findByRole('link', { name: /Hệ thống không nhận ngày kết thúc này/ });
    expect(link.closest('.error-summary')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Chỉ số chính' })).not.toBeInTheDocument();
  });

  it('lists the overdue dossiers with links to their work screen, and the Decision 766 groups', async () => {
    const api = stubApi(routes());
    withLiveFeed();
    renderApp('/manager');
    const link = await screen.findByRole('link', { name: 'C-OVERDUE' });
    expect(link).toHaveAttribute('href', '/manager/dossiers/d-7');
    expect(within(link.closest('tr')!).getByText('Quá hạn 3 ngày')).toBeInTheDocument();
    const overdueCall = api.calls.find((c) => c.path === '/queue');
    expect(Object.fromEntries(new URLSearchParams(overdueCall?.search))).toEqual({ sla: 'OVERDUE', limit: '20' });

    const scorecard = screen.getByRole('table', { name: 'Điểm ước tính theo nhóm chỉ số' });
    const groups = within(scorecard)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(groups).toEqual([
      'Công khai, minh bạch',
      'Tiến độ, kết quả giải quyết',
      'Số hóa hồ sơ',
      'Cung cấp dịch vụ công trực tuyến',
      'Mức độ hài lòng',
      'Tổng điểm ước tính (trên các nhóm có số liệu)',
    ]);
    const progress = within(scorecard).getByRole('rowheader', { name: 'Tiến độ, kết quả giải quyết' }).closest('tr')!;
    expect(within(progress).getByText('20 điểm')).toBeInTheDocument();
    expect(within(progress).getByText('Giải quyết đúng hạn (trọng số 3): 95,0% (760/800 hồ sơ)')).toBeInTheDocument();
    // The end-to-end rate feeds the online-services group, with its numerator and denominator.
    const online = within(scorecard)
      .getByRole('rowheader', { name: 'Cung cấp dịch vụ công trực tuyến' })
      .closest('tr')!;
    expect(
      within(online).getByText(
        'Trực tuyến toàn trình (nộp, nộp phí và nhận kết quả trực tuyến) (trọng số 5): 59,0% (177/300 hồ sơ)',
      ),
    ).toBeInTheDocument();
    const satisfaction = within(scorecard).getByRole('rowheader', { name: 'Mức độ hài lòng' }).closest('tr')!;
    expect(within(satisfaction).getAllByText(/Chưa có dữ liệu/).length).toBe(2);
  });
});
