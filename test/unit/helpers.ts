import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import de from '../../public/_locales/de/messages.json';
import es from '../../public/_locales/es/messages.json';
import { translatorFromMessages, type Lang, type MessagesFile, type Translate } from '../../lib/i18n';

/** The real message files as Translate functions, as browser.i18n would resolve them. */
export const tEn = translatorFromMessages(en as MessagesFile);
export const tFr = translatorFromMessages(fr as MessagesFile);
export const tDe = translatorFromMessages(de as MessagesFile);
export const tEs = translatorFromMessages(es as MessagesFile);
/** Each UI language's Translate, and a locale for it. */
export const tOf: Record<Lang, Translate> = { en: tEn, fr: tFr, de: tDe, es: tEs };
export const localeOf: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };

/** Allow (and require) a console.error matching a pattern in the running test: see ./console-guard.ts. */
export { expectConsoleError } from './console-guard';
