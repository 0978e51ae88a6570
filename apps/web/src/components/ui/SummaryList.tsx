import type { ReactNode } from 'react';

export interface SummaryListRow {
  /** Unique among the rows; the label when absent. */
  key?: string;
  label: string;
  value: ReactNode;
  /** GOV.UK's row action (e.g. a "Change" link), in a column of its own. */
  action?: ReactNode;
}

/** GOV.UK's summary list: a description list with a row per key and value, and an optional action. */
export function SummaryList({ rows, className }: { rows: readonly SummaryListRow[]; className?: string }) {
  return (
    <dl className={className ? `summary-list ${className}` : 'summary-list'}>
      {rows.map((r) => (
        <div className="summary-list__row" key={r.key ?? r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
          {r.action ? <dd className="summary-list__action">{r.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
