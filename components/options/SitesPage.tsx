import { useState } from 'preact/hooks';
import type { SiteDecision } from '../../lib/prefs/schema';
import { useI18n } from '../i18n';

export interface SitesPageProps {
  decisions: SiteDecision[];
  onRemove: (site: string) => void;
  /** Put back the decision removed last (shown while `lastRemoved` is set). */
  onUndo: () => void;
  lastRemoved?: SiteDecision;
  /** Add or replace a decision; the container validates the site and returns whether it was accepted. */
  onAdd: (site: string, until: string | null) => boolean;
  message?: { kind: 'status' | 'error'; text: string };
}

/** Per-site decisions: the list with remove and undo, and a form to mute or snooze a site. */
export function SitesPage({ decisions, onRemove, onUndo, lastRemoved, onAdd, message }: SitesPageProps) {
  const { t, locale } = useI18n();
  const [site, setSite] = useState('');
  const [until, setUntil] = useState('');
  const sorted = [...decisions].sort((a, b) => a.site.localeCompare(b.site));
  return (
    <section aria-labelledby="sites-heading">
      <h1 id="sites-heading">{t('sitesHeading')}</h1>
      <p class="hint">{t('sitesIntro')}</p>
      {lastRemoved && (
        <p role="status">
          {t('siteRemoved', lastRemoved.site)}{' '}
          <button type="button" onClick={onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {sorted.length === 0 ? (
        <p class="empty">{t('sitesEmpty')}</p>
      ) : (
        <table class="decisions">
          <thead>
            <tr>
              <th scope="col">{t('siteColumn')}</th>
              <th scope="col">{t('decisionColumn')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('actionsColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.site} data-site={d.site}>
                <td>{d.site}</td>
                <td>
                  {d.decision === 'muted'
                    ? t('decisionMuted')
                    : t('decisionSnoozed', d.until ? new Date(d.until).toLocaleDateString(locale, { dateStyle: 'long' }) : '?')}
                </td>
                <td>
                  <button type="button" onClick={() => onRemove(d.site)} aria-label={t('removeDecisionFor', d.site)}>
                    {t('warnAgain')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="add-site"
        onSubmit={(e) => {
          e.preventDefault();
          // An accepted entry empties the form; a refused one stays for the person to correct.
          if (onAdd(site.trim(), until || null)) {
            setSite('');
            setUntil('');
          }
        }}
      >
        <h2>{t('addSiteHeading')}</h2>
        <label>
          {t('siteColumn')}
          <input name="site" value={site} placeholder="example.com" onInput={(e) => setSite(e.currentTarget.value)} required />
        </label>
        <label>
          {t('snoozeUntil')}
          <input name="until" type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </label>
        <button type="submit">{until ? t('snoozeSite') : t('muteSiteButton')}</button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
