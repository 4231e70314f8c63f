/**
 * The catalog's text in German and Spanish (issue 25), kept beside the catalog rather than in it.
 *
 * The catalog files hold English and French (`{ en, fr }`, the languages the catalog is reviewed in).
 * German and Spanish live in `public/catalog-text/<lang>.json`, one file per language, loaded only by a
 * German or Spanish interface: the background's and the options page's JavaScript do not grow with languages
 * (measured in the closing note of issue 25). Each file maps an English text, exactly as the catalog has it,
 * to its translation; the English key makes a file reviewable line by line, and a translation whose English
 * was since edited stops matching and falls back to English (test/unit/catalog-text.test.ts lists it).
 *
 * Pure and small (no schema library: an English or French page pays nothing for it): the browser-bound
 * loader is lib/runtime `loadCatalogTranslations`; the files' full check is lib/catalog/translation-schema.
 */
import type { TranslatedLang } from '../i18n';
import { isEnglishDescription } from './sourcing';

export { isTranslatedLang, TRANSLATED_LANGS, type TranslatedLang } from '../i18n';

/** The packaged path of a language's translation file (under the extension's root). */
export const translationPath = (lang: TranslatedLang): string => `/catalog-text/${lang}.json`;

/** A translation file: `{ "lang": "de", "texts": { "<English text>": "<German text>" } }`. */
export interface TranslationFile {
  lang: TranslatedLang;
  texts: Readonly<Record<string, string>>;
}

/**
 * A packaged translation file as read at run time. Its full check (every value a non-empty trimmed text)
 * runs at build time and in the unit tests (lib/catalog/translation-schema `parseTranslationFile`), as the
 * catalog's does: here only what a wrong file would make unsafe to use.
 * @throws Error when it is not an object with this language and a `texts` object.
 */
export function asTranslationFile(data: unknown, lang: TranslatedLang): TranslationFile {
  const file = data as Partial<TranslationFile> | null;
  if (!file || typeof file !== 'object' || file.lang !== lang || !file.texts || typeof file.texts !== 'object') {
    throw new Error(`Catalog translation file for ${lang} is not a translation file for ${lang}`);
  }
  return file as TranslationFile;
}

type Writable = Record<string, unknown> & { en: string; fr: string };

/**
 * Every catalog text field under `root` (any JSON-like value: a catalog, its arrangements, the actions):
 * each object whose keys are languages, with string `en` and `fr`. Other objects are walked into.
 */
export function catalogTextFields(root: unknown): Writable[] {
  const out: Writable[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.fr === 'string' && Object.keys(record).every((k) => k.length === 2)) {
      out.push(record as Writable);
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Add `lang` text to every catalog text field under each root whose English the file translates, in place
 * (the roots are the caller's own bundled objects: the catalog, the actions). Idempotent.
 * @returns the English texts the file has no translation for (shown in English), for the caller to log.
 */
export function applyTranslations(roots: readonly unknown[], file: TranslationFile): string[] {
  const missing: string[] = [];
  for (const root of roots) {
    for (const field of catalogTextFields(root)) {
      const text = file.texts[field.en];
      if (text) field[file.lang] = text;
      else missing.push(field.en);
    }
    // The sources' titles Linkwatch wrote (lib/catalog/sourcing `sourceTitle` reads them); headlines never.
    for (const source of describedSources(root)) {
      const text = file.texts[source.title];
      if (text) source.titleIn = { ...source.titleIn, [file.lang]: text };
      else missing.push(source.title);
    }
  }
  return missing;
}

type DescribedSource = { title: string; titleFr?: string; titleIsDescription?: true; titleIn?: Record<string, string> };

/** Every source under `root` whose title is a description Linkwatch wrote in English (lib/catalog/sourcing `isEnglishDescription`). */
export function describedSources(root: unknown): DescribedSource[] {
  const out: DescribedSource[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.title === 'string' && typeof record.publisher === 'string') {
      if (isEnglishDescription(record as DescribedSource)) out.push(record as DescribedSource);
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  walk(root);
  return out;
}
