/**
 * The tab store: each tab's record (lib/tab-state/document) in `storage.session`, moved by browser events
 * one tab at a time, and the badge that follows it.
 *
 * Why session storage: an MV3 service worker is stopped whenever it is idle, losing its variables; the
 * record lives under `tab:<id>` (the shown document's state) and `early:<id>` (what came before its
 * document), so a restarted worker, and the popup, see exactly what was shown before. Cleared when the tab
 * closes (`remove`, in the tab's turn, so nothing queued before it can write the record back) and when the
 * browser closes.
 *
 * When an event needs a shown document and the store has none (a worker started by the page's first request,
 * the first page after install, a tab restored at browser start) or a request names a document it does not
 * know (a prerender that was activated), it asks the browser which document the tab shows
 * (`webNavigation.getFrame`) and adopts it. A tab the browser no longer has gets nothing written: a beacon
 * sent as a tab closes does not bring its record back.
 */
import type { Preferences } from '../prefs/schema';
import { hostOf, type TabState } from '../tab-state';
import { nextTab, type TabEvent, type TabRecord } from '../tab-state/document';
import { parseEarly } from '../tab-state/early';
import { parseTabState } from '../tab-state/stored';
import type { LocalData } from './local-data';
import type { TabQueue, TabTurn } from './queue';

/** The parts of `storage.session` the store uses. */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The document a tab's top frame shows, as the browser says (`webNavigation.getFrame`); undefined when the tab is gone. */
export interface TopFrame {
  url: string;
  /** Chromium's document id; Firefox gives none. */
  documentId?: string;
}

/** What the tab store needs. */
export interface TabStoreDeps {
  session: SessionArea;
  queue: TabQueue;
  /**
   * The document the tab's top frame shows: undefined when the tab is gone (closed), null when the tab is
   * there but the browser cannot say yet (a new tab mid-navigation, under load).
   */
  topFrame(tabId: number): Promise<TopFrame | null | undefined>;
  localData(): Promise<LocalData>;
  /** The context of an address (lib/background/local-data `describeAddress`). */
  describe(tabId: number, url: string, data: LocalData, now: number): TabState;
  showBadge(state: TabState, preferences: Preferences): Promise<void>;
  /** Called in the tab's turn after its state was stored ("Record this site"). */
  onStored?(state: TabState, turn: TabTurn): Promise<void>;
  now(): number;
}

/** `storage.session` keys of a tab's record. */
export const tabKey = (tabId: number) => `tab:${tabId}`;
export const earlyKey = (tabId: number) => `early:${tabId}`;

/** The tab store's operations; each runs in the tab's turn (pass `turn` from inside one to run at once). */
export interface TabStore {
  /** Apply one browser event; the state after it (undefined when the tab has no shown document or is gone). */
  apply(tabId: number, event: TabEvent, turn?: TabTurn): Promise<TabState | undefined>;
  /** The stored state, as stored (no browser call). */
  read(tabId: number): Promise<TabState | undefined>;
  /** The shown document's state, adopted from the browser when none is stored; undefined for a gone tab. */
  current(tabId: number, turn?: TabTurn): Promise<TabState | undefined>;
  /**
   * The state of the document a content script speaks for (its tab, its document id where the browser gives
   * one, else its address's host): the stored one when it is that document's, else the document the browser
   * says the tab shows, adopted (a content script may ask before the commit event reached the worker).
   */
  forPage(page: { tabId: number; url: string; documentId?: string }, turn?: TabTurn): Promise<TabState | undefined>;
  /** Compute the tab's context again from the user's data (a mute, a list), keeping its record; badge again. */
  refresh(tabId: number): Promise<TabState | undefined>;
  /** Forget a closed tab: its record and `extraKeys`, after everything queued for it. */
  remove(tabId: number, extraKeys?: string[]): Promise<void>;
}

