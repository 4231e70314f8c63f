/**
 * UI strings and locale-aware formatting.
 *
 * Every UI string goes through `browser.i18n` (`public/_locales/{en,fr,de,es}/messages.json`). Pure modules take a
 * `Translate` function so they stay browser-free and tests can pass the real message files
 * (`translatorFromMessages`).
 */
// lib/url's tldts-free half: content scripts import this module (lib/content/runtime) and must stay small.
import { hostAtOrUnder, hostOf } from '../url/parse';

/** Look up a message by key with positional substitutions ($1, $2, ...), as `browser.i18n.getMessage`. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The UI languages, one `public/_locales/<lang>` folder each (issue 25: German and Spanish). */
export const LANGS = ['en', 'fr', 'de', 'es'] as const;

/** A UI language. Catalog text: see `catalogText`. */
export type Lang = (typeof LANGS)[number];

/**
 * The UI language of a browser language tag, by its primary subtag: `fr`, `fr-CA` -> `fr`; `de-AT`, `de_CH`
 * -> `de`; `es-419`, `es-MX` -> `es`; English for every language Linkwatch does not have.
 */
export function langOf(uiLanguage: string): Lang {
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0]!;
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

/** The UI languages whose catalog text comes from a translation file, `public/catalog-text/<lang>.json` (lib/catalog/translations). */
export const TRANSLATED_LANGS = ['de', 'es'] as const;
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

/** Whether a UI language's catalog text comes from a translation file (German, Spanish). */
export function isTranslatedLang(lang: Lang): lang is TranslatedLang {
  return (TRANSLATED_LANGS as readonly string[]).includes(lang);
}

/** The languages every catalog text field is written in, in `assets/catalog` and `assets/actions` (`{ en, fr }`). */
export type CatalogLang = 'en' | 'fr';

/**
 * A catalog text field (an entry's title, summary, note..., an action's title and text): English and French
 * as the catalog files hold them; German and Spanish where lib/catalog/translations added them at run time
 * from `public/catalog-text/<lang>.json` (issue 25). A custom list's text has English and French only.
 */
export type CatalogText = Readonly<Record<CatalogLang, string>> & Readonly<Partial<Record<Lang, string>>>;

/**
 * A catalog text field in the UI language where it has it, English otherwise (a custom list's text in a
 * German interface, or an entry whose translation is missing); English too should the chosen text be empty
 * (never a blank title).
 */
export function catalogText(text: CatalogText, lang: Lang): string {
  return text[lang] || text.en;
}

/**
 * The `lang` attribute for an element holding only this catalog text: `en` where `catalogText` falls back to
 * English in another interface, so that screen readers read it as English; `undefined` (no attribute) where
 * the text is in the UI language.
 */
export function catalogTextLang(text: CatalogText, lang: Lang): 'en' | undefined {
  return text[lang] ? undefined : 'en';
}

/**
 * A language's name in the UI locale, as the sources' language marks use it ("anglais", "Niederländisch",
 * "neerlandés", "Dutch"), from the browser's own CLDR data (`Intl.DisplayNames`); the code itself where the
 * browser has no name for it.
 */
export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
}

/** The locale used for dates and lists where only the language is known (an evidence report's own language). */
export const DEFAULT_LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };

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
 * A partial date (`2018`, `2018-08`, `2018-08-06`) in the locale's words, at the precision stored (Intl):
 * "6 August 2018" / "6 août 2018" / "6. August 2018" / "6 de agosto de 2018"; "August 2018" / "août 2018" /
 * "August 2018" / "agosto de 2018"; "2018". French writes the first of the month "1er". Invalid input is
 * returned as is.
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
 * The language a source is written in, for marking English sources "(en anglais)" in the French interface
 * (and "(auf Englisch)", "(en inglés)" in the German and Spanish ones). An explicit `lang` wins; otherwise
 * French when its address is on a `.fr` host or it is a known French-language outlet, German on a `.de` or
 * `.at` host or a known German-language outlet, Spanish on a Spanish-speaking country's host (so a German
 * article is never marked "(auf Englisch)"), the country's language on a Dutch, Swedish, Norwegian, Danish,
 * Italian, Portuguese or Brazilian host (but for English-language outlets there, `ENGLISH_HOSTS`); `undefined` for outlets that publish in several languages
 * (the mark is then left off rather than guessed); English otherwise: the catalog is compiled from
 * English-language reporting unless a source says otherwise.
 */
export function sourceLanguage(source: { publisher: string; url?: string; via?: string; lang?: string }): string | undefined {
  if (source.lang) return source.lang;
  const host = hostOf(source.url);
  if (host && FRENCH_HOSTS.some((h) => hostAtOrUnder(host, h))) return 'fr';
  if (FRENCH_PUBLISHERS.has(source.publisher)) return 'fr';
  if (host && GERMAN_HOSTS.some((h) => hostAtOrUnder(host, h))) return 'de';
  if (source.url && GERMAN_PAGES.some((prefix) => source.url!.startsWith(prefix))) return 'de';
  if (host && SPANISH_HOSTS.some((h) => hostAtOrUnder(host, h))) return 'es';
  if (host && ENGLISH_HOSTS.some((h) => hostAtOrUnder(host, h))) return 'en';
  const national = host && Object.keys(NATIONAL_HOSTS).find((h) => hostAtOrUnder(host, h));
  if (national) return NATIONAL_HOSTS[national];
  if (host && MULTILINGUAL_HOSTS.some((h) => hostAtOrUnder(host, h))) return undefined;
  if (MULTILINGUAL_PUBLISHERS.has(source.publisher)) return undefined;
  return 'en';
}

