/**
 * The catalog: bundled, curated data about institutions and reported arrangements, and the queries the
 * background and the popup need over it.
 *
 * The data lives in `assets/catalog/*.json` so that it is reviewed as data, not code. It is validated
 * against the schema at build time (`validateBundledCatalog`, from wxt.config.ts), not in the worker; the
 * unit tests run the full check (`check.ts`) so a catalog that fails never ships.
 */
import * as v from 'valibot';
import institutionsFile from '../../assets/catalog/institutions.json';
import arrangementsFile from '../../assets/catalog/arrangements.json';
import { CatalogSchema, type Arrangement, type Catalog, type Institution } from './schema';

export * from './schema';

/** The raw bundled catalog, merged from its files but not validated. */
export function rawBundledCatalog(): unknown {
  return {
    version: arrangementsFile.version,
    institutions: institutionsFile.institutions,
    arrangements: arrangementsFile.arrangements,
  };
}

let cached: Catalog | undefined;

/**
 * The bundled catalog. Not validated here: the service worker starts on every navigation after it was
 * stopped, and running the schema over the whole catalog there delayed the first badge (issue 14).
 * `validateBundledCatalog` runs at build time instead (wxt.config.ts fails the build) and in the unit tests,
 * and also checks that the data is already in the schema's output form, so this cast is exact.
 */
export function bundledCatalog(): Catalog {
  return (cached ??= rawBundledCatalog() as Catalog);
}

/**
 * The full schema check of the bundled catalog, for the build and the tests (never the worker).
 * @throws Error naming the first broken field, or saying the data differs from the schema's output
 *   (untrimmed text, unknown keys), which `bundledCatalog` relies on not happening.
 */
export function validateBundledCatalog(): Catalog {
  const raw = rawBundledCatalog();
  const result = v.safeParse(CatalogSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`Bundled catalog is invalid at ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  if (JSON.stringify(result.output) !== JSON.stringify(raw)) throw new Error('Bundled catalog is not in canonical form (untrimmed text or unknown keys): fix assets/catalog');
  return result.output;
}

// Institution lookups by id, built once per catalog object (catalogs are not mutated once loaded).
const indexes = new WeakMap<readonly Institution[], Map<string, Institution>>();
function institutionIndex(catalog: Pick<Catalog, 'institutions'>): Map<string, Institution> {
  let index = indexes.get(catalog.institutions);
  if (!index) {
    index = new Map(catalog.institutions.map((i) => [i.id, i]));
    indexes.set(catalog.institutions, index);
  }
  return index;
}

/** Institution by id, or undefined. */
export function findInstitution(catalog: Pick<Catalog, 'institutions'>, id: string): Institution | undefined {
  return institutionIndex(catalog).get(id);
}

/** The top of an institution's group chain (`chase` -> `jpmorgan-chase`); itself when it has no group. */
export function groupRoot(catalog: Pick<Catalog, 'institutions'>, id: string): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    seen.add(current);
    const parent = findInstitution(catalog, current)?.group;
    if (parent === undefined || seen.has(parent)) return current;
    current = parent;
  }
}

/**
 * Every institution in the same group as `id`: the group's root and all its members
 * (for `messenger`: meta, facebook, messenger, instagram, whatsapp).
 */
export function groupFamily(catalog: Pick<Catalog, 'institutions'>, id: string): Set<string> {
  const root = groupRoot(catalog, id);
  return new Set(catalog.institutions.filter((i) => groupRoot(catalog, i.id) === root).map((i) => i.id));
}

/** The date of an arrangement's latest status step (YYYY[-MM[-DD]]), used to sort most recent first. */
export function latestDate(a: Arrangement): string {
  return a.status.reduce((max, s) => (s.date > max ? s.date : max), '');
}

/**
 * Arrangements that name the institution or any member of its group, most recent first (by the latest
 * status step; ties by id). A bank's site shows its group's arrangements; Messenger shows Meta's (issue 3).
 */
export function arrangementsForInstitution(catalog: Pick<Catalog, 'institutions' | 'arrangements'>, id: string): Arrangement[] {
  const family = groupFamily(catalog, id);
  return catalog.arrangements
    .filter((a) => a.parties.some((p) => family.has(p)))
    .sort((x, y) => latestDate(y).localeCompare(latestDate(x)) || x.id.localeCompare(y.id));
}
