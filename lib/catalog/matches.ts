/**
 * Content-script match patterns generated from the catalog: every domain of every institution of a watched
 * kind (`isWatchedKind`: banks, card issuers, payment apps, aggregators...). Platforms' own sites are first
 * party, regulators' and data brokers' are recognised only: they get no observer. Used by wxt.config.ts when it writes the manifest, so the extension asks for exactly
 * the sites it knows, never `<all_urls>`.
 */
import { isWatchedKind, type Catalog } from './schema';

/**
 * Sorted, unique match patterns, one per domain rule: `*://*.chase.com/*`, which matches chase.com itself
 * and every host under it (Chrome's match patterns: "*.google.com matches google.com and any subdomain";
 * MDN: "*.mozilla.org" matches mozilla.org and its subdomains). One pattern per domain keeps the manifest
 * of a directory of thousands of domains (issue 21) half the size the two-pattern form took.
 */
export function contentScriptMatches(catalog: Pick<Catalog, 'institutions'>): string[] {
  const patterns = new Set<string>();
  for (const institution of catalog.institutions) {
    if (!isWatchedKind(institution.kind)) continue;
    for (const rule of institution.domains) {
      if (rule.path !== undefined) continue;
      patterns.add(`*://*.${rule.domain}/*`);
    }
  }
  return [...patterns].sort();
}
