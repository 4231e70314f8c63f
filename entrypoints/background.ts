/**
 * Background service worker (event page on Firefox MV2): wires browser events to `lib/`.
 *
 * Every listener is registered synchronously in `main`, on the worker's first tick, so a worker restarted
 * for an event receives it (MV3 stops idle workers). No state that matters lives in module variables:
 * tab states go to `storage.session`, preferences to IndexedDB.
 */
import { browser, type Browser } from 'wxt/browser';
import { bundledCatalog, findInstitution, type Arrangement } from '../lib/catalog';
import { isRequest, type Request, type TabView } from '../lib/messages';
import { PrefsStore } from '../lib/prefs/db';
import { t } from '../lib/runtime';
import { classifyUrl } from '../lib/sites';
import { badgeFor, computeTabState, tabKey, type TabState } from '../lib/tab-state';

export default defineBackground(() => {
  const prefs = new PrefsStore();
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
  const action = browser.action ?? browser.browserAction;

  async function updateTab(tabId: number, url: string | undefined): Promise<TabState> {
    const match = classifyUrl(url ?? '');
    const silenced = match ? await prefs.isSiteSilenced(match.site) : false;
    const state = computeTabState({ tabId, url, match, catalog: bundledCatalog(), silenced, now: Date.now() });
    // A later navigation may have finished first: only the tab's current URL wins.
    const current = await browser.tabs.get(tabId).catch(() => undefined);
    if (!current || (current.url ?? '') !== (url ?? '')) return state;
    await browser.storage.session.set({ [tabKey(tabId)]: state });
    await showBadge(tabId, state);
    return state;
  }

  async function showBadge(tabId: number, state: TabState): Promise<void> {
    const badge = badgeFor(state, await prefs.getPreferences(), t);
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
    const key = tabKey(tabId);
    const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
    if (stored) return stored;
    // Not seen yet (a tab opened before install): compute it now rather than show nothing.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return tab ? updateTab(tabId, tab.url) : null;
  }

  async function getTabView(tabId: number): Promise<TabView | null> {
    const state = await getTabState(tabId);
    if (!state) return null;
    const catalog = bundledCatalog();
    const arrangements = state.arrangementIds
      .map((id) => catalog.arrangements.find((a) => a.id === id))
      .filter((a): a is Arrangement => a !== undefined);
    const names: Record<string, string> = {};
    for (const a of arrangements) {
      for (const id of [...a.parties, ...a.status.flatMap((s) => (s.by ? [s.by] : []))]) {
        names[id] = findInstitution(catalog, id)?.name ?? id;
      }
    }
    return { state, arrangements, names };
  }

  async function handle(request: Request): Promise<unknown> {
    switch (request.type) {
      case 'get-tab-state':
        return getTabView(request.tabId);
      case 'prefs-changed':
        await refreshAllTabs();
        return { ok: true };
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
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isRequest(message)) return undefined;
    return handle(message);
  });
});

function logError(error: unknown): void {
  console.error('[linkwatch]', error);
}
