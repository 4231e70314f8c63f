/**
 * Per-tab state: what Linkwatch knows about the page in a tab, and the badge it implies.
 *
 * Why session storage: an MV3 service worker is stopped whenever it is idle, losing its variables. The
 * background writes each tab's state to `storage.session` (in memory, cleared when the browser closes,
 * not readable by content scripts) under `tab:<id>`, so a restarted worker, and the popup, see exactly what
 * was shown before. Only the host is kept, never the full URL.
 *
 * This module is pure: it computes states and badges; the background stores them and calls the browser.
 */
import { FDIC_LISTED_ID } from '../directory/ids';
import { arrangementsForInstitution, findInstitution, type Catalog } from '../catalog';
import type { CustomList } from '../config/schema';
import type { Translate } from '../i18n';
import type { Preferences } from '../prefs/schema';
import { classifyLink, type LinkPlatform, type ObservationKind } from '../evidence';
import { DATA_CATEGORIES as ORDER, type DataCategory } from '../evidence/data-categories';
import type { PageReport } from '../page-observer';
import { isWatchedUrl, REQUEST_CONTEXTS as CONTEXT_ORDER, type RequestContext, type WatchedRequest } from '../request-watch';
import { hostOf, hostUnderAny } from '../url';
import { navKeyOf } from './keys';
import { blockedByLinkwatch, escapedProtection, nothingSent, reportedCount } from './count';
export { blockedByLinkwatch, escapedProtection, nothingSent, outcomeTotals } from './count';
import { isHostProtected, protectionSiteOf, type ProtectionChoices } from '../protection';
import { watchedDomainSet } from '../directory';
export { reportedCount } from './count';
import { parseSiteInput, type SiteMatch } from '../sites';
import { isWatchedKind } from '../catalog/schema';

/** The state of one tab. */
export interface TabState {
  tabId: number;
  /** Lowercase host of the page, or null for pages that are not http(s). */
  host: string | null;
  /**
   * The page's registrable domain (eTLD+1, lib/url), the unit of a site's permission: what the popup offers
   * to watch on a site Linkwatch knows nothing about. Absent where the host has none, and in states stored by
   * older versions.
   */
  site?: string;
  /** The catalog match for the page, or null when nothing is known about the site. */
  match: SiteMatch | null;
  /** Display name of the owning institution (`Chase`), and of its group (`JPMorgan Chase`). */
  ownerName: string | null;
  groupName: string | null;
  /** True when the site is a platform's own (Messenger is Meta): first party, never "tracking". */
  firstParty: boolean;
  /** Ids of reported arrangements (bundled catalog) naming the owner or its group, most recent first. */
  arrangementIds: string[];
  /** Arrangements from the user's enabled custom lists, kept apart and labelled with their list. */
  fromLists: ListArrangements[];
  /** True when the user muted or snoozed this site. */
  silenced: boolean;
  /**
   * True when Linkwatch's protection covers this site (issue 23: its own switch, or "every bank" for a bank
   * of the directory): its pages' requests to platforms' tracking endpoints are blocked. Absent when off.
   */
  protected?: boolean;
  /**
   * On a watched page: the domain its protection choice is kept under (lib/protection `protectionSiteOf`: the
   * directory's or the person's watched domain, e.g. `chase.com` or `mybank.my.site.com`), which the popup's
   * switch names and writes. Absent where nothing can be protected.
   */
  protectionSite?: string;
  /**
   * The address the tab shows (a hash of the URL without its fragment, never the URL itself); it follows
   * in-page navigations, which keep the document record (lib/tab-state/document).
   */
  navKey: string;
  /**
   * The document whose findings `observed` and `links` are: the browser's document id (Chromium), or
   * `commit:<ms>` for a commit without one (Firefox); '' for a state computed before any commit was seen.
   * Absent in states stored by older versions (read as '').
   */
  documentId: string;
  /** In-page navigations (pushState, replaceState, fragment) since the document committed. */
  inPageNavigations?: number;
  /**
   * A main-frame request not yet committed (lib/tab-state/document): its address key, when Linkwatch saw it
   * start (`at`, ms, the background's clock) and, where the browser said, when it started (`startedAt`, its
   * `onBeforeRequest` timeStamp).
   */
  tentative?: { navKey: string; at: number; startedAt?: number };
  /**
   * When the main-frame request of this document's navigation started (the browser's timeStamp, ms since
   * epoch), where known: a request keyed by the same address (Firefox) that started before it was made by an
   * earlier document, the page before a reload (lib/tab-state/document `fromEarlierDocument`).
   */
  since?: number;
  /**
   * True when Linkwatch can see this page's requests (the browser delivers webRequest events for it: the
   * catalog's non-platform sites, see lib/request-watch). False elsewhere: the popup then says it cannot
   * watch, never "none seen". Absent in states stored by older versions (read as false).
   */
  watched?: boolean;
  /**
   * True on a site Linkwatch knows nothing about that the person asked it to watch (the popup's "Watch this
   * site": the browser granted its host permission, issue 21): `watched` is then true, `match` null.
   */
  userWatched?: true;
  /** Requests of this document load to platforms' tracking endpoints, grouped by platform ("Observed"). */
  observed: ObservedPlatform[];
  /** Links on this page to Meta's apps ("Linked": never tracking). */
  links: ObservedLink[];
  /**
   * How many of `arrangementIds` and the lists' ids are context entries (catalog `kind: 'context'`: background
   * such as a market reaction or a rule, not a data arrangement). They are shown, never counted as
   * arrangements (`reportedCount`). Absent in states stored by older versions (read as 0).
   */
  contextCount?: number;
  /** When the state was computed, ms since epoch. */
  updatedAt: number;
  /**
   * When the current document load committed (ms since epoch; lib/tab-state/document); it tells page loads
   * apart for a recording (lib/recording). Absent until a commit was seen.
   */
  loadStartedAt?: number;
}

