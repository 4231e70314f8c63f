/**
 * The document model: which document a tab shows, and what that document load did, as the browser sees it.
 *
 * The idea (after uBlock Origin's tab context, src/js/tab.js, and Privacy Badger's initiator joins). A tab
 * has a *context* (the address it shows, its owner, its reports) and a *document record* (what this
 * document load sent and linked: `observed`, `links`, `documentId`, `loadStartedAt`). They move apart:
 *
 * - A cross-document navigation that **commits** (`committed`, fed from `webNavigation.onCommitted` for the
 *   top frame) starts a new document record. Nothing else does: a main-frame *request* may end in a
 *   download, a 204/205 answer, an error or a stop, and a prerendered page commits in a frame that is not
 *   the tab's top frame until it is shown.
 * - A main-frame request only opens a *tentative* entry (`navigation-started`), which says "requests for
 *   this address may belong to a document still to commit"; it is dropped at the next commit or after
 *   `EARLY_TTL_MS`, and it never touches the findings.
 * - An in-page navigation (`same-document`: pushState, replaceState, a fragment) moves the context to the new
 *   address (a path may change the owner: facebook.com/messages is Messenger) and keeps the record whole.
 * - Requests and link reports join the document they came from, by their document key (`documentKeyOf`):
 *   the browser's document id (Chromium), or the document's address while a navigation to it is tentative
 *   (Firefox, which gives no document id). A key that is not the shown document's is kept apart (an "early"
 *   entry, lib/tab-state/early) and joined when that document commits or is adopted; it expires otherwise.
 *   A request with no key (a frame, a worker, Firefox) joins the shown document.
 *
 * The background feeds browser events into `nextTab`, in order, one tab at a time; a closed tab's record is
 * deleted by the background and late events for it are dropped there (the browser no longer knows the tab).
 * Pure: the caller passes `describe` (the context of an address, from the catalog and the user's data) and
 * the time.
 */
import { DATA_CATEGORIES } from '../evidence/data-categories';
import type { PageReport } from '../page-observer';
import { REQUEST_CONTEXTS, type WatchedRequest } from '../request-watch';
import { EARLY_TTL_MS, keepEarlyLinks, keepEarlyRequests, type EarlyEntry } from './early';
import { addObservations, addWatchedRequests, MAX_ENDPOINTS_PER_PLATFORM, type TabState } from './index';
import { navKeyOf, urlDocumentKey } from './keys';

export { documentKeyOf, urlDocumentKey } from './keys';

/** What the background keeps for one tab: the shown document's state (none before the first event) and early entries. */
export interface TabRecord {
  state: TabState | undefined;
  early: EarlyEntry[];
}

/** A browser event about a tab's top-level documents or what they did, in the order the browser gave them. */
export type TabEvent =
  /** A main-frame request to `url` started (webRequest): tentative, never a new document by itself. */
  | { type: 'navigation-started'; url: string; at?: number }
  /**
   * A cross-document navigation committed in the tab's top frame (webNavigation.onCommitted, frameId 0), or
   * the background adopted the document the browser says the tab shows (`webNavigation.getFrame`: the first
   * page after install, a restored tab, a prerender that was activated). `documentId` where the browser
   * gives one (Chromium).
   */
  | { type: 'committed'; url: string; documentId?: string }
  /** The shown document changed its address without a new document (pushState, replaceState, a fragment). */
  | { type: 'same-document'; url: string }
  /** The user's data changed (a mute, a list): the context of the shown address is computed again, the record kept. */
  | { type: 'context'; url: string }
  /** Requests to platforms (lib/request-watch), each with its document key where known. */
  | { type: 'requests'; requests: readonly WatchedRequest[] }
  /** A content script's or the popup's reading of a document's links to Meta's apps. */
  | { type: 'links'; report: PageReport; document?: string };

/** What `nextTab` needs from outside: the context of an address (nothing observed) and the time (ms since epoch). */
export interface TransitionDeps {
  describe(url: string): TabState;
  now: number;
}

/**
 * Whether request `r` was made by a document before the shown one although its key names the shown one's
 * address: Firefox keys requests by address (`url:`), the same for both pages of a reload; a request that
 * started before the shown document's navigation did (`since`) is the page before's, a late answer to it
 * arriving after the commit (measured on a Firefox reload under load: the old page's pixel counted twice).
 * Such a request joins no document: the one it belonged to is gone.
 */
export function fromEarlierDocument(state: TabState, r: Pick<WatchedRequest, 'document' | 'startedAt'>): boolean {
  return r.document !== undefined && r.document.startsWith('url:') && r.startedAt !== undefined && state.since !== undefined && r.startedAt < state.since;
}

/**
 * Whether something keyed `key` belongs to the shown document of `state`: no key, the state's own document
 * id, or (Firefox) an address key, unless it names the address of a tentative navigation that is not the
 * shown address (the next page's requests, before its commit). A tentative navigation to the shown address
 * (a reload; or, as Firefox may report it, the shown page's own main-frame request after its commit) holds
 * nothing back: a Firefox address cannot tell the two pages of a reload apart.
 */
export function belongsToShown(state: TabState, key: string | undefined, now: number): boolean {
  if (key === undefined || key === state.documentId) return true;
  if (!key.startsWith('url:')) return false;
  const tentative = state.tentative;
  if (!tentative || now - tentative.at >= EARLY_TTL_MS) return true;
  return !(key === `url:${tentative.navKey}` && tentative.navKey !== state.navKey);
}

