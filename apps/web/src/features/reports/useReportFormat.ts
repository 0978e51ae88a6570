import { formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n';

export interface ReportFormat {
  percent: (rate: number) => string;
  count: (n: number) => string;
  decimal: (n: number) => string;
}

/** Built once per language; written out by lib/format.ts, not by Intl (whose first formatter is slow to make). */
const formats = new Map<string, ReportFormat>();

function reportFormat(lang: 'vi' | 'en'): ReportFormat {
  let f = formats.get(lang);
  if (!f) {
    f = {
      percent: (rate) => formatNumber(rate, lang, { percent: true, minFraction: 1, maxFraction: 1 }),
      count: (n) => formatNumber(n, lang),
      decimal: (n) => formatNumber(n, lang, { maxFraction: 1 }),
    };
    formats.set(lang, f);
  }
  return f;
}

/** Numbers the way each language writes them: "58,9%" and "1.000" in Vietnamese, "58.9%" and "1,000" in English. */
export function useReportFormat(): ReportFormat {
  const { i18n } = useTranslation();
  return reportFormat(i18n.language === 'en' ? 'en' : 'vi');
}