/** One endpoint a page requested, with how many requests completed, failed, or had no visible outcome. */
export interface ObservedRequest {
  kind: ObservationKind;
  /** Host and path, no query (`www.facebook.com/tr`). */
  endpoint: string;
  event?: string;
  hashedUserData: boolean;
  /** What the requests carried, by parameter names (lib/evidence/data-categories), in display order. */
  carries?: DataCategory[];
  /** Who made them: the page itself (and its workers), a frame in it, the site's service worker. */
  contexts?: RequestContext[];
  completed: number;
  failed: number;
  requested: number;
  /** Stopped by Linkwatch's own protection rule (issue 23); absent when none was. */
  blocked?: number;
}

/** The requests a page made to one platform. */
export interface ObservedPlatform {
  /** Catalog institution id (`meta`). */
  platform: string;
  requests: ObservedRequest[];
  /** Requests beyond the per-platform cap of distinct lines: counted, not itemised ("and N more"). */
  more?: number;
}

/** A link on the page to a Meta app, e.g. `{ platform: 'messenger', target: 'm.me/chase', count: 2 }`. */
export interface ObservedLink {
  platform: LinkPlatform;
  target: string;
  count: number;
}

export { navKeyOf } from './keys';

/**
 * Caps on what one tab stores, so that a page firing thousands of distinct events keeps `storage.session`
 * bounded: at most `MAX_ENDPOINTS_PER_PLATFORM` distinct lines (endpoint x event x kind) per platform (the
 * platforms are the catalog's seven), beyond which requests are only counted in `more`; at most
 * `MAX_LINKS` links. Counts are numbers, so 20,000 hits of one event cost no more than one.
 */
export const MAX_ENDPOINTS_PER_PLATFORM = 50;
export const MAX_LINKS = 50;

/**
 * Fold requests reported by the browser (lib/request-watch) into a tab's state: one line per endpoint,
 * event and kind, with its outcome counts, the data categories its requests carried and who made them.
 * Returns a new state. Nothing of the URLs is kept beyond what `classifyRequest` returned.
 */
