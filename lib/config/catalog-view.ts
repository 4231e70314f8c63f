/**
 * The catalog as the options page browses it: the bundled catalog plus the user's custom lists, each list
 * entry tagged with the list it comes from (DESIGN.md: custom lists "are shown as coming from that list,
 * never mixed silently with the bundled catalog"). Pure.
 */
import type { Catalog } from '../catalog';
import type { CustomList } from './schema';

/** Where a list entry comes from: its list's id, name, author, date and on/off switch. */
export interface ListSource {
  listId: string;
  name: string;
  author: string;
  date: string;
  enabled: boolean;
}

/**
 * `catalog`: the bundled institutions and arrangements followed by every list's (lists in the given order;
 * an id already present is skipped, so the bundled entry wins; import refuses such lists anyway);
 * `sources`: arrangement id -> its list, for list entries only (a bundled entry has none).
 */
export interface CatalogView {
  catalog: Catalog;
  sources: ReadonlyMap<string, ListSource>;
}

/** The bundled catalog with `lists`' entries (switched-off lists included: the catalog page says so). */
export function catalogWithLists(bundled: Catalog, lists: readonly CustomList[]): CatalogView {
  if (lists.length === 0) return { catalog: bundled, sources: new Map() };
  const institutions = [...bundled.institutions];
  const arrangements = [...bundled.arrangements];
  const institutionIds = new Set(institutions.map((i) => i.id));
  const arrangementIds = new Set(arrangements.map((a) => a.id));
  const sources = new Map<string, ListSource>();
  for (const list of lists) {
    const source: ListSource = { listId: list.id, name: list.name, author: list.author, date: list.date, enabled: list.enabled !== false };
    for (const inst of list.institutions ?? []) {
      if (institutionIds.has(inst.id)) continue;
      institutionIds.add(inst.id);
      institutions.push(inst);
    }
    for (const a of list.arrangements ?? []) {
      if (arrangementIds.has(a.id)) continue;
      arrangementIds.add(a.id);
      arrangements.push(a);
      sources.set(a.id, source);
    }
  }
  return { catalog: { ...bundled, institutions, arrangements }, sources };
}

/**
 * A catalog's counts the way docs/catalog.md states them: arrangements (entries that are not context) and
 * context entries, with `text` like "28 arrangements and 3 context entries" (English: diagnostics text).
 */
export function catalogCounts(catalog: Pick<Catalog, 'arrangements'>): { arrangements: number; context: number; text: string } {
  // The same split as lib/catalog/doc.ts (docs/catalog.md's first line).
  const context = catalog.arrangements.filter((a) => a.kind === 'context').length;
  const arrangements = catalog.arrangements.filter((a) => a.kind === 'arrangement').length;
  return { arrangements, context, text: `${arrangements} arrangements and ${context} context entries` };
}
