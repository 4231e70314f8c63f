import { useState } from 'preact/hooks';
import { ALERT_STYLES, EVIDENCE_LEVELS, LANGUAGE_CHOICES, type LanguageChoice, type Preferences } from '../../lib/prefs/schema';

/** Each of Linkwatch's languages in its own words. */
const LANGUAGE_NAMES: Record<Exclude<LanguageChoice, 'browser'>, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' };
import { useI18n } from '../i18n';

export interface SettingsPageProps {
  prefs: Preferences;
  onChange: <K extends keyof Preferences>(key: K, value: Preferences[K]) => void;
  /** Deletes every preference, decision and list; the container asks the browser. */
  onClearAll: () => void;
  /** Sites (registrable domains) the in-page notice was already shown on, and forgetting them. */
  noticeSeen?: string[];
  onForgetNoticeSeen?: () => void;
  /** A line confirming the last action, or an error. */
  message?: { kind: 'status' | 'error'; text: string };
}

/** Every preference, each a labelled control; clearing all data takes a second, explicit click. */
export function SettingsPage({ prefs, onChange, onClearAll, message, noticeSeen = [], onForgetNoticeSeen }: SettingsPageProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settingsHeading')}</h1>
      <fieldset>
        <legend>{t('languageLegend')}</legend>
        <label class="choice">
          {t('languageLabel')}{' '}
          <select name="language" value={prefs.language} onChange={(e) => onChange('language', e.currentTarget.value as LanguageChoice)}>
            {LANGUAGE_CHOICES.map((choice) => (
              // Each language in its own words (so a person who cannot read the current one finds theirs).
              <option key={choice} value={choice} lang={choice === 'browser' ? undefined : choice}>
                {choice === 'browser' ? t('languageBrowser') : LANGUAGE_NAMES[choice]}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('languageHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('alertStyleLegend')}</legend>
        {ALERT_STYLES.map((style) => (
          <label key={style} class="choice">
            <input type="radio" name="alertStyle" value={style} checked={prefs.alertStyle === style} onChange={() => onChange('alertStyle', style)} />
            {t(`alertStyle_${style.replace(/-/g, '_')}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('noticeSeenLegend')}</legend>
        <p class="hint">{t('noticeSeenHint')}</p>
        {noticeSeen.length === 0 ? (
          <p>{t('noticeSeenEmpty')}</p>
        ) : (
          <>
            <ul class="seen-sites">
              {noticeSeen.map((site) => (
                <li key={site}>{site}</li>
              ))}
            </ul>
            <button type="button" onClick={onForgetNoticeSeen}>
              {t('noticeSeenForget')}
            </button>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('badgeLevelsLegend')}</legend>
        {EVIDENCE_LEVELS.map((level) => (
          <label key={level} class="choice">
            <input
              type="checkbox"
              name={`badge-${level}`}
              checked={prefs.badgeLevels[level]}
              onChange={(e) => onChange('badgeLevels', { ...prefs.badgeLevels, [level]: e.currentTarget.checked })}
            />
            {t(`badgeLevel_${level}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('clearLegend')}</legend>
        <p class="hint">{t('clearHint')}</p>
        {confirming ? (
          <p>
            <strong>{t('clearConfirm')}</strong>{' '}
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                onClearAll();
              }}
            >
              {t('clearYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('clearAll')}
          </button>
        )}
      </fieldset>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
