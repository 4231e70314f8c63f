/**
 * The browser API for content scripts, without webextension-polyfill: the `browser` global where the
 * browser has it (Firefox), `chrome` otherwise (Chromium's MV3 APIs return promises when given no
 * callback). Typed with WXT's `Browser` type only (a type import: no code reaches the bundle), so a
 * content script pays for none of the polyfill's ~10 kB (issue 14). Background and extension pages keep
 * `wxt/browser` (lib/runtime.ts), where the polyfill smooths over Firefox MV2's differences.
 */
import type { browser } from 'wxt/browser';
import { langOf, type Lang, type Translate } from '../i18n';
import type { Request, ResponseOf } from '../messages';

type Browser = typeof browser;
const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
/** `browser` (Firefox) or `chrome` (Chromium); read on each call so tests can install a fake. */
export const ext = (): Browser => (g.browser?.runtime ? g.browser : g.chrome)!;

/** Send a typed request to the background and get its typed answer (rejects when the extension is gone). */
export function send<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return ext().runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}

/** `i18n.getMessage` as a Translate. */
export const tr: Translate = (key, substitutions) => ext().i18n.getMessage(key as never, substitutions);

/** The UI locale and language, as lib/runtime's `uiLocale` (the language of the messages picked). */
export function contentLocale(): { locale: string; lang: Lang } {
  const ui = ext().i18n.getUILanguage();
  const lang = langOf(tr('messagesLang') || ui);
  return { locale: langOf(ui) === lang ? ui : lang, lang };
}
