import { screen, within } from '@testing-library/react';
import { storeSession } from '../../lib/auth';
import { stubApi } from '../../test/api-stub';
import { queueItem, receptionist } from '../../test/desk-fixtures';
import { renderApp, resetVisitor } from '../../test/render-app';

/**
 * The queue's card layout on narrow screens is CSS only (styles.css, `.table--cards`): the DOM stays
 * the table screen readers navigate, and each cell's visible copy of its header is hidden from them.
 */
describe('queue card layout', () => {
  beforeEach(() => resetVisitor('vi'));

  it('keeps the table semantics, with per-cell labels hidden from assistive technology', async () => {
    storeSession(receptionist, receptionist.user);
    stubApi({
      'GET /queue': { body: { items: [queueItem({ applicantName: 'Nguyễn Văn An' })], nextCursor: null } },
      'GET /procedures': { body: { items: [], total: 0 } },
    });
    renderApp('/staff');
    const table = await screen.findByRole('table', { name: 'Chờ tiếp nhận' });
    expect(table).toHaveClass('table--cards');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Trạng thái', 'Hạn giải quyết', 'Người xử lý']);
    const [, row] = within(table).getAllByRole('row');
    const cells = within(row).getAllByRole('cell');
    expect(cells).toHaveLength(headers.length);
    cells.forEach((cell, i) => {
      const label = cell.querySelector('.table__label');
      expect(label).toHaveAttribute('aria-hidden', 'true');
      expect(label?.textContent).toBe(headers[i]);
    });
    expect(within(cells[2]).getByText('Nguyễn Văn An')).toBeInTheDocument();
  });
});
