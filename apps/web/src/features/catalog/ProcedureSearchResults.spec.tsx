import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../test/api-stub';
import { birthRegistration, buildingPermit, sectors } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

describe('procedure search', () => {
  beforeEach(() => resetVisitor('vi'));

  it('shows an empty state with suggestions when nothing matches', async () => {
    const api = stubApi({
      'GET /procedures': { body: { items: [], total: 0 } },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures?q=xyzabc');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Không tìm thấy thủ tục phù hợp' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Tìm thấy 0 thủ tục cho “xyzabc”');
    expect(screen.getByRole('link', { name: 'bỏ bộ lọc và xem tất cả thủ tục' })).toHaveAttribute(
      'href',
      '/procedures',
    );
    expect(api.calls.find((c) => c.path === '/procedures')?.search).toBe('?q=xyzabc&page=1&pageSize=10');
  });

  it('announces the count, lists the results and links to the other pages', async () => {
    const api = stubApi({
      'GET /procedures': { body: { items: [birthRegistration, buildingPermit], total: 23 } },
      'GET /sectors': { body: { items: sectors } },
    });
    renderApp('/procedures?q=dang%20ky&sectorCode=HO_TICH&page=2');
    expect(await screen.findByRole('link', { name: 'Đăng ký khai sinh' })).toHaveAttribute(
      'href',
      '/procedures/1.001193',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Tìm thấy 23 thủ tục cho “dang ky” · Trang 2/3');
    const nav = screen.getByRole('navigation', { name: 'Phân trang' });
    expect(within(nav).getByRole('link', { name: 'Trang 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Trang sau' })).toHaveAttribute(
      'href',
      '/procedures?q=dang+ky&sectorCode=HO_TICH&page=3',
    );
    expect(within(nav).getByRole('link', { name: 'Trang trước' })).toHaveAttribute(
      'href',
      '/procedures?q=dang+ky&sectorCode=HO_TICH',
    );
    expect(api.calls.find((c) => c.path === '/procedures')?.search).toBe(
      '?q=dang+ky&sectorCode=HO_TICH&page=2&pageSize=10',
    );
    expect(screen.getByText('Miễn phí')).toBeInTheDocument();
    expect(screen.getByText('Trong ngày')).toBeInTheDocument();
  });

  it('searches with the filters chosen, from page 1', async () => {
    const api = stubApi({
      'GET /procedures': { body: { items: [buildingPermit], total: 1 } },
      'GET /sectors': { body: { items: sectors } },
    });
    const { router } = renderApp('/procedures?page=4');
    await screen.findByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tên thủ tục' }), 'giay phep xay dung');
    await screen.findByRole('option', { name: 'Xây dựng' });
    await userEvent.selectOptions(screen.getByLabelText('Lĩnh vực'), 'XAY_DUNG');
    await userEvent.selectOptions(screen.getByLabelText('Mức độ dịch vụ công trực tuyến'), 'PARTIAL');
    await userEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Tìm kiếm' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Tìm thấy 1 thủ tục cho “giay phep xay dung”');
    expect(router.state.location.search).toBe('?q=giay+phep+xay+dung&sectorCode=XAY_DUNG&onlineLevel=PARTIAL');
    expect(api.calls.filter((c) => c.path === '/procedures').at(-1)?.search).toBe(
      '?q=giay+phep+xay+dung&sectorCode=XAY_DUNG&onlineLevel=PARTIAL&page=1&pageSize=10',
    );
  });

  it('home page: sector tiles open the sector, the search box opens the results', async () => {
    stubApi({
      'GET /procedures': { body: { items: [birthRegistration], total: 1 } },
      'GET /sectors': { body: { items: sectors } },
    });
    const { router } = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Hộ tịch' })).toHaveAttribute(
      'href',
      '/procedures?sectorCode=HO_TICH',
    );
    expect(await screen.findByRole('link', { name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Tìm thủ tục hành chính'), 'khai sinh');
    await userEvent.click(within(screen.getByRole('search')).getByRole('button', { name: 'Tìm kiếm' }));
    await screen.findByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' });
    expect(router.state.location.search).toBe('?q=khai%20sinh');
  });
});
