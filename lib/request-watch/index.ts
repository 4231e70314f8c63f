/**
 * Every request a page makes to a platform's tracking endpoint, as the browser itself reports it
 * (`webRequest`, non-blocking), with its true outcome and the names of the data it carried.
 *
 * The idea. The background listens to `webRequest` for the platform endpoint hosts only (the URL filter
 * is `requestFilterUrls()`, generated from lib/evidence's rules). The browser reports every request to those
 * hosts, whatever made it: the page, its frames on watched sites (same-site or nested), its workers, its
 * service worker, a redirect from a first-party address, a WebSocket, a beacon, CSS, media, an image pixel
 * (not a frame from a site without host permission: Chromium needs permission for the initiator too). This
 * module turns those events into observations:
 * - `onCompleted` -> "completed" (the browser says the response arrived; a platform's redirect answer is a
 *   response too, `onBeforeRedirect`);
 * - `onErrorOccurred` -> "failed" (blocked or unreachable; e.g. `net::ERR_BLOCKED_BY_CLIENT` when another
 *   blocker stopped it, or a redirect by another extension to a local stand-in), except a request the page
 *   cancelled, which may have been sent: "requested" (`outcomeOfError`);
 * - "requested" only for a request that was started (`onBeforeRequest`) and had neither outcome within
 *   `PENDING_MS` (the browser never said); an outcome that comes later replaces it (`settlesRequested`).
 * - A top-level navigation request of a tab (`main_frame`) is only *tentative* (`navigation-started`): the
 *   new document begins when the navigation commits (lib/tab-state/document), never on the request.
 * - Each request carries its document key where the browser gives one (Chromium's `documentId`, Firefox's
 *   `documentUrl`; lib/tab-state/keys), so it joins the document that made it, never whatever the tab shows.
 * Parameter names (never values) of the address and of a POSTed body (form fields, or the top-level and
 * nested keys of a JSON body) are read in `onBeforeRequest` and mapped to data categories
 * (lib/evidence/data-categories). The body is kept only as those names, only until the outcome arrives.
 *
 * Requests from a service worker have no tab (`tabId` -1): they are given to every tab whose top document
 * is on the site (registrable domain) of the worker's origin (`initiator`, Firefox `originUrl`).
 *
 * Pure except `watchRequests`, which takes the `webRequest` API and its other needs as parameters so that
 * tests drive it with fakes. Only in-memory state: outcomes pending for at most `PENDING_MS` and a batch
 * per tab for at most `BATCH_MS`; a restarted worker loses at most those (an outcome event that arrives
 * after a restart is still classified from its own URL, only the body's names are lost).
 */
import { watchedDomainSet, watchedSitePatterns } from '../directory';
import { classifyRequest, endpointHosts, type Observation } from '../evidence';
import { categoriesOf, type DataCategory } from '../evidence/data-categories';
import { documentKeyOf, isTopFrameRequest } from '../tab-state/keys';
import { hostOf, hostUnderAny, queryNames, siteOfUrl, urlQueryNames } from '../url';

// URL questions are lib/url's; these names stay exported here for the callers that import them from this module.
export { queryNames, siteOfUrl } from '../url';
/** Parameter names of a URL's query (lib/url's `urlQueryNames`). */
export const urlNames = urlQueryNames;

/**
 * The outcome of one request, as the browser reported it. `blocked`: it failed, and a rule of Linkwatch's own
 * protection (lib/protection) that the browser holds covers it: "blocked by Linkwatch", never confused with
 * `failed` (another blocker, the network).
 */
export type Outcome = 'completed' | 'failed' | 'requested' | 'blocked';

/** Who made the request: the tab's top document (or its workers), a frame inside it, or the site's service worker. */
export type RequestContext = 'page' | 'frame' | 'service-worker';
/** The contexts in display order. */
export const REQUEST_CONTEXTS: readonly RequestContext[] = ['page', 'frame', 'service-worker'];

