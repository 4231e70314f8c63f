/**
 * The content script's cheap first filter: which link hosts are worth sending to the background for
 * classification. It is deliberately a superset (registrable domains only), so the content script stays
 * tiny (no public suffix list) and the precise rules live in `lib/evidence` alone. The lists are generated
 * from the catalog and the endpoint rules (./prefilter.generated.ts, by scripts/prefilter-domains.ts); a
 * unit test fails when they drift.
 */
export { LINK_DOMAINS, REQUEST_DOMAINS } from './prefilter.generated';

/** True when `host` is one of `domains` or a subdomain of one (dot boundary). */
export function hostIn(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const d of domains) {
    if (h === d || (h.length > d.length && h.endsWith(d) && h.charCodeAt(h.length - d.length - 1) === 46)) return true;
  }
  return false;
}
