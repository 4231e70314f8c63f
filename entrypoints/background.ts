/**
 * Background service worker (event page on Firefox MV2): wires browser events to `lib/`.
 *
 * Every listener is registered synchronously in `main`, on the worker's first tick, so a worker restarted
 * for an event receives it (MV3 stops idle workers). No state that matters lives in module variables:
 * tab states go to `storage.session`, preferences to IndexedDB. Updates to one tab run one at a time
 * (a navigation and a content script's report must not overwrite each other).
 */
import { browser, type Browser } from 'wxt/browser';
import { arrangementsForInstitution, bundledCatalog, findInstitution, relevanceClass, type Arrangement, type RelevanceClass } from '../lib/catalog';
import { isRequest, type Request, type TabView } from '../lib/messages';
import { decideNotice, NOTICE_SEEN_KEY, parseSeen, recordSeen, withSeen, type NoticeAnswer, type NoticeContent } from '../lib/notice';
import type { PageReport } from '../lib/page-observer';
import { PrefsStore } from '../lib/prefs/db';
import { loadOf, startRecording, stopRecording } from '../lib/recording';
import { t } from '../lib/runtime';
import type { CustomList } from '../lib/config/schema';
import { classifyUrl, createSiteClassifier } from '../lib/sites';
import { watchRequests } from '../lib/request-watch';
import { addObservations, applyTabChange, badgeFor, computeTabState, mergedInstitutions, navKeyOf, tabKey, type TabState } from '../lib/tab-state';