/** One classified request with its outcome, ready to be folded into a tab's state. */
export interface WatchedRequest {
  observation: Observation;
  outcome: Outcome;
  /** Data categories named by the request's parameters (address and body), in display order. */
  carries: DataCategory[];
  context: RequestContext;
  /** The document it came from (lib/tab-state/keys `documentKeyOf`), where the browser says; else it joins the shown one. */
  document?: string;
  /**
   * When the request started (its `onBeforeRequest` timeStamp, ms since epoch, the browser's clock). With an
   * address key (Firefox), it tells the two documents of a reload apart (lib/tab-state/document `fromEarlierDocument`).
   */
  startedAt?: number;
  /**
   * The request was counted before as "requested" (no outcome within `PENDING_MS`) and its outcome came
   * after: the outcome replaces that count instead of adding a second request (lib/tab-state `addWatchedRequests`).
   */
  settlesRequested?: true;
}

/** What webRequest events tell a tab's record (lib/tab-state/document `TabEvent`). */
export type TabChange =
  /**
   * A main-frame request to `url` started: a *tentative* navigation, never a new document by itself (it may
   * end in a download, a 204, an error; the commit says, lib/tab-state/document). `at`: its `onBeforeRequest`
   * timeStamp (ms since epoch), on the same clock as the requests' `startedAt`.
   */
  | { type: 'navigation-started'; url: string; at?: number }
  /** Requests of the tab's documents, each with its document key where known. */
  | { type: 'requests'; requests: WatchedRequest[] };

/** The fields of a webRequest event this module reads (Chromium and Firefox, MV2 and MV3). */
export interface RequestDetails {
  requestId: string;
  url: string;
  type: string;
  tabId: number;
  frameId: number;
  parentFrameId?: number;
  /** Chromium: origin of the document (or worker) that made the request. */
  initiator?: string;
  /** Firefox: URL of the resource that triggered the request. */
  originUrl?: string;
  /** Firefox: URL of the document the request is for. */
  documentUrl?: string;
  /** Chromium: `active`, `prerender`, `cached`, `pending_deletion` (and "" before the document's commit reached the browser). */
  documentLifecycle?: string;
  /** Chromium: `outermost_frame`, `fenced_frame` or `sub_frame` (lib/tab-state/keys `isTopFrameRequest`). */
  frameType?: string;
  /** Chromium: the id of the document that made the request, and of its parent frame's document. */
  documentId?: string;
  parentDocumentId?: string;
  requestBody?: { formData?: Record<string, unknown>; raw?: { bytes?: ArrayBuffer }[]; error?: string } | null;
  error?: string;
  redirectUrl?: string;
  statusCode?: number;
  statusLine?: string;
  /** When the event fired, ms since epoch (both browsers). */
  timeStamp?: number;
}

/** ms a request may stay without outcome before it is reported as "requested". */
export const PENDING_MS = 30_000;
/** ms requests of a tab are gathered before one state update (bounds storage writes under load). */
export const BATCH_MS = 150;
/** At most this many requests wait for their outcome; beyond, the oldest is reported as "requested". */
export const MAX_PENDING = 1_000;
/** Body bytes read for parameter names; a longer body is read up to this point only. */
const MAX_BODY_BYTES = 65_536;
const MAX_NAMES = 500;

/**
 * Match patterns for the platform endpoint hosts: the webRequest URL filter and the manifest's host
 * permissions. `*.` hosts give `*://*.domain/*`. `*://` means http and https only in Chromium, which then
 * neither grants nor reports WebSockets (measured: no event for `wss://www.facebook.com/...` until
 * `wss://www.facebook.com/*` is granted), hence a `wss://` twin of each (same hosts: no new warning).
 */
export function requestFilterUrls(): string[] {
  const hosts = endpointHosts().map((h) => (h.startsWith('*.') ? `*.${h.slice(2)}` : h));
  return [...new Set(hosts.flatMap((h) => [`*://${h}/*`, `wss://${h}/*`]))].sort();
}

/** `wss:`/`ws:` URLs are classified as their `https:`/`http:` twins (same host and path rules). */
function httpTwin(url: string): string {
  if (url.startsWith('wss://')) return 'https://' + url.slice(6);
  if (url.startsWith('ws://')) return 'http://' + url.slice(5);
  return url;
}

