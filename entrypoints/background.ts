/**
 * Background service worker (event page on Firefox MV2): constructs the services of lib/background and
 * registers the browser's listeners, nothing else.
 *
 * Every listener is registered synchronously in `main`, on the worker's first tick, so a worker restarted
 * for an event receives it (MV3 stops idle workers). No state that matters lives in module variables: tab
 * records go to `storage.session`, preferences to IndexedDB (lib/background/tab-store says why).
 *
 * Documents as the browser sees them (lib/tab-state/document): a tab's findings belong to the document it
 * shows, which begins when a cross-document navigation commits (`webNavigation.onCommitted`, top frame: the
 * one event both Chromium and Firefox give for "this document is now the one shown"; a main-frame request
 * may still end in a download or a 204, and `tabs.onUpdated` does not tell an in-page navigation from a new
 * document). In-page navigations (`onHistoryStateUpdated`, `onReferenceFragmentUpdated`) move the address only.
 */
import { browser, type Browser } from 'wxt/browser';
import { createBadge } from '../lib/background/badge';
import { createHealth } from '../lib/background/health';
import { createLinks } from '../lib/background/links';
import { createLocalData, describeAddress } from '../lib/background/local-data';
import { createNoticeService, noticeDocKey, noticeHiddenKey } from '../lib/background/notice';
import { createProtection, protectionSources, type DnrApi } from '../lib/background/protection';
import { bundledActions } from '../lib/actions';
import { bundledWorld, watchedDomainSet } from '../lib/directory';
import { createTabQueue } from '../lib/background/queue';
import { createRecorder } from '../lib/background/recorder';
import { createRoutes } from '../lib/background/routes';
import { createTabStore } from '../lib/background/tab-store';
import { createFrames } from '../lib/background/frames';
import { showWelcomeOnce } from '../lib/background/welcome';
import { PrefsStore } from '../lib/prefs/db';
import { withDefaults } from '../lib/prefs/schema';
import { coalesce, createRouter, RefusedMessage } from '../lib/router';
import { chosenMessages, loadCatalogTranslations, t, uiLocale, useLanguage } from '../lib/runtime';
import { watchRequests } from '../lib/request-watch';
import type { TabState } from '../lib/tab-state';
import type { TabEvent } from '../lib/tab-state/document';

