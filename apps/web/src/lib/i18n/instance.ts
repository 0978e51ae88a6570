import { Translator } from './translator';

/**
 * The one instance the screens read. Vietnamese until app/i18n.ts sets the visitor's language and
 * how texts load (docs/architecture.md, "Texts and their loading").
 */
export const i18n = new Translator('vi', { fallbackLanguage: 'vi' });