/** Where the request came from, as a URL classifyRequest can compare with the endpoint. */
function requesterUrl(d: RequestDetails): string {
  return d.initiator && d.initiator !== 'null' ? d.initiator : d.documentUrl ?? d.originUrl ?? 'https://linkwatch.invalid/';
}

/** Classify one event's request, or null when it is not a platform endpoint (or is first party). */
export function classifyDetails(d: RequestDetails): Observation | null {
  return classifyRequest(requesterUrl(d), httpTwin(d.url), d.type);
}

function contextOf(d: RequestDetails): RequestContext {
  if (d.tabId < 0) return 'service-worker';
  if (d.type === 'sub_frame') return (d.parentFrameId ?? 0) === 0 ? 'page' : 'frame';
  return isTopFrameRequest(d) ? 'page' : 'frame';
}

/** Keys of a JSON value, nested keys as `a.b` and also bare (`user.email` gives `user.email` and `email`). */
function jsonKeys(value: unknown, prefix: string, out: string[], depth: number): void {
  if (depth > 4 || out.length >= MAX_NAMES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) jsonKeys(item, prefix, out, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (out.length >= MAX_NAMES) return;
    out.push(prefix + key);
    jsonKeys((value as Record<string, unknown>)[key], `${prefix}${key}.`, out, depth + 1);
  }
}

/**
 * Parameter names of a request body as webRequest gives it: form fields (`formData`, from both urlencoded
 * and multipart bodies) or raw bytes read as JSON (keys) or as `a=1&b=2`. Values are never kept.
 */
export function bodyNames(body: RequestDetails['requestBody']): string[] {
  if (!body) return [];
  if (body.formData && typeof body.formData === 'object') return Object.keys(body.formData).slice(0, MAX_NAMES);
  const chunks = (body.raw ?? []).map((r) => r.bytes).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer || (typeof b === 'object' && b !== null && 'byteLength' in b));
  if (chunks.length === 0) return [];
  const total = Math.min(MAX_BODY_BYTES, chunks.reduce((n, c) => n + c.byteLength, 0));
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    if (at >= total) break;
    const part = new Uint8Array(c, 0, Math.min(c.byteLength, total - at));
    bytes.set(part, at);
    at += part.length;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [];
    }
    const out: string[] = [];
    jsonKeys(parsed, '', out, 0);
    return out.flatMap((k) => (k.includes('.') ? [k, k.slice(k.lastIndexOf('.') + 1)] : [k]));
  }
  return /^[^\s{}<>]*=/.test(text) ? queryNames(text, MAX_NAMES) : [];
}

/**
 * Build a WatchedRequest from an outcome event; `bodyNamesSeen` are the names read earlier from its body,
 * `startedAt` its `onBeforeRequest` timeStamp, `settlesRequested` true for a late outcome of a request
 * already reported as "requested". Null when the address is no platform endpoint.
 */
