/**
 * Popup container: finds the tab, asks the background for its state, reads the catalog entries, and
 * renders the presentational <Popup>. `?tab=ID` shows a given tab (tests, and opening the popup in a tab).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { Popup } from '../../components/Popup';
import { RecordControl } from '../../components/RecordControl';
import type { Arrangement } from '../../lib/catalog/schema';
import { loadOf, type SiteRecording } from '../../lib/recording';
import { PrefsStore } from '../../lib/prefs/db';
import { sendRequest, startInLanguage, t, uiLocale } from '../../lib/runtime';
import type { TabView } from '../../lib/messages';
import { sitePattern } from '../../lib/url/parse';
import '../../assets/ui.css';

const prefs = new PrefsStore();

async function findTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The tab and its view from the background, or what is missing; the popup words a missing one in its language. */
async function fetchView(): Promise<{ tabId?: number; view: TabView | null }> {
  const tabId = await findTabId();
  return { tabId, view: tabId === undefined ? null : await sendRequest({ type: 'get-tab-state', tabId }) };
}

// The first view is asked for as the script starts, while the chosen language is read, not after it: the
// popup's first paint waits for the slower of the two, not for both in turn. `load` takes it (errors and all).
let firstView: ReturnType<typeof fetchView> | undefined = fetchView();
firstView.catch(() => undefined); // handled by the first `load`; this only keeps the browser from reporting it early