export function addWatchedRequests(state: TabState, requests: readonly WatchedRequest[]): TabState {
  if (requests.length === 0) return state;
  const observed = (state.observed ?? []).map((p) => ({ ...p, requests: p.requests.map((r) => ({ ...r })) }));
  for (const req of requests) {
    const obs = req.observation;
    let group = observed.find((p) => p.platform === obs.platform);
    if (!group) observed.push((group = { platform: obs.platform, requests: [] }));
    let entry = group.requests.find((r) => r.endpoint === obs.endpoint && r.event === obs.event && r.kind === obs.kind);
    if (!entry) {
      if (group.requests.length >= MAX_ENDPOINTS_PER_PLATFORM) {
        group.more = (group.more ?? 0) + 1;
        continue;
      }
      entry = { kind: obs.kind, endpoint: obs.endpoint, ...(obs.event ? { event: obs.event } : {}), hashedUserData: false, carries: [], contexts: [], completed: 0, failed: 0, requested: 0 };
      group.requests.push(entry);
    }
    entry.hashedUserData ||= obs.hashedUserData;
    const carries = new Set([...(entry.carries ?? []), ...req.carries]);
    entry.carries = [...carries].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const contexts = new Set([...(entry.contexts ?? []), req.context]);
    entry.contexts = CONTEXT_ORDER.filter((c) => contexts.has(c));
    // A late outcome of a request counted as "requested" moves that count (lib/request-watch `settlesRequested`).
    if (req.settlesRequested && entry.requested > 0) entry.requested--;
    if (req.outcome === 'blocked') entry.blocked = (entry.blocked ?? 0) + 1;
    else entry[req.outcome]++;
  }
  return { ...state, observed };
}
/** Two links name the same place in the same app (their count aside). */
const sameLink = (a: Pick<ObservedLink, 'platform' | 'target'>, b: Pick<ObservedLink, 'platform' | 'target'>) => a.platform === b.platform && a.target === b.target;

/**
 * The links of `hrefs` (on the page at `pageUrl`) that the tab's state does not hold yet: what a second
 * reading of the same page adds. Links that are not to Meta's apps are dropped too.
 */
export function newLinks(state: TabState, pageUrl: string, hrefs: readonly string[]): string[] {
  return hrefs.filter((href) => {
    const link = classifyLink(pageUrl, href);
    return !!link && !state.links.some((l) => sameLink(l, link));
  });
}

/**
 * Fold a content script's report into a tab's state: its links, each classified by `classifyLink`
 * (relative to the report's `pageUrl`). Requests in the report are ignored: they come from webRequest
 * (`addWatchedRequests`) with the browser's own outcome, and a page's script must not be able to add
 * findings. The caller decides that the report is this document's (lib/tab-state/document). Returns a new
 * state (or the same one when nothing changed).
 */
export function addObservations(state: TabState, report: PageReport): TabState {
  const links = state.links.map((l) => ({ ...l }));
  let changed = false;
  for (const href of report.links) {
    const link = classifyLink(report.pageUrl, href);
    if (!link) continue;
    const existing = links.find((l) => sameLink(l, link));
    if (existing) existing.count++;
    else if (links.length < MAX_LINKS) links.push({ ...link, count: 1 });
    else continue;
    changed = true;
  }
  return changed ? { ...state, links } : state;
}

/** The arrangements one custom list has about a site, with the list's name, author and date. */
export interface ListArrangements {
  listId: string;
  name: string;
  author: string;
  date: string;
  arrangementIds: string[];
}

/**
 * The bundled institutions plus those of the given custom lists, so that a list's sites are recognised
 * and group relations reach across (a list may place a brand under a bundled group).
 */
export function mergedInstitutions(catalog: Catalog, lists: readonly CustomList[]): Catalog['institutions'] {
  return lists.length === 0 ? catalog.institutions : [...catalog.institutions, ...lists.flatMap((l) => l.institutions)];
}

/** Badge text, colour and title for a tab; text is '' for no badge. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

/**
 * One calm colour for the one meaning; the mark and the title carry the meaning too (colour is never the
 * only signal). `none` is the colour left set when there is no badge.
 */
