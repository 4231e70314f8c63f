/**
 * The content script's cheap first filter: which link hosts are worth sending to the background for
 * classification. It is deliberately a superset (registrable domains only), so the content script stays
 * tiny (no public suffix list) and the precise rules live in `lib/evidence` alone. The lists are generated
 * from the catalog and the endpoint rules (./prefilter.generated.ts, by scripts/prefilter-domains.ts); a
 * unit test fails when they drift.
 */
import { hostAtOrUnder } from '../url/parse';

export { LINK_DOMAINS, REQUEST_DOMAINS } from './prefilter.generated';

/** True when `host` is one of `domains` or a subdomain of one (lib/url's `hostAtOrUnder`; tldts-free import). */
export function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => hostAtOrUnder(host, d));
}
