/**
 * "Record this site": what Linkwatch keeps, per site the user chose to record, of each page load.
 *
 * The idea: a tab's state (lib/tab-state) holds what the current document load was observed sending, and
 * is forgotten on the next load. A recording copies it, for a site the user switched recording on for, into
 * one entry per document load: when the load started (ISO 8601), the page's path WITHOUT query or fragment,
 * and each observed line (platform, endpoint, event name, data categories by parameter NAME, outcome counts).
 * No parameter value and no full address is ever kept. The background calls `upsertLoad` each time a
 * recorded tab's observations change; the same load (same `id`) is replaced, a new one appended.
 *
 * Caps (so a recording left on cannot grow without bound): `RECORDING_CAPS.perSite` loads per site and
 * `RECORDING_CAPS.total` loads over all sites; beyond either, the oldest loads are dropped and counted in
 * the site's `dropped`, so a report says how many loads it no longer holds. Pure: no browser API.
 */
import type { ObservationKind } from '../evidence';
import type { DataCategory } from '../evidence/data-categories';
import type { TabState } from '../tab-state';
import { parseHttpUrl } from '../url/parse';

/** At most 200 page loads per site and 1,000 over all sites; the oldest are dropped first. */
export const RECORDING_CAPS = Object.freeze({ perSite: 200, total: 1000 });
/** The longest path kept (characters); a longer one is cut and marked with `…`. */
export const MAX_PATH = 512;

/** One observed line of a page load: what went to which endpoint, and what became of the requests. */
export interface RecordedObservation {
  /** Catalog institution id of the platform (`meta`). */
  platform: string;
  kind: ObservationKind;
  /** Host and path of the endpoint, no query (`www.facebook.com/tr`). */
  endpoint: string;
  event?: string;
  /** Data categories named by the requests' parameter names (never their values). */
  categories: DataCategory[];
  hashedUserData: boolean;
  /** Requests that completed, failed, or had no outcome the browser reported. */
  completed: number;
  failed: number;
  requested: number;
  /** Stopped by Linkwatch's own protection (issue 23); absent when none was. */
  blocked?: number;
}

/** One document load of a recorded site. */
export interface RecordedLoad {
  /** Identifies the load: tab id and the instant it started (`<tabId>-<ms>`). */
  id: string;
  /** When the load started, ISO 8601. */
  at: string;
  /** The page's path, without query or fragment (`/accounts/overview`). */
  path: string;
  observations: RecordedObservation[];
  /** Distinct lines beyond the per-platform cap of the tab state: counted, not itemised. */
  more: number;
}

/** A site's recording: on or stopped, with its loads, oldest first. Keyed by `site` in IndexedDB. */
export interface SiteRecording {
  /** Registrable domain (`chase.com`). */
  site: string;
  /** Catalog institution id of the site's owner, when known (for the report's catalog entries). */
  institution?: string;
  on: boolean;
  /** When recording was last switched on, and off (ISO 8601). */
  startedAt: string;
  stoppedAt?: string;
  loads: RecordedLoad[];
  /** Loads dropped by the caps, oldest first, since the recording began. */
  dropped: number;
}

/**
 * The path of an http(s) address without query or fragment, at most `MAX_PATH` characters; `/` for a bare
 * origin; null for anything that is not an http(s) URL.
 */
export function pathOf(url: string | undefined): string | null {
  const path = parseHttpUrl(url)?.pathname;
  if (path === undefined) return null;
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH - 1)}…` : path;
}

/** The observed lines of a tab state, as recorded (a copy: only names, counts and categories). */
export function observationsOf(state: Pick<TabState, 'observed'>): { observations: RecordedObservation[]; more: number } {
  const observations: RecordedObservation[] = [];
  let more = 0;
  for (const p of state.observed ?? []) {
    more += p.more ?? 0;
    for (const r of p.requests) {
      observations.push({
        platform: p.platform,
        kind: r.kind,
        endpoint: r.endpoint,
        ...(r.event ? { event: r.event } : {}),
        categories: [...(r.carries ?? [])],
        hashedUserData: r.hashedUserData,
        completed: r.completed,
        failed: r.failed,
        requested: r.requested,
        ...(r.blocked ? { blocked: r.blocked } : {}),
      });
    }
  }
  return { observations, more };
}

/** A load entry for a tab's current document load: `startedAt` in ms since epoch, `url` the tab's address. */
export function loadOf(tabId: number, startedAt: number, url: string | undefined, state: Pick<TabState, 'observed'>): RecordedLoad | null {
  const path = pathOf(url);
  if (path === null) return null;
  return { id: `${tabId}-${startedAt}`, at: new Date(startedAt).toISOString(), path, ...observationsOf(state) };
}

/** A new recording for a site (switched on at `now`, ISO 8601), or the stopped one switched on again. */
export function startRecording(existing: SiteRecording | undefined, site: string, institution: string | undefined, now: string): SiteRecording {
  if (existing) return { ...existing, on: true, startedAt: now, stoppedAt: undefined, ...(institution ? { institution } : {}) };
  return { site, ...(institution ? { institution } : {}), on: true, startedAt: now, loads: [], dropped: 0 };
}

/** The recording switched off at `now`; its loads are kept until the user deletes them. */
export function stopRecording(existing: SiteRecording, now: string): SiteRecording {
  return { ...existing, on: false, stoppedAt: now };
}

/**
 * Put a load into its site's recording (replacing the entry with the same id, else appending), then apply
 * the caps over `all` recordings. Returns the recordings that changed (to be written), or [] when the site
 * is not being recorded. Loads of every site are ordered by `at`; the oldest over all sites go first.
 */
export function upsertLoad(all: readonly SiteRecording[], site: string, load: RecordedLoad, caps: { perSite: number; total: number } = RECORDING_CAPS): SiteRecording[] {
  const target = all.find((r) => r.site === site);
  if (!target || !target.on) return [];
  const loads = target.loads.filter((l) => l.id !== load.id);
  const replaced = loads.length !== target.loads.length;
  if (replaced) loads.splice(target.loads.findIndex((l) => l.id === load.id), 0, load);
  else loads.push(load);
  let updated: SiteRecording = { ...target, loads };
  const overSite = updated.loads.length - caps.perSite;
  if (overSite > 0) updated = { ...updated, loads: updated.loads.slice(overSite), dropped: updated.dropped + overSite };
  const changed = new Map<string, SiteRecording>([[site, updated]]);
  const current = all.map((r) => changed.get(r.site) ?? r);
  let total = current.reduce((n, r) => n + r.loads.length, 0);
  while (total > caps.total) {
    // The site whose first (oldest) load is the oldest of all loses it.
    let oldest: SiteRecording | undefined;
    for (const r of current.map((r) => changed.get(r.site) ?? r)) {
      if (r.loads.length && (!oldest || r.loads[0]!.at < oldest.loads[0]!.at)) oldest = r;
    }
    if (!oldest) break;
    changed.set(oldest.site, { ...oldest, loads: oldest.loads.slice(1), dropped: oldest.dropped + 1 });
    total--;
  }
  return [...changed.values()];
}

/** The recording without one load (deleting a single entry is not a drop: `dropped` is unchanged). */
export function withoutLoad(recording: SiteRecording, loadId: string): SiteRecording {
  return { ...recording, loads: recording.loads.filter((l) => l.id !== loadId) };
}
