/**
 * Container of #/sites: per-site decisions (list, remove with undo, mute or snooze a site), and the sites the
 * person asked Linkwatch to watch (read from the browser's grants, issue 21).
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SitesPage } from '../../components/options/SitesPage';
import { WatchedSites } from '../../components/options/WatchedSites';
import { ProtectionSettings } from '../../components/options/ProtectionSettings';
import { watchedDomainSet } from '../../lib/directory';
import { sitePattern } from '../../lib/url/parse';
import type { SiteDecision } from '../../lib/prefs/db';
import { sendRequest, t, uiLocale } from '../../lib/runtime';
import { parseSiteInput } from '../../lib/sites';
import { hostUnderAny } from '../../lib/url';
import type { SiteProtection } from '../../lib/protection';
import { prefsStore, readWatchedSites, useStored, writeThen } from './shared';

export function SitesRoute() {
  const stored = useStored(() => prefsStore.listSiteDecisions());
  const watched = useStored(readWatchedSites);
  const protection = useStored(async () => ({ all: (await prefsStore.getPreferences()).protectAll, sites: await prefsStore.listSiteProtection() }));
  const protect = (action: () => Promise<unknown>, done: string) => writeThen(action, done, protection.reload, protection.setMessage);
  const [lastRemoved, setLastRemoved] = useState<SiteDecision>();
  const write = (action: () => Promise<unknown>, done: string) => writeThen(action, done, stored.reload, stored.setMessage);
  if (!stored.value) return stored.loaded ? <p role="alert">{stored.message?.text}</p> : <p aria-busy="true">{t('loading')}</p>;
  return (
    <>
      <SitesPage
        decisions={stored.value}
        lastRemoved={lastRemoved}
        message={stored.message}
        onRemove={async (site) => {
          // "Removed …" (with its undo) shows once the site is gone from the list too, never beside it.
          let removed: SiteDecision | undefined;
          await write(async () => (removed = await prefsStore.removeSiteDecision(site)), t('saved'));
          if (removed) setLastRemoved(removed);
        }}
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
      {protection.value && (
        <ProtectionSettings
          all={protection.value.all}
          bankSites={watchedDomainSet().size}
          sites={protection.value.sites}
          inactive={watched.value ? inactiveChoices(protection.value.sites, watched.value) : undefined}
          message={protection.message}
          onAll={(on) => void protect(() => prefsStore.setPreference('protectAll', on), t(on ? 'protectionAllOnSaved' : 'protectionAllOffSaved'))}
          onRemove={(site) => void protect(() => prefsStore.removeSiteProtection(site), t('protectionSiteRemoved', site))}
        />
      )}
      <WatchedSites
        sites={watched.value ?? []}
        error={watched.message?.text}
        onStop={(site) =>
          // Watching ends, and so does the site's own protection choice (its rules go at once: prefs-changed).
          void browser.permissions
            .remove({ origins: [sitePattern(site)] })
            .then(() => prefsStore.removeSiteProtection(site))
            .then(() => sendRequest({ type: 'prefs-changed' }))
            .then(() => Promise.all([watched.reload(), protection.reload()]))
            .catch((e: unknown) => watched.setMessage({ kind: 'error', text: t('errorStorage', e instanceof Error ? e.message : String(e)) }))
        }
      />
    </>
  );
}

/** The choices to protect that do nothing now: their site is neither a directory domain nor one the person watches. */
function inactiveChoices(sites: readonly SiteProtection[], watched: readonly string[]): ReadonlySet<string> {
  const mine = new Set(watched);
  return new Set(sites.filter((c) => c.protect && !hostUnderAny(c.site, watchedDomainSet()) && !hostUnderAny(c.site, mine)).map((c) => c.site));
}