/** A tab store over the given storage, browser and catalog functions. */
export function createTabStore(deps: TabStoreDeps): TabStore {
  async function readRecord(tabId: number, now: number): Promise<TabRecord> {
    const got = await deps.session.get([tabKey(tabId), earlyKey(tabId)]);
    return { state: parseTabState(got[tabKey(tabId)], tabId), early: parseEarly(got[earlyKey(tabId)], now) };
  }

  /** Whether `event` needs the browser's word on the shown document before it can be applied. */
  function needsShown(record: TabRecord, event: TabEvent): boolean {
    if (event.type === 'committed' || event.type === 'navigation-started') return false;
    const state = record.state;
    if (!state || state.documentId === '') return true;
    // A request naming a browser document id that is not the shown one: maybe the shown one changed
    // without a commit event (an activated prerender, a page restored from the back/forward cache).
    if (event.type === 'requests') return event.requests.some((r) => r.document !== undefined && !r.document.startsWith('url:') && r.document !== state.documentId);
    if (event.type === 'links') return event.document !== undefined && !event.document.startsWith('url:') && event.document !== state.documentId;
    return false;
  }

  async function step(tabId: number, event: TabEvent, turn: TabTurn): Promise<TabState | undefined> {
    const now = deps.now();
    const before = await readRecord(tabId, now);
    let data: LocalData | undefined;
    const userData = async () => (data ??= await deps.localData());
    let record = before;
    if (needsShown(before, event)) {
      const frame = await deps.topFrame(tabId);
      // The tab is gone (closed, or never was): nothing is written for it.
      if (frame === undefined) return undefined;
      // The browser cannot say yet which document the tab shows: what names a document waits for its commit.
      const shownId = frame?.documentId;
      const known = !frame || (before.state && before.state.documentId !== '' && (shownId === undefined || shownId === before.state.documentId));
      if (!known && frame) {
        const d = await userData();
        record = nextTab(record, { type: 'committed', url: frame.url, ...(shownId ? { documentId: shownId } : {}) }, { describe: (url) => deps.describe(tabId, url, d, now), now });
      }
    }
    // A navigation starts: its commit will need the user's data. Reading it now opens the database while
    // the page is still on the network (issue 20: the badge waits for the commit, not for IndexedDB too).
    if (event.type === 'navigation-started') void userData();
    const needsContext = event.type === 'committed' || event.type === 'same-document' || event.type === 'context';
    const d = needsContext ? await userData() : undefined;
    const after = nextTab(record, event, { describe: (url) => deps.describe(tabId, url, d!, now), now });
    if (after === before) return before.state;
    const writes: Record<string, unknown> = {};
    const removals: string[] = [];
    if (after.state !== before.state && after.state) writes[tabKey(tabId)] = after.state;
    if (after.early !== before.early) {
      if (after.early.length) writes[earlyKey(tabId)] = after.early;
      else removals.push(earlyKey(tabId));
    }
    // A tentative navigation changes nothing a person sees (no badge, no recording): the commit that may
    // follow must not wait behind it.
    const stateChanged = after.state !== before.state && after.state !== undefined && event.type !== 'navigation-started';
    // The badge does not wait for the session write (issue 14: cold start to first badge); both finish here.
    await Promise.all([
      stateChanged ? deps.showBadge(after.state!, (await userData()).preferences) : undefined,
      Object.keys(writes).length ? deps.session.set(writes) : undefined,
      removals.length ? deps.session.remove(removals) : undefined,
    ]);
    if (stateChanged && deps.onStored) await deps.onStored(after.state!, turn);
    return after.state;
  }

  const store: TabStore = {
    apply: (tabId, event, turn) => deps.queue.run(tabId, (t) => step(tabId, event, t), turn),
    read: async (tabId) => (await readRecord(tabId, deps.now())).state,
    current: (tabId, turn) =>
      deps.queue.run(
        tabId,
        async (t) => {
          const stored = (await readRecord(tabId, deps.now())).state;
          if (stored && stored.documentId !== '') return stored;
          const frame = await deps.topFrame(tabId);
          return frame ? step(tabId, { type: 'context', url: frame.url }, t) : undefined;
        },
        turn,
      ),
    forPage: (page, turn) =>
      deps.queue.run(
        page.tabId,
        async (t) => {
          const stored = (await readRecord(page.tabId, deps.now())).state;
          const same = stored && stored.documentId !== '' && (page.documentId ? stored.documentId === page.documentId : stored.host === hostOf(page.url));
          if (same) return stored;
          const frame = await deps.topFrame(page.tabId);
          if (!frame) return undefined;
          if (stored && stored.documentId !== '' && (frame.documentId ? frame.documentId === stored.documentId : stored.host === hostOf(frame.url))) return stored;
          return step(page.tabId, { type: 'committed', url: frame.url, ...(frame.documentId ? { documentId: frame.documentId } : {}) }, t);
        },
        turn,
      ),
    refresh: (tabId) =>
      deps.queue.run(tabId, async (t) => {
        const frame = await deps.topFrame(tabId);
        if (!frame) return undefined;
        const stored = (await readRecord(tabId, deps.now())).state;
        // A document the store has not seen commit (an activated prerender, a page restored from the
        // back/forward cache) is adopted; the same document gets its context computed again.
        const other = frame.documentId !== undefined && stored !== undefined && frame.documentId !== stored.documentId;
        const event: TabEvent = other ? { type: 'committed', url: frame.url, documentId: frame.documentId } : { type: 'context', url: frame.url };
        // Both events give a new state, so `step` sets the badge again (Chromium resets it at each commit).
        return step(tabId, event, t);
      }),
    remove: (tabId, extraKeys = []) => deps.queue.run(tabId, () => deps.session.remove([tabKey(tabId), earlyKey(tabId), ...extraKeys])),
  };
  return store;
}
