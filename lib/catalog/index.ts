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
import { CatalogSchema, type Arrangement, type Catalog, type Institution, type InstitutionKind, type RelevanceClass } from './schema';

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

/** JSON text of a value with every object's keys sorted, so two values compare equal whatever their key order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

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
  // Key order does not matter to the cast, only values and keys: compare with keys sorted.
  if (sortedJson(result.output) !== sortedJson(raw)) throw new Error('Bundled catalog is not in canonical form (untrimmed text or unknown keys): fix assets/catalog');
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

/** Display order of the classes on a site: platform-and-bank reports first (DESIGN.md, "Most relevant first"). */
export const RELEVANCE_ORDER: readonly RelevanceClass[] = ['platform-bank', 'other', 'aggregator', 'regulation', 'context'];

/** Kinds that hold people's money or cards: a report between one of them and a platform is a platform-and-bank report. */
export const FINANCIAL_KINDS: ReadonlySet<InstitutionKind> = new Set(['bank', 'credit-union', 'building-society', 'neobank', 'broker', 'card-issuer', 'payment-app']);

/** The class of an arrangement (see `RelevanceClass`); unknown parties count as `other` companies. */
export function relevanceClass(catalog: Pick<Catalog, 'institutions'>, a: Arrangement): RelevanceClass {
  const kinds = a.parties.map((p) => findInstitution(catalog, p)?.kind ?? 'other');
  const has = (k: InstitutionKind) => kinds.includes(k);
  if (a.kind === 'context') return has('regulator') ? 'regulation' : 'context';
  if (has('aggregator') || has('data-broker')) return 'aggregator';
  if (has('platform') && kinds.some((k) => FINANCIAL_KINDS.has(k))) return 'platform-bank';
  if (has('regulator')) return 'regulation';
  if (has('platform')) return 'platform-bank';
  return 'other';
}

/** Ancestors of an institution, nearest first (`chase` -> [`jpmorgan-chase`]); empty at the top of a group. */
export function ancestors(catalog: Pick<Catalog, 'institutions'>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let parent = findInstitution(catalog, id)?.group;
  while (parent !== undefined && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = findInstitution(catalog, parent)?.group;
  }
  return out;
}

/**
 * Arrangements that name the institution or any member of its group, the most relevant first: the order
 * the popup, the notice's summary and the badge use (the first id is the report to name).
 *
 * 1. By class (`RELEVANCE_ORDER`): platform-and-bank reports, then other companies, aggregators,
 *    regulation, context.
 * 2. Within a class, entries naming this institution itself or one of its parent companies (Chase's page:
 *    JPMorgan Chase) before those that reach it only through another member of its group.
 * 3. Entries naming more financial institutions first: a report on several banks (the 2018 requests to
 *    four US banks) concerns more readers than one on a single bank or on a product of one bank. This is
 *    what puts the 2018 Messenger report first on the four seed banks and on Messenger (issue 13), ahead of
 *    later reports on one bank's own product (Google Plex with Citi).
 * 4. Most recent first (latest status step), then by id.
 * A bank's site shows its group's arrangements; Messenger shows Meta's (issue 3; ordering: issue 13).
 */
export function arrangementsForInstitution(catalog: Pick<Catalog, 'institutions' | 'arrangements'>, id: string): Arrangement[] {
  const family = groupFamily(catalog, id);
  const direct = new Set([id, ...ancestors(catalog, id)]);
  const rank = new Map<Arrangement, readonly [number, number, number]>();
  const list = catalog.arrangements.filter((a) => a.parties.some((p) => family.has(p)));
  for (const a of list) {
    const cls = RELEVANCE_ORDER.indexOf(relevanceClass(catalog, a));
    const isDirect = a.parties.some((p) => direct.has(p)) ? 0 : 1;
    const banks = -a.parties.filter((p) => FINANCIAL_KINDS.has(findInstitution(catalog, p)?.kind ?? 'other')).length;
    rank.set(a, [cls, isDirect, banks]);
  }
  return list.sort((x, y) => {
    const rx = rank.get(x)!;
    const ry = rank.get(y)!;
    return rx[0] - ry[0] || rx[1] - ry[1] || rx[2] - ry[2] || latestDate(y).localeCompare(latestDate(x)) || x.id.localeCompare(y.id);
  });
}

/** The arrangement ids `arrangementsForInstitution` gives, with each one's class (for the popup's labels). */
export function rankedArrangementsFor(
  catalog: Pick<Catalog, 'institutions' | 'arrangements'>,
  id: string,
): { arrangement: Arrangement; relevance: RelevanceClass }[] {
  return arrangementsForInstitution(catalog, id).map((arrangement) => ({ arrangement, relevance: relevanceClass(catalog, arrangement) }));
}

export { sourcing, describeSourcing, describeOwnership, describeRelevance, isCopy, sourceOrder, type Sourcing, type SourcingLevel } from './sourcing';
