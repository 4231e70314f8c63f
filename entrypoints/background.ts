/**
 * Background service worker (event page on Firefox MV2): wires browser events to `lib/`.
 *
 * Every listener is registered synchronously in `main`, on the worker's first tick, so a worker restarted
 * for an event receives it (MV3 stops idle workers). No state that matters lives in module variables:
 * tab states go to `storage.session`, preferences to IndexedDB. Updates to one tab run one at a time
 * (a navigation and a content script's report must not overwrite each other).
 *
 * Messages go through one router (`lib/router`): the table below says, per message type, which sender class
 * may send it; the sender's tab comes from the browser, never from the message. The joins the answers need
 * are pure functions in `lib/` (`getTabView`, `noticeContent`); this file only reads, writes and wires.
 */
import { browser, type Browser } from 'wxt/browser';
import { bundledCatalog, findInstitution } from '../lib/catalog';
import type { CustomList } from '../lib/config/schema';
import { decideNotice, NOTICE_OFFER_HOLD_MS, NOTICE_SEEN_KEY, parseSeen, recordSeen, withSeen, type NoticeAnswer } from '../lib/notice';
import { noticeContent } from '../lib/notice/content';
import { PrefsStore } from '../lib/prefs/db';
import { isSilenced, withDefaults, type Preferences, type SiteDecision } from '../lib/prefs/schema';
import { coalesce, createRouter, RefusedMessage, type ContentScriptSender, type RouteTable } from '../lib/router';
import { loadOf, startRecording, stopRecording } from '../lib/recording';
import { t } from '../lib/runtime';
import { classifyUrl, createSiteClassifier } from '../lib/sites';
import { addObservations, applyTabChange, badgeFor, computeTabState, mergedInstitutions, navKeyOf, newLinks, tabKey, type TabState } from '../lib/tab-state';
import { earlyKey, joinEarly, keepEarly, parseEarly } from '../lib/tab-state/early';
import { listsContentKey, parseTabState } from '../lib/tab-state/stored';
import { getTabView } from '../lib/tab-view';
import { contentScriptMatches } from '../lib/catalog/matches';
import { LINK_DOMAINS } from '../lib/evidence/prefilter';
import { isPageReport, MAX_ITEMS, MAX_URL } from '../lib/messages';
import { collectLinks, type PageReport } from '../lib/page-observer';
import { isWatchedUrl, watchRequests } from '../lib/request-watch';

