/**
 * The few browser-bound helpers shared by entrypoints: translation through `browser.i18n` and the typed
 * `sendRequest`. Everything else in `lib/` is pure.
 */
import { browser } from 'wxt/browser';
import { langOf, type Lang, type Translate } from './i18n';
import type { Request, ResponseOf } from './messages';

/** `browser.i18n.getMessage` as a Translate. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions);

/**
 * The UI locale (`en-US`, `fr`, `de-AT`...) and the UI language. The language is that of the messages the
 * browser actually picked (`messagesLang` in each `_locales` file), so catalog text and dates never differ
 * from the labels around them, even where getUILanguage disagrees with the messages (headless Chromium
 * started with --lang=fr, or a page opened before its locale applies).
 */
export function uiLocale(): { locale: string; lang: Lang } {
  const ui = browser.i18n.getUILanguage();
  const lang = langOf(browser.i18n.getMessage('messagesLang' as never) || ui);
  return { locale: langOf(ui) === lang ? ui : lang, lang };
}

/** Send a typed request to the background and get its typed answer. */
export function sendRequest<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}
