/**
 * The map of reported arrangements (issue 24), as plain data: platforms on one side, the institutions they
 * are reported with on the other, one link per reported arrangement between a platform and an institution,
 * each carrying the arrangement's latest status and how well it is sourced. Pure and deterministic: the same
 * catalog (and lists) gives the same graph, in the same order, whatever order the files list things in.
 *
 * What is a link. For every entry of kind `arrangement` (context entries are background, not arrangements),
 * each platform party (an institution of kind `platform`) is linked to each party that is neither a platform
 * nor a regulator (a regulator is a party to an order, not to the data arrangement). An entry with no platform
 * party (a bank and a data aggregator) has no link: it is counted in `offMap`, so the table view can say so.
 * A custom list's entries (enabled lists only) are links marked with the list's id.
 */
import { findInstitution, groupFamily, type Arrangement, type Catalog, type Institution } from '../catalog';
import type { Status, StatusStep } from '../catalog/schema';
import { sourcing, type SourcingLevel } from '../catalog/sourcing';

/** One node: a platform, or an institution reported with one. */
export interface MapNode {
  id: string;
  name: string;
  /** ISO 3166 alpha-2, `EU` or `INTL`, as the catalog gives it. */
  country: string;
  kind: Institution['kind'];
}

/** One link: a reported arrangement between a platform and an institution. */
export interface MapLink {
  /** `<arrangement>|<platform>|<institution>`, unique. */
  id: string;
  arrangement: string;
  platform: string;
  institution: string;
  /** The latest status step of the arrangement that speaks for this pair (`linkStatus`). */
  status: Status;
  sourcing: SourcingLevel;
  /** Year of the arrangement's first dated step (what the year filter reads). */
  year: number;
  /** The custom list it comes from; absent for the bundled catalog. */
  list?: string;
}

/** The whole map: nodes sorted for a stable layout (platforms by name; institutions by country, kind, name). */
export interface MapGraph {
  platforms: MapNode[];
  institutions: MapNode[];
  links: MapLink[];
  /** Arrangements with no platform party (not drawn; the map counts those its filter keeps), sorted by id. */
  offMap: OffMapEntry[];
}

/** An arrangement the map cannot draw (no platform among its parties): its known parties, latest status and first year, for the filter. */
export interface OffMapEntry {
  arrangement: string;
  parties: MapNode[];
  status: Status;
  year: number;
}

/** A custom list as the map reads it (lib/config `CustomList`, enabled ones only). */
export interface MapList {
  id: string;
  institutions: readonly Institution[];
  arrangements: readonly Arrangement[];
}

/**
 * The two sides of `a` on the map: its platform parties and its parties that are neither platform nor
 * regulator, as `everyone` (the catalog's institutions, and the enabled lists') knows them; undefined when
 * the map draws no link for it (a context entry, or no party on one of the sides). The one rule of what is
 * on the map: buildMapGraph draws by it, and the popup offers "See on the map" by it (lib/tab-view).
 */
export function mapSides(everyone: Pick<Catalog, 'institutions'>, a: Arrangement): { platforms: Institution[]; others: Institution[] } | undefined {
  if (a.kind !== 'arrangement') return undefined;
  const parties = a.parties.map((id) => findInstitution(everyone, id)).filter((i): i is Institution => i !== undefined);
  const platforms = parties.filter((i) => i.kind === 'platform');
  const others = parties.filter((i) => i.kind !== 'platform' && i.kind !== 'regulator');
  return platforms.length && others.length ? { platforms, others } : undefined;
}

/**
 * The status of one line of the map, the pair `platform`–`institution` of `a`: its latest step that speaks
 * for that pair.
 * - The institution's own steps (`by` it or its group) speak for its lines, whole or in part (`scope`):
 *   Chase's line reads that Chase ended the talks, U.S. Bank's that it denied.
 * - Another party's step never does (U.S. Bank's denial is not Chase's line).
 * - A step by the platform's side, by no one, or by someone not on the map's sides (a regulator's ruling, a
 *   report) speaks for every line, unless it covers part of the report only (`scope`): Facebook's partial
 *   confirmation of 2018 is not a confirmation on Citi's line (lib/catalog/site-report `countsAs`, issue 22).
 * - A step about an order or a rule (`subject`) is not the arrangement's.
 * With no such step, the arrangement's first. Source: the catalog's `by`, `scope` and `subject` fields
 * (lib/catalog/schema `StatusStepSchema`).
 */
export function linkStatus(everyone: Pick<Catalog, 'institutions'>, a: Arrangement, sides: { platforms: Institution[]; others: Institution[] }, platform: string, institution: string): Status {
  const onSides = new Set([...sides.platforms, ...sides.others].map((i) => i.id));
  const own = new Set([institution, ...groupFamily(everyone, institution)]);
  const platformSide = new Set([platform, ...groupFamily(everyone, platform)]);
  const speaks = (s: StatusStep) => {
    if (s.subject !== undefined && s.subject !== 'arrangement') return false;
    if (s.by !== undefined && own.has(s.by)) return true;
    if (s.scope !== undefined) return false;
    return s.by === undefined || !onSides.has(s.by) || platformSide.has(s.by);
  };
  return ([...a.status].reverse().find(speaks) ?? a.status[0]!).status;
}

