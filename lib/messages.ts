/**
 * The one message protocol between extension pages, content scripts and the background service worker.
 * Every message is a `Request`; `ResponseOf<R>` gives its answer's type. Senders use `sendRequest`; the
 * background answers through the router (`lib/router.ts`), whose table says which sender class may send each
 * type (written out in entrypoints/README.md); a content script speaks only for its own tab.
 */
import type { Action } from './actions';
import type { SiteReport } from './catalog/site-report';
import type { RelevanceClass } from './catalog/index';
import type { Arrangement } from './catalog/schema';
import type { NoticeAnswer, NoticeContent } from './notice';
import type { PageReport } from './page-observer';
import type { SiteRecording } from './recording';
import type { TabState } from './tab-state';
import { MAX_ITEMS, MAX_URL } from './limits';

export type Request =
  /** Popup, options (extension pages only) -> background: the state of a tab (computed now if the session has none). */
  | { type: 'get-tab-state'; tabId: number }
  /** Popup, options (extension pages only) -> background: preferences or decisions changed; recompute badges of open tabs (coalesced). */
  | { type: 'prefs-changed' }
  /** Content script -> background: requests and links seen on the page (the sender's tab). */
  | { type: 'page-observations'; report: PageReport }
  /**
   * Content script -> background, once per page at `document_idle`: whether and what to show in the
   * sender's tab (lib/notice), and whether the page's links must be watched as it loads (`watchLinks`).
   */
  | { type: 'get-notice' }
  /** Notice content script -> background: the notice's content now (observations arrive after it showed); no decision, nothing recorded. */
  | { type: 'get-notice-content' }
  /**
   * Notice -> background: the notice has been on screen (attached, not faded, in the viewport) for
   * `NOTICE_SHOWN_MS`, or the user closed it. Only then does a first-visit site count as seen: a page that
   * removes or hides the notice before anyone could read it does not silence it for the next visits.
   */
  | { type: 'notice-shown' }
  /** Notice content script -> background: "not on this site" (mute the sender's site) or "details". */
  | { type: 'notice-action'; action: NoticeAction }
  /** Options page -> background: the sites the notice was already shown on, or forget them all. */
  | { type: 'get-notice-seen' }
  | { type: 'clear-notice-seen' }
  /** Extension pages only -> background: "Record this site" on or off (lib/recording), list, delete. */
  | { type: 'recording-start'; site: string; institution?: string }
  | { type: 'recording-stop'; site: string }
  /** Every recording, or one site's. */
  | { type: 'recording-list'; site?: string }
  /** Delete one load (`site` and `loadId`), a site's recording (`site`), or every recording (neither). */
  | { type: 'recording-delete'; site?: string; loadId?: string };

/** What the notice may ask of the background: open the details beside the tab, or hide itself for this visit (never a mute). */
export type NoticeAction = 'hide' | 'details';
const NOTICE_ACTIONS: readonly unknown[] = ['hide', 'details'] satisfies NoticeAction[];

/**
 * A tab's state with the catalog entries it refers to, so the popup does not bundle the catalog:
 * `arrangements` in the order of `state.arrangementIds`; `names` maps institution id -> display name.
 */
export interface TabView {
  state: TabState;
  arrangements: Arrangement[];
  /** Arrangements of observed platforms that are not already in `arrangements`. */
  related: Arrangement[];
  /** Observed platform id -> ids of arrangements involving it (in `arrangements` or `related`). */
  platformArrangements: Record<string, string[]>;
  /** Entries from the user's custom lists, each group labelled with its list (never mixed with the catalog). */
  fromLists: { list: { id: string; name: string; author: string; date: string; lang?: 'en' | 'fr' }; arrangements: Arrangement[] }[];
  names: Record<string, string>;
  /** Arrangement id -> its class on this site (`relevanceClass`), for the popup's labels. */
  relevance?: Record<string, RelevanceClass>;
  /**
   * The site owner's country (ISO 3166-1 alpha-2, from the bundled catalog: the group's, else the
   * institution's), for "What you can do" (which regulator); null where the catalog has none, as for
   * institutions known only from a custom list.
   */
  ownerCountry: string | null;
  /** The background cannot do all of its job (lib/background/health): the popup says so. */
  problem?: HealthProblem;
  /**
   * The first of `arrangements` read for this site (lib/catalog/site-report): named or not, the first report,
   * this institution's own step and the other party's answer; the popup's first screen words it. Null when
   * the site has no catalog entry. Absent from older answers.
   */
  lead?: SiteReport | null;
  /**
   * Whether the options page's map draws at least one of `arrangements` (lib/map `mapSides`): the popup offers
   * "See on the map" only then, so the map it opens never says that nothing matches. Absent from older answers.
   */
  onMap?: boolean;
  /**
   * "What you can do" on this site (lib/actions `actionsFor`), in display order, their text in the UI language
   * where the background has it (lib/catalog/translations); empty on an unknown site. Absent from older answers.
   */
  actions?: Action[];
  /**
   * Sites of frames in the page whose requests Linkwatch cannot see nor protection stop (lib/tab-view
   * `unwatchedFrameSites`): the popup says so beside what it saw. Absent when there are none.
   */
  unwatchedFrames?: string[];
}

