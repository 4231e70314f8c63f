/**
 * What arrives before its document is shown: kept, then joined to it (lib/tab-state/document).
 *
 * A request or a link report names its document (lib/tab-state/document `documentKeyOf`): Chromium's
 * document id, or the document's address in Firefox. When that is not the document the tab shows yet (the
 * commit is still on its way, a prerendered page not yet activated, a cold worker whose first event is a
 * request), what it found is folded (same classification and caps as the state's, no address kept) into an
 * "early" entry under that key, at most `MAX_EARLY_DOCS` entries per tab, each dropped after `EARLY_TTL_MS`.
 * When that document commits or is adopted, its entry becomes the start of its record; a document that
 * never shows (an unloading page's beacon, a prerender never activated) simply expires. Pure.
 */
import type { PageReport } from '../page-observer';
import type { WatchedRequest } from '../request-watch';
import { addObservations, addWatchedRequests, type ObservedLink, type ObservedPlatform, type TabState } from './index';

/** Documents kept per tab (the newest): the shown one's next document, a prerender, an unloading page. */
export const MAX_EARLY_DOCS = 3;
/** An entry older than this is dropped: a document commits within seconds of its first request. */
export const EARLY_TTL_MS = 60_000;

/** What was found for one document before it was shown. */
export interface EarlyEntry {
  /** The document key (`documentKeyOf`). */
  key: string;
  observed: ObservedPlatform[];
  links: ObservedLink[];
  /** When the first finding for this document arrived, ms since epoch. */
  at: number;
}

/** Stored early entries, cleaned: entries of the right shape, younger than the TTL, newest last, capped. */
export function parseEarly(value: unknown, now: number): EarlyEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (e): e is EarlyEntry =>
        !!e && typeof e === 'object' && typeof e.key === 'string' && Array.isArray(e.observed) && Array.isArray(e.links) && typeof e.at === 'number' && now - e.at < EARLY_TTL_MS && e.at <= now,
    )
    .slice(-MAX_EARLY_DOCS);
}

/** A state-shaped base to fold findings into with the state's own functions (only `observed` and `links` are read). */
const baseOf = (entry: EarlyEntry | undefined) => ({ observed: entry?.observed ?? [], links: entry?.links ?? [] }) as unknown as TabState;

/** `entries` with `key`'s entry replaced by `fold(its base)` (created if new, the oldest dropped past the cap). */
function keepFolded(entries: readonly EarlyEntry[], key: string, now: number, fold: (base: TabState) => TabState): EarlyEntry[] {
  const live = parseEarly(entries, now);
  const existing = live.find((e) => e.key === key);
  const folded = fold(baseOf(existing));
  const entry: EarlyEntry = { key, observed: folded.observed, links: folded.links, at: existing?.at ?? now };
  return [...live.filter((e) => e.key !== key), entry].slice(-MAX_EARLY_DOCS);
}

/** The entries with `requests` folded into the entry of each one's document (requests without a key are skipped). */
export function keepEarlyRequests(entries: readonly EarlyEntry[], requests: readonly WatchedRequest[], now: number): EarlyEntry[] {
  let out = [...entries];
  const keys = [...new Set(requests.map((r) => r.document).filter((k): k is string => k !== undefined))];
  for (const key of keys) out = keepFolded(out, key, now, (base) => addWatchedRequests(base, requests.filter((r) => r.document === key)));
  return out;
}

/** The entries with a links report folded into the entry of document `key`. */
export function keepEarlyLinks(entries: readonly EarlyEntry[], key: string, report: PageReport, now: number): EarlyEntry[] {
  return keepFolded(entries, key, now, (base) => addObservations(base, report));
}
