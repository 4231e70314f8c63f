/**
 * UI strings and locale-aware formatting.
 *
 * Every UI string goes through `browser.i18n` (`public/_locales/{en,fr}/messages.json`). Pure modules take a
 * `Translate` function so they stay browser-free and tests can pass the real message files
 * (`translatorFromMessages`).
 */

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
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(y!, m - 1, d)));
}

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
