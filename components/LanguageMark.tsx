import { languageName } from '../lib/i18n';
import { useI18n } from './i18n';

/**
 * The language of a linked page after its title, where it is not the interface's: " (en anglais)" after an
 * English page in the French interface, " (auf Niederländisch)" after a Dutch one in the German interface,
 * " (in French)" after a French one in the English interface. Nothing when the page is in the interface's
 * language or its language is not known (never guessed: see `sourceLanguage` in lib/i18n). The language's
 * name is the browser's (lib/i18n `languageName`).
 */
export function LanguageMark({ lang: pageLang }: { lang: string | undefined }) {
  const { t, lang, locale } = useI18n();
  if (!pageLang || pageLang === lang) return null;
  return <span class="lang-mark"> {t('sourceInLanguage', languageName(pageLang, locale))}</span>;
}
