/**
 * The in-page notice, background side (lib/notice decides; entrypoints/notice-ui draws): whether a
 * document gets the notice, the "seen" list of first-visit mode, and the notice's actions ("Details", "Hide
 * for this visit"), each taken only from the very document the notice was injected into. No action from the
 * page can mute a site: a page can draw over its notice and bait a click (issue 22).
 *
 * The "seen" list is read, changed and written one request at a time, so two tabs opening the same site at
 * once show one notice in first-visit mode. A notice offered on a first-visit site holds that site for
 * NOTICE_OFFER_HOLD_MS against other tabs (memory only: losing it with the worker costs at most a second
 * notice). The notices injected into a tab's recent documents live in storage.session (`notice:<tabId>`): a
 * notice stays on screen longer than a worker lives, and a page restored by Back keeps its own.
 */
import { bundledWorld } from '../directory';
import type { Catalog } from '../catalog';
import type { NoticeAction } from '../messages';
import { decideNotice, NOTICE_OFFER_HOLD_MS, NOTICE_SEEN_KEY, parseSeen, recordSeen, withSeen, type NoticeAnswer } from '../notice';
import { noticeContent } from '../notice/content';
import type { NoticeContent } from '../notice';
import { isSilenced } from '../prefs/schema';
import type { TabState } from '../tab-state';
import type { ContentScriptSender } from '../router';
import { originOf, siteOfUrl } from '../url';
import type { LocalData } from './local-data';
import type { SessionArea, TabStore } from './tab-store';

/** How many of a tab's recent documents keep their notice record (Back restores a page with its notice). */
export const NOTICE_DOCS_PER_TAB = 3;
/** Most "Details" tabs one notice may open (a person clicks it once or twice; a loop is refused). */
export const NOTICE_DETAILS_MAX = 3;

/**
 * The notice the background injected into a tab's document (`notice:<tabId>`, a list, newest first): which
 * document (`documentId` where the browser gives one, and its origin) and site, and whether its first-visit
 * "seen" is still to be recorded (`notice-shown`).
 */
export interface NoticeDoc {
  documentId?: string;
  origin: string;
  site: string;
  seenPending: boolean;
}
/** storage.session key of a tab's notice records. */
export const noticeDocKey = (tabId: number) => `notice:${tabId}`;
/**
 * storage.session key of the site whose notice the person hid in a tab ("Hide for this visit"): no notice
 * there in that tab until it goes to another site or closes. Never a mute: the badge keeps warning, and
 * muting a site for good happens only in Linkwatch's own popup or options page (issue 22), surfaces no page
 * can draw over.
 */
export const noticeHiddenKey = (tabId: number) => `noticeHidden:${tabId}`;

/** What the notice service needs. */
export interface NoticeDeps {
  session: SessionArea;
  local: SessionArea;
  store: Pick<TabStore, 'forPage' | 'read'>;
  localData(): Promise<LocalData>;
  /** The directory and catalog (lib/directory `bundledWorld`), its text in the UI language where it has it. */
  world(): Promise<Catalog>;
  /** The chosen language's messages where the person chose one (lib/runtime `chosenMessages`), read after `world`. */
  chosenLanguage(): NoticeContent['ui'];
  /** Load the notice's UI into the sender's document. */
  inject(page: ContentScriptSender): Promise<void>;
  /** Open the popup's full view of the sender's tab beside it. */
  openDetails(page: ContentScriptSender): Promise<void>;
  now(): number;
}

/** The notice service's operations, one per message (entrypoints/README.md). */
export interface NoticeService {
  /** `get-notice`: whether the notice shows in the sender's document; where it does, its UI is injected there. */
  ask(page: ContentScriptSender, data: LocalData): Promise<NoticeAnswer>;
  /** `get-notice-content`: the notice's content now, for the sender's document. */
  content(page: ContentScriptSender): Promise<NoticeContent | null>;
  /** `notice-shown`: the sender's notice was on screen; a first-visit site is now seen. */
  shown(page: ContentScriptSender): Promise<boolean>;
  /** `notice-action`. */
  act(page: ContentScriptSender, action: NoticeAction): Promise<boolean>;
  seenSites(): Promise<string[]>;
  clearSeen(): Promise<void>;
  /** Forget a closed tab's in-memory counters (its storage keys go with the tab store's `remove`). */
  forgetTab(tabId: number): void;
  /**
   * A tab's state was stored (lib/background/tab-store `onStored`): where that document's notice was declined
   * only because nothing was known yet (a bank no report names, asking before its pixel's request was seen),
   * and the state now shows what the page sent, ask again, as the page would have. Call it outside the
   * tab's turn (it reads the tab store).
   */
  stored(state: TabState): Promise<void>;
  /**
   * A document committed in a tab's top frame: leaving the site whose notice was hidden there ends that
   * visit (any other site, known to Linkwatch or not), so the notice shows again on the next visit.
   */
  committed(tabId: number, url: string): Promise<void>;
}

