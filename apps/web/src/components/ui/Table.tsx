import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A data table with a caption; scrolls sideways on a narrow screen instead of breaking the layout. */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  cards = false,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /**
   * On a narrow screen, each row as a card (CSS only, `.table--cards`): the same table in the DOM
   * for screen readers, each cell with a visible copy of its column's header hidden from them.
   */
  cards?: boolean;
}) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={typeof caption === 'string' ? caption : undefined}
      tabIndex={0}
    >
      <table className={cards ? 'table table--cards' : 'table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {cards ? (
                      <>
                        <span className="table__label" aria-hidden="true">
                          {c.header}
                        </span>
                        <span className="table__value">{c.render(r)}</span>
                      </>
                    ) : (
                      c.render(r)
                    )}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