/** A problem the user is told about: `database` (IndexedDB unreadable: defaults in use), with the error's text. */
export interface HealthProblem {
  kind: 'database';
  detail: string;
}

export interface Responses {
  'get-tab-state': TabView | null;
  'prefs-changed': { ok: true };
  'page-observations': { ok: boolean };
  /**
   * `watchLinks`: the content script watches the page's links (lib/page-observer `observePage`) and reports
   * them; true only where they must be known as the page loads (the opt-in "links" badge level). Elsewhere
   * the background collects them when someone looks (the popup), and a page costs one message (issue 14).
   */
  'get-notice': NoticeAnswer & { watchLinks?: boolean };
  'get-notice-content': NoticeContent | null;
  'notice-action': { ok: boolean };
  'notice-shown': { ok: boolean };
  'get-notice-seen': { sites: string[] };
  'clear-notice-seen': { ok: boolean };
  'recording-start': { ok: boolean };
  'recording-stop': { ok: boolean };
  'recording-list': { recordings: SiteRecording[] };
  'recording-delete': { ok: boolean };
}

export type ResponseOf<R extends Request> = Responses[R['type']];

/** Longest URL a report may carry, and most links or requests in one report (`isPageReport`); defined in lib/limits. */
export { MAX_ITEMS, MAX_URL };
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Shape check of a content script's report: content scripts share a process with the page, so their
 * messages are checked like any outside input (types, sizes, known outcomes). */
export function isPageReport(value: unknown): value is PageReport {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<PageReport>;
  if (!isShortString(r.pageUrl, MAX_URL) || !Array.isArray(r.requests) || !Array.isArray(r.links)) return false;
  if (r.requests.length > MAX_ITEMS || r.links.length > MAX_ITEMS) return false;
  const outcomes = ['completed', 'failed', 'requested'];
  return (
    r.requests.every(
      (q) =>
        q && isShortString(q.url, MAX_URL) && isShortString(q.type, 32) && outcomes.includes(q.outcome) && (q.replaces === undefined || q.replaces === 'requested'),
    ) && r.links.every((l) => isShortString(l, MAX_URL))
  );
}

/** A registrable domain as a recording key: lowercase letters, digits, dots and hyphens, at most 253. */
const isSite = (v: unknown): v is string => typeof v === 'string' && v.length <= 253 && /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isId = (v: unknown) => typeof v === 'string' && /^[a-z0-9-]{1,120}$/.test(v);

/** Type guard for messages arriving at the background from anywhere. */
export function isRequest(value: unknown): value is Request {
  if (!value || typeof value !== 'object') return false;
  const m = value as { type?: unknown; tabId?: unknown; report?: unknown; site?: unknown; institution?: unknown; loadId?: unknown };
  if (m.type === 'recording-start') return isSite(m.site) && optional(m.institution, isId);
  if (m.type === 'recording-stop') return isSite(m.site);
  if (m.type === 'recording-list') return optional(m.site, isSite);
  if (m.type === 'recording-delete') return optional(m.site, isSite) && optional(m.loadId, isId) && !(m.loadId !== undefined && m.site === undefined);
  if (m.type === 'get-tab-state') return Number.isInteger(m.tabId) && (m.tabId as number) >= 0;
  if (m.type === 'page-observations') return isPageReport(m.report);
  if (m.type === 'notice-action') return NOTICE_ACTIONS.includes((value as { action?: unknown }).action);
  if (m.type === 'notice-shown' || m.type === 'get-notice' || m.type === 'get-notice-content' || m.type === 'get-notice-seen' || m.type === 'clear-notice-seen') return true;
  return m.type === 'prefs-changed';
}