function App() {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState<string>();
  const [justMuted, setJustMuted] = useState(false);
  const [watchAnswer, setWatchAnswer] = useState<'granted' | 'refused'>();
  const [tabId, setTabId] = useState<number>();
  const [recording, setRecording] = useState<SiteRecording | null>(null);
  const [recordError, setRecordError] = useState<string>();
  /** Protection (issue 23): whether this site has its own choice, and whether it was flipped here. */
  const [ownProtection, setOwnProtection] = useState<boolean>();
  const [protectionChanged, setProtectionChanged] = useState(false);

  async function load() {
    try {
      const pending = firstView ?? fetchView();
      firstView = undefined;
      // Catalog text and "what you can do" come in the UI language from the background (lib/tab-view).
      const { tabId, view: next } = await pending;
      if (tabId === undefined) throw new Error(t('errorNoActiveTab'));
      if (!next) throw new Error(t('errorTabGone'));
      setView(next);
      setTabId(tabId);
      if (next.state.protectionSite) setOwnProtection((await prefs.getSiteProtection(next.state.protectionSite))?.protect);
      const site = next.state.match?.site;
      if (site && next.state.watched) setRecording((await sendRequest({ type: 'recording-list', site })).recordings[0] ?? null);
    } catch (e) {
      setError(t('errorState', e instanceof Error ? e.message : String(e)));
    }
  }
  useEffect(() => void load(), []);

  async function decide(action: 'mute' | 'unmute') {
    const site = view?.state.match?.site;
    if (!site) return;
    try {
      if (action === 'mute') await prefs.setSiteDecision({ site, decision: 'muted', createdAt: new Date().toISOString() });
      else await prefs.removeSiteDecision(site);
      setJustMuted(action === 'mute');
      await sendRequest({ type: 'prefs-changed' });
      await load();
    } catch (e) {
      setError(t('errorStorage', e instanceof Error ? e.message : String(e)));
    }
  }

  /**
   * Protection on this site (issue 23): the site's own choice, written to IndexedDB, then the background
   * rebuilds its rules (prefs-changed answers once they are in force) and describes the tab again.
   */
  async function protect(on: boolean) {
    // Kept under the watched domain the page is on (`chase.com`, or one tenant of a shared host), never its eTLD+1.
    const site = view?.state.protectionSite;
    if (!site) return;
    try {
      await prefs.setSiteProtection({ site, protect: on, createdAt: new Date().toISOString() });
      await sendRequest({ type: 'prefs-changed' });
      setProtectionChanged(true);
      await load();
    } catch (e) {
      setError(t('errorStorage', e instanceof Error ? e.message : String(e)));
    }
  }

  /**
   * "Watch this site" (issue 21): the browser's own permission prompt for this site's host permission, asked
   * first thing in the click (the browser requires the user's gesture). The background hears the grant
   * (permissions.onAdded) and describes the tab again; the popup then reads it.
   */
  async function watch(action: 'watch' | 'unwatch') {
    const site = view?.state.site;
    if (!site) return;
    try {
      const origins = [sitePattern(site)];
      if (action === 'watch') {
        const granted = await browser.permissions.request({ origins });
        setWatchAnswer(granted ? 'granted' : 'refused');
      } else {
        await browser.permissions.remove({ origins });
        // Watching ends, and so does the site's own protection choice (its rules go with prefs-changed below).
        await prefs.removeSiteProtection(view?.state.protectionSite ?? site);
        setWatchAnswer(undefined);
      }
      await sendRequest({ type: 'prefs-changed' });
      await load();
    } catch (e) {
      setError(t('errorState', e instanceof Error ? e.message : String(e)));
    }
  }

  /** "Record this site" on or off, then read the recording again. */
  async function record(action: 'start' | 'stop') {
    const match = view?.state.match;
    if (!match) return;
    try {
      if (action === 'start') await sendRequest({ type: 'recording-start', site: match.site, institution: match.institution });
      else await sendRequest({ type: 'recording-stop', site: match.site });
      setRecording((await sendRequest({ type: 'recording-list', site: match.site })).recordings[0] ?? null);
      setRecordError(undefined);
    } catch (e) {
      setRecordError(t('recordError', e instanceof Error ? e.message : String(e)));
    }
  }

  /** A report of the tab's current page load, from its view (the popup does not bundle the catalog). */
  async function saveTabReport(form: 'json' | 'html') {
    const state = view?.state;
    const match = state?.match;
    if (!view || !state || !match || tabId === undefined) return;
    try {
      // Loaded on demand: the report's builder and printable page are not needed to open the popup (issue 14).
      const { buildReport, reportEnvironment, saveReport } = await import('../../lib/report/save');
      const url = (await browser.tabs.get(tabId)).url;
      const load = loadOf(tabId, state.loadStartedAt ?? state.updatedAt, url, state) ?? { id: `${tabId}-0`, at: new Date(state.updatedAt).toISOString(), path: '/', observations: [], more: 0 };
      const all = [...view.arrangements, ...view.related];
      const byId = (id: string) => all.find((a) => a.id === id);
      const lookup = {
        // The site's own institution is named by the state (a report is titled with names, never ids: issue 22).
        name: (id: string) => view.names[id] ?? (id === match.institution ? (state.ownerName ?? id) : id),
        arrangementsFor: (id: string) =>
          id === match.institution ? view.arrangements : (view.platformArrangements[id] ?? []).map(byId).filter((a): a is Arrangement => a !== undefined),
      };
      const report = buildReport({
        kind: 'tab',
        site: match.site,
        institution: match.institution,
        ownIds: [match.institution, match.group],
        loads: [load],
        lookup,
        ...reportEnvironment(browser.runtime.getManifest().version, navigator.userAgent, uiLocale().lang, t),
      });
      saveReport(document, report, form, t, uiLocale().locale);
    } catch (e) {
      setRecordError(t('recordError', e instanceof Error ? e.message : String(e)));
    }
  }

  const match = view?.state.match;
  return (
    <Popup
      state={view?.state ?? null}
      loading={!view && !error}
      error={error}
      arrangements={view?.arrangements ?? []}
      related={view?.related ?? []}
      platformArrangements={view?.platformArrangements ?? {}}
      fromLists={view?.fromLists ?? []}
      names={new Map(Object.entries(view?.names ?? {}))}
      relevance={view?.relevance}
      lead={view?.lead}
      unwatchedFrames={view?.unwatchedFrames}
      justMuted={justMuted}
      onMute={() => decide('mute')}
      onUnmute={() => decide('unmute')}
      onWatch={() => void watch('watch')}
      onUnwatch={() => void watch('unwatch')}
      watchAnswer={watchAnswer}
      detailsHref={(id) => browser.runtime.getURL(`/options.html#/arrangement/${id}`)}
      catalogHref={(id) => browser.runtime.getURL(`/options.html#/catalog/institution/${id}`)}
      // Only where the map draws one of this site's reports (an off-map report would open an empty map).
      mapHref={view?.onMap ? (id) => browser.runtime.getURL(`/options.html#/map/focus/${id}`) : undefined}
      actions={view?.actions ?? []}
      problem={view?.problem}
      protection={view?.state.protectionSite ? { source: ownProtection === undefined ? 'all' : 'site', changed: protectionChanged, onChange: (on) => void protect(on) } : undefined}
    >
    {match && view?.state.watched && (
      <RecordControl
        site={match.site}
        recording={recording ? { on: recording.on, loads: recording.loads.length } : null}
        error={recordError}
        onStart={() => void record('start')}
        onStop={() => void record('stop')}
        onSave={(form) => void saveTabReport(form)}
      />
    )}
    </Popup>
  );
}

// popup.html carries a static frame (header) that paints before this script runs; it is replaced, in the same
// task, by the rendered popup, in the language the person chose (options page) or the browser's.
void startInLanguage(() => prefs.getPreferences().then((p) => p.language)).then(({ locale, lang }) => {
  document.documentElement.lang = lang;
  const root = document.getElementById('app')!;
  root.replaceChildren();
  render(
    <I18nContext.Provider value={{ t, lang, locale }}>
      <App />
    </I18nContext.Provider>,
    root,
  );
});
