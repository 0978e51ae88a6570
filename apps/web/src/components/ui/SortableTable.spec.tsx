import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SortableTable, type SortableColumn } from './SortableTable';

interface Row {
  name: string;
  rate: number | null;
}
const rows: Row[] = [
  { name: 'Hòa Vang', rate: 0.5 },
  { name: 'Ân Nghĩa', rate: null },
  { name: 'Bình Hiên', rate: 0.9 },
];
const columns: SortableColumn<Row>[] = [
  { key: 'name', header: 'Đơn vị', render: (r) => r.name, sortValue: (r) => r.name },
  { key: 'rate', header: 'Tỉ lệ', numeric: true, render: (r) => String(r.rate), sortValue: (r) => r.rate },
  { key: 'note', header: 'Ghi chú', render: () => '' },
];

const order = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((c) => c.textContent);

describe('SortableTable', () => {
  it('keeps the given order until a header is pressed; unsortable columns have no button', () => {
    render(<SortableTable caption="Đơn vị" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    expect(order()).toEqual(['Hòa Vang', 'Ân Nghĩa', 'Bình Hiên']);
    expect(screen.queryByRole('button', { name: 'Ghi chú' })).not.toBeInTheDocument();
    for (const h of screen.getAllByRole('columnheader')) expect(h).not.toHaveAttribute('aria-sort');
  });

  it('sorts text A to Z first (Vietnamese collation), then Z to A, marking the column with aria-sort', async () => {
    render(<SortableTable caption="Đơn vị" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    await userEvent.click(screen.getByRole('button', { name: /Đơn vị/ }));
    expect(order()).toEqual(['Ân Nghĩa', 'Bình Hiên', 'Hòa Vang']);
    expect(screen.getByRole('columnheader', { name: /Đơn vị/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /Đơn vị/ }));
    expect(order()).toEqual(['Hòa Vang', 'Bình Hiên', 'Ân Nghĩa']);
    expect(screen.getByRole('columnheader', { name: /Đơn vị/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts numbers largest first, and puts rows without a value last in both directions', async () => {
    render(<SortableTable caption="Đơn vị" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    await userEvent.click(screen.getByRole('button', { name: /Tỉ lệ/ }));
    expect(order()).toEqual(['Bình Hiên', 'Hòa Vang', 'Ân Nghĩa']);
    await userEvent.click(screen.getByRole('button', { name: /Tỉ lệ/ }));
    expect(order()).toEqual(['Hòa Vang', 'Bình Hiên', 'Ân Nghĩa']);
    expect(screen.getByRole('columnheader', { name: /Tỉ lệ/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Đơn vị/ })).not.toHaveAttribute('aria-sort');
  });
});