export default defineBackground(() => {
  const prefs = new PrefsStore();
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
  const action = browser.action ?? browser.browserAction;
  // Per-tab queue of pending updates; losing it with the worker loses nothing (it only orders work).
  const queues = new Map<number, Promise<unknown>>();
  // The classifier for the enabled custom lists, rebuilt when they change (a cache: losing it costs a rebuild).
  let listsCache: { key: string; lists: CustomList[]; classify: (url: string) => ReturnType<typeof classifyUrl> } | undefined;

  /** Enabled custom lists and a classifier that knows their sites as well as the bundled ones. */
  async function withLists() {
    const lists = (await prefs.listCustomLists()).filter((l) => l.enabled);
    const key = lists.map((l) => `${l.id}@${l.date}@${l.institutions.length}@${l.arrangements.length}`).join('|');
    if (listsCache?.key !== key) {
      const classifier = lists.some((l) => l.institutions.length)
        ? createSiteClassifier({ institutions: mergedInstitutions(bundledCatalog(), lists) })
        : { classify: classifyUrl };
      listsCache = { key, lists, classify: classifier.classify };
    }
    return listsCache;
  }

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
    await recordLoad(state).catch(logError);
  }

  // "Record this site" (lib/recording): the sites being recorded, cached until a recording message.
  let recordedSites: Promise<Set<string>> | undefined;
  const recordingSites = () =>
    (recordedSites ??= prefs.listRecordings().then((all) => new Set(all.filter((r) => r.on).map((r) => r.site))).catch((e) => {
      recordedSites = undefined;
      throw e;
    }));

  /** Copy a tab's current document load into its site's recording, when that site is being recorded. */
  async function recordLoad(state: TabState | undefined): Promise<void> {
    const site = state?.match?.site;
    if (!state || !site || state.loadStartedAt === undefined || !(await recordingSites()).has(site)) return;
    // The path comes from the tab's address, only while it is still this load's (never kept in the tab state).
    const url = (await browser.tabs.get(state.tabId).catch(() => undefined))?.url;
    if (navKeyOf(url) !== state.navKey) return;
    const load = loadOf(state.tabId, state.loadStartedAt, url, state);
    if (load) await prefs.recordLoad(site, load);
  }

  async function handleRecording(request: Extract<Request, { type: `recording-${string}` }>): Promise<unknown> {
    const now = new Date().toISOString();
    recordedSites = undefined;
    switch (request.type) {
      case 'recording-list': {
        const all = await prefs.listRecordings();
        return { recordings: request.site ? all.filter((r) => r.site === request.site) : all };
      }
      case 'recording-start': {
        await prefs.putRecording(startRecording(await prefs.getRecording(request.site), request.site, request.institution, now));
        // The load already open in the site's tabs is the first entry.
        for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) await recordLoad(await readState(tab.id)).catch(logError);
        return { ok: true };
      }
      case 'recording-stop': {
        const existing = await prefs.getRecording(request.site);
        if (existing) await prefs.putRecording(stopRecording(existing, now));
        return { ok: !!existing };
      }
      case 'recording-delete':
        await prefs.deleteRecordings(request.site, request.loadId);
        return { ok: true };
    }
  }

  function updateTab(tabId: number, url: string | undefined): Promise<TabState> {
    return serialized(tabId, async () => {
      const { lists, classify } = await withLists();
      const match = classify(url ?? '');
      const silenced = match ? await prefs.isSiteSilenced(match.site) : false;
      let state = computeTabState({ tabId, url, match, catalog: bundledCatalog(), lists, silenced, now: Date.now() });
      // Same navigation (a repeated event): keep what was observed on it.
      const previous = await readState(tabId);
      if (previous && previous.navKey === state.navKey) state = { ...state, observed: previous.observed ?? [], links: previous.links ?? [], loadStartedAt: previous.loadStartedAt };
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
    // Custom lists' entries travel apart, each with its list, so the popup never mixes them in.
    const { lists } = await withLists();
    const fromLists = (state.fromLists ?? []).flatMap((source) => {
      const list = lists.find((l) => l.id === source.listId);
      if (!list) return [];
      const entries = source.arrangementIds.map((id) => list.arrangements.find((a) => a.id === id)).filter((a): a is Arrangement => !!a);
      return [{ list: { id: list.id, name: list.name, author: list.author, date: list.date }, arrangements: entries }];
    });
    const everyone = { institutions: mergedInstitutions(catalog, lists) };
    const names: Record<string, string> = {};
    const ids = [...arrangements, ...extra, ...fromLists.flatMap((f) => f.arrangements)].flatMap((a) => [...a.parties, ...a.status.flatMap((s) => (s.by ? [s.by] : []))]);
    for (const id of [...ids, ...Object.keys(platformArrangements)]) names[id] = findInstitution(everyone, id)?.name ?? id;
    const relevance: Record<string, RelevanceClass> = {};
    for (const a of [...arrangements, ...extra]) relevance[a.id] = relevanceClass(everyone, a);
    return { state, arrangements, related: extra, platformArrangements, fromLists, names, relevance };
  }

  // The in-page notice (lib/notice). The "seen" list is read, changed and written one request at a time,
  // so two tabs opening the same site at once show one notice in first-visit mode.
  let seenQueue: Promise<unknown> = Promise.resolve();
  function withSeenList<T>(work: (sites: string[]) => Promise<{ result: T; sites?: string[] }>): Promise<T> {
    const next = seenQueue.then(async () => {
      const sites = parseSeen((await browser.storage.local.get(NOTICE_SEEN_KEY))[NOTICE_SEEN_KEY]);
      const out = await work(sites);
      if (out.sites) await browser.storage.local.set({ [NOTICE_SEEN_KEY]: out.sites });
      return out.result;
    });
    seenQueue = next.catch(() => undefined);
    return next;
  }

  /** The tab's state for the sender's page: the stored one when it is for this navigation, else computed. */
  async function stateForPage(tabId: number, url: string): Promise<TabState> {
    const stored = await readState(tabId);
    return stored && stored.navKey === navKeyOf(url) ? stored : updateTab(tabId, url);
  }

  /** What the notice says about a page, from its tab state; null for a site the catalog does not know. */
  async function noticeContent(tabId: number, url: string): Promise<{ state: TabState; content: NoticeContent } | null> {
    const state = await stateForPage(tabId, url);
    const match = state.match;
    if (!match) return null;
    const catalog = bundledCatalog();
    const latest = state.arrangementIds.length ? catalog.arrangements.find((a) => a.id === state.arrangementIds[0]) : undefined;
    const content = {
      site: match.site,
      owner: state.ownerName ?? match.institution,
      group: state.groupName && state.groupName !== state.ownerName ? state.groupName : null,
      firstParty: state.firstParty,
      reported: state.arrangementIds.length + (state.fromLists ?? []).reduce((n, l) => n + l.arrangementIds.length, 0),
      latestTitle: latest?.title ?? null,
      observed: (state.observed ?? []).map((p) => findInstitution(catalog, p.platform)?.name ?? p.platform),
    };
    return { state, content };
  }

  async function noticeFor(tabId: number, url: string): Promise<NoticeAnswer> {
    const found = await noticeContent(tabId, url);
    if (!found) return { show: false, reason: 'not-matched' };
    const { state, content } = found;
    const match = state.match!;
    const { alertStyle } = await prefs.getPreferences();
    const silenced = await prefs.isSiteSilenced(match.site);
    return withSeenList(async (sites) => {
      const answer = decideNotice({ alertStyle, silenced, seen: sites.includes(match.site), content });
      return { result: answer, sites: recordSeen(alertStyle, answer) ? withSeen(sites, match.site) : undefined };
    });
  }

  /** Only the notice content script in a tab's top frame speaks for that tab's page. */
  function pageSender(sender: Browser.runtime.MessageSender): { tabId: number; url: string; index: number } | null {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.url || sender.id !== browser.runtime.id) return null;
    if (sender.frameId !== undefined && sender.frameId !== 0) return null;
    if (sender.url.startsWith(browser.runtime.getURL('/'))) return null;
    return { tabId, url: sender.url, index: sender.tab?.index ?? 0 };
  }

  /**
   * Chromium reports every start of a build loaded with --load-extension (`npm start`, the tests) as an
   * install, with the extension's storage kept: a flag in storage.local keeps the page to the first one.
   * A real reinstall starts with empty storage, so it shows the page again.
   */
  async function showWelcomeOnce(): Promise<void> {
    if ((await browser.storage.local.get(WELCOME_SHOWN_KEY))[WELCOME_SHOWN_KEY]) return;
    await browser.storage.local.set({ [WELCOME_SHOWN_KEY]: true });
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  }

  /** Extension pages (options) only: content scripts carry their page's address, not the extension's. */
  const fromExtensionPage = (sender: Browser.runtime.MessageSender) => sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));

  async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'recording-start':
      case 'recording-stop':
      case 'recording-list':
      case 'recording-delete':
        if (!fromExtensionPage(sender)) return request.type === 'recording-list' ? { recordings: [] } : { ok: false };
        return handleRecording(request);
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
      case 'get-notice': {
        const page = pageSender(sender);
        return page ? noticeFor(page.tabId, page.url) : ({ show: false, reason: 'not-matched' } satisfies NoticeAnswer);
      }
      case 'get-notice-content': {
        const page = pageSender(sender);
        return page ? ((await noticeContent(page.tabId, page.url))?.content ?? null) : null;
      }
      case 'notice-action': {
        const page = pageSender(sender);
        if (!page) return { ok: false };
        if (request.action === 'details') {
          // The popup's full view of this tab, in a new tab beside it.
          await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${page.tabId}`), index: page.index + 1, openerTabId: page.tabId });
          return { ok: true };
        }
        // "Not on this site": the same decision as the popup's "Don't warn me".
        const site = (await stateForPage(page.tabId, page.url)).match?.site;
        if (!site) return { ok: false };
        await prefs.setSiteDecision({ site, decision: 'muted', createdAt: new Date().toISOString() });
        await refreshAllTabs();
        return { ok: true };
      }
      case 'get-notice-seen':
        if (!fromExtensionPage(sender)) return { sites: [] };
        return { sites: await withSeenList(async (sites) => ({ result: sites })) };
      case 'clear-notice-seen':
        if (!fromExtensionPage(sender)) return { ok: false };
        await withSeenList(async () => {
          await browser.storage.local.remove(NOTICE_SEEN_KEY);
          return { result: undefined };
        });
        return { ok: true };
    }
  }

  // Every request of a page to a platform endpoint, with the browser's outcome (lib/request-watch).
  watchRequests(browser.webRequest, {
    tabs: () => browser.tabs.query({}),
    onError: logError,
    apply: async (tabId, change) => {
      if (!(await readState(tabId))) await updateTab(tabId, (await browser.tabs.get(tabId).catch(() => undefined))?.url);
      return serialized(tabId, async () => {
        const state = await readState(tabId);
        const next = state && applyTabChange(state, change, Date.now());
        if (next && next !== state) await saveState(next);
      });
    },
  });
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
  browser.runtime.onInstalled.addListener((details) => {
    refreshAllTabs().catch(logError);
    // The first-run page, on a new install only (never on an update or a browser update).
    if (details.reason === 'install') showWelcomeOnce().catch(logError);
  });
  browser.runtime.onStartup.addListener(() => refreshAllTabs().catch(logError));
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isRequest(message)) return undefined;
    return handle(message, sender);
  });
});

/** storage.local flag: the first-run page was opened once. */
const WELCOME_SHOWN_KEY = 'welcomeShown';

function logError(error: unknown): void {
  console.error('[linkwatch]', error);
}
