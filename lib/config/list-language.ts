/**
 * Lists in one language (issue 21): the catalog's texts are in English and French, but an advocate writes a
 * list in the language they write in. A list whose texts are all in one of the two (none in both) is accepted: each text's
 * missing language repeats the given one, and the list records that language (`lang`), so the UI marks its
 * entries "(in English)" / "(en français)" where the interface speaks the other. Runs on the projected
 * document, before the schema (lib/config/import.ts). Pure; never throws.
 */
import { isJsonObject } from './project';

/** The texts of an arrangement (and of each of its status steps) that are `{ en, fr }`. */
const ARRANGEMENT_TEXTS = ['title', 'summary', 'dataDetail', 'purpose'] as const;
const STEP_TEXTS = ['scope', 'note'] as const;

type Lang = 'en' | 'fr';
/** No text in that language: the key missing, null, or an empty string. */
const absent = (text: Record<string, unknown>, lang: Lang) => !(lang in text) || text[lang] === null || (typeof text[lang] === 'string' && (text[lang] as string).trim() === '');
const present = (text: Record<string, unknown>, lang: Lang) => typeof text[lang] === 'string' && (text[lang] as string).trim() !== '';

/**
 * Fill a list's one-language texts in place. Returns the problems (a list that mixes English-only and
 * French-only texts: the reader could not be told which language an entry is in) as `{ path, message }`
 * under `listPath`; sets `list.lang` when some text was given in one language only.
 */
export function fillListLanguage(list: unknown, listPath: string): { path: string; message: string }[] {
  if (!isJsonObject(list) || !Array.isArray(list.arrangements)) return [];
  const texts: { path: string; text: Record<string, unknown> }[] = [];
  list.arrangements.forEach((a, i) => {
    if (!isJsonObject(a)) return;
    for (const key of ARRANGEMENT_TEXTS) if (isJsonObject(a[key])) texts.push({ path: `${listPath}.arrangements[${i}].${key}`, text: a[key] });
    if (Array.isArray(a.status))
      a.status.forEach((s, j) => {
        if (!isJsonObject(s)) return;
        for (const key of STEP_TEXTS) if (isJsonObject(s[key])) texts.push({ path: `${listPath}.arrangements[${i}].status[${j}].${key}`, text: s[key] });
      });
  });
  const only = { en: [] as string[], fr: [] as string[] };
  let both = 0;
  for (const { path, text } of texts) {
    if (present(text, 'en') && present(text, 'fr')) both++;
    const en = present(text, 'en');
    const fr = present(text, 'fr');
    // An empty or null other language counts as absent (an author's template often leaves `"fr": ""`).
    if (en && !fr && absent(text, 'fr')) only.en.push(path);
    if (fr && !en && absent(text, 'en')) only.fr.push(path);
  }
  if (only.en.length && only.fr.length) {
    return [{ path: only.fr[0]!, message: `this text is in French only while ${only.en[0]} is in English only: write a list's texts in one language, or each in both` }];
  }
  // A list written in both languages with one text missing is a slip, not a one-language list: the schema
  // then says which text is missing.
  if (both > 0) return [];
  const lang: Lang | null = only.en.length ? 'en' : only.fr.length ? 'fr' : null;
  if (lang === null) return [];
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  for (const { text } of texts) if (present(text, lang) && absent(text, other)) text[other] = text[lang];
  list.lang = lang;
  return [];
}