export const BADGE_COLORS = { mark: '#1e40af', none: '#4b5563' } as const;

/** The badge text wherever Linkwatch has something to tell about the site (see `badgeFor`). */
export const BADGE_MARK = 'i';

/**
 * Whether a page's requests are seen: on the directory's sites (lib/request-watch), and on a site whose host
 * permission the person granted (`userSites`): a custom list's site, or one Linkwatch knows nothing about
 * (`userWatched`). A platform's own site is never "watched" (first party: nothing is observed there).
 */
function watchedOf(url: string | undefined, match: SiteMatch | null, userSites: ReadonlySet<string> | undefined): Pick<TabState, 'watched' | 'userWatched'> {
  if (isWatchedUrl(url)) return { watched: true };
  // A grant covers its site or host and every host under it (`*://*.d/*`): walk the page's host up.
  const host = userSites?.size && match?.role !== 'platform' ? hostOf(url) : null;
  if (host !== null && hostUnderAny(host, userSites!)) return match ? { watched: true } : { watched: true, userWatched: true };
  return { watched: false };
}

/**
 * On a watched page, the domain its protection choice is kept under and, when the person's choices cover it,
 * `protected: true` (lib/protection `isHostProtected`: the same answer as the installed rules). A platform's
 * or regulator's page gets neither.
 */
function protectionOf(url: string | undefined, match: SiteMatch | null, userSites: ReadonlySet<string> | undefined, choices: ProtectionChoices | undefined): Pick<TabState, 'protected' | 'protectionSite'> {
  const host = hostOf(url);
  if (!choices || host === null || !watchedOf(url, match, userSites).watched || (match && !isWatchedKind(match.role))) return {};
  const bankDomains = watchedDomainSet();
  const protectionSite = protectionSiteOf(host, bankDomains, userSites ?? NO_SITES);
  if (protectionSite === null) return {};
  return isHostProtected(choices, host, bankDomains, userSites ?? NO_SITES) ? { protected: true, protectionSite } : { protectionSite };
}
const NO_SITES: ReadonlySet<string> = new Set();

/** `{ site }` for a page whose host has a registrable domain (lib/sites `parseSiteInput`: not an IP, localhost or a bare suffix). */
function siteField(url: string | undefined): Pick<TabState, 'site'> {
  const site = hostOf(url) === null ? null : parseSiteInput(url!);
  return site === null ? {} : { site };
}

/** Host of an http(s) URL, lowercased, or null (lib/url). */
export { hostOf } from '../url';

/** Compute a tab's state from its URL's match, the catalog and whether the site is silenced. */
export function computeTabState(input: {
  tabId: number;
  url: string | undefined;
  match: SiteMatch | null;
  catalog: Catalog;
  /** Enabled custom lists (default none). */
  lists?: readonly CustomList[];
  /** Sites (registrable domains) the person asked Linkwatch to watch, their host permission granted (default none). */
  userSites?: ReadonlySet<string>;
  silenced: boolean;
  now: number;
  /** The person's protection choices (issue 23); absent: protection off. */
  protection?: ProtectionChoices;
}): TabState {
  const { match, catalog } = input;
  const lists = input.lists ?? [];
  const institutions = mergedInstitutions(catalog, lists);
  const everyone = { institutions, arrangements: catalog.arrangements };
  const owner = match ? findInstitution(everyone, match.institution) : undefined;
  const group = match ? findInstitution(everyone, match.group) : undefined;
  const fromLists: ListArrangements[] = [];
  const bundled = match ? arrangementsForInstitution(everyone, match.institution) : [];
  let contextCount = bundled.filter((a) => a.kind === 'context').length;
  if (match) {
    for (const list of lists) {
      const entries = arrangementsForInstitution({ ...everyone, arrangements: list.arrangements }, match.institution);
      contextCount += entries.filter((a) => a.kind === 'context').length;
      if (entries.length) fromLists.push({ listId: list.id, name: list.name, author: list.author, date: list.date, arrangementIds: entries.map((a) => a.id) });
    }
  }
  return {
    tabId: input.tabId,
    host: hostOf(input.url),
    ...siteField(input.url),
    match,
    // The FDIC listing has no name (lib/directory/ids): the UI names the owner by its site.
    ownerName: owner && owner.id !== FDIC_LISTED_ID ? owner.name : null,
    groupName: group && group.id !== FDIC_LISTED_ID ? group.name : null,
    firstParty: match?.role === 'platform',
    arrangementIds: bundled.map((a) => a.id),
    fromLists,
    contextCount,
    silenced: input.silenced,
    navKey: navKeyOf(input.url),
    documentId: '',
    ...watchedOf(input.url, match, input.userSites),
    ...protectionOf(input.url, match, input.userSites, input.protection),
    observed: [],
    links: [],
    updatedAt: input.now,
  };
}


