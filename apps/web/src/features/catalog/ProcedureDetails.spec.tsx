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

    expect(screen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).toHaveAttribute('href', '/apply/1.009994');
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
    expect(screen.getByRole('link', { name: 'Apply online' })).toHaveAttribute('href', '/apply/1.009994');
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
