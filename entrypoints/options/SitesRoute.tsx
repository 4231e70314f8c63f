/** Container of #/sites: per-site decisions (list, remove with undo, mute or snooze a site). */
import { useState } from 'preact/hooks';
import { SitesPage } from '../../components/options/SitesPage';
import type { SiteDecision } from '../../lib/prefs/db';
import { t, uiLocale } from '../../lib/runtime';
import { parseSiteInput } from '../../lib/sites';
import { prefsStore, useStored, writeThen } from './shared';

export function SitesRoute() {
  const stored = useStored(() => prefsStore.listSiteDecisions());
  const [lastRemoved, setLastRemoved] = useState<SiteDecision>();
  const write = (action: () => Promise<unknown>, done: string) => writeThen(action, done, stored.reload, stored.setMessage);
  if (!stored.value) return stored.loaded ? <p role="alert">{stored.message?.text}</p> : <p aria-busy="true">{t('loading')}</p>;
  return (
    <SitesPage
      decisions={stored.value}
      lastRemoved={lastRemoved}
      message={stored.message}
      onRemove={(site) => write(async () => setLastRemoved(await prefsStore.removeSiteDecision(site)), t('saved'))}
      onUndo={() => {
        const back = lastRemoved;
        setLastRemoved(undefined);
        if (back) void write(() => prefsStore.setSiteDecision(back), t('saved'));
      }}
      onAdd={(input, until) => {
        const site = parseSiteInput(input);
        if (!site) {
          stored.setMessage({ kind: 'error', text: t('siteInvalid', input) });
          return false;
        }
        const untilIso = until ? new Date(`${until}T23:59:59`).toISOString() : undefined;
        if (untilIso && Date.parse(untilIso) <= Date.now()) {
          stored.setMessage({ kind: 'error', text: t('snoozeInPast') });
          return false;
        }
        void write(
          () =>
            prefsStore.setSiteDecision({
              site,
              decision: untilIso ? 'snoozed' : 'muted',
              ...(untilIso ? { until: untilIso } : {}),
              createdAt: new Date().toISOString(),
            }),
          // Say which site it became (www.chase.com/login is chase.com) and what was decided.
          untilIso
            ? t('siteSavedSnoozed', [site, new Date(untilIso).toLocaleDateString(uiLocale().locale, { dateStyle: 'long' })])
            : t('siteSavedMuted', site),
        );
        return true;
      }}
    />
  );
}
