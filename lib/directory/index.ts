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

let world: Catalog | undefined;
let patterns: string[] | undefined;

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