export function watched(d: RequestDetails, outcome: Outcome, bodyNamesSeen: readonly string[] = [], startedAt?: number, settlesRequested = false): WatchedRequest | null {
  const observation = classifyDetails(d);
  if (!observation) return null;
  const carries = categoriesOf(observation.platform, [...urlNames(d.url), ...bodyNamesSeen]);
  const document = documentKeyOf(d);
  return {
    observation,
    outcome,
    carries,
    context: contextOf(d),
    ...(document ? { document } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(settlesRequested ? { settlesRequested: true as const } : {}),
  };
}

/** A redirect that another extension or the browser made without the server answering (HSTS, a blocker's stand-in). */
function internalRedirect(d: RequestDetails): boolean {
  return /internal redirect/i.test(d.statusLine ?? '') || (d.statusCode === 307 && !d.statusLine);
}

/**
 * Skip requests of documents that are not the tab's current one (prerendered, in the back/forward cache,
 * unloading) when they cannot be told apart: with a document key they are kept for their own document
 * (a prerender that is then shown keeps what it sent; an unloading page's beacon never joins the next page).
 */
function inactive(d: RequestDetails): boolean {
  return d.documentLifecycle !== undefined && d.documentLifecycle !== 'active' && documentKeyOf(d) === undefined;
}

/** The subset of `webRequest` this module uses (Chromium's `chrome.webRequest`, Firefox's `browser.webRequest`). */
export interface WebRequestApi {
  onBeforeRequest: WebRequestEvent;
  onBeforeRedirect: WebRequestEvent;
  onCompleted: WebRequestEvent;
  onErrorOccurred: WebRequestEvent;
}
interface WebRequestEvent {
  addListener(callback: (details: any) => void, filter: { urls: string[]; types?: any[] }, extraInfoSpec?: any[]): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What `watchRequests` needs from the background. */
export interface WatchDeps {
  /**
   * Apply a change to a tab's state, called in event order per tab; it must take its place in the tab's
   * order synchronously (lib/background/queue), since other events (webNavigation's) join the same order.
   */
  apply(tabId: number, change: TabChange): Promise<unknown>;
  /** The open tabs (id and top document URL), to give a service worker's requests to the tabs of its site. */
  tabs(): Promise<{ id?: number; url?: string }[]>;
  /** Timer functions (tests pass fakes). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Errors from `apply` (default: ignored). */
  onError?: (error: unknown) => void;
  /**
   * Linkwatch's own protection rules as installed (lib/background/protection): a failed request they cover
   * is `blocked`. Its outcome waits for `ready` (the rules read back after a worker start), so a request that
   * woke the worker is worded like any other.
   */
  protection?: { ready: Promise<void>; covers(initiatorHost: string | null, kind: Observation['kind'], url: string): boolean };
}

/**
 * Register the webRequest listeners (synchronously: call on the worker's first tick) and route what they
 * report to `deps.apply`, per tab, in order. Returns `flush()`, which sends every gathered batch now (for
 * tests). The filter is the platform endpoint hosts plus, for `main_frame` requests, nothing more: a
 * navigation to a platform is not the page's request, and new-document detection uses `main_frame`
 * requests, which the browser reports only for hosts Linkwatch holds a permission for (`documentUrls`).
 */
export function watchRequests(api: WebRequestApi, deps: WatchDeps, documentUrls: readonly string[] = watchedSitePatterns()): () => void {
  const setT = deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearT = deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const onError = deps.onError ?? (() => {});
  /** requestId -> body names and the details seen at start, until an outcome arrives. */
  const pending = new Map<string, { details: RequestDetails; names: string[]; timer: unknown }>();
  const batches = new Map<number, WatchedRequest[]>();
  let batchTimer: unknown;
  /**
   * Hand a change to `apply` at once, in event order. `apply` must take its turn synchronously (the tab
   * store's queue does): a chain of its own here once let a main-frame request's change reach the store
   * after the commit that followed it (webNavigation events go to the store directly), in Firefox.
   */
  function send(tabId: number, change: TabChange) {
    deps.apply(tabId, change).catch(onError);
  }

  function flush() {
    if (batchTimer !== undefined) clearT(batchTimer);
    batchTimer = undefined;
    for (const [tabId, requests] of batches) send(tabId, { type: 'requests', requests });
    batches.clear();
  }

  function flushTab(tabId: number) {
    const requests = batches.get(tabId);
    if (!requests) return;
    batches.delete(tabId);
    send(tabId, { type: 'requests', requests });
  }

  function queue(tabId: number, request: WatchedRequest) {
    let list = batches.get(tabId);
    if (!list) batches.set(tabId, (list = []));
    list.push(request);
    if (batchTimer === undefined) batchTimer = setT(flush, BATCH_MS);
  }

  async function forServiceWorker(d: RequestDetails, request: WatchedRequest) {
    const site = siteOfUrl(d.initiator ?? d.originUrl ?? '');
    if (!site) return;
    for (const tab of await deps.tabs()) {
      if (tab.id !== undefined && tab.id >= 0 && siteOfUrl(tab.url ?? '') === site) queue(tab.id, request);
    }
  }

  let protectionRead = !deps.protection;
  deps.protection?.ready.then(() => (protectionRead = true), onError);
  function emit(d: RequestDetails, outcome: Outcome, names: readonly string[], startedAt?: number, settlesRequested = false) {
    const request = watched(d, outcome, names, startedAt, settlesRequested);
    if (!request) return;
    const protection = deps.protection;
    if (outcome === 'failed' && protection) {
      if (!protectionRead) {
        protection.ready.then(() => emit(d, outcome, names, startedAt, settlesRequested), onError);
        return;
      }
      if (blockingError(d.error) && protection.covers(hostOf(requesterUrl(d)), request.observation.kind, d.url)) request.outcome = 'blocked';
    }
    if (d.tabId >= 0) queue(d.tabId, request);
    else forServiceWorker(d, request).catch(onError);
  }

  /** Requests already reported as "requested" (no outcome in time), oldest first, at most MAX_PENDING. */
  const reportedWithoutOutcome = new Set<string>();
  function reportWithoutOutcome(d: RequestDetails, names: readonly string[]) {
    reportedWithoutOutcome.add(d.requestId);
    if (reportedWithoutOutcome.size > MAX_PENDING) reportedWithoutOutcome.delete(reportedWithoutOutcome.values().next().value as string);
    emit(d, 'requested', names, d.timeStamp);
  }

  function settle(d: RequestDetails, outcome: Outcome | null) {
    const entry = pending.get(d.requestId);
    if (entry) {
      clearT(entry.timer);
      pending.delete(d.requestId);
    }
    // An outcome after the request was reported without one: it replaces that report (a late answer is
    // the same request, never a second one). A "requested" outcome then says nothing new.
    const late = !entry && reportedWithoutOutcome.delete(d.requestId);
    if (late && outcome === 'requested') return;
    if (outcome) emit(d, outcome, entry?.names ?? [], entry?.details.timeStamp, late);
  }

  const platformFilter = { urls: requestFilterUrls() };
  const start = (d: RequestDetails) => {
    if (d.type === 'main_frame' || inactive(d) || !classifyDetails(d)) return;
    if (pending.size >= MAX_PENDING) {
      const [oldestId, oldest] = pending.entries().next().value as [string, { details: RequestDetails; names: string[]; timer: unknown }];
      clearT(oldest.timer);
      pending.delete(oldestId);
      reportWithoutOutcome(oldest.details, oldest.names);
    }
    const names = bodyNames(d.requestBody);
    const timer = setT(() => {
      const entry = pending.get(d.requestId);
      if (entry?.details === d) {
        pending.delete(d.requestId);
        reportWithoutOutcome(d, entry.names);
      }
    }, PENDING_MS);
    pending.set(d.requestId, { details: stripBody(d), names, timer });
  };
  api.onBeforeRequest.addListener((d: RequestDetails) => start(d), platformFilter, ['requestBody']);
  // A document load begins: main_frame requests of the watched sites (never a platform's: the listener
  // above drops navigations to a platform, which are the user's, not the page's).
  api.onBeforeRequest.addListener(
    (d: RequestDetails) => {
      if (d.type === 'main_frame' && d.tabId >= 0 && (d.frameId ?? 0) === 0) {
        flushTab(d.tabId);
        send(d.tabId, { type: 'navigation-started', url: d.url, ...(d.timeStamp !== undefined ? { at: d.timeStamp } : {}) });
      }
    },
    { urls: [...documentUrls], types: ['main_frame'] },
  );
  api.onBeforeRedirect.addListener((d: RequestDetails) => {
    if (d.type === 'main_frame' || inactive(d)) return;
    if (internalRedirect(d)) {
      // HSTS upgrade or a blocker's redirect: the server did not answer. A follow-up request (same id)
      // to an http(s) address gets its own outcome; anything else (a local stand-in) never reached it.
      const target = d.redirectUrl ?? '';
      if (/^https?:/i.test(target)) return;
      settle(d, 'failed');
      return;
    }
    settle(d, 'completed');
  }, platformFilter);
  api.onCompleted.addListener((d: RequestDetails) => {
    if (d.type === 'main_frame' || inactive(d)) return;
    settle(d, 'completed');
  }, platformFilter);
  api.onErrorOccurred.addListener((d: RequestDetails) => {
    if (d.type === 'main_frame' || inactive(d)) return;
    settle(d, outcomeOfError(d.error));
  }, platformFilter);
  return flush;
}

/**
 * The outcome of a request that ended in an error.
 * - A request the page itself cancelled (Chromium `net::ERR_ABORTED`: `AbortController`, an image whose `src`
 *   was changed, a frame removed; Firefox `NS_BINDING_ABORTED`) may have reached the server before it was
 *   cancelled: its outcome is not visible ("requested"), never "failed: not sent", or a page could make what
 *   it sent look blocked.
 * - An error the browser raises about a response that *arrived* (`RESPONSE_ERRORS`: Firefox refusing a GIF
 *   answer to a `<script>` with `NS_ERROR_CORRUPTED_CONTENT`, measured on the 23-kind page; Chromium's
 *   opaque-response blocking `net::ERR_BLOCKED_BY_ORB`, a `Cross-Origin-Resource-Policy` refusal
 *   `net::ERR_BLOCKED_BY_RESPONSE`, an undecodable body) means the request was sent and answered: the page
 *   only did not get to use the answer. "completed", never "failed: not sent".
 * - Every other error (blocked by a blocker, by CSP, name not resolved, connection refused...) is "failed".
 */
export function outcomeOfError(error: string | undefined): Outcome {
  const e = error ?? '';
  if (/ERR_ABORTED|NS_BINDING_ABORTED/.test(e)) return 'requested';
  return RESPONSE_ERRORS.test(e) ? 'completed' : 'failed';
}

/** Errors about a response that reached the browser (see `outcomeOfError`). */
const RESPONSE_ERRORS = /ERR_BLOCKED_BY_ORB|ERR_BLOCKED_BY_RESPONSE|ERR_CONTENT_DECODING_FAILED|ERR_INVALID_RESPONSE|NS_ERROR_CORRUPTED_CONTENT|NS_ERROR_INVALID_CONTENT_ENCODING/;

/**
 * Errors a declarativeNetRequest block gives: Chromium `net::ERR_BLOCKED_BY_CLIENT`; Firefox reports its own
 * rules' blocks as `NS_ERROR_ABORT` (measured, docs/permissions.md). A network error is never a block.
 */
export function blockingError(error: string | undefined): boolean {
  return /ERR_BLOCKED_BY_CLIENT|NS_ERROR_ABORT\b/.test(error ?? '');
}

function stripBody(d: RequestDetails): RequestDetails {
  if (!d.requestBody) return d;
  const { requestBody: _body, ...rest } = d;
  return rest;
}

/** The sites whose pages Linkwatch watches (lib/directory: every directory institution that is not a platform or regulator). */
export { watchedSitePatterns };

const NO_DOMAINS: ReadonlySet<string> = new Set();

// Each pattern list's domains, read once: `*://*.d/*` covers d and every host under it, `*://d/*` d alone.
const patternDomains = new WeakMap<readonly string[], { exact: Set<string>; under: Set<string> }>();
function domainsOf(patterns: readonly string[]) {
  let sets = patternDomains.get(patterns);
  if (!sets) {
    sets = { exact: new Set(), under: new Set() };
    for (const p of patterns) {
      const pm = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(p);
      if (pm) (pm[1] ? sets.under : sets.exact).add(pm[2]!);
    }
    patternDomains.set(patterns, sets);
  }
  return sets;
}

/**
 * True when `url` is an http(s) page on one of `patterns` (`*://domain/*`, or `*://*.domain/*`, which as
 * in the browser's match patterns covers the domain and every host under it). One set probe per label of
 * the host, whatever the number of patterns (the directory has over a thousand, issue 21).
 */
export function isWatchedUrl(url: string | undefined, patterns?: readonly string[]): boolean {
  const host = hostOf(url);
  if (host === null) return false;
  // The directory's own sites come as a set of domains already (no pattern to read at each worker start).
  const { exact, under } = patterns ? domainsOf(patterns) : { exact: NO_DOMAINS, under: watchedDomainSet() };
  return exact.has(host) || hostUnderAny(host, under);
}
