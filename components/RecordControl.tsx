/**
 * The popup's "Record this site" control: off, a button to start (with what it keeps); on, a clear
 * "Recording this site" state with the count of page loads and a stop button; and the two ways to save a
 * report of the page load in the tab. Presentational: the container does the work.
 */
import { useI18n } from './i18n';

export interface RecordControlProps {
  site: string;
  /** The site's recording state, or null when it was never recorded. */
  recording: { on: boolean; loads: number } | null;
  error?: string;
  onStart: () => void;
  onStop: () => void;
  onSave: (form: 'json' | 'html') => void;
}

export function RecordControl({ site, recording, error, onStart, onStop, onSave }: RecordControlProps) {
  const { t } = useI18n();
  const on = recording?.on === true;
  return (
    <section class="record" aria-labelledby="record-heading" data-recording={on ? 'on' : 'off'}>
      <h2 id="record-heading" class="visually-hidden">{t('recordStart')}</h2>
      {on ? (
        <p role="status" class="recording-on">
          <strong>{t('recordingOn', String(recording!.loads))}</strong>
        </p>
      ) : (
        <p class="hint">{t('recordStartHint', site)}</p>
      )}
      {on ? (
        <button type="button" onClick={onStop}>
          {t('recordStop')}
        </button>
      ) : (
        <button type="button" onClick={onStart}>
          {t('recordStart')}
        </button>
      )}
      <p>{t('recordTabReport')}</p>
      <button type="button" onClick={() => onSave('json')}>
        {t('recordSaveJson')}
      </button>{' '}
      <button type="button" onClick={() => onSave('html')}>
        {t('recordSaveHtml')}
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
