import { useTranslation } from '../../lib/i18n';

export interface ReportFormat {
  percent: (rate: number) => string;
  count: (n: number) => string;
  decimal: (n: number) => string;
}

/** Built once per language: an Intl.NumberFormat costs more than the hundreds of numbers it formats. */
const formats = new Map<string, ReportFormat>();

function reportFormat(locale: string): ReportFormat {
  let f = formats.get(locale);
  if (!f) {
    const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const num = new Intl.NumberFormat(locale);
    const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    f = {
      percent: (rate) => pct.format(rate),
      count: (n) => num.format(n),
      decimal: (n) => dec.format(n),
    };
    formats.set(locale, f);
  }
  return f;
}

/** Numbers the way each language writes them: "58,9%" and "1.000" in Vietnamese, "58.9%" and "1,000" in English. */
export function useReportFormat(): ReportFormat {
  const { i18n } = useTranslation();
  return reportFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN');
}
