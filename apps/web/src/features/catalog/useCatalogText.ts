import type { OnlineLevel } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { formatVnd } from '../../lib/format';

/** The catalog's figures in words: working days, fees, online levels, names in the page's language. */
export function useCatalogText() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return {
    english,
    days: (n: number) => (n === 0 ? t('catalog.sameDay') : t('catalog.days', { count: n })),
    fee: (vnd: number) => (vnd === 0 ? t('catalog.free') : formatVnd(vnd)),
    level: (l: OnlineLevel) => t(`catalog.onlineLevel.${l}`),
    levelExplained: (l: OnlineLevel) => t(`catalog.onlineLevelExplain.${l}`),
    /** The English name in English mode when there is one; the official Vietnamese name otherwise. */
    name: (o: { name: string; nameEn?: string | null }) => (english && o.nameEn ? o.nameEn : o.name),
    /** The `lang` of what `name` returned, so a screen reader pronounces it right. */
    nameLang: (o: { nameEn?: string | null }) => (english && o.nameEn ? 'en' : 'vi'),
  };
}
