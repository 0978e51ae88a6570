import type { ReportSummary } from '@motcua/shared';
import { scorecard766, type Score, type ScorecardInput } from '@motcua/shared/scorecard';
import { memo } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useRateText } from './KpiCards';
import { useReportFormat } from './useReportFormat';

/** The fraction behind each scorecard input, to show it with its numerator and denominator. */
function fractionOf(s: ReportSummary, input: ScorecardInput): { num: number; den: number } | null {
  switch (input) {
    case 'published':
      return { num: s.received, den: s.received };
    case 'onTime':
      return { num: s.onTime.count, den: s.decided };
    case 'openNotOverdue':
      return { num: s.open.total - s.open.overdue, den: s.open.total };
    case 'digitised':
      return { num: s.digitised.count, den: s.digitised.total };
    case 'fullProcess':
      return { num: s.fullProcess.online, den: s.fullProcess.total };
    case 'endToEnd':
      return { num: s.endToEnd.count, den: s.endToEnd.total };
    case 'online':
      return { num: s.online.count, den: s.received };
    case 'payment':
      return { num: s.payment.online, den: s.payment.paid };
    case 'satisfaction':
      return null;
  }
}

/**
 * The Decision 766/QĐ-TTg scorecard (five groups, 100 points) as the shared estimate computes it
 * from the period's rates: each group's weight, the rates that feed it and its estimated points.
 */
export const ScorecardTable = memo(function ScorecardTable({ summary }: { summary: ReportSummary }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const f = useReportFormat();
  const rateText = useRateText();
  const card = scorecard766(summary);
  const inputText = (input: ScorecardInput, rate: number | null) => {
    if (input === 'satisfaction') {
      return rateText(rate, summary.satisfaction.satisfied, summary.satisfaction.ratings, 'ratings').plain;
    }
    const fr = fractionOf(summary, input);
    return fr ? rateText(rate, fr.num, fr.den, 'dossiers').plain : t('dashboard.noData');
  };
  // A criterion without a denominator says so rather than showing full (or zero) points.
  const scoreText = (score: Score) =>
    score.kind === 'noData'
      ? t('dashboard.noData')
      : t('dashboard.scorecard.pointsOf', { points: f.decimal(score.points), max: f.count(score.maxPoints) });
  return (
    <div className="table-wrap" role="region" aria-label={t('dashboard.scorecard.caption')} tabIndex={0}>
      <table className="table scorecard">
        <caption>{t('dashboard.scorecard.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.scorecard.group')}</th>
            <th scope="col" className="num">
              {t('dashboard.scorecard.weight')}
            </th>
            <th scope="col">{t('dashboard.scorecard.inputs')}</th>
            <th scope="col" className="num">
              {t('dashboard.scorecard.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {card.groups.map((g) => (
            <tr key={g.key}>
              <th scope="row" lang={english ? 'en' : 'vi'}>
                {english ? g.nameEn : g.name}
              </th>
              <td className="num">{t('dashboard.scorecard.maxPoints', { points: f.count(g.maxPoints) })}</td>
              <td>
                <ul className="plain-list">
                  {g.inputs.map((i) => (
                    <li key={i.input}>
                      {t(`dashboard.scorecard.input.${i.input}`)}
                      {g.inputs.length > 1 ? ` (${t('dashboard.scorecard.inputWeight', { weight: i.weight })})` : ''}
                      {': '}
                      {inputText(i.input, i.rate)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{scoreText(g.score)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('dashboard.scorecard.total')}
            </th>
            <td className="num">{scoreText(card.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
});
