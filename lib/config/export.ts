/**
 * Export: the user's state as a `linkwatch-config` file, one list as a `linkwatch-list` file. Only what
 * differs from the defaults and only the keys the format knows ever leave (never browsing history).
 */
import * as v from 'valibot';
import { DEFAULT_PREFERENCES, withDefaults, type Preferences } from '../prefs/schema';
import { cloneJson, deepEqual } from './json';
import { project, type ProjectReport } from './project';
import { CONFIG_FORMAT, CURRENT_VERSION, CustomListSchema, LIST_FORMAT, SiteDecisionSchema, SiteProtectionSchema, type CustomList } from './schema';
import type { ConfigState } from './types';


/**
 * The user's state as a `linkwatch-config` v1 file: pretty JSON (2 spaces, final newline). Preferences are
 * only those whose effective value differs from `DEFAULT_PREFERENCES` (compared deeply, per top-level key;
 * a differing key is written whole); decisions and lists are written as given, in order, but reduced to the
 * keys the format knows, so nothing else held in the state (visit times, history) can leave.
 * @param now the instant written as `createdAt` (default: now).
 * @param watchedSites the sites granted through "Watch this site" (written only when there are some).
 * @throws RangeError if `now` is an invalid Date.
 */
export function exportConfig(state: ConfigState, now: Date = new Date(), watchedSites: readonly string[] = []): string {
  const report: ProjectReport = { dropped: [], errors: [] };
  const doc = {
    format: CONFIG_FORMAT,
    version: CURRENT_VERSION,
    createdAt: now.toISOString(),
    preferences: nonDefaultPreferences(state.preferences ?? {}),
    siteDecisions: project(state.siteDecisions ?? [], v.array(SiteDecisionSchema), report, '$.siteDecisions', { leavesOnly: true }),
    customLists: project(state.customLists ?? [], v.array(CustomListSchema), report, '$.customLists', { leavesOnly: true }),
    // Per-site protection choices (issue 23), when any.
    ...(state.siteProtection?.length ? { siteProtection: project(state.siteProtection, v.array(SiteProtectionSchema), report, '$.siteProtection', { leavesOnly: true }) } : {}),
    // The sites granted through "Watch this site" (the browser's grants, read by the caller), when any.
    ...(watchedSites.length ? { watchedSites: [...new Set(watchedSites)].sort() } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One custom list as a `linkwatch-list` v1 file (what an advocate publishes): pretty JSON, known keys only.
 */
export function exportList(list: CustomList): string {
  const report: ProjectReport = { dropped: [], errors: [] };
  const doc = { format: LIST_FORMAT, version: CURRENT_VERSION, list: project(list, CustomListSchema, report, '$.list', { leavesOnly: true }) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The name offered for an export: `linkwatch-config-YYYY-MM-DD.json`, with `now`'s local calendar date. */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `linkwatch-config-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * The stored preferences that differ from the defaults, by top-level key, with their effective values
 * (stored values merged over the defaults, so a partial or invalid stored value is written as what it means).
 */
export function nonDefaultPreferences(stored: Record<string, unknown>): Partial<Preferences> {
  const effective = withDefaults(stored);
  const out: Partial<Record<keyof Preferences, unknown>> = {};
  for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
    if (!deepEqual(effective[key], DEFAULT_PREFERENCES[key])) out[key] = cloneJson(effective[key]);
  }
  return out as Partial<Preferences>;
}
