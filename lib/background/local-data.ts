/**
 * What the background reads of IndexedDB for a navigation (preferences, enabled custom lists with their
 * classifier, per-site decisions), in one read-only transaction (issue 14: one read per event that needs
 * them, not three), and the context of an address computed from it (`describe`).
 *
 * A database that cannot be read gives the defaults, no list and no decision, and says so through
 * `onUnreadable` (the background's health: badge title and popup), never silently: the bundled catalog
 * still works meanwhile.
 */
import { bundledWorld, compiledSiteOf } from '../directory';
import type { CustomList } from '../config/schema';
import { isSilenced, withDefaults, type Preferences, type SiteDecision } from '../prefs/schema';
import { classifyUrl, createSiteClassifier, type SiteMatch } from '../sites';
import type { ProtectionChoices, SiteProtection } from '../protection';
import { computeTabState, mergedInstitutions, type TabState } from '../tab-state';
import { listsContentKey } from '../tab-state/stored';
import { siteOfPattern } from '../url';

/** What the background reads of IndexedDB for a navigation, in one transaction. */
export interface LocalData {
  preferences: Preferences;
  decisions: SiteDecision[];
  /** The enabled custom lists. */
  lists: CustomList[];
  /** Protection choices (issue 23): the global switch (a preference) and per-site choices. */
  protection: ProtectionChoices;
  /** The bundled catalog's sites and the enabled lists' (lib/sites). */
  classify: (url: string) => SiteMatch | null;
  /**
   * Sites whose whole host permission (`*://*.site/*`) the browser grants now: the sites the person asked
   * Linkwatch to watch (issue 21), and the manifest's own sites (already watched, or platforms: lib/tab-state
   * reads this set only for the others).
   */
  userSites: ReadonlySet<string>;
}

/** What `createLocalData` needs: the one read of the database, and where to say it failed or recovered. */
export interface LocalDataDeps {
  readConfigState(): Promise<{ preferences: Record<string, unknown>; siteDecisions: SiteDecision[]; customLists: CustomList[]; siteProtection?: SiteProtection[] }>;
  /**
   * The host-permission patterns the browser grants now (`permissions.getAll().origins`): the manifest's and
   * those granted at the person's request (optional host permissions). The grant is the one truth of which
   * extra sites Linkwatch can watch.
   */
  grantedOrigins(): Promise<string[]>;
  onUnreadable(error: unknown): void;
  onReadable(): void;
}

/** `read()` gives the LocalData now; the classifier for the enabled lists is cached by their content. */
export function createLocalData(deps: LocalDataDeps): { read(): Promise<LocalData> } {
  let cache: { key: string; lists: CustomList[]; classify: LocalData['classify'] } | undefined;
  // The granted sites, read once per list of grants (the background keeps one list until grants change).
  let sites: { origins: readonly string[]; set: ReadonlySet<string> } | undefined;
  function classifierFor(lists: CustomList[]) {
    const key = listsContentKey(lists);
    if (cache?.key !== key) {
      const classify = lists.some((l) => l.institutions.length) ? createSiteClassifier({ institutions: mergedInstitutions(bundledWorld(), lists) }, compiledSiteOf).classify : classifyUrl;
      cache = { key, lists, classify };
    }
    return { lists: cache.lists, classify: cache.classify };
  }
  return {
    async read() {
      let stored: Awaited<ReturnType<LocalDataDeps['readConfigState']>>;
      const granted = deps.grantedOrigins();
      try {
        stored = await deps.readConfigState();
        deps.onReadable();
      } catch (error) {
        deps.onUnreadable(error);
        stored = { preferences: {}, siteDecisions: [], customLists: [], siteProtection: [] };
      }
      const origins = await granted;
      if (sites?.origins !== origins) sites = { origins, set: new Set(origins.flatMap((p) => siteOfPattern(p) ?? [])) };
      const userSites = sites.set;
      const preferences = withDefaults(stored.preferences);
      const protection = { all: preferences.protectAll, sites: stored.siteProtection ?? [] };
      return { preferences, decisions: stored.siteDecisions, protection, ...classifierFor(stored.customLists.filter((l) => l.enabled)), userSites };
    },
  };
}

/** The context of a tab showing `url`: the catalog's and the enabled lists' reports, the site's mute; nothing observed. */
export function describeAddress(tabId: number, url: string | undefined, data: LocalData, now: number): TabState {
  const match = data.classify(url ?? '');
  const silenced = match ? isSilenced(data.decisions.find((d) => d.site === match.site), now) : false;
  return computeTabState({ tabId, url, match, catalog: bundledWorld(), lists: data.lists, silenced, now, userSites: data.userSites, protection: data.protection });
}
