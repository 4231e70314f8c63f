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
 * Pure: the browser-bound loader is lib/runtime `loadCatalogTranslations`.
 */
import * as v from 'valibot';
import type { Lang } from '../i18n';

/** The UI languages whose catalog text comes from `public/catalog-text/<lang>.json`. */
export const TRANSLATED_LANGS = ['de', 'es'] as const;
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

/** Whether a UI language's catalog text comes from a translation file (German, Spanish). */
export function isTranslatedLang(lang: Lang): lang is TranslatedLang {
  return (TRANSLATED_LANGS as readonly string[]).includes(lang);
}

/** The packaged path of a language's translation file (under the extension's root). */
export const translationPath = (lang: TranslatedLang): string => `/catalog-text/${lang}.json`;

/** A translation file: `{ "lang": "de", "texts": { "<English text>": "<German text>" } }`. */
export const TranslationFileSchema = v.strictObject({
  lang: v.picklist(TRANSLATED_LANGS),
  texts: v.record(v.pipe(v.string(), v.nonEmpty()), v.pipe(v.string(), v.trim(), v.nonEmpty())),
});
export type TranslationFile = v.InferOutput<typeof TranslationFileSchema>;

/**
 * Parse a translation file for `lang`.
 * @throws Error naming the first broken field, or the language when the file is another language's.
 */
export function parseTranslationFile(data: unknown, lang: TranslatedLang): TranslationFile {
  const result = v.safeParse(TranslationFileSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`Catalog translation file for ${lang} is invalid at ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  if (result.output.lang !== lang) throw new Error(`Catalog translation file for ${lang} says it is ${result.output.lang}`);
  return result.output;
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
  }
  return missing;
}
