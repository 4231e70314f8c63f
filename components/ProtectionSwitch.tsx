import { useI18n } from './i18n';

export interface ProtectionSwitchProps {
  /** The site (registrable domain) the switch is for. */
  site: string;
  /** Whether protection covers the site now (TabState.protected). */
  on: boolean;
  /** Why: the site's own choice, or the options page's "every bank" switch. */
  source: 'site' | 'all';
  /** Set once the person flipped the switch in this popup: the page in the tab was loaded before. */
  changed?: boolean;
  onChange: (on: boolean) => void;
}

/**
 * The popup's protection switch on a bank's site (issue 23): one click stops the site's pages' requests to
 * platforms' tracking tools, and says what it leaves working. Presentational.
 */
export function ProtectionSwitch({ site, on, source, changed, onChange }: ProtectionSwitchProps) {
  const { t } = useI18n();
  return (
    <div class="protection" data-protection={on ? 'on' : 'off'}>
      <label class="switch">
        <input type="checkbox" name="protect" checked={on} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('protectSwitch')}
      </label>
      <p class="hint">
        {on ? t(source === 'all' ? 'protectOnAll' : 'protectOnSite', site) : t('protectHint', site)}
        {changed && <> {t(on ? 'protectReload' : 'protectReloadOff')}</>}
      </p>
    </div>
  );
}
