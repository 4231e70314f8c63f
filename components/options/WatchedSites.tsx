import { useI18n } from '../i18n';

export interface WatchedSitesProps {
  /** Sites (registrable domains) whose host permission the person granted through "Watch this site". */
  sites: readonly string[];
  /** Give a site's permission back to the browser (Linkwatch then stops watching it). */
  onStop: (site: string) => void;
  /** A failure to read or release a grant, said where it happened. */
  error?: string;
}

/**
 * "Sites you asked Linkwatch to watch" (issue 21): each with the way back. Presentational: the container
 * reads the browser's grants (the one truth) and releases them.
 */
export function WatchedSites({ sites, onStop, error }: WatchedSitesProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="watched-sites-heading" class="watched-sites">
      <h2 id="watched-sites-heading">{t('watchedSitesHeading')}</h2>
      <p class="hint">{t('watchedSitesHint')}</p>
      {error && <p role="alert">{error}</p>}
      {sites.length === 0 ? (
        <p class="empty">{t('watchedSitesEmpty')}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              <span class="site-name">{site}</span>{' '}
              <button type="button" onClick={() => onStop(site)}>
                {t('unwatchSite', site)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
