/**
 * Container of #/sites: per-site decisions (list, remove with undo, mute or snooze a site), and the sites the
 * person asked Linkwatch to watch (read from the browser's grants, issue 21).
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SitesPage } from '../../components/options/SitesPage';
import { WatchedSites } from '../../components/options/WatchedSites';
import { sitePattern } from '../../lib/url/parse';
import type { SiteDecision } from '../../lib/prefs/db';
import { t, uiLocale } from '../../lib/runtime';
import { parseSiteInput } from '../../lib/sites';
import { prefsStore, readWatchedSites, useStored, writeThen } from './shared';

export function SitesRoute() {
  const stored = useStored(() => prefsStore.listSiteDecisions());
  const watched = useStored(readWatchedSites);
  const [lastRemoved, setLastRemoved] = useState<SiteDecision>();
  const write = (action: () => Promise<unknown>, done: string) => writeThen(action, done, stored.reload, stored.setMessage);
  if (!stored.value) return stored.loaded ? <p role="alert">{stored.message?.text}</p> : <p aria-busy="true">{t('loading')}</p>;
  return (
    <>
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
      <WatchedSites
        sites={watched.value ?? []}
        error={watched.message?.text}
        onStop={(site) =>
          void browser.permissions
            .remove({ origins: [sitePattern(site)] })
            .then(() => watched.reload())
            .catch((e: unknown) => watched.setMessage({ kind: 'error', text: t('errorStorage', e instanceof Error ? e.message : String(e)) }))
        }
      />
    </>
  );
}
