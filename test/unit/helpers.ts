import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { translatorFromMessages, type MessagesFile } from '../../lib/i18n';

/** The real English and French message files as Translate functions, as browser.i18n would resolve them. */
export const tEn = translatorFromMessages(en as MessagesFile);
export const tFr = translatorFromMessages(fr as MessagesFile);

/** Allow (and require) a console.error matching a pattern in the running test: see ./console-guard.ts. */
export { expectConsoleError } from './console-guard';
