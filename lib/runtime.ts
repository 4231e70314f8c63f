/**
 * The few browser-bound helpers shared by entrypoints: translation through `browser.i18n` and the typed
 * `sendRequest`. Everything else in `lib/` is pure.
 */
import { browser } from 'wxt/browser';
import type { TranslationFile } from './catalog/translations';
import { isTranslatedLang, langOf, type Lang, type TranslatedLang, type Translate } from './i18n';
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

const translationFiles = new Map<TranslatedLang, Promise<TranslationFile>>();

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
  let file = translationFiles.get(lang);
  if (!file) {
    file = fetch(browser.runtime.getURL(translationPath(lang) as '/')).then(async (response) => {
      if (!response.ok) throw new Error(`Catalog translation file for ${lang}: HTTP ${response.status}`);
      return asTranslationFile(await response.json(), lang);
    });
    translationFiles.set(lang, file);
    file.catch(() => translationFiles.delete(lang));
  }
  const missing = applyTranslations(roots, await file);
  if (missing.length) console.warn(`[linkwatch] ${missing.length} catalog texts have no ${lang} translation; shown in English, e.g.`, missing[0]);
}
