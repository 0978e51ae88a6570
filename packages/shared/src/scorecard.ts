import type { SummaryFigures } from './metrics.js';

/**
 * The Decision 766/QĐ-TTg scorecard estimate from a summary's figures. Without zod, so the
 * dashboard scores a summary without loading the report schemas (issue 16, item 17).
 */

/** Round to 2 decimals (points, a mean of working days), away from float noise. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The rates of a summary a scorecard group may draw on. */
export type ScorecardInput =
  | 'published'
  | 'onTime'
  | 'openNotOverdue'
  | 'digitised'
  | 'fullProcess'
  | 'endToEnd'
  | 'online'
  | 'payment'
  | 'satisfaction';

export interface ScorecardGroupDef {
  key: 'PUBLICITY' | 'PROGRESS' | 'DIGITISATION' | 'ONLINE_SERVICE' | 'SATISFACTION';
  name: string;
  nameEn: string;
  maxPoints: number;
  /**
   * Our rates that feed the group, with their weight inside it. `now`: a figure of the present
   * (open dossiers), not of the period; it weighs in, but alone it is no data for the period.
   */
  inputs: readonly { input: ScorecardInput; weight: number; now?: true }[];
}

/**
 * The five groups of Decision 766/QĐ-TTg (2022), 100 points. ESTIMATE: the decision scores each
 * group from many sub-indicators (catalog publication, national-portal sync, reuse of data, …) that
 * we do not hold; we map each group to the rates we do compute, with the weights below, and score
 * maxPoints × weighted mean of the available rates. "published" is the share of received dossiers
 * whose progress is public (tracking by code, national status codes): every one in MotCua.
 */
export const SCORECARD_766: readonly ScorecardGroupDef[] = [
  {
    key: 'PUBLICITY',
    name: 'Công khai, minh bạch',
    nameEn: 'Publicity and transparency',
    maxPoints: 18,
    inputs: [{ input: 'published', weight: 1 }],
  },
  {
    key: 'PROGRESS',
    name: 'Tiến độ, kết quả giải quyết',
    nameEn: 'Progress and results',
    maxPoints: 20,
    inputs: [
      { input: 'onTime', weight: 3 },
      { input: 'openNotOverdue', weight: 1, now: true },
    ],
  },
  {
    key: 'DIGITISATION',
    name: 'Số hóa hồ sơ',
    nameEn: 'Digitisation',
    maxPoints: 22,
    inputs: [{ input: 'digitised', weight: 1 }],
  },
  {
    key: 'ONLINE_SERVICE',
    name: 'Cung cấp dịch vụ công trực tuyến',
    nameEn: 'Online public services',
    maxPoints: 22,
    inputs: [
      { input: 'fullProcess', weight: 5 },
      // Handled end to end online (filed, paid and returned online): the figure managers report (issue 14).
      { input: 'endToEnd', weight: 5 },
      { input: 'online', weight: 3 },
      { input: 'payment', weight: 2 },
    ],
  },
  {
    key: 'SATISFACTION',
    name: 'Mức độ hài lòng',
    nameEn: 'Satisfaction',
    maxPoints: 18,
    inputs: [{ input: 'satisfaction', weight: 1 }],
  },
];

/**
 * A group's or the total's score, the no-data state explicit: a group none of whose period rates
 * has a denominator is not scored (shown as "no data"), never as full or zero points.
 */
export type Score = { kind: 'scored'; points: number; maxPoints: number } | { kind: 'noData'; maxPoints: number };

export interface ScorecardGroup {
  key: ScorecardGroupDef['key'];
  name: string;
  nameEn: string;
  maxPoints: number;
  /** Each input's rate; null when it has no denominator (no data). */
  inputs: { input: ScorecardInput; weight: number; rate: number | null }[];
  score: Score;
}

export interface Scorecard {
  groups: ScorecardGroup[];
  /** The sum of the scored groups out of theirs; no data when no group could be scored. */
  total: Score;
}

export function scorecardInputs(s: SummaryFigures): Record<ScorecardInput, number | null> {
  return {
    published: s.received > 0 ? 1 : null,
    onTime: s.onTime.rate,
    openNotOverdue: s.open.rate === null ? null : 1 - s.open.rate,
    digitised: s.digitised.rate,
    fullProcess: s.fullProcess.rate,
    endToEnd: s.endToEnd.rate,
    online: s.online.rate,
    payment: s.payment.rate,
    satisfaction: s.satisfaction.rate,
  };
}

/** The Decision 766 estimate of a summary (see SCORECARD_766). */
export function scorecard766(s: SummaryFigures): Scorecard {
  const rates = scorecardInputs(s);
  const groups = SCORECARD_766.map((g): ScorecardGroup => {
    const inputs = g.inputs.map((i) => ({ input: i.input, weight: i.weight, rate: rates[i.input] }));
    const known = inputs.filter((i) => i.rate !== null);
    // Without a period rate (e.g. nothing decided yet, only open dossiers none overdue) there is nothing to score.
    const periodData = g.inputs.some((i) => !i.now && rates[i.input] !== null);
    const weight = known.reduce((sum, i) => sum + i.weight, 0);
    const score: Score = periodData
      ? {
          kind: 'scored',
          points: round2((g.maxPoints * known.reduce((sum, i) => sum + i.weight * i.rate!, 0)) / weight),
          maxPoints: g.maxPoints,
        }
      : { kind: 'noData', maxPoints: g.maxPoints };
    return { key: g.key, name: g.name, nameEn: g.nameEn, maxPoints: g.maxPoints, inputs, score };
  });
  const scored = groups.flatMap((g) => (g.score.kind === 'scored' ? [g.score] : []));
  return {
    groups,
    total:
      scored.length === 0
        ? { kind: 'noData', maxPoints: 0 }
        : {
            kind: 'scored',
            points: round2(scored.reduce((sum, g) => sum + g.points, 0)),
            maxPoints: scored.reduce((sum, g) => sum + g.maxPoints, 0),
          },
  };
}
