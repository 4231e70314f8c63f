/**
 * The full check of the catalog's translation files (lib/catalog/translations), for the build (wxt.config.ts
 * fails on a broken file) and the tests; never at run time, where `asTranslationFile` reads the packaged,
 * already-checked file without loading a schema library into every page.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { TRANSLATED_LANGS, type TranslatedLang } from '../i18n';
import { translationPath, type TranslationFile } from './translations';

/** A translation file: `{ "lang": "de", "texts": { "<English text>": "<German text>" } }`. */
export const TranslationFileSchema = v.strictObject({
  lang: v.picklist(TRANSLATED_LANGS),
  texts: v.record(v.pipe(v.string(), v.nonEmpty()), v.pipe(v.string(), v.trim(), v.nonEmpty())),
});

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

/**
 * Read and check every packaged translation file under `publicDir` (the repository's `public/`).
 * @throws as `parseTranslationFile`, or when a file is missing.
 */
export function checkTranslationFiles(publicDir: string): TranslationFile[] {
  return TRANSLATED_LANGS.map((lang) => parseTranslationFile(JSON.parse(readFileSync(`${publicDir}${translationPath(lang)}`, 'utf8')), lang));
}
