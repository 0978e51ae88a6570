import { useTranslation } from '../../lib/i18n';

/** Numbers the way each language writes them: "58,9%" and "1.000" in Vietnamese, "58.9%" and "1,000" in English. */
export function useReportFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const num = new Intl.NumberFormat(locale);
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    percent: (rate: number) => pct.format(rate),
    count: (n: number) => num.format(n),
    decimal: (n: number) => dec.format(n),
  };
}
