/**
 * Background service worker (event page on Firefox MV2): wires browser events to `lib/`.
 *
 * Every listener is registered synchronously in `main`, on the worker's first tick, so a worker restarted
 * for an event receives it (MV3 stops idle workers). No state that matters lives in module variables:
 * tab states go to `storage.session`, preferences to IndexedDB. Updates to one tab run one at a time
 * (a navigation and a content script's report must not overwrite each other).
 */
import { browser, type Browser } from 'wxt/browser';
import { arrangementsForInstitution, bundledCatalog, findInstitution, type Arrangement } from '../lib/catalog';
import { isRequest, type Request, type TabView } from '../lib/messages';
import type { PageReport } from '../lib/page-observer';
import { PrefsStore } from '../lib/prefs/db';
import { t } from '../lib/runtime';
import { classifyUrl } from '../lib/sites';
import { addObservations, badgeFor, computeTabState, navKeyOf, tabKey, type TabState } from '../lib/tab-state';

export default defineBackground(() => {
  const prefs = new PrefsStore();
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
  const action = browser.action ?? browser.browserAction;
  // Per-tab queue of pending updates; losing it with the worker loses nothing (it only orders work).
  const queues = new Map<number, Promise<unknown>>();

  function serialized<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  }

  async function readState(tabId: number): Promise<TabState | undefined> {
    const key = tabKey(tabId);
    return (await browser.storage.session.get(key))[key] as TabState | undefined;
  }

  async function saveState(state: TabState): Promise<void> {
    await browser.storage.session.set({ [tabKey(state.tabId)]: state });
    await showBadge(state);
  }

  function updateTab(tabId: number, url: string | undefined): Promise<TabState> {
    return serialized(tabId, async () => {
      const match = classifyUrl(url ?? '');
      const silenced = match ? await prefs.isSiteSilenced(match.site) : false;
      let state = computeTabState({ tabId, url, match, catalog: bundledCatalog(), silenced, now: Date.now() });
      // Same navigation (a repeated event): keep what was observed on it.
      const previous = await readState(tabId);
      if (previous && previous.navKey === state.navKey) state = { ...state, observed: previous.observed ?? [], links: previous.links ?? [] };
      // A later navigation may have finished first: only the tab's current URL wins.
      const current = await browser.tabs.get(tabId).catch(() => undefined);
      if (!current || (current.url ?? '') !== (url ?? '')) return state;
      await saveState(state);
      return state;
    });
  }

  function recordObservations(tabId: number, report: PageReport): Promise<boolean> {
    return serialized(tabId, async () => {
      const state = await readState(tabId);
      if (!state) return false;
      const next = addObservations(state, report);
      if (next === state) return false;
      await saveState(next);
      return true;
    });
  }

  async function showBadge(state: TabState): Promise<void> {
    const catalog = bundledCatalog();
    const badge = badgeFor(state, await prefs.getPreferences(), t, (id) => findInstitution(catalog, id)?.name ?? id);
    const tabId = state.tabId;
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  }

  async function refreshAllTabs(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : updateTab(tab.id, tab.url).catch(logError))));
  }

  async function getTabState(tabId: number): Promise<TabState | null> {
    const stored = await readState(tabId);
    if (stored) return stored;
    // Not seen yet (a tab opened before install): compute it now rather than show nothing.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return tab ? updateTab(tabId, tab.url) : null;
  }

  async function getTabView(tabId: number): Promise<TabView | null> {
    const state = await getTabState(tabId);
    if (!state) return null;
    const catalog = bundledCatalog();
    const byId = (id: string) => catalog.arrangements.find((a) => a.id === id);
    const arrangements = state.arrangementIds.map(byId).filter((a): a is Arrangement => a !== undefined);
    // For each observed platform, the reported arrangements that involve it (by group).
    const platformArrangements: Record<string, string[]> = {};
    for (const p of state.observed ?? []) platformArrangements[p.platform] = arrangementsForInstitution(catalog, p.platform).map((a) => a.id);
    const extra = Object.values(platformArrangements)
      .flat()
      .filter((id) => !state.arrangementIds.includes(id))
      .map(byId)
      .filter((a): a is Arrangement => a !== undefined);
    const names: Record<string, string> = {};
    const ids = [...arrangements, ...extra].flatMap((a) => [...a.parties, ...a.status.flatMap((s) => (s.by ? [s.by] : []))]);
    for (const id of [...ids, ...Object.keys(platformArrangements)]) names[id] = findInstitution(catalog, id)?.name ?? id;
    return { state, arrangements, related: extra, platformArrangements, names };
  }

  async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'get-tab-state':
        return getTabView(request.tabId);
      case 'prefs-changed':
        await refreshAllTabs();
        return { ok: true };
      case 'page-observations': {
        // Only a content script in a tab may report, and only about its own tab.
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.id !== browser.runtime.id) return { ok: false };
        if (sender.frameId !== undefined && sender.frameId !== 0) return { ok: false };
        if (navKeyOf(sender.tab?.url) !== navKeyOf(request.report.pageUrl)) return { ok: false };
        return { ok: await recordObservations(tabId, request.report) };
      }
    }
  }

  browser.tabs.onUpdated.addListener((tabId, change: Browser.tabs.OnUpdatedInfo, tab) => {
    // `url` arrives for every navigation, in-page ones (history.pushState) included; `complete` re-applies
    // the badge, which Chromium resets when a new document commits.
    if (change.url !== undefined || change.status === 'complete') updateTab(tabId, tab.url).catch(logError);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(tabKey(tabId)).catch(logError);
  });
  browser.tabs.onReplaced?.addListener((addedTabId, removedTabId) => {
    browser.storage.session.remove(tabKey(removedTabId)).catch(logError);
    browser.tabs.get(addedTabId).then((tab) => updateTab(addedTabId, tab.url), logError);
  });
  browser.runtime.onInstalled.addListener(() => refreshAllTabs().catch(logError));
  browser.runtime.onStartup.addListener(() => refreshAllTabs().catch(logError));
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isRequest(message)) return undefined;
    return handle(message, sender);
  });
});

function logError(error: unknown): void {
  console.error('[linkwatch]', error);
}
