export { i18n } from './instance';
export { Translator, type Sections, type TFunction, type TOptions } from './translator';
export { useTranslation } from './useTranslation';