export default defineBackground(() => {
  const prefs = new PrefsStore();
  const now = () => Date.now();
  const session = browser.storage.session;
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
  const action = browser.action ?? browser.browserAction;
  const health = createHealth(logError);
  // Host permissions the browser grants now, the manifest's and those the person granted (issue 21); read
  // again after each change of grants.
  let granted: Promise<string[]> | undefined;
  const grantedOrigins = () => (granted ??= browser.permissions.getAll().then((p) => p.origins ?? []));
  // A grant given or given back changes what is watched, and so where a per-site protection choice counts.
  const grantsChanged = () => {
    granted = undefined;
    refreshAll().catch(logError);
    protection.sync().catch(logError);
  };
  const localData = createLocalData({ readConfigState: () => prefs.getConfigState().then(async (s) => (await useLanguage(withDefaults(s.preferences).language).catch(logError), s)), grantedOrigins, onUnreadable: (e) => health.report('database', e), onReadable: () => health.clear('database') });
  const badge = createBadge(action, t, health.problem);
  // Protection (issue 23): declarativeNetRequest rules rebuilt from IndexedDB at every worker start.
  const protection = createProtection({
    dnr: browser.declarativeNetRequest as unknown as DnrApi | undefined,
    bankDomains: watchedDomainSet,
    ...protectionSources(() => prefs.getConfigState(), grantedOrigins),
  });
  // At every worker start (a browser start, an update, a restart): rebuilt from IndexedDB. After the first
  // events of the start are handled (the badge first); the browser keeps its rules meanwhile, and the
  // "blocked" wording reads the rules the browser holds (lib/background/protection `ready`).
  setTimeout(() => void protection.sync().catch(logError), 500);

  const { topFrame, allFrames } = createFrames(browser.webNavigation, browser.tabs);

  const recorder = createRecorder({
    recordings: {
      list: () => prefs.listRecordings(),
      get: (site) => prefs.getRecording(site),
      put: (r) => prefs.putRecording(r),
      recordLoad: (site, load) => prefs.recordLoad(site, load),
      delete: (site, loadId) => prefs.deleteRecordings(site, loadId),
    },
    topFrame,
    openStates: async () => (await Promise.all((await browser.tabs.query({})).map((tab) => (tab.id === undefined ? undefined : store.read(tab.id))))).filter((s): s is TabState => !!s),
    now,
  });
  const store = createTabStore({
    session,
    queue: createTabQueue(),
    topFrame,
    localData: localData.read,
    describe: describeAddress,
    showBadge: badge.show,
    // "Record this site": a recorded site's document load is copied to its recording (never blocks the badge).
    // A notice declined before the page's first request to a platform was seen is asked again once it is:
    // after this turn (it reads the store), not awaited in it.
    onStored: (state) => (void notice.stored(state).catch(logError), recorder.record(state)),
    now,
  });

  async function refreshAllTabs(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : store.refresh(tab.id))));
  }
  // However many `prefs-changed` arrive, at most one refresh runs and one waits (lib/router `coalesce`).
  const refreshAll = coalesce(refreshAllTabs);

  // Catalog text in the UI language (the chosen one: applied with each read of the preferences) from its packaged
  // file, before a view shows it. A caller that reads the preferences anyway passes its read, so it is not read twice.
  const world = (read: Promise<unknown> = localData.read()) =>
    read.then(() => loadCatalogTranslations(uiLocale().lang, [bundledWorld(), bundledActions()])).then(bundledWorld, (error: unknown) => (logError(error), bundledWorld()));
  const notice = createNoticeService({
    session,
    local: browser.storage.local,
    store,
    localData: localData.read,
    world,
    chosenLanguage: chosenMessages,
    // The notice's UI (entrypoints/notice-ui), in the content scripts' isolated world of the asking document
    // only (by document id where known, so a page that navigated meanwhile gets nothing).
    inject: async ({ tabId, documentId }) => {
      if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] }, files: ['/notice-ui.js'] });
      else await browser.tabs.executeScript(tabId, { file: '/notice-ui.js', frameId: 0 });
    },
    openDetails: async (page) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${page.tabId}`), index: page.index + 1, openerTabId: page.tabId });
    },
    now,
  });
  const links = createLinks({
    store,
    topFrame,
    run: browser.scripting?.executeScript
      ? async (tabId, documentId) => {
          const results = await browser.scripting.executeScript({ target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] }, func: links.collectLinks, args: [...links.collectArgs] });
          return results[0]?.result;
        }
      : undefined,
    log: logError,
  });
  const route = createRouter(createRoutes({ store, notice, links, recorder, health, localData: localData.read, world, frames: allFrames, refreshAll, syncProtection: protection.sync }), () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') }));

  const apply = (tabId: number, event: TabEvent) => store.apply(tabId, event).catch(logError);
  // Every request of a page to a platform endpoint, with the browser's outcome (lib/request-watch).
  watchRequests(browser.webRequest, { tabs: () => browser.tabs.query({}), onError: logError, apply: (tabId, change) => store.apply(tabId, change), protection });
  // Top frame only: a prerendered page commits in another frame and joins when shown (lib/background/tab-store).
  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0) return;
    apply(d.tabId, { type: 'committed', url: d.url, ...documentIdOf(d) });
    notice.committed(d.tabId, d.url).catch(logError);
  });
  const inPage = (d: { tabId: number; frameId: number; url: string }) => {
    if (d.frameId === 0) apply(d.tabId, { type: 'same-document', url: d.url });
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(inPage);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(inPage);
  browser.tabs.onUpdated.addListener((tabId, change: Browser.tabs.OnUpdatedInfo) => {
    // An address the webNavigation events did not explain (an activated prerender, a page restored from the
    // back/forward cache) is checked against the document the browser shows; `complete` re-applies the
    // badge, which Chromium resets when a new document commits.
    if (change.url !== undefined || change.status === 'complete') store.refresh(tabId).catch(logError);
  });
  const forget = (tabId: number) => {
    notice.forgetTab(tabId);
    return store.remove(tabId, [noticeDocKey(tabId), noticeHiddenKey(tabId)]).catch(logError);
  };
  browser.tabs.onRemoved.addListener((tabId) => void forget(tabId));
  browser.tabs.onReplaced?.addListener((addedTabId, removedTabId) => {
    void forget(removedTabId);
    store.refresh(addedTabId).catch(logError);
  });
  browser.runtime.onInstalled.addListener((details) => {
    refreshAll().catch(logError);
    // The first-run page, on a new install only (never on an update or a browser update).
    if (details.reason === 'install') showWelcomeOnce(browser.storage.local, (url) => browser.tabs.create({ url }), browser.runtime.getURL('/welcome.html')).catch(logError);
  });
  browser.runtime.onStartup.addListener(() => refreshAll().catch(logError));
  // "Watch this site" granted, or a grant withdrawn in the browser's settings: every tab says so at once.
  browser.permissions.onAdded.addListener(grantsChanged);
  browser.permissions.onRemoved.addListener(grantsChanged);
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    return route(message, sender).catch((error: unknown) => {
      // A refusal is said to the sender (its promise rejects) and logged once, without the message's content.
      if (error instanceof RefusedMessage) console.warn('[linkwatch]', error.message);
      else logError(error);
      throw error instanceof Error ? error : new Error(String(error));
    });
  });

});

/** Chromium's document id of a webNavigation event, where it gives one. */
function documentIdOf(d: object): { documentId?: string } {
  const id = (d as { documentId?: unknown }).documentId;
  return typeof id === 'string' && id ? { documentId: id } : {};
}

function logError(error: unknown): void {
  console.error('[linkwatch]', error);
}