/**
 * The tab's record after one event. Returns the same record when nothing changed. Rules in the module
 * comment; in short: only `committed` starts a document record; `same-document` moves the context; requests
 * and links join their own document or wait for it.
 */
export function nextTab(record: TabRecord, event: TabEvent, deps: TransitionDeps): TabRecord {
  const { state, early } = record;
  const { now } = deps;
  switch (event.type) {
    case 'navigation-started':
      return state ? { state: { ...state, tentative: { navKey: navKeyOf(event.url), at: now, ...(event.at !== undefined ? { startedAt: event.at } : {}) } }, early } : record;
    case 'committed': {
      // The document was adopted already (its requests came first): its record stays, its context is renewed.
      if (state && event.documentId && state.documentId === event.documentId) return { state: withContext(state, deps.describe(event.url), 0), early };
      const documentId = event.documentId ?? `commit:${now}`;
      const fresh: TabState = { ...deps.describe(event.url), documentId, observed: [], links: [], loadStartedAt: now, inPageNavigations: 0 };
      delete fresh.tentative;
      // The navigation that committed, if it is the tentative one: when its request started (see fromEarlierDocument).
      const tentative = state?.tentative;
      if (tentative?.startedAt !== undefined && tentative.navKey === navKeyOf(event.url) && now - tentative.at < EARLY_TTL_MS) fresh.since = tentative.startedAt;
      // What came before the commit for this document (its id, or its address in Firefox) is its own.
      const keys = new Set([documentId, urlDocumentKey(event.url)]);
      const mine = early.filter((e) => keys.has(e.key));
      let joined = fresh;
      for (const entry of mine) joined = { ...joined, observed: mergeObserved(joined, entry.observed), links: mergeLinks(joined, entry.links) };
      return { state: joined, early: early.filter((e) => !keys.has(e.key)) };
    }
    case 'same-document':
      return state ? { state: withContext(state, deps.describe(event.url), 1), early } : record;
    case 'context':
      return state ? { state: withContext(state, deps.describe(event.url), 0), early } : record;
    case 'requests': {
      const live = state ? event.requests.filter((r) => !fromEarlierDocument(state, r)) : event.requests;
      if (live.length === 0) return record;
      const mine = state ? live.filter((r) => belongsToShown(state, r.document, now)) : [];
      const others = live.filter((r) => !mine.includes(r) && r.document !== undefined);
      const nextState = state && mine.length ? addWatchedRequests(state, mine) : state;
      const nextEarly = others.length ? keepEarlyRequests(early, others, now) : early;
      return nextState === state && nextEarly === early ? record : { state: nextState, early: nextEarly };
    }
    case 'links': {
      const key = event.document;
      if (state && belongsToShown(state, key, now)) {
        const next = addObservations(state, event.report);
        return next === state ? record : { state: next, early };
      }
      return key === undefined ? record : { state, early: keepEarlyLinks(early, key, event.report, now) };
    }
  }
}

/** `context` (a freshly described address) carrying `state`'s document record; `moves` in-page navigations added. */
function withContext(state: TabState, context: TabState, moves: number): TabState {
  const next: TabState = {
    ...context,
    documentId: state.documentId,
    observed: state.observed,
    links: state.links,
    inPageNavigations: (state.inPageNavigations ?? 0) + moves,
  };
  if (state.loadStartedAt !== undefined) next.loadStartedAt = state.loadStartedAt;
  if (state.since !== undefined) next.since = state.since;
  if (state.tentative) next.tentative = state.tentative;
  return next;
}

/**
 * A state's observed lines with an early entry's folded in: counts added line by line (endpoint, event,
 * kind), data categories and contexts united, lines past the cap counted in `more`.
 */
function mergeObserved(state: TabState, observed: EarlyEntry['observed']): TabState['observed'] {
  if (observed.length === 0) return state.observed;
  const out = state.observed.map((p) => ({ ...p, requests: p.requests.map((r) => ({ ...r })) }));
  for (const p of observed) {
    let group = out.find((g) => g.platform === p.platform);
    if (!group) out.push((group = { platform: p.platform, requests: [] }));
    if (p.more) group.more = (group.more ?? 0) + p.more;
    for (const r of p.requests) {
      const same = group.requests.find((x) => x.endpoint === r.endpoint && x.event === r.event && x.kind === r.kind);
      if (!same) {
        if (group.requests.length >= MAX_ENDPOINTS_PER_PLATFORM) group.more = (group.more ?? 0) + 1;
        else group.requests.push({ ...r });
        continue;
      }
      same.completed += r.completed;
      same.failed += r.failed;
      same.requested += r.requested;
      if (r.blocked) same.blocked = (same.blocked ?? 0) + r.blocked;
      same.hashedUserData ||= r.hashedUserData;
      const carries = new Set([...(same.carries ?? []), ...(r.carries ?? [])]);
      same.carries = DATA_CATEGORIES.filter((c) => carries.has(c));
      const contexts = new Set([...(same.contexts ?? []), ...(r.contexts ?? [])]);
      same.contexts = REQUEST_CONTEXTS.filter((c) => contexts.has(c));
    }
  }
  return out;
}

/** A state's links with an early entry's added (counts added). */
function mergeLinks(state: TabState, links: EarlyEntry['links']): TabState['links'] {
  if (links.length === 0) return state.links;
  const out = state.links.map((l) => ({ ...l }));
  for (const link of links) {
    const same = out.find((l) => l.platform === link.platform && l.target === link.target);
    if (same) same.count += link.count;
    else out.push({ ...link });
  }
  return out;
}