export default defineBackground(() => {
  const prefs = new PrefsStore();
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
  const action = browser.action ?? browser.browserAction;
  // Per-tab queue of pending updates; losing it with the worker loses nothing (it only orders work).
  const queues = new Map<number, Promise<unknown>>();
  // The classifier for the enabled custom lists, rebuilt when their content changes (a cache: losing it costs a rebuild).
  let listsCache: { key: string; lists: CustomList[]; classify: (url: string) => ReturnType<typeof classifyUrl> } | undefined;

  /**
   * Reads of IndexedDB that the badge, popup and notice need, with a fallback when the database cannot be
   * read (deleted, corrupted, blocked): the bundled catalog still works; the options page says what failed.
   */
  async function orFallback<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      logError(error);
      return fallback;
    }
  }

  /**
   * Everything a navigation needs from IndexedDB (preferences, enabled custom lists with their classifier,
   * per-site decisions), in one read-only transaction (issue 14: one read per event that needs them, not three).
   * A database that cannot be read gives the defaults, no list and no decision (logged).
   */
  async function localData(): Promise<LocalData> {
    const stored = await orFallback(() => prefs.getConfigState(), { preferences: {}, siteDecisions: [], customLists: [] });
    return { preferences: withDefaults(stored.preferences), decisions: stored.siteDecisions, ...classifierFor(stored.customLists.filter((l) => l.enabled)) };
  }

  /** Enabled custom lists and a classifier that knows their sites as well as the bundled ones (cached by content). */
  function classifierFor(lists: CustomList[]) {
    const key = listsContentKey(lists);
    if (listsCache?.key !== key) {
      const classifier = lists.some((l) => l.institutions.length)
        ? createSiteClassifier({ institutions: mergedInstitutions(bundledCatalog(), lists) })
        : { classify: classifyUrl };
      listsCache = { key, lists, classify: classifier.classify };
    }
    return { lists: listsCache.lists, classify: listsCache.classify };
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
    return parseTabState((await browser.storage.session.get(key))[key], tabId);
  }

  /** Store a tab's state, starting its observations from reports that came before it (lib/tab-state/early). */
  async function saveState(state: TabState, preferences: Preferences): Promise<TabState> {
    const key = earlyKey(state.tabId);
    const early = parseEarly((await browser.storage.session.get(key))[key], Date.now());
    const joined = joinEarly(state, early);
    // The badge does not wait for the session write (issue 14: cold start to first badge); both finish here.
    await Promise.all([showBadge(joined.state, preferences), browser.storage.session.set({ [tabKey(state.tabId)]: joined.state })]);
    if (joined.rest.length !== early.length) {
      if (joined.rest.length) await browser.storage.session.set({ [key]: joined.rest });
      else await browser.storage.session.remove(key);
    }
    // "Record this site": a recorded site's load is copied to its recording (never blocks the badge).
    await recordLoad(joined.state).catch(logError);
    return joined.state;
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

  /** The state of a tab showing `url`, from the catalog, the enabled lists and the site's mute; nothing observed yet. */
  function freshState(tabId: number, url: string | undefined, data: LocalData): TabState {
    const match = data.classify(url ?? '');
    const now = Date.now();
    const silenced = match ? isSilenced(data.decisions.find((d) => d.site === match.site), now) : false;
    return computeTabState({ tabId, url, match, catalog: bundledCatalog(), lists: data.lists, silenced, now });
  }

  function updateTab(tabId: number, url: string | undefined): Promise<TabState> {
    return serialized(tabId, async () => {
      const data = await localData();
      let state = freshState(tabId, url, data);
      // Same navigation (a repeated event): keep what was observed on it.
      const previous = await readState(tabId);
      if (previous && previous.navKey === state.navKey) state = { ...state, observed: previous.observed ?? [], links: previous.links ?? [], loadStartedAt: previous.loadStartedAt };
      // A later navigation may have finished first: only the tab's current URL wins.
      const current = await browser.tabs.get(tabId).catch(() => undefined);
      if (!current || (current.url ?? '') !== (url ?? '')) return state;
      return saveState(state, data.preferences);
    });
  }

  /**
   * Fold a report into its tab: into the state when it is this navigation's, else kept as an early report
   * ('early') until the navigation is processed. Never lost for arriving first.
   */
  function recordObservations(tabId: number, report: PageReport): Promise<'recorded' | 'early'> {
    return serialized(tabId, async () => {
      const state = await readState(tabId);
      if (state && state.navKey === navKeyOf(report.pageUrl)) {
        const next = addObservations(state, report);
        if (next !== state) {
          await browser.storage.session.set({ [tabKey(tabId)]: next });
          await showBadge(next, (await localData()).preferences);
        }
        return 'recorded';
      }
      const key = earlyKey(tabId);
      const now = Date.now();
      const entries = keepEarly(parseEarly((await browser.storage.session.get(key))[key], now), tabId, report, now);
      await browser.storage.session.set({ [key]: entries });
      return 'early';
    });
  }

  /**
   * A content script's report of its page's links. It speaks only for the document that sent it, in its own
   * tab: same origin as the sender's address (an in-page navigation, history.pushState, may reach the
   * report before the browser updates `sender.url`; a document cannot change its origin). It is joined to
   * the navigation it names. False when refused.
   */
  async function acceptReport(report: PageReport, page: ContentScriptSender): Promise<boolean> {
    if (originOf(page.url) === null || originOf(page.url) !== originOf(report.pageUrl)) return false;
    const outcome = await recordObservations(page.tabId, report);
    if (outcome === 'early') {
      // Process the navigation now if the tab is on it (it joins the early report); else its event will.
      const tab = await browser.tabs.get(page.tabId).catch(() => undefined);
      if (tab && navKeyOf(tab.url) === navKeyOf(report.pageUrl)) await updateTab(page.tabId, tab.url).catch(logError);
    }
    return true;
  }

  async function showBadge(state: TabState, preferences: Preferences): Promise<void> {
    const catalog = bundledCatalog();
    const badge = badgeFor(state, preferences, t, (id) => findInstitution(catalog, id)?.name ?? id);
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
  // However many `prefs-changed` arrive, at most one refresh runs and one waits (lib/router `coalesce`).
  const refreshSoon = coalesce(refreshAllTabs);

  async function getTabState(tabId: number): Promise<TabState | null> {
    const stored = await readState(tabId);
    if (stored) return stored;
    // Not seen yet (a tab opened before install), or unreadable: compute it now rather than show nothing.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return tab ? updateTab(tabId, tab.url) : null;
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
  async function stateForPage(page: ContentScriptSender): Promise<TabState> {
    const stored = await readState(page.tabId);
    return stored && stored.navKey === navKeyOf(page.url) ? stored : updateTab(page.tabId, page.url);
  }

  // A notice offered on a first-visit site holds that site for NOTICE_OFFER_HOLD_MS against other tabs, so
  // two tabs opening it at once show one notice (the same tab's next page load may show it again: that
  // notice was not seen). Memory only: losing it with the worker costs at most a second notice.
  const offeredAt = new Map<string, { at: number; tabId: number }>();
  // "Details" tabs opened per tab's notice, counted in memory so that the check and the count are one step
  // (a burst of messages cannot all pass); at most NOTICE_DETAILS_MAX per document and worker lifetime.
  const detailsOpened = new Map<string, number>();

  /**
   * Whether another tab's notice, offered on `site` less than NOTICE_OFFER_HOLD_MS ago, may still be on its
   * way to the screen: that tab still has it, is still on the site, and has not reported it shown. A tab
   * closed or gone elsewhere holds nothing.
   */
  async function heldByAnotherTab(site: string, tabId: number, now: number): Promise<boolean> {
    const offer = offeredAt.get(site);
    if (!offer || offer.tabId === tabId || offer.at <= now - NOTICE_OFFER_HOLD_MS) return false;
    const [docs, state] = await Promise.all([readNoticeDocs(offer.tabId), readState(offer.tabId)]);
    return state?.match?.site === site && docs.some((d) => d.seenPending && d.site === site);
  }

  /**
   * The notices of a tab's recent documents, newest first (storage.session; a notice stays on screen longer
   * than a worker lives, and a page restored by Back still shows its own).
   */
  async function readNoticeDocs(tabId: number): Promise<NoticeDoc[]> {
    const value = (await browser.storage.session.get(noticeDocKey(tabId)))[noticeDocKey(tabId)];
    if (!Array.isArray(value)) return [];
    return value.filter(
      (d): d is NoticeDoc =>
        !!d && typeof d === 'object' && typeof d.origin === 'string' && typeof d.site === 'string' && typeof d.seenPending === 'boolean' && (d.documentId === undefined || typeof d.documentId === 'string'),
    );
  }
  /** Whether `doc` is the sender's document: the same document id where the browser gives one (Chromium), else the same origin (Firefox). */
  const isDocOf = (doc: NoticeDoc, page: ContentScriptSender) =>
    doc.documentId !== undefined && page.documentId !== undefined ? doc.documentId === page.documentId : doc.origin === originOf(page.url);
  /**
   * The sender's notice, when the background injected one into this very document (an in-page navigation,
   * history.pushState, keeps it; so does a page restored by Back). In Firefox, which gives no document id,
   * any document of the same origin and site in that tab among its recent notices counts.
   */
  async function noticeOf(page: ContentScriptSender): Promise<{ doc: NoticeDoc; state: TabState } | undefined> {
    const [state, docs] = await Promise.all([stateForPage(page), readNoticeDocs(page.tabId)]);
    const doc = docs.find((d) => d.site === state.match?.site && isDocOf(d, page));
    return doc ? { doc, state } : undefined;
  }
  /** Store `doc` as the sender's document's notice record (replacing its earlier one), keeping the tab's newest few. */
  async function saveNoticeDoc(page: ContentScriptSender, doc: NoticeDoc): Promise<void> {
    const others = (await readNoticeDocs(page.tabId)).filter((d) => !isDocOf(d, page));
    await browser.storage.session.set({ [noticeDocKey(page.tabId)]: [doc, ...others].slice(0, NOTICE_DOCS_PER_TAB) });
  }
  /** The Details counter's key: the tab's document (its id, or its origin in Firefox). */
  const detailsKey = (page: ContentScriptSender) => `${page.tabId}:${page.documentId ?? originOf(page.url) ?? ''}`;

  async function noticeFor(page: ContentScriptSender, data: LocalData): Promise<NoticeAnswer> {
    const state = await stateForPage(page);
    const content = noticeContent(state, bundledCatalog());
    if (!content || !state.match) return { show: false, reason: 'not-matched' };
    const site = state.match.site;
    const { alertStyle } = data.preferences;
    const now = Date.now();
    const silenced = isSilenced(data.decisions.find((d) => d.site === site), now);
    return withSeenList(async (sites) => {
      const held = await heldByAnotherTab(site, page.tabId, now);
      const answer = decideNotice({ alertStyle, silenced, seen: sites.includes(site) || held, content });
      if (answer.show) {
        const doc: NoticeDoc = { origin: originOf(page.url) ?? '', site, seenPending: recordSeen(alertStyle), ...(page.documentId ? { documentId: page.documentId } : {}) };
        await saveNoticeDoc(page, doc);
        if (doc.seenPending) offeredAt.set(site, { at: now, tabId: page.tabId });
      }
      return { result: answer };
    });
  }

  /**
   * The notice of this document reports it was on screen: a first-visit site is now seen (once). The record
   * and the seen list change in one step of the seen list's queue, so no other tab's question falls between
   * the hold's end and the site's entry.
   */
  async function noticeShown(page: ContentScriptSender): Promise<boolean> {
    const notice = await noticeOf(page);
    if (!notice?.doc.seenPending) return false;
    const record = recordSeen((await localData()).preferences.alertStyle);
    await withSeenList(async (sites) => {
      await saveNoticeDoc(page, { ...notice.doc, seenPending: false });
      return { result: undefined, sites: record ? withSeen(sites, notice.doc.site) : undefined };
    });
    return record;
  }

  /**
   * Whether the sender's page must watch its links as it loads (`watchLinks` in the `get-notice` answer):
   * only where the opt-in "links" badge level is on, so the badge can say so without anyone opening the
   * popup. Elsewhere `collectTabLinks` reads them when the popup asks.
   */
  async function linksWatchedOn(page: ContentScriptSender, data: LocalData): Promise<boolean> {
    if (!data.preferences.badgeLevels.linked || !isWatchedUrl(page.url, linkSitePatterns())) return false;
    return !!(await stateForPage(page)).match;
  }

  /**
   * Collect the links to Meta's apps in a tab's page (lib/page-observer `collectLinks`, run in the page's
   * top frame, content scripts' world) and fold them into its state like a content script's report: only on
   * the catalog's non-platform sites (the page content script's, where Linkwatch has host permission),
   * only for the document the state describes, within LINK_COLLECT_MS (a busy page never holds the popup).
   * True when links were added. Failures (no permission, a page that went away) are logged, never thrown.
   */
  async function collectTabLinks(state: TabState): Promise<boolean> {
    const tab = await browser.tabs.get(state.tabId).catch(() => undefined);
    const url = tab?.url;
    if (!url || navKeyOf(url) !== state.navKey || !isWatchedUrl(url, linkSitePatterns()) || !browser.scripting?.executeScript) return false;
    const run = Promise.resolve()
      .then(() => browser.scripting.executeScript({ target: { tabId: state.tabId, frameIds: [0] }, func: collectLinks, args: [LINK_DOMAINS, MAX_URL, MAX_ITEMS] }))
      .then((results) => results[0]?.result as { pageUrl?: unknown; links?: unknown } | undefined);
    const found = await Promise.race([run, new Promise<undefined>((r) => setTimeout(r, LINK_COLLECT_MS))]).catch((error: unknown) => {
      logError(error);
      return undefined;
    });
    const report = { pageUrl: found?.pageUrl, requests: [], links: found?.links };
    if (!isPageReport(report) || navKeyOf(report.pageUrl) !== state.navKey) return false;
    // Each popup opening reads the page again: only links not already known are new findings.
    const fresh = { ...report, links: newLinks(state, report.pageUrl, report.links) };
    if (fresh.links.length === 0) return false;
    return (await recordObservations(state.tabId, fresh)) === 'recorded';
  }
  let linkPatterns: string[] | undefined;
  /** The page content script's match patterns: the catalog's non-platform sites (lib/catalog/matches). */
  const linkSitePatterns = () => (linkPatterns ??= contentScriptMatches(bundledCatalog()));

  /**
   * Load the notice's UI (entrypoints/notice-ui) into the document that asked, in the content scripts'
   * isolated world: `scripting` where the browser has it (by document id where known, so a page that
   * navigated meanwhile gets nothing), `tabs.executeScript` otherwise. Needs the `scripting` permission
   * and host permission for the site (wxt.config.ts adds both for the notice's sites).
   */
  async function injectNoticeUi(page: ContentScriptSender): Promise<void> {
    const { tabId, documentId } = page;
    if (browser.scripting?.executeScript) {
      await browser.scripting.executeScript({ target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] }, files: ['/notice-ui.js'] });
    } else {
      await browser.tabs.executeScript(tabId, { file: '/notice-ui.js', frameId: 0 });
    }
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

  // The router's table: who may send each message (documented in entrypoints/README.md) and its handler.
  const routes: RouteTable = {
    'get-tab-state': {
      from: 'extension-page',
      handle: async ({ tabId }) => {
        let state = await getTabState(tabId);
        // Someone looks: the page's links to Meta's apps now (a page pays nothing for them on loads nobody looks at).
        if (state && (await collectTabLinks(state))) state = (await readState(tabId)) ?? state;
        return state ? getTabView(state, bundledCatalog(), (await localData()).lists) : null;
      },
    },
    'prefs-changed': {
      from: 'extension-page',
      handle: async () => {
        await refreshSoon();
        return { ok: true };
      },
    },
    'get-notice-seen': {
      from: 'extension-page',
      handle: async () => ({ sites: await withSeenList(async (sites) => ({ result: sites })) }),
    },
    'clear-notice-seen': {
      from: 'extension-page',
      handle: async () => {
        await withSeenList(async () => {
          offeredAt.clear();
          await browser.storage.local.remove(NOTICE_SEEN_KEY);
          return { result: undefined };
        });
        return { ok: true };
      },
    },
    'recording-list': {
      from: 'extension-page',
      handle: async ({ site }) => {
        const all = await prefs.listRecordings();
        return { recordings: site ? all.filter((r) => r.site === site) : all };
      },
    },
    'recording-start': {
      from: 'extension-page',
      handle: async ({ site, institution }) => {
        recordedSites = undefined;
        await prefs.putRecording(startRecording(await prefs.getRecording(site), site, institution, new Date().toISOString()));
        // The load already open in the site's tabs is the first entry.
        for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) await recordLoad(await readState(tab.id)).catch(logError);
        return { ok: true };
      },
    },
    'recording-stop': {
      from: 'extension-page',
      handle: async ({ site }) => {
        recordedSites = undefined;
        const existing = await prefs.getRecording(site);
        if (existing) await prefs.putRecording(stopRecording(existing, new Date().toISOString()));
        return { ok: !!existing };
      },
    },
    'recording-delete': {
      from: 'extension-page',
      handle: async ({ site, loadId }) => {
        recordedSites = undefined;
        await prefs.deleteRecordings(site, loadId);
        return { ok: true };
      },
    },
    'page-observations': {
      from: 'top-frame-content-script',
      handle: async ({ report }, page) => ({ ok: await acceptReport(report, page) }),
    },
    'get-notice': {
      from: 'top-frame-content-script',
      handle: async (_request, page) => {
        const data = await localData();
        const [answer, watchLinks] = await Promise.all([noticeFor(page, data), linksWatchedOn(page, data)]);
        // The notice's UI code is loaded only where it shows (issue 14): injected into the asking document.
        if (answer.show) await injectNoticeUi(page).catch(logError);
        return { ...answer, watchLinks };
      },
    },
    'get-notice-content': {
      from: 'top-frame-content-script',
      handle: async (_request, page) => noticeContent(await stateForPage(page), bundledCatalog()),
    },
    'notice-shown': {
      from: 'top-frame-content-script',
      handle: async (_request, page) => ({ ok: await noticeShown(page) }),
    },
    'notice-action': {
      from: 'top-frame-content-script',
      handle: async ({ action }, page) => {
        if (action === 'details') {
          // A person opens Details once or twice; a loop would open a tab storm. Checked and counted before
          // any await, so concurrent messages cannot all pass.
          const key = detailsKey(page);
          const opened = detailsOpened.get(key) ?? 0;
          if (opened >= NOTICE_DETAILS_MAX) return { ok: false };
          detailsOpened.set(key, opened + 1);
        }
        // Only from the document the notice was injected into: a page without one (even with a compromised
        // renderer, which can send what its content script can) mutes nothing and opens nothing.
        const notice = await noticeOf(page);
        if (!notice) return { ok: false };
        const { state } = notice;
        if (action === 'details') {
          // The popup's full view of this tab, in a new tab beside it.
          await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${page.tabId}`), index: page.index + 1, openerTabId: page.tabId });
          return { ok: true };
        }
        // "Not on this site": the same decision as the popup's "Don't warn me".
        const site = state.match?.site;
        if (!site) return { ok: false };
        const muteKey = `noticeMute:${site}`;
        if (action === 'undo-not-on-this-site') {
          // Undo lifts only the mute this notice set (same instant), never one the user made elsewhere.
          const setAt = (await browser.storage.session.get(muteKey))[muteKey];
          const decision = await prefs.getSiteDecision(site);
          if (!setAt || decision?.decision !== 'muted' || decision.createdAt !== setAt) return { ok: false };
          await prefs.removeSiteDecision(site);
          await browser.storage.session.remove(muteKey);
          await refreshSoon();
          return { ok: true };
        }
        const createdAt = new Date().toISOString();
        await prefs.setSiteDecision({ site, decision: 'muted', createdAt });
        await browser.storage.session.set({ [muteKey]: createdAt });
        await refreshSoon();
        return { ok: true };
      },
    },
  };
  const route = createRouter(routes, () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') }));

  // Every request of a page to a platform endpoint, with the browser's outcome (lib/request-watch).
  watchRequests(browser.webRequest, {
    tabs: () => browser.tabs.query({}),
    onError: logError,
    apply: (tabId, change) =>
      serialized(tabId, async () => {
        // A new document's state is computed from its own address, never the previous document's under a
        // new key (lib/tab-state applyTabChange). Requests join the stored state, or one computed now for the
        // tab's address when there is none yet (a cold worker).
        // IndexedDB is read once, and only where the tab's state is new or changed.
        const stored = change.type === 'document' ? undefined : await readState(tabId);
        let data: LocalData | undefined;
        const state = stored ?? freshState(tabId, change.type === 'document' ? change.url : (await browser.tabs.get(tabId).catch(() => undefined))?.url, (data = await localData()));
        const next = applyTabChange(state, change, Date.now());
        if (next !== stored) await saveState(next, (data ??= await localData()).preferences);
      }),
  });
  browser.tabs.onUpdated.addListener((tabId, change: Browser.tabs.OnUpdatedInfo, tab) => {
    // `url` arrives for every navigation, in-page ones (history.pushState) included; `complete` re-applies
    // the badge, which Chromium resets when a new document commits.
    if (change.url !== undefined || change.status === 'complete') updateTab(tabId, tab.url).catch(logError);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    for (const key of detailsOpened.keys()) if (key.startsWith(`${tabId}:`)) detailsOpened.delete(key);
    browser.storage.session.remove([tabKey(tabId), earlyKey(tabId), noticeDocKey(tabId)]).catch(logError);
  });
  browser.tabs.onReplaced?.addListener((addedTabId, removedTabId) => {
    browser.storage.session.remove([tabKey(removedTabId), earlyKey(removedTabId), noticeDocKey(removedTabId)]).catch(logError);
    browser.tabs.get(addedTabId).then((tab) => updateTab(addedTabId, tab.url), logError);
  });
  browser.runtime.onInstalled.addListener((details) => {
    refreshSoon().catch(logError);
    // The first-run page, on a new install only (never on an update or a browser update).
    if (details.reason === 'install') showWelcomeOnce().catch(logError);
  });
  browser.runtime.onStartup.addListener(() => refreshSoon().catch(logError));
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    return route(message, sender).catch((error: unknown) => {
      // A refusal is said to the sender (its promise rejects) and logged once, without the message's content.
      if (error instanceof RefusedMessage) console.warn('[linkwatch]', error.message);
      else logError(error);
      throw error instanceof Error ? error : new Error(String(error));
    });
  });
});

/** What the background reads of IndexedDB for a navigation, in one transaction (`localData`). */
interface LocalData {
  preferences: Preferences;
  decisions: SiteDecision[];
  /** The enabled custom lists. */
  lists: CustomList[];
  /** The bundled catalog's sites and the enabled lists' (lib/sites). */
  classify: (url: string) => ReturnType<typeof classifyUrl>;
}

/** How many of a tab's recent documents keep their notice record (Back restores a page with its notice). */
const NOTICE_DOCS_PER_TAB = 3;

/**
 * The notice the background injected into a tab's document (storage.session, `notice:<tabId>`, a list): which
 * document (`documentId` where the browser gives one, and its origin) and site, and whether its first-visit
 * "seen" is still to be recorded (`notice-shown`).
 */
interface NoticeDoc {
  documentId?: string;
  origin: string;
  site: string;
  seenPending: boolean;
}
const noticeDocKey = (tabId: number) => `notice:${tabId}`;

/** How long (ms) the popup waits for a page's links before it shows what is known without them. */
const LINK_COLLECT_MS = 400;

/** Most "Details" tabs one notice may open (a person clicks it once or twice; a loop is refused). */
const NOTICE_DETAILS_MAX = 3;

/** storage.local flag: the first-run page was opened once. */
const WELCOME_SHOWN_KEY = 'welcomeShown';

/** `scheme://host:port` of an http(s) URL, or null. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

function logError(error: unknown): void {
  console.error('[linkwatch]', error);
}
