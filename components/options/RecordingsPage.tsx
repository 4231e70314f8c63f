/**
 * #/recordings: the sites recorded with "Record this site", each with its page loads (time, path, how many
 * lines were observed), ways to save a report of it (JSON or printable page), stop it, and delete one load,
 * a site's recording or all of them. Presentational.
 */
import type { SiteRecording } from '../../lib/recording';
import { RECORDING_CAPS } from '../../lib/recording';
import { useI18n } from '../i18n';

export interface RecordingsPageProps {
  recordings: SiteRecording[];
  message?: { kind: 'status' | 'error'; text: string };
  onSave: (site: string, form: 'json' | 'html') => void;
  onStop: (site: string) => void;
  onDelete: (site?: string, loadId?: string) => void;
}

export function RecordingsPage({ recordings, message, onSave, onStop, onDelete }: RecordingsPageProps) {
  const { t, locale } = useI18n();
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section class="recordings" aria-labelledby="recordings-heading">
      <h1 id="recordings-heading">{t('recordingsTitle')}</h1>
      <p>{t('recordingsIntro', [String(RECORDING_CAPS.perSite), String(RECORDING_CAPS.total)])}</p>
      {recordings.length === 0 && <p>{t('recordingsEmpty')}</p>}
      {recordings.map((r) => (
        <section class="recording" data-site={r.site} key={r.site} aria-labelledby={`rec-${r.site}`}>
          <h2 id={`rec-${r.site}`}>
            {r.site} ({r.on ? t('recordingsStateOn') : t('recordingsStateOff')})
          </h2>
          <p>{t('recordingsLoads', [String(r.loads.length), String(r.dropped)])}</p>
          <p>
            <button type="button" onClick={() => onSave(r.site, 'json')}>
              {t('recordSaveJson')}
            </button>{' '}
            <button type="button" onClick={() => onSave(r.site, 'html')}>
              {t('recordSaveHtml')}
            </button>{' '}
            {r.on && (
              <button type="button" onClick={() => onStop(r.site)}>
                {t('recordingsStop')}
              </button>
            )}{' '}
            <button type="button" onClick={() => onDelete(r.site)}>
              {t('recordingsDeleteSite')}
            </button>
          </p>
          <ul>
            {[...r.loads].reverse().map((l) => (
              <li key={l.id} data-load={l.id}>
                {t('recordingsLoadLine', [when(l.at), l.path, String(l.observations.length)])}{' '}
                <button type="button" aria-label={`${t('recordingsDeleteLoad')}: ${l.path}`} onClick={() => onDelete(r.site, l.id)}>
                  {t('recordingsDeleteLoad')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {recordings.length > 0 && (
        <p>
          <button type="button" onClick={() => onDelete()}>
            {t('recordingsDeleteAll')}
          </button>
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
