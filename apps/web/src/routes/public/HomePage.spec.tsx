import { screen, waitFor, within } from '@testing-library/react';
import { stubApi } from '../../test/api-stub';
import { birthRegistration, sectors } from '../../test/fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

describe('home page', () => {
  beforeEach(() => resetVisitor('vi'));

  it('holds the place of the sectors and popular procedures while they load, announced in words only', async () => {
    stubApi({
      'GET /sectors': { body: { items: sectors } },
      'GET /procedures': { body: { items: [birthRegistration], total: 1 } },
    });
    // Hold both answers back until the loading state has been looked at.
    const answer = globalThis.fetch;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      await held;
      return answer(input, init);
    });
    const { container } = renderApp('/');

    const sectorsRegion = await screen.findByRole('region', { name: 'Tìm theo lĩnh vực' });
    const popularRegion = screen.getByRole('region', { name: 'Thủ tục thường dùng' });
    for (const region of [sectorsRegion, popularRegion]) {
      expect(within(region).getByRole('status')).toHaveTextContent('Đang tải…');
      // The placeholders are drawn but not read: no list, no items for a screen reader.
      expect(within(region).queryByRole('list')).toBeNull();
      expect(region.querySelector('ul[aria-hidden="true"] li')).not.toBeNull();
    }
    expect(container.querySelectorAll('.tile--skeleton').length).toBeGreaterThan(sectors.length);

    release();
    expect(await within(sectorsRegion).findByRole('link', { name: 'Hộ tịch' })).toHaveAttribute(
      'href',
      '/procedures?sectorCode=HO_TICH',
    );
    await waitFor(() => expect(within(popularRegion).queryByRole('status')).toBeNull());
    expect(within(sectorsRegion).queryByRole('status')).toBeNull();
    expect(container.querySelector('.tile--skeleton, .skeleton')).toBeNull();
  });
});
