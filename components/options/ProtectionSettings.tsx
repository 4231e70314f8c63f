import type { SiteProtection } from '../../lib/protection';
import { useI18n } from '../i18n';

export interface ProtectionSettingsProps {
  /** The global switch: every bank and payment site of the directory (issue 23). */
  all: boolean;
  /** How many sites "every bank" covers (the directory's watched domains). */
  bankSites: number;
  /** Per-site choices, which override the global switch. */
  sites: readonly SiteProtection[];
  /** Sites whose choice to protect does nothing now: Linkwatch does not watch them (an imported choice, a grant given back). */
  inactive?: ReadonlySet<string>;
  onAll: (on: boolean) => void;
  /** Remove a site's own choice (the global switch then decides for it). */
  onRemove: (site: string) => void;
  message?: { kind: 'status' | 'error'; text: string };
}

/**
 * Protection in the options page (issue 23): what it stops and what it leaves working, the switch for every
 * bank (off by default), and the per-site choices made in the popup, each removable. Presentational.
 */
export function ProtectionSettings({ all, bankSites, sites, inactive, onAll, onRemove, message }: ProtectionSettingsProps) {
  const { t, locale } = useI18n();
  const sorted = [...sites].sort((a, b) => a.site.localeCompare(b.site));
  return (
    <section aria-labelledby="protection-heading" class="protection-settings">
      <h2 id="protection-heading">{t('protectionHeading')}</h2>
      <p class="hint">{t('protectionIntro')}</p>
      <label class="switch">
        <input type="checkbox" name="protectAll" checked={all} onChange={(e) => onAll((e.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('protectAllLabel', new Intl.NumberFormat(locale).format(bankSites))}
      </label>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <h3>{t('protectionSitesHeading')}</h3>
      {sorted.length === 0 ? (
        <p class="empty">{t('protectionSitesEmpty')}</p>
      ) : (
        <ul class="protection-sites">
          {sorted.map((c) => (
            <li key={c.site} data-site={c.site} data-protect={c.protect ? 'on' : 'off'} {...(inactive?.has(c.site) ? { 'data-inactive': '' } : {})}>
              {t('leftOutDecision', [c.site, t(c.protect ? 'siteProtectionOn' : 'siteProtectionOff')])}
              {inactive?.has(c.site) && <> ({t('protectionInactive')})</>}{' '}
              <button type="button" onClick={() => onRemove(c.site)}>
                {t('protectionSiteRemove', c.site)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
