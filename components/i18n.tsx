/**
 * Translation context for components: the container puts `t`, the UI language and the locale here once,
 * and presentational components read them. Catalog text is read through `catalogText(text, lang)` (lib/i18n),
 * which falls back to English where a text has no translation.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Translate } from '../lib/i18n';

export interface I18n {
  t: Translate;
  lang: Lang;
  locale: string;
}

export const I18nContext = createContext<I18n>({ t: (k) => k, lang: 'en', locale: 'en' });

export const useI18n = () => useContext(I18nContext);
