import type { Action } from '../lib/actions';
import { catalogText, catalogTextLang, formatPartialDate } from '../lib/i18n';
import { useI18n } from './i18n';
import { LanguageMark } from './LanguageMark';
import { SafeLink } from './SafeLink';

export interface WhatYouCanDoProps {
  /** From `actionsFor`, in display order; nothing is rendered when empty. */
  actions: Action[];
}

/**
 * "What you can do", collapsed under the summary: each action a link to the organisation's own help page,
 * with a sentence saying what the page is, its publisher and when it was seen; a page in another language
 * than the interface's says so ("(en anglais)").
 */
export function WhatYouCanDo({ actions }: WhatYouCanDoProps) {
  const { t, lang, locale } = useI18n();
  if (actions.length === 0) return null;
  return (
    <details class="what-you-can-do">
      <summary>
        <h2>{t('whatYouCanDo')}</h2>
      </summary>
      <p class="hint">{t('whatYouCanDoIntro')}</p>
      <ul>
        {actions.map((a) => (
          <li key={a.id} data-action={a.id} data-kind={a.kind}>
            <SafeLink href={a.url} lang={catalogTextLang(a.title, lang)}>{catalogText(a.title, lang)}</SafeLink>
            <LanguageMark lang={a.lang} />
            <p class="action-text" lang={catalogTextLang(a.text, lang)}>{catalogText(a.text, lang)}</p>
            <p class="meta">{t('actionMeta', [a.publisher, formatPartialDate(a.seen, locale)])}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
