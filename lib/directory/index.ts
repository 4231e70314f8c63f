/**
 * The directory at run time (issue 21): the catalog's institutions plus those the directory adds
 * (assets/directory/compiled.json, compiled at build time by scripts/directory.ts: the catalog's shape,
 * no sources), so that a person's own bank is recognised and watched even when nothing is reported about it.
 *
 * `bundledWorld()` is the bundled catalog with the directory's institutions: what the background
 * classifies a site with, names its owner from, and reads the catalog's reports through (a report names
 * catalog institutions only, so adding the directory changes no report). The options page's catalog keeps
 * `bundledCatalog()` (the reports and their parties).
 */
import compiled from '../../assets/directory/compiled.json';
import { bundledCatalog, type Catalog, type Institution } from '../catalog';
import { contentScriptMatches } from '../catalog/matches';
import { isWatchedKind } from '../catalog/schema';

let world: Catalog | undefined;
let patterns: string[] | undefined;
let watchedDomains: ReadonlySet<string> | undefined;
let compiledDomains: ReadonlySet<string> | undefined;

/** The bundled catalog whose `institutions` are the whole directory (catalog first). Built once. */
export function bundledWorld(): Catalog {
  if (!world) {
    const catalog = bundledCatalog();
    world = { ...catalog, institutions: [...catalog.institutions, ...(compiled.institutions as Institution[])] };
  }
  return world;
}

/** Every directory institution (the catalog's and the directory's). */
export function bundledDirectory(): readonly Institution[] {
  return bundledWorld().institutions;
}

/**
 * Match patterns of every watched site: each domain of each directory institution that is not a platform
 * or regulator (lib/catalog/matches). The same patterns are the observer content script's matches and the
 * manifest's host permissions for them (wxt.config.ts): a webRequest event for a request that a page
 * elsewhere makes is not delivered (measured: docs/permissions.md). One array, built once (callers may key
 * caches on it).
 */
export function watchedSitePatterns(): string[] {
  return (patterns ??= contentScriptMatches(bundledWorld()));
}

/**
 * The registrable domain of a rule of the compiled directory, known from the build (compiled.json's
 * `hostSites`; every other compiled rule is registrable itself), or undefined for any other domain (the
 * catalog's own rules, a list's): the classifier then asks the Public Suffix List as before.
 */
export function compiledSiteOf(domain: string): string | undefined {
  const hostSites = compiled.hostSites as Record<string, string>;
  if (Object.hasOwn(hostSites, domain)) return hostSites[domain];
  compiledDomains ??= new Set((compiled.institutions as Institution[]).flatMap((i) => i.domains.map((d) => d.domain)));
  return compiledDomains.has(domain) ? domain : undefined;
}

/**
 * The domains of `watchedSitePatterns()`, as a set: a page is watched when its host is one of them or under
 * one (lib/request-watch `isWatchedUrl`). Built from the institutions directly, once.
 */
export function watchedDomainSet(): ReadonlySet<string> {
  if (!watchedDomains) {
    const set = new Set<string>();
    for (const i of bundledWorld().institutions) {
      if (!isWatchedKind(i.kind)) continue;
      for (const d of i.domains) if (d.path === undefined) set.add(d.domain);
    }
    watchedDomains = set;
  }
  return watchedDomains;
}