/**
 * The lines the map draws for `a`: each platform party with each other party (`mapSides`), or, where the
 * entry says which pairs its sources tie (`pairs`), those only. Empty when the map draws nothing for it.
 */
export function mapPairs(everyone: Pick<Catalog, 'institutions'>, a: Arrangement): { platform: Institution; institution: Institution }[] {
  const sides = mapSides(everyone, a);
  if (!sides) return [];
  return sides.platforms.flatMap((platform) =>
    sides.others.filter((institution) => !a.pairs || a.pairs.some(([p, o]) => p === platform.id && o === institution.id)).map((institution) => ({ platform, institution })),
  );
}

const byName = (a: MapNode, b: MapNode) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
const nodeOf = (i: Institution): MapNode => ({ id: i.id, name: i.name, country: i.country, kind: i.kind });

/**
 * Build the map from `catalog` and the enabled custom lists.
 * @returns nodes and links, sorted; a party id the catalog and lists do not know is skipped (a custom list's
 *   cross-references are checked at import, lib/config).
 */
export function buildMapGraph(catalog: Pick<Catalog, 'institutions' | 'arrangements'>, lists: readonly MapList[] = []): MapGraph {
  const everyone = { institutions: [...catalog.institutions, ...lists.flatMap((l) => l.institutions)] };
  const platforms = new Map<string, MapNode>();
  const institutions = new Map<string, MapNode>();
  const links: MapLink[] = [];
  const offMap: OffMapEntry[] = [];
  const entries = [...catalog.arrangements.map((a) => ({ a, list: undefined as string | undefined })), ...lists.flatMap((l) => l.arrangements.map((a) => ({ a, list: l.id })))];
  for (const { a, list } of entries) {
    if (a.kind !== 'arrangement') continue;
    const sides = mapSides(everyone, a);
    const pairs = mapPairs(everyone, a);
    const latest = a.status[a.status.length - 1]!;
    const year = Math.min(...a.status.map((s) => Number(s.date.slice(0, 4))));
    if (!sides || !pairs.length) {
      const parties = a.parties.map((id) => findInstitution(everyone, id)).filter((i): i is Institution => i !== undefined);
      offMap.push({ arrangement: a.id, parties: parties.map(nodeOf), status: latest.status, year });
      continue;
    }
    const level = sourcing(a).level;
    for (const { platform: p, institution: o } of pairs) {
      platforms.set(p.id, nodeOf(p));
      institutions.set(o.id, nodeOf(o));
      links.push({ id: `${a.id}|${p.id}|${o.id}`, arrangement: a.id, platform: p.id, institution: o.id, status: linkStatus(everyone, a, sides, p.id, o.id), sourcing: level, year, ...(list ? { list } : {}) });
    }
  }
  const sortedInstitutions = [...institutions.values()].sort((a, b) => a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind) || byName(a, b));
  return {
    platforms: [...platforms.values()].sort(byName),
    institutions: sortedInstitutions,
    links: links.sort((x, y) => x.id.localeCompare(y.id)),
    offMap: offMap.sort((x, y) => x.arrangement.localeCompare(y.arrangement)),
  };
}

/** What the map shows: each field, when given and not empty, keeps only the links that match one of its values. */
export interface MapFilter {
  platforms?: readonly string[];
  countries?: readonly string[];
  kinds?: readonly string[];
  statuses?: readonly Status[];
  /** Inclusive range of the arrangement's first year. */
  years?: readonly [number, number];
  /** An institution to focus on: only its links. */
  focus?: string;
}

/**
 * The graph with only the links `filter` keeps, and only the nodes those links reach; the off-map
 * arrangements by the same filter (focus and country and kind on their parties, status, year; none when
 * platforms are chosen, as they have none), so the count beside a focused map is about that map. Pure.
 */
export function filterMap(graph: MapGraph, filter: MapFilter): MapGraph {
  const has = <T>(list: readonly T[] | undefined, value: T) => !list || list.length === 0 || list.includes(value);
  const inst = new Map(graph.institutions.map((n) => [n.id, n]));
  const links = graph.links.filter((l) => {
    const o = inst.get(l.institution)!;
    if (filter.focus && l.institution !== filter.focus && l.platform !== filter.focus) return false;
    if (filter.years && (l.year < filter.years[0] || l.year > filter.years[1])) return false;
    return has(filter.platforms, l.platform) && has(filter.countries, o.country) && has(filter.kinds, o.kind) && has(filter.statuses, l.status);
  });
  const ps = new Set(links.map((l) => l.platform));
  const is = new Set(links.map((l) => l.institution));
  const offMap = graph.offMap.filter((o) => {
    if (filter.platforms?.length) return false;
    if (filter.focus && !o.parties.some((p) => p.id === filter.focus)) return false;
    if (filter.years && (o.year < filter.years[0] || o.year > filter.years[1])) return false;
    const byParty = filter.countries?.length || filter.kinds?.length;
    const others = o.parties.filter((p) => p.kind !== 'regulator');
    return (!byParty || others.some((p) => has(filter.countries, p.country) && has(filter.kinds, p.kind))) && has(filter.statuses, o.status);
  });
  return { platforms: graph.platforms.filter((n) => ps.has(n.id)), institutions: graph.institutions.filter((n) => is.has(n.id)), links, offMap };
}