/** A notice service over the given storage, tab store and browser calls. */
export function createNoticeService(deps: NoticeDeps): NoticeService {
  let seenQueue: Promise<unknown> = Promise.resolve();
  const offeredAt = new Map<string, { at: number; tabId: number }>();
  // "Details" tabs opened per tab's notice, counted in memory so that the check and the count are one step
  // (a burst of messages cannot all pass); at most NOTICE_DETAILS_MAX per document and worker lifetime.
  const detailsOpened = new Map<string, number>();

  function withSeenList<T>(work: (sites: string[]) => Promise<{ result: T; sites?: string[] }>): Promise<T> {
    const next = seenQueue.then(async () => {
      const sites = parseSeen((await deps.local.get(NOTICE_SEEN_KEY))[NOTICE_SEEN_KEY]);
      const out = await work(sites);
      if (out.sites) await deps.local.set({ [NOTICE_SEEN_KEY]: out.sites });
      return out.result;
    });
    seenQueue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async function readNoticeDocs(tabId: number): Promise<NoticeDoc[]> {
    const value = (await deps.session.get(noticeDocKey(tabId)))[noticeDocKey(tabId)];
    if (!Array.isArray(value)) return [];
    return value.filter(
      (d): d is NoticeDoc =>
        !!d && typeof d === 'object' && typeof d.origin === 'string' && typeof d.site === 'string' && typeof d.seenPending === 'boolean' && (d.documentId === undefined || typeof d.documentId === 'string'),
    );
  }
  /** Whether `doc` is the sender's document: the same document id where the browser gives one (Chromium), else the same origin (Firefox). */
  const isDocOf = (doc: NoticeDoc, page: ContentScriptSender) =>
    doc.documentId !== undefined && page.documentId !== undefined ? doc.documentId === page.documentId : doc.origin === originOf(page.url);
  const detailsKey = (page: ContentScriptSender) => `${page.tabId}:${page.documentId ?? originOf(page.url) ?? ''}`;

  /**
   * Whether another tab's notice, offered on `site` less than NOTICE_OFFER_HOLD_MS ago, may still be on its
   * way to the screen: that tab still has it, is still on the site, and has not reported it shown.
   */
  async function heldByAnotherTab(site: string, tabId: number, now: number): Promise<boolean> {
    const offer = offeredAt.get(site);
    if (!offer || offer.tabId === tabId || offer.at <= now - NOTICE_OFFER_HOLD_MS) return false;
    const [docs, state] = await Promise.all([readNoticeDocs(offer.tabId), deps.store.read(offer.tabId)]);
    return state?.match?.site === site && docs.some((d) => d.seenPending && d.site === site);
  }

  /** The sender's notice, when the background injected one into this very document (an in-page navigation keeps it). */
  async function noticeOf(page: ContentScriptSender) {
    const [state, docs] = await Promise.all([deps.store.forPage(page), readNoticeDocs(page.tabId)]);
    const doc = state ? docs.find((d) => d.site === state.match?.site && isDocOf(d, page)) : undefined;
    return doc && state ? { doc, state } : undefined;
  }
  async function saveNoticeDoc(page: ContentScriptSender, doc: NoticeDoc): Promise<void> {
    const others = (await readNoticeDocs(page.tabId)).filter((d) => !isDocOf(d, page));
    await deps.session.set({ [noticeDocKey(page.tabId)]: [doc, ...others].slice(0, NOTICE_DOCS_PER_TAB) });
  }

  // Per tab, the document whose notice was declined for want of anything to say yet ('nothing'), to ask again
  // when what it sent is seen (`stored`). In memory: a restarted worker forgets it, and the page keeps its badge.
  const waiting = new Map<number, ContentScriptSender>();
  const service: NoticeService = {
    async ask(page, data) {
      const state = await deps.store.forPage(page);
      const content = state ? noticeContent(state, bundledWorld()) : null;
      if (!content || !state?.match) return { show: false, reason: 'not-matched' };
      const site = state.match.site;
      // Hidden for this visit in this tab: not shown again while the tab stays on the site; another site ends the visit.
      const hiddenKey = noticeHiddenKey(page.tabId);
      const hidden = (await deps.session.get(hiddenKey))[hiddenKey];
      if (hidden === site) return { show: false, reason: 'hidden' };
      if (hidden !== undefined) await deps.session.remove(hiddenKey);
      const { alertStyle } = data.preferences;
      const now = deps.now();
      const silenced = isSilenced(data.decisions.find((d) => d.site === site), now);
      const answer = await withSeenList(async (sites) => {
        const held = await heldByAnotherTab(site, page.tabId, now);
        const decided = decideNotice({ alertStyle, silenced, seen: sites.includes(site) || held, content });
        if (decided.show) {
          const doc: NoticeDoc = { origin: originOf(page.url) ?? '', site, seenPending: recordSeen(alertStyle), ...(page.documentId ? { documentId: page.documentId } : {}) };
          await saveNoticeDoc(page, doc);
          if (doc.seenPending) offeredAt.set(site, { at: now, tabId: page.tabId });
        }
        return { result: decided };
      });
      if (!answer.show && answer.reason === 'nothing') waiting.set(page.tabId, page);
      else if (isSameDoc(waiting.get(page.tabId), page)) waiting.delete(page.tabId);
      // The notice's UI code is loaded only where it shows (issue 14): injected into the asking document.
      if (answer.show) await deps.inject(page);
      return answer;
    },

    async stored(state) {
      const page = waiting.get(state.tabId);
      if (!page || !(state.observed ?? []).length) return;
      const same = page.documentId !== undefined ? page.documentId === state.documentId : siteOfUrl(page.url) === (state.site ?? state.match?.site);
      if (!same) return;
      waiting.delete(state.tabId);
      await service.ask(page, await deps.localData());
    },

    async content(page) {
      const [state, world] = await Promise.all([deps.store.forPage(page), deps.world()]);
      const ui = deps.chosenLanguage();
      const content = state ? noticeContent(state, world) : null;
      return content && ui ? { ...content, ui } : content;
    },

    async shown(page) {
      const notice = await noticeOf(page);
      if (!notice?.doc.seenPending) return false;
      const record = recordSeen((await deps.localData()).preferences.alertStyle);
      await withSeenList(async (sites) => {
        await saveNoticeDoc(page, { ...notice.doc, seenPending: false });
        return { result: undefined, sites: record ? withSeen(sites, notice.doc.site) : undefined };
      });
      return record;
    },

    async act(page, action) {
      if (action === 'details') {
        // Checked and counted before any await, so concurrent messages cannot all pass.
        const key = detailsKey(page);
        const opened = detailsOpened.get(key) ?? 0;
        if (opened >= NOTICE_DETAILS_MAX) return false;
        detailsOpened.set(key, opened + 1);
      }
      // Only from the document the notice was injected into: a page without one (even with a compromised
      // renderer, which can send what its content script can) mutes nothing and opens nothing.
      const notice = await noticeOf(page);
      if (!notice) return false;
      if (action === 'details') {
        await deps.openDetails(page);
        return true;
      }
      // "Hide for this visit": this tab, this site, until the tab leaves it. A page (or a compromised renderer)
      // that sends this only hides its own notice, which it could remove anyway; it silences nothing else.
      const site = notice.state.match?.site;
      if (!site) return false;
      await deps.session.set({ [noticeHiddenKey(page.tabId)]: site });
      return true;
    },

    seenSites: () => withSeenList(async (sites) => ({ result: sites })),
    clearSeen: () =>
      withSeenList(async () => {
        offeredAt.clear();
        await deps.local.remove(NOTICE_SEEN_KEY);
        return { result: undefined };
      }),
    async committed(tabId, url) {
      const key = noticeHiddenKey(tabId);
      const hidden = (await deps.session.get(key))[key];
      if (hidden !== undefined && siteOfUrl(url) !== hidden) await deps.session.remove(key);
    },
    forgetTab(tabId) {
      for (const key of detailsOpened.keys()) if (key.startsWith(`${tabId}:`)) detailsOpened.delete(key);
      waiting.delete(tabId);
    },
  };
  return service;
}

/** Whether two senders are the same document: by id where the browser gives one (Chromium), else by origin. */
function isSameDoc(a: ContentScriptSender | undefined, b: ContentScriptSender): boolean {
  if (!a) return false;
  return a.documentId !== undefined && b.documentId !== undefined ? a.documentId === b.documentId : originOf(a.url) === originOf(b.url);
}
