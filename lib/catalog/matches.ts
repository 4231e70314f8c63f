/**
 * Content-script match patterns generated from the catalog: every domain of every institution that is
 * not a platform (banks, card issuers, payment apps, aggregators...). Platforms' own sites are first party
 * and get no observer. Used by wxt.config.ts when it writes the manifest, so the extension asks for exactly
 * the sites it knows, never `<all_urls>`.
 */
import type { Catalog } from './schema';

/** Sorted, unique match patterns: `*://chase.com/*` and `*://*.chase.com/*` for each domain rule. */
export function contentScriptMatches(catalog: Pick<Catalog, 'institutions'>): string[] {
  const patterns = new Set<string>();
  for (const institution of catalog.institutions) {
    if (institution.kind === 'platform' || institution.kind === 'regulator') continue;
    for (const rule of institution.domains) {
      if (rule.path !== undefined) continue;
      patterns.add(`*://${rule.domain}/*`);
      patterns.add(`*://*.${rule.domain}/*`);
    }
  }
  return [...patterns].sort();
}
