import { useI18n } from './i18n';

/**
 * " (en anglais)" after the title of an English page in the French interface (" (auf Englisch)", " (en
 * inglés)" in the German and Spanish ones), " (in French)" after a French page in any other; nothing when
 * the page is in the interface's language, in a language without a mark (German, Spanish...), or its
 * language is not known (never guessed: see `sourceLanguage` in lib/i18n).
 */
export function LanguageMark({ lang: pageLang }: { lang: string | undefined }) {
  const { t, lang } = useI18n();
  if (!pageLang || pageLang === lang || (pageLang !== 'en' && pageLang !== 'fr')) return null;
  return <span class="lang-mark"> {t(pageLang === 'fr' ? 'sourceInFrench' : 'sourceInEnglish')}</span>;
}
