import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../app/i18n';
import { problem, stubApi } from '../../test/api-stub';
import { birthRegistration, procedureDetail, sectors } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

/** The value next to a term of the page's summary list. */
function summaryValue(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('procedure page', () => {
  beforeEach(() => resetVisitor('vi'));

  it('shows time in working days, the fee in VND, where, the online level and the documents in words', async () => {
    stubApi({
      'GET /procedures/1.009994': { body: procedureDetail() },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures/1.009994');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' }),
    ).toBeInTheDocument();
    expect(summaryValue('Thời gian giải quyết')).toHaveTextContent('15 ngày làm việc');
    expect(summaryValue('Phí, lệ phí').textContent?.replace(/\s/g, ' ')).toBe('75.000 ₫');
    expect(summaryValue('Cơ quan giải quyết')).toHaveTextContent('UBND phường Hải Châu');
    expect(summaryValue('Mức độ dịch vụ công')).toHaveTextContent('Dịch vụ công trực tuyến một phần');
    expect(await screen.findByText('Xây dựng', { selector: 'dd span' })).toBeInTheDocument();

    const docs = screen.getByRole('heading', { level: 2, name: 'Giấy tờ cần chuẩn bị' }).nextElementSibling!
      .nextElementSibling as HTMLElement;
    const items = within(docs).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Đơn đề nghị cấp giấy phép xây dựng');
    expect(items[0]).toHaveTextContent('Bắt buộc');
    expect(items[1]).toHaveTextContent('tối đa 20 MB mỗi tệp');
    expect(items[2]).toHaveTextContent('Không bắt buộc');

    // Near the top (before the summary) and again at the end.
    const applyLinks = screen.getAllByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
    expect(applyLinks).toHaveLength(2);
    for (const a of applyLinks) expect(a).toHaveAttribute('href', '/apply/1.009994');
    const summaryHeading = screen.getByRole('heading', { level: 2, name: 'Thông tin chung' });
    expect(applyLinks[0].compareDocumentPosition(summaryHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says where and when to go, with a map link, the forms to download, the legal basis and the last update', async () => {
    stubApi({
      'GET /procedures/1.009994': { body: procedureDetail() },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures/1.009994');
    await screen.findByRole('heading', { level: 1, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' });
    expect(screen.getByText('Cập nhật lần cuối: 05/01/2026 (phiên bản 2)')).toBeInTheDocument();

    const office = screen.getByRole('region', { name: 'UBND phường Hải Châu' });
    expect(
      within(office).getByText('Bộ phận Một cửa, 12 Quang Trung, phường Hải Châu, thành phố Đà Nẵng'),
    ).toBeInTheDocument();
    expect(within(office).getByText('Thứ Hai đến Thứ Sáu: 7:30–11:30, 13:30–17:00')).toBeInTheDocument();
    expect(within(office).getByRole('link', { name: '0236 3000 201' })).toHaveAttribute('href', 'tel:02363000201');
    // A plain link to a map search of the address: no map script on the page.
    const map = within(office).getByRole('link', { name: /Xem trên bản đồ/ });
    expect(map).toHaveAttribute(
      'href',
      `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent('Bộ phận Một cửa, 12 Quang Trung, phường Hải Châu, thành phố Đà Nẵng')}`,
    );
    expect(map).toHaveAttribute('rel', 'noopener noreferrer');

    expect(screen.getByRole('heading', { level: 2, name: 'Mẫu đơn, tờ khai' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tờ khai cấp giấy phép xây dựng nhà ở riêng lẻ' })).toHaveAttribute(
      'href',
      '/api/v1/procedures/1.009994/templates/to-khai.pdf',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Căn cứ pháp lý' }).nextElementSibling).toHaveTextContent(
      'Luật Xây dựng 2014; Nghị định 15/2021/NĐ-CP',
    );
  });

  it('lists many offices closed, each opening to its contact', async () => {
    const office = (n: number) => ({
      ...procedureDetail().agencies[0],
      code: `000.30.0${n}.H17`,
      name: `Phường số ${n}`,
      address: `${n} Quang Trung`,
    });
    stubApi({
      'GET /procedures/1.009994': { body: procedureDetail({ agencies: [1, 2, 3, 4].map(office) }) },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures/1.009994');
    await screen.findByRole('heading', { level: 1, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' });
    const closed = [...document.querySelectorAll<HTMLDetailsElement>('details.agency-contact')];
    expect(closed.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      'Phường số 1',
      'Phường số 2',
      'Phường số 3',
      'Phường số 4',
    ]);
    expect(closed.every((d) => !d.open)).toBe(true);
    await userEvent.click(within(closed[2]).getByText('Phường số 3'));
    expect(closed[2].open).toBe(true);
    expect(within(closed[2]).getByText('3 Quang Trung')).toBeInTheDocument();
  });

  it('shows opening hours in English and says when an office has published no contact', async () => {
    stubApi({
      'GET /procedures/1.009994': {
        body: procedureDetail({
          agencies: [
            procedureDetail().agencies[0],
            {
              code: '000.30.02.H17',
              name: 'Phường Hòa Cường',
              nameEn: 'Hoa Cuong Ward',
              address: null,
              phone: null,
              openingHours: null,
              openingHoursEn: null,
            },
          ],
        }),
      },
      'GET /sectors': { body: { items: sectors } },
    });
    act(() => setLanguage('en'));
    renderApp('/procedures/1.009994');
    await screen.findByRole('heading', { level: 1, name: 'Construction permit for a detached house' });
    const office = screen.getByRole('region', { name: 'Hai Chau Ward People’s Committee' });
    expect(within(office).getByText('Monday to Friday: 7:30–11:30 and 13:30–17:00')).toHaveAttribute('lang', 'en');
    expect(
      within(screen.getByRole('region', { name: 'Hoa Cuong Ward' })).getByText(
        'The office has not published its address and opening hours.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Application form: Construction permit for a detached house' }),
    ).toBeInTheDocument();
  });

  it('says "same day" and "free" for a 0-day, 0-fee full-process procedure', async () => {
    stubApi({
      'GET /procedures/1.001193': {
        body: procedureDetail({ ...birthRegistration, requiredDocuments: [], legalBasis: null }),
      },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures/1.001193');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(summaryValue('Thời gian giải quyết')).toHaveTextContent('Trong ngày');
    expect(summaryValue('Phí, lệ phí')).toHaveTextContent('Miễn phí');
    expect(summaryValue('Mức độ dịch vụ công')).toHaveTextContent('Dịch vụ công trực tuyến toàn trình');
    expect(screen.getByText('Thủ tục này không cần giấy tờ kèm theo.')).toBeInTheDocument();
  });

  it('shows the English name and texts in English, with the official Vietnamese name beside', async () => {
    stubApi({
      'GET /procedures/1.009994': { body: procedureDetail() },
      'GET /sectors': { body: { items: sectors } },
    });
    act(() => setLanguage('en'));
    renderApp('/procedures/1.009994');
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Construction permit for a detached house' });
    expect(h1).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Cấp giấy phép xây dựng nhà ở riêng lẻ')).toHaveAttribute('lang', 'vi');
    expect(summaryValue('Processing time')).toHaveTextContent('15 working days');
    expect(summaryValue('Online service level')).toHaveTextContent('Partial online service');
    expect(screen.getByRole('heading', { level: 2, name: 'What you need' })).toBeInTheDocument();
    expect(screen.getByText('Application form')).toBeInTheDocument();
    expect(screen.getAllByText('Required')).toHaveLength(2);
    expect(screen.getByText('Optional')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Apply online' })[0]).toHaveAttribute('href', '/apply/1.009994');
  });

  it('says so when the procedure does not exist', async () => {
    stubApi({ 'GET /procedures/9.999999': { status: 404, body: problem(404, 'NOT_FOUND', 'Procedure not found') } });
    renderApp('/procedures/9.999999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' })).toBeInTheDocument();
  });

  it('offers to try again when loading fails', async () => {
    let attempts = 0;
    stubApi({
      'GET /procedures/1.009994': () =>
        ++attempts <= 2
          ? { status: 503, body: problem(503, 'UNAVAILABLE', 'Database unavailable') }
          : { body: procedureDetail() },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures/1.009994');
    const retry = await screen.findByRole('button', { name: 'Thử lại' }, { timeout: 4000 });
    // UNAVAILABLE in the words of the shared catalogue, not the generic text.
    expect(screen.getByRole('alert')).toHaveTextContent('Hệ thống đang bận. Vui lòng thử lại sau ít phút.');
    await userEvent.click(retry);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' }),
    ).toBeInTheDocument();
  });
});
