/**
 * The few browser-bound helpers shared by entrypoints: translation through `browser.i18n` and the typed
 * `sendRequest`. Everything else in `lib/` is pure.
 */
import { browser } from 'wxt/browser';
import { langOf, type Lang, type Translate } from './i18n';
import type { Request, ResponseOf } from './messages';

/** `browser.i18n.getMessage` as a Translate. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions);

/** The UI locale (`en-US`, `fr`...) and the catalog language it implies. */
export function uiLocale(): { locale: string; lang: Lang } {
  const locale = browser.i18n.getUILanguage();
  return { locale, lang: langOf(locale) };
}

/** Send a typed request to the background and get its typed answer. */
export function sendRequest<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}
