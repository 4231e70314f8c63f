/**
 * The popup's view of a tab: its stored state joined with the catalog entries it names, so the popup does
 * not bundle the catalog. Pure: the background passes the state, the bundled catalog and the enabled lists.
 */
import { actionsFor, bundledActions, type Action } from './actions';
import { ancestors, arrangementsForInstitution, findInstitution, groupFamily, relevanceClass, type Arrangement, type Catalog, type RelevanceClass } from './catalog';
import type { CustomList } from './config/schema';
import { mapPairs } from './map';
import { partiesFor, siteReport } from './catalog/site-report';
import type { TabView } from './messages';
import { siteOfUrl } from './url';
import { mergedInstitutions, type TabState } from './tab-state';

/**
 * Join a tab state to the catalog: `arrangements` in the order of `state.arrangementIds` (ids the catalog
 * no longer has are left out); `related`: arrangements of observed platforms not already shown;
 * `platformArrangements`: observed platform id -> ids of arrangements involving it; `fromLists`: each
 * enabled list's entries for this site, labelled with the list (a list no longer enabled or present is left
 * out); `names`: display names of every party and status author named, list institutions included;
 * `actions`: "What you can do" here (lib/actions `actionsFor` over `actions`, the bundled ones by default);
 * `ownerCountry`: the site institution's country (its group's where it has none), or null; `lead`: the first entry read
 * for this site (lib/catalog/site-report), or null; `onMap`: whether one of `arrangements` draws a line to the
 * site's institution or one of its groups on the map.
 */
export function getTabView(state: TabState, catalog: Catalog, lists: readonly CustomList[], actions: readonly Action[] = bundledActions()): TabView {
  const byId = (id: string) => catalog.arrangements.find((a) => a.id === id);
  const arrangements = state.arrangementIds.map(byId).filter((a): a is Arrangement => a !== undefined);
  // For each observed platform, the reported arrangements that involve it (by group).
  const platformArrangements: Record<string, string[]> = {};
  for (const p of state.observed ?? []) platformArrangements[p.platform] = arrangementsForInstitution(catalog, p.platform).map((a) => a.id);
  const shown = new Set(state.arrangementIds);
  const related = [...new Set(Object.values(platformArrangements).flat())]
    .filter((id) => !shown.has(id))
    .map(byId)
    .filter((a): a is Arrangement => a !== undefined);
  // Custom lists' entries travel apart, each with its list, so the popup never mixes them in.
  const fromLists = (state.fromLists ?? []).flatMap((source) => {
    const list = lists.find((l) => l.id === source.listId);
    if (!list) return [];
    const entries = source.arrangementIds.map((id) => list.arrangements.find((a) => a.id === id)).filter((a): a is Arrangement => !!a);
    return [{ list: { id: list.id, name: list.name, author: list.author, date: list.date, ...(list.lang ? { lang: list.lang } : {}) }, arrangements: entries }];
  });
  const everyone = { institutions: mergedInstitutions(catalog, lists) };
  const names: Record<string, string> = {};
  const ids = [...arrangements, ...related, ...fromLists.flatMap((f) => f.arrangements)].flatMap((a) => [...a.parties, ...a.status.flatMap((s) => (s.by ? [s.by] : []))]);
  for (const id of [...ids, ...Object.keys(platformArrangements)]) names[id] = findInstitution(everyone, id)?.name ?? id;
  // Each catalog entry's class on this site (platform-and-bank, aggregator, regulation...), for the popup's labels.
  const relevance: Record<string, RelevanceClass> = {};
  for (const a of [...arrangements, ...related]) relevance[a.id] = relevanceClass(everyone, a);
  const match = state.match;
  // The country of the site's own institution first (BNL's complaint goes to Italy's authority, not to the
  // French one of its group, BNP Paribas); its group's where the institution has none (INTL, EU).
  const countryOf = (id: string | undefined) => {
    const c = id === undefined ? undefined : findInstitution(catalog, id)?.country;
    return c && /^[A-Z]{2}$/.test(c) ? c : null;
  };
  const ownerCountry = match ? (countryOf(match.institution) ?? countryOf(match.group)) : null;
  // The first entry read for this site: does it name this institution (or a parent), and what did each side say.
  const lead = match && arrangements[0] ? siteReport(everyone, arrangements[0], [match.institution, ...ancestors(everyone, match.institution)]) : null;
  // "See on the map" opens the map focused on this site's institution (or the first of its groups on it): offered
  // only where one of its entries draws a line to that institution or group, not merely a line between others.
  const chain = match ? new Set([match.institution, ...ancestors(everyone, match.institution)]) : new Set<string>();
  const onMap = arrangements.some((a) => mapPairs(everyone, a).some((pair) => chain.has(pair.platform.id) || chain.has(pair.institution.id)));
  // "What you can do": the owner's, and those of every platform seen or named in this site's reports.
  // A report's parties as far as they concern this site (lib/catalog/site-report `partiesFor`): a platform the
  // sources tie to another bank only brings no step here.
  const mine = new Set([...chain].flatMap((id) => [id, ...groupFamily(everyone, id)]));
  const concerned = (a: Arrangement) => partiesFor(everyone, a, mine);
  const involved = [...(state.observed ?? []).map((p) => p.platform), ...arrangements.flatMap(concerned), ...fromLists.flatMap((l) => l.arrangements.flatMap(concerned))];
  const siteActions = match ? actionsFor({ owner: [match.institution, match.group], ownerIsPlatform: match.role === 'platform', involved, country: ownerCountry }, actions) : [];
  return { state, arrangements, related, platformArrangements, fromLists, names, relevance, ownerCountry, lead, onMap, actions: siteActions };
}

/**
 * Sites of a tab's frames whose requests Linkwatch cannot see (issue 25 outside test): a frame from another
 * site than the page's, on a site Linkwatch does not watch. Chromium delivers a request's events only with
 * access to the frame that makes it (docs/permissions.md), so what such a frame sends is neither seen nor
 * stopped by protection. `frames`: the tab's frames (webNavigation.getAllFrames), the top frame included;
 * `watched(site)`: whether Linkwatch watches a registrable domain. Sorted, unique, at most `max`.
 */
export function unwatchedFrameSites(frames: readonly { frameId: number; url: string }[], pageSite: string | null, watched: (site: string) => boolean, max = 5): string[] {
  const sites = new Set<string>();
  for (const frame of frames) {
    if (frame.frameId === 0) continue;
    const site = siteOfUrl(frame.url);
    if (site && site !== pageSite && !watched(site)) sites.add(site);
  }
  return [...sites].sort().slice(0, max);
}