/**
 * The badge's one meaning, the same on every site (bank, platform, custom-list site): the mark
 * `BADGE_MARK` ("i") says "Linkwatch has something to tell you about this site", that is, at least one
 * of the evidence levels the user lets raise the badge applies: a reported arrangement involving the
 * site's owner (bundled catalog or an enabled custom list), the site being a platform's own, this page
 * observed sending requests to a platform, or (off by default) links to Meta's apps. No number: a count
 * meant arrangements on one site and platforms on another (issue 15). The title, always starting with
 * "Linkwatch:", says which of those applies, in the UI language; a platform whose every request failed is
 * said to be blocked, nothing sent. No badge on unknown or muted sites, with a title saying so.
 */
export function badgeFor(state: TabState, prefs: Preferences, t: Translate, platformName: (id: string) => string = (id) => id): Badge {
  const none: Badge = { text: '', color: BADGE_COLORS.none, title: t('badgeTitleNothing') };
  // A site Linkwatch knows nothing about: a badge only for what it was asked to watch there and saw.
  if (!state.match && !(state.userWatched && state.observed.length > 0)) return none;
  const owner = state.groupName ?? state.ownerName ?? state.match?.site ?? state.host ?? '';
  if (state.silenced && state.match) return { ...none, title: t('badgeTitleMuted', [state.match.site]) };
  const count = reportedCount(state);
  // On a platform's own site the signal is "this is Meta" (owned); elsewhere it is what was reported.
  const showReported = count > 0 && (state.firstParty ? prefs.badgeLevels.owned : prefs.badgeLevels.reported);
  const platforms = prefs.badgeLevels.observed
    ? state.observed.map((p) => {
        if (blockedByLinkwatch(p)) return t('badgeObservedBlockedByUs', platformName(p.platform));
        return nothingSent(p) ? t('badgeObservedBlocked', platformName(p.platform)) : platformName(p.platform);
      })
    : [];
  const linked = prefs.badgeLevels.linked && state.links.length > 0;
  const parts: string[] = [];
  if (showReported) {
    parts.push(
      state.firstParty
        ? t(count === 1 ? 'badgeTitleFirstPartyOne' : 'badgeTitleFirstPartyMany', [owner, String(count)])
        : t(count === 1 ? 'badgeTitleReportedOne' : 'badgeTitleReportedMany', [owner, String(count)]),
    );
  }
  if (platforms.length) parts.push(t('badgeTitleObserved', platforms.join(', ')));
  if (linked) parts.push(t('badgeTitleLinked'));
  // Protection on (issue 23): said even when nothing was observed, so the person knows the switch is on.
  if (state.protected) parts.push(t(escapedProtection(state.observed) ? 'badgeTitleProtectedEscaped' : 'badgeTitleProtected'));
  if (parts.length === 0) return state.match ? { ...none, title: t('badgeTitleOwnedOnly', [state.ownerName ?? owner]) } : none;
  parts.push(t('badgeTitleOpen'));
  return { text: BADGE_MARK, color: BADGE_COLORS.mark, title: t('badgeTitle', parts.join(' ')) };
}

/** storage.session key for a tab. */
export const tabKey = (tabId: number) => `tab:${tabId}`;
