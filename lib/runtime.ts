/**
 * The few browser-bound helpers shared by entrypoints: translation through `browser.i18n` and the typed
 * `sendRequest`. Everything else in `lib/` is pure.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_LOCALE, isTranslatedLang, langOf, translatorFromMessages, type Lang, type MessagesFile, type Translate } from './i18n';
import type { LanguageChoice } from './prefs/schema';
import type { Request, ResponseOf } from './messages';

/** The language the person chose in the options page, where it is not the browser's (`useLanguage`). */
let chosen: { lang: Lang; messages: MessagesFile; t: Translate } | undefined;

/** The UI's Translate: `browser.i18n.getMessage`, or the chosen language's messages (`useLanguage`). */
export const t: Translate = (key, substitutions) => (chosen ? chosen.t(key, substitutions) : browser.i18n.getMessage(key as never, substitutions));

/** The browser's own UI locale and language (what `uiLocale` gives when the person chose none). */
function browserLocale(): { locale: string; lang: Lang } {
  const ui = browser.i18n.getUILanguage();
  const lang = langOf(browser.i18n.getMessage('messagesLang' as never) || ui);
  return { locale: langOf(ui) === lang ? ui : lang, lang };
}

/**
 * The UI locale (`en-US`, `fr`, `de-AT`...) and the UI language: the language chosen in the options page
 * (with the browser's locale where it is the same language, else that language's default locale), else the
 * browser's. The browser's language is that of the messages it actually picked (`messagesLang` in each
 * `_locales` file), so catalog text and dates never differ from the labels around them, even where
 * getUILanguage disagrees with the messages (headless Chromium started with --lang=fr, or a page opened
 * before its locale applies).
 */
export function uiLocale(): { locale: string; lang: Lang } {
  const own = browserLocale();
  if (!chosen || chosen.lang === own.lang) return own;
  return { locale: DEFAULT_LOCALE[chosen.lang], lang: chosen.lang };
}

/**
 * Speak the language the person chose (preference `language`, issue 25): `browser` follows the browser (the
 * browser's `_locales` pick, no file read); a language of Linkwatch's reads its packaged
 * `_locales/<lang>/messages.json` once per page and answers `t` and `uiLocale` from it. Call before the first
 * render; the background calls it with each preferences read.
 * @throws when the packaged file cannot be read (a build defect); the UI then stays in the browser's language.
 */
export async function useLanguage(choice: LanguageChoice): Promise<void> {
  if (choice === 'browser' || choice === browserLocale().lang) {
    chosen = undefined;
    return;
  }
  if (chosen?.lang === choice) return;
  const messages = (await packagedJson(`/_locales/${choice}/messages.json`)) as MessagesFile;
  chosen = { lang: choice, messages, t: translatorFromMessages(messages) };
}

/**
 * A page's start: speak the language the person chose (`readChoice`, their stored preference) before the
 * first render. A preference that cannot be read, or a language file that cannot be loaded, leaves the
 * browser's language and is logged (the page still opens).
 * @returns the UI locale and language to render with.
 */
export async function startInLanguage(readChoice: () => Promise<LanguageChoice>): Promise<{ locale: string; lang: Lang }> {
  await readChoice()
    .then(useLanguage)
    .catch((error: unknown) => console.error('[linkwatch] the chosen language could not be used:', error));
  return uiLocale();
}

/** The chosen language's messages, for a content script that cannot read them itself (the notice); none when the browser's language is used. */
export function chosenMessages(): { lang: Lang; locale: string; messages: MessagesFile } | undefined {
  return chosen ? { ...uiLocale(), messages: chosen.messages } : undefined;
}

/** Send a typed request to the background and get its typed answer. */
export function sendRequest<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}

const packaged = new Map<string, Promise<unknown>>();

/**
 * A JSON file of the extension's own package (`/_locales/de/messages.json`, `/catalog-text/de.json`), read once
 * per page: `runtime.getURL`, never the network (test/e2e/privacy.test.ts fails on any request that leaves
 * the package). A failed read is forgotten, so a later call tries again.
 * @throws when the file is missing or not JSON (a build defect).
 */
function packagedJson(path: string): Promise<unknown> {
  let file = packaged.get(path);
  if (!file) {
    file = fetch(browser.runtime.getURL(path as '/')).then((response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    packaged.set(path, file);
    file.catch(() => packaged.delete(path));
  }
  return file;
}

/**
 * Give the catalog text fields under `roots` (this page's bundled catalog, actions) their text in `lang`, from
 * the packaged `public/catalog-text/<lang>.json` (lib/catalog/translations; fetched once per language and
 * page); a no-op for English and French, which the catalog files hold. Texts the file lacks stay English.
 * @throws when the packaged file is missing or invalid: a build defect, said loudly.
 */
export async function loadCatalogTranslations(lang: Lang, roots: readonly unknown[]): Promise<void> {
  if (!isTranslatedLang(lang)) return;
  // A chunk of its own, loaded by a German or Spanish page only.
  const { applyTranslations, asTranslationFile, translationPath } = await import('./catalog/translations');
  const missing = applyTranslations(roots, asTranslationFile(await packagedJson(translationPath(lang)), lang));
  if (missing.length) console.warn(`[linkwatch] ${missing.length} catalog texts have no ${lang} translation; shown in English, e.g.`, missing[0]);
}
