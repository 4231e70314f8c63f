/**
 * Reports that come before their navigation: kept, then joined to it.
 *
 * A stopped service worker restarts for whichever event comes first; a content script's report can reach it
 * before the tab's navigation has been processed (the stored state is still the previous page's, or there
 * is none). Such a report is not answered "no" and lost: it is folded (with `addObservations`, so the same
 * classification and caps apply and no address is kept) into an "early" record in `storage.session` under
 * `early:<tabId>`, one entry per navigation (`navKey`), at most `MAX_EARLY_NAVS` entries, each dropped after
 * `EARLY_TTL_MS`. When the background processes that navigation and stores its state, it takes the entry and
 * starts the state's observations from it. Pure: the background reads and writes the key.
 */
import type { PageReport } from '../page-observer';
import { addObservations, navKeyOf, type ObservedLink, type ObservedPlatform, type TabState } from './index';

/** `storage.session` key of a tab's early reports. */
export const earlyKey = (tabId: number) => `early:${tabId}`;
/** Navigations kept per tab (the newest): a page reports for its own navigation, rarely two at once. */
export const MAX_EARLY_NAVS = 2;
/** An entry older than this is dropped: a navigation is processed within milliseconds of its report. */
export const EARLY_TTL_MS = 60_000;

/** What was observed on one navigation before its state existed. */
export interface EarlyEntry {
  navKey: string;
  observed: ObservedPlatform[];
  links: ObservedLink[];
  /** When the first report for this navigation arrived, ms since epoch. */
  at: number;
}

/** The stored value of `early:<tabId>`, cleaned: entries of the right shape, younger than the TTL, newest last, capped. */
export function parseEarly(value: unknown, now: number): EarlyEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (e): e is EarlyEntry =>
        !!e && typeof e === 'object' && typeof e.navKey === 'string' && Array.isArray(e.observed) && Array.isArray(e.links) && typeof e.at === 'number' && now - e.at < EARLY_TTL_MS && e.at <= now,
    )
    .slice(-MAX_EARLY_NAVS);
}

/** The tab's early entries with `report` folded into the entry of its navigation (created if new, oldest dropped past the cap). */
export function keepEarly(entries: readonly EarlyEntry[], tabId: number, report: PageReport, now: number): EarlyEntry[] {
  const navKey = navKeyOf(report.pageUrl);
  const existing = entries.find((e) => e.navKey === navKey);
  const base = { tabId, navKey, observed: existing?.observed ?? [], links: existing?.links ?? [] } as unknown as TabState;
  const folded = addObservations(base, report);
  const entry: EarlyEntry = { navKey, observed: folded.observed, links: folded.links, at: existing?.at ?? now };
  return [...entries.filter((e) => e.navKey !== navKey), entry].slice(-MAX_EARLY_NAVS);
}

/**
 * Join early observations to a state being stored: the state's own observations come first when it already
 * has some for this navigation (the background never keeps both: an early entry exists only while the stored
 * state is another navigation's). Returns the state and the entries left.
 */
export function joinEarly(state: TabState, entries: readonly EarlyEntry[]): { state: TabState; rest: EarlyEntry[] } {
  const entry = entries.find((e) => e.navKey === state.navKey);
  if (!entry) return { state, rest: [...entries] };
  const rest = entries.filter((e) => e !== entry);
  const empty = (state.observed ?? []).length === 0 && (state.links ?? []).length === 0;
  return { state: empty ? { ...state, observed: entry.observed, links: entry.links } : state, rest };
}
