/**
 * UI strings and locale-aware formatting.
 *
 * Every UI string goes through `browser.i18n` (`public/_locales/{en,fr}/messages.json`). Pure modules take a
 * `Translate` function so they stay browser-free and tests can pass the real message files
 * (`translatorFromMessages`).
 */
// lib/url's tldts-free half: content scripts import this module (lib/content/runtime) and must stay small.
import { hostAtOrUnder, hostOf } from '../url/parse';

/** Look up a message by key with positional substitutions ($1, $2, ...), as `browser.i18n.getMessage`. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Catalog text language: French when the UI language is French, English otherwise. */
export type Lang = 'en' | 'fr';

export function langOf(uiLanguage: string): Lang {
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A `messages.json` file: key -> message with optional named placeholders bound to `$1`.. `$9`. */
export type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * A Translate over a parsed messages.json, resolving placeholders the way Chromium does
 * (`$NAME$` -> placeholder content -> `$1` substitution). Missing keys return '' like getMessage.
 */
export function translatorFromMessages(messages: MessagesFile): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const byName = new Map(Object.entries(entry.placeholders ?? {}).map(([k, p]) => [k.toLowerCase(), p.content]));
    const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => positional(byName.get(name.toLowerCase()) ?? ''))
      .replace(/\$\$/g, '$');
  };
}

const MONTHS_KEY_FORMAT: Record<number, Intl.DateTimeFormatOptions> = {
  1: { year: 'numeric', timeZone: 'UTC' },
  2: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  3: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};

/**
 * A partial date (`2018`, `2018-08`, `2018-08-06`) in the locale's words, at the precision stored:
 * "6 August 2018" / "6 août 2018", "August 2018", "2018". Invalid input is returned as is.
 */
export function formatPartialDate(date: string, locale: string): string {
  const parts = date.split('-').map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return date;
  const [y, m = 1, d = 1] = parts;
  const options = MONTHS_KEY_FORMAT[parts.length];
  if (!options) return date;
  const text = new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(y!, m - 1, d)));
  // French writes the first of the month as an ordinal: "1er octobre 2018", never "1 octobre 2018"
  // (Imprimerie nationale, Lexique des règles typographiques; Intl gives the cardinal).
  return parts.length === 3 && d === 1 && langOf(locale) === 'fr' ? text.replace(/^1(?=[\s\u00a0\u202f])/, '1er') : text;
}

/** The year of a partial date (`2018-08-06` -> `2018`). */
export const yearOf = (date: string): string => date.slice(0, 4);

/** U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE, the spaces French typography keeps with their mark. */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/**
 * French punctuation spacing, as the Imprimerie nationale's rules have it: a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "?" and "!". Ordinary spaces at those places are replaced
 * and missing ones added; URLs ("https:") and times are left alone, as are `$PLACEHOLDER$`s. Used by the
 * test that checks the French message file, and to fix strings added by hand.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
    .replace(/(^|\S)[ \u00a0\u202f]*([;?!])(?=\s|$|[»)\]])/g, (_, before: string, mark: string) => `${before}${NNBSP}${mark}`)
    .replace(/(^|\S)[ \u00a0\u202f]*:(?=\s|$)/g, (_, before: string) => `${before}${NBSP}:`);
}

/**
 * The language a source is written in, for marking English sources "(en anglais)" in the French interface.
 * An explicit `lang` wins; otherwise French when its address is on a
 * `.fr` host or it is a known French-language outlet; `undefined` for outlets that publish in several languages
 * (the mark is then left off rather than guessed); English otherwise: the catalog is compiled from
 * English-language reporting unless a source says otherwise.
 */
export function sourceLanguage(source: { publisher: string; url?: string; via?: string; lang?: string }): string | undefined {
  if (source.lang) return source.lang;
  const host = hostOf(source.url);
  if (host && FRENCH_HOSTS.some((h) => hostAtOrUnder(host, h))) return 'fr';
  if (FRENCH_PUBLISHERS.has(source.publisher)) return 'fr';
  if (host && MULTILINGUAL_HOSTS.some((h) => hostAtOrUnder(host, h))) return undefined;
  if (MULTILINGUAL_PUBLISHERS.has(source.publisher)) return undefined;
  return 'en';
}

/** Hosts of French-language sources: the `.fr` top-level domain, and outlets whose host does not end in .fr. */
const FRENCH_HOSTS = ['fr', 'generation-nt.com', 'cbanque.com', 'tv5monde.com'];
const FRENCH_PUBLISHERS = new Set(['Génération NT', 'cbanque.com']);
/** Outlets publishing in French and English alike: no mark rather than a guess. */
const MULTILINGUAL_HOSTS = ['swissprivacy.law'];
const MULTILINGUAL_PUBLISHERS = new Set(['swissprivacy.law']);

/**
 * A partial date as the phrase that follows a verb, at the precision stored, so a year never reads "on
 * 2022": English "on 6 August 2018", "in August 2018", "in 2018"; French "le 6 août 2018", "en août 2018",
 * "en 2018". Locales other than French take the English prepositions. Invalid input is returned as is.
 */
export function formatDatePhrase(date: string, locale: string): string {
  const words = formatPartialDate(date, locale);
  if (words === date && !/^\d{4}$/.test(date)) return date;
  const precision = date.split('-').length;
  const fr = langOf(locale) === 'fr';
  if (precision === 3) return `${fr ? 'le' : 'on'} ${words}`;
  return `${fr ? 'en' : 'in'} ${words}`;
}

/**
 * Whether `n` takes the singular form: English "1 request" only; French "0 requête, 1 requête" (CLDR: one
 * for 0 and 1). Callers pick between two message keys with it, e.g. `t(isOne(n, lang) ? 'xOne' : 'xMany', ...)`.
 */
export function isOne(n: number, lang: Lang): boolean {
  return lang === 'fr' ? n < 2 : n === 1;
}
