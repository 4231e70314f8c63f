/**
 * How the prefilter's domain lists (./prefilter.generated.ts) are derived, so they are generated, never
 * copied by hand: `npx tsx scripts/prefilter-domains.ts` rewrites the generated file from these functions,
 * and a unit test fails when the file and the catalog or the rules disagree.
 */
import type { Catalog } from '../catalog/schema';
import { siteOfHost } from '../url';
import { endpointDomains, LINK_PLATFORM_IDS } from './index';

/** Registrable domains of every platform endpoint rule, sorted. */
export function requestDomains(): string[] {
  return [...new Set(endpointDomains().map((e) => e.domain))].sort();
}

/**
 * Registrable domains of the apps `classifyLink` reports (Facebook, Messenger, Instagram, WhatsApp), from
 * their catalog entries, sorted; a rule with a path (`facebook.com/messages`) gives its domain.
 */
export function linkDomains(catalog: Pick<Catalog, 'institutions'>): string[] {
  const out = new Set<string>();
  for (const institution of catalog.institutions) {
    if (!LINK_PLATFORM_IDS.includes(institution.id)) continue;
    for (const rule of institution.domains) out.add(siteOfHost(rule.domain) ?? rule.domain);
  }
  return [...out].sort();
}