/** Hosts of French-language sources: the `.fr` top-level domain, and outlets whose host does not end in .fr. */
const FRENCH_HOSTS = ['fr', 'generation-nt.com', 'cbanque.com', 'tv5monde.com'];
const FRENCH_PUBLISHERS = new Set(['Génération NT', 'cbanque.com']);
/** Hosts of German-language sources: Germany's and Austria's top-level domains, and Swiss outlets writing in German. */
const GERMAN_HOSTS = ['de', 'at', 'dnip.ch'];
/** German pages of sites that publish in several languages: Cliqz's German magazine (its English one is under /en/). */
const GERMAN_PAGES = ['https://cliqz.com/magazine/'];
/** Hosts of Spanish-language sources: the top-level domains of Spain and of the largest Spanish-speaking countries. */
const SPANISH_HOSTS = ['es', 'mx', 'ar', 'cl'];
/**
 * Top-level domains whose sources are in the country's language (BCP 47 codes): Dutch, Swedish, Norwegian,
 * Danish, Italian, Portuguese; the catalog cites Dutch, Swedish, Norwegian and Brazilian outlets.
 */
const NATIONAL_HOSTS: Record<string, string> = { nl: 'nl', se: 'sv', no: 'no', dk: 'da', it: 'it', pt: 'pt', br: 'pt' };
/** English-language outlets on those domains. */
const ENGLISH_HOSTS = ['dutchnews.nl'];
/** Outlets publishing in French and English alike: no mark rather than a guess. */
const MULTILINGUAL_HOSTS = ['swissprivacy.law'];
const MULTILINGUAL_PUBLISHERS = new Set(['swissprivacy.law']);

/** The words before a partial date for "since", per language and precision (French, German, Spanish take an article before a day). */
const SINCE_PHRASE: Record<Lang, { day: string; month: string; year: string }> = {
  en: { day: 'since', month: 'since', year: 'since' },
  fr: { day: 'depuis le', month: 'depuis', year: 'depuis' },
  de: { day: 'seit dem', month: 'seit', year: 'seit' },
  es: { day: 'desde el', month: 'desde', year: 'desde' },
};

/** The words before a partial date, per language and precision: "on" a day, "in" a month, "in" a year. */
const DATE_PHRASE: Record<Lang, { day: string; month: string; year: string }> = {
  en: { day: 'on', month: 'in', year: 'in' },
  fr: { day: 'le', month: 'en', year: 'en' },
  // "am 6. August 2018", "im August 2018", "im Jahr 2018" (a bare year takes no "im": "im Jahr").
  de: { day: 'am', month: 'im', year: 'im Jahr' },
  // "el 6 de agosto de 2018", "en agosto de 2018", "en 2018".
  es: { day: 'el', month: 'en', year: 'en' },
};

/**
 * A partial date as the phrase that follows a verb, at the precision stored, so a year never reads "on
 * 2022": English "on 6 August 2018", "in August 2018", "in 2018"; French "le 6 août 2018", "en août 2018",
 * "en 2018"; German "am 6. August 2018", "im August 2018", "im Jahr 2018"; Spanish "el 6 de agosto de 2018",
 * "en agosto de 2018", "en 2018". Other locales take the English words. Invalid input is returned as is.
 * `relation: 'since'` gives the phrase after "part of X": "since 1 October 2024"; "depuis le 1er octobre
 * 2024", "depuis octobre 2024"; "seit dem 1. Oktober 2024", "seit Oktober 2024"; "desde el 1 de octubre de
 * 2024", "desde octubre de 2024", "desde 2024".
 */
export function formatDatePhrase(date: string, locale: string, relation: 'at' | 'since' = 'at'): string {
  const words = formatPartialDate(date, locale);
  if (words === date && !/^\d{4}$/.test(date)) return date;
  const precision = date.split('-').length;
  const phrase = (relation === 'since' ? SINCE_PHRASE : DATE_PHRASE)[langOf(locale)];
  return `${precision === 3 ? phrase.day : precision === 2 ? phrase.month : phrase.year} ${words}`;
}

/**
 * Whether `n` takes the singular form, by the CLDR plural rules of each language: English, German and
 * Spanish "1 request" only (one: n = 1; "0 Anfragen", "0 solicitudes"); French "0 requête, 1 requête" (one:
 * 0 and 1). Callers pick between two message keys with it, e.g.
 * `t(isOne(n, lang) ? 'xOne' : 'xMany', ...)`.
 */
export function isOne(n: number, lang: Lang): boolean {
  return ONE[lang](n);
}

const ONE: Record<Lang, (n: number) => boolean> = {
  en: (n) => n === 1,
  fr: (n) => n < 2,
  de: (n) => n === 1,
  es: (n) => n === 1,
};
