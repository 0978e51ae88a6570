import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { countTicks, fitLabels } from './chartScale';

export interface ChartSeries {
  key: string;
  label: string;
  values: (number | null)[];
  /** The table's text of each value when it says more than the number (a rate's fraction). */
  cells?: string[];
}

/** The drawing's width follows its box, so the 13 px text stays 13 px on a phone (not scaled down). */
const W_DEFAULT = 640;
const W_MIN = 280;
const W_MAX = 768;
const H = 280;
const M = { top: 16, right: 16, bottom: 40, left: 60 };
const PLOT_H = H - M.top - M.bottom;
/** Dark enough for 3:1 against white (WCAG 1.4.11); the series also differ by pattern and marker. */
const COLOURS = ['#0b4f8a', '#0f6b3a', '#8e1b14'];
const DASHES = [undefined, '8 4', '2 4'];

/** A series' marker (circle, square, triangle) as path data, so all of a series' markers are one path. */
function markerPath(index: number, x: number, y: number): string {
  switch (index % 3) {
    case 0:
      return `M${x - 4},${y} a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 Z `;
    case 1:
      return `M${x - 4},${y - 4} h8 v8 h-8 Z `;
    default:
      return `M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z `;
  }
}

/**
 * A small SVG chart of monthly figures: grouped bars (counts) or lines (rates in [0, 1]). One
 * image for assistive technology, described in words, and the same figures in a table behind a
 * "view as a table" disclosure right after it (the long description of a complex image, WCAG
 * 1.1.1), drawn only when opened: the page starts lighter (issue 16, item 17). Each series' bars
 * or markers are one path, for the same reason.
 */
export function TrendChart({
  title,
  summary,
  categories,
  series,
  kind,
  format,
}: {
  title: string;
  /** What the chart shows, in a sentence or two (the image's accessible name). */
  summary: string;
  categories: string[];
  series: ChartSeries[];
  kind: 'bars' | 'lines';
  format: (v: number) => string;
}) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const [tableOpen, setTableOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const [W, setW] = useState(W_DEFAULT);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width > 0) setW(Math.min(W_MAX, Math.max(W_MIN, width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const PLOT_W = W - M.left - M.right;
  const n = categories.length;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // Counts: whole-number ticks, none twice; rates: 0 to 100 % by quarters.
  const ticks = kind === 'lines' ? [0, 0.25, 0.5, 0.75, 1] : countTicks(Math.max(0, ...all));
  const yMax = ticks[ticks.length - 1];
  const band = n ? PLOT_W / n : PLOT_W;
  const x = (i: number) => M.left + band * (i + 0.5);
  const y = (v: number) => M.top + PLOT_H - (v / yMax) * PLOT_H;
  const xLabels = fitLabels(categories, band);
  const barW = (band * 0.7) / Math.max(1, series.length);
  const grid = ticks
    .slice(1)
    .map((v) => `M${M.left},${y(v)} H${W - M.right}`)
    .join(' ');

  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div ref={box} className="chart__box">
        <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary} className="chart__svg">
          {kind === 'bars' ? (
            <defs>
              {series.map((s, j) => (
                <pattern
                  key={s.key}
                  id={`${uid}-p${j}`}
                  width={6}
                  height={6}
                  patternUnits="userSpaceOnUse"
                  patternTransform={j === 1 ? 'rotate(45)' : j === 2 ? 'rotate(-45)' : undefined}
                >
                  <rect width={6} height={6} fill={j === 0 ? COLOURS[0] : '#fff'} />
                  {j > 0 ? <rect width={3} height={6} fill={COLOURS[j % COLOURS.length]} /> : null}
                </pattern>
              ))}
            </defs>
          ) : null}
          <path d={grid} fill="none" stroke="#d0d5dc" />
          <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#1b1b1b" />
          {ticks.map((v) => (
            <text key={v} x={M.left - 8} y={y(v)} dy="0.35em" textAnchor="end" className="chart__tick">
              {format(v)}
            </text>
          ))}
          {xLabels.map((label, i) =>
            label === null ? null : (
              <text key={categories[i]} x={x(i)} y={H - M.bottom + 18} textAnchor="middle" className="chart__tick">
                {label}
              </text>
            ),
          )}
          {kind === 'bars'
            ? series.map((s, j) => {
                // A month without data, or with none, has no bar (a zero-height rect drew nothing either).
                const w = Math.max(1, barW - 2);
                let d = '';
                s.values.forEach((v, i) => {
                  if (v === null || v <= 0) return;
                  const top = y(v);
                  d += `M${M.left + band * i + band * 0.15 + j * barW},${top} h${w} V${M.top + PLOT_H} h${-w} Z `;
                });
                return <path key={s.key} d={d} fill={`url(#${uid}-p${j})`} stroke={COLOURS[j % COLOURS.length]} />;
              })
            : series.map((s, j) => {
                const colour = COLOURS[j % COLOURS.length];
                // A month without data breaks the line instead of pretending it was 0.
                let d = '';
                let marks = '';
                let pen = false;
                s.values.forEach((v, i) => {
                  if (v === null) {
                    pen = false;
                    return;
                  }
                  d += `${pen ? 'L' : 'M'}${x(i)},${y(v)} `;
                  marks += markerPath(j, x(i), y(v));
                  pen = true;
                });
                return (
                  <Fragment key={s.key}>
                    <path
                      d={d}
                      fill="none"
                      stroke={colour}
                      strokeWidth={2.5}
                      strokeDasharray={DASHES[j % DASHES.length]}
                    />
                    <path d={marks} fill={colour} />
                  </Fragment>
                );
              })}
        </svg>
      </div>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s, j) => (
          <li key={s.key}>
            <svg width="28" height="14" viewBox="0 0 28 14">
              {kind === 'bars' ? (
                <rect
                  x={1}
                  y={1}
                  width={26}
                  height={12}
                  fill={`url(#${uid}-p${j})`}
                  stroke={COLOURS[j % COLOURS.length]}
                />
              ) : (
                <>
                  <line
                    x1={0}
                    x2={28}
                    y1={7}
                    y2={7}
                    stroke={COLOURS[j % COLOURS.length]}
                    strokeWidth={2.5}
                    strokeDasharray={DASHES[j % DASHES.length]}
                  />
                  <path d={markerPath(j, 14, 7)} fill={COLOURS[j % COLOURS.length]} />
                </>
              )}
            </svg>{' '}
            {s.label}
          </li>
        ))}
      </ul>
      <details className="chart__data" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>{t('dashboard.chart.asTable')}</summary>
        {tableOpen ? <ChartTable title={title} categories={categories} series={series} format={format} /> : null}
      </details>
    </figure>
  );
}

/** The chart's figures, month by month (its long description). */
function ChartTable({
  title,
  categories,
  series,
  format,
}: {
  title: string;
  categories: string[];
  series: ChartSeries[];
  format: (v: number) => string;
}) {
  const { t } = useTranslation();
  const noData = t('dashboard.noData');
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('dashboard.chart.tableCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chart.month')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {series.map((s) => {
                const v = s.values[i];
                return (
                  <td key={s.key} className="num">
                    {s.cells?.[i] ?? (v === null ? noData : format(v))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
