import { useMemo, useState, type ReactNode } from 'react';
import './sortable-table.css';

export type SortDirection = 'ascending' | 'descending';

export interface SortableColumn<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** What the column sorts by; a column without it is not sortable. null sorts last either way. */
  sortValue?: (row: T) => number | string | null;
  numeric?: boolean;
  /** A class for a row's cell (a style that depends on its value, without an element inside). */
  cellClassName?: (row: T) => string | undefined;
}

export interface SortState {
  key: string;
  direction: SortDirection;
}

function compare(a: number | string | null, b: number | string | null, direction: SortDirection): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'vi');
  return direction === 'ascending' ? c : -c;
}

/**
 * A data table whose column headers are buttons that sort it; the sorted column carries
 * `aria-sort`. A number column sorts largest first on its first press, a text column A to Z.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  empty,
}: {
  caption: string;
  columns: SortableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: SortState;
  empty?: ReactNode;
}) {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !col?.sortValue) return rows;
    const value = col.sortValue;
    // Stable: equal values keep the server's order.
    return rows
      .map((row, i) => ({ row, i }))
      .sort((x, y) => compare(value(x.row), value(y.row), sort.direction) || x.i - y.i)
      .map((x) => x.row);
  }, [rows, columns, sort]);

  const press = (col: SortableColumn<T>) => {
    setSort((s) => {
      if (s?.key === col.key)
        return { key: col.key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' };
      return { key: col.key, direction: col.numeric ? 'descending' : 'ascending' };
    });
  };

  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--sortable">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key ? sort.direction : undefined;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active}>
                  {c.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => press(c)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-button__icon">
                        {active === 'ascending' ? '▲' : active === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            sorted.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>
                      {c.render(r)}
                    </th>
                  ) : (
                    <td
                      key={c.key}
                      className={[c.numeric ? 'num' : '', c.cellClassName?.(r) ?? ''].join(' ').trim() || undefined}
                    >
                      {c.render(r)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
