/**
 * The content script's cheap first filter: which request and link hosts are worth sending to the
 * background for classification. It is deliberately a superset (registrable domains only), so the content
 * script stays tiny (no public suffix list) and the precise rules live in `lib/evidence` alone. A unit test
 * checks that every domain with an endpoint rule is listed here.
 */

/** Registrable domains of platform tracking endpoints (see `endpointDomains()` in ./index.ts). */
export const REQUEST_DOMAINS: readonly string[] = [
  'facebook.com',
  'facebook.net',
  'google.com',
  'google-analytics.com',
  'googletagmanager.com',
  'googleadservices.com',
  'googlesyndication.com',
  'doubleclick.net',
  'bing.com',
  'clarity.ms',
  'licdn.com',
  'linkedin.com',
  'tiktok.com',
  'ads-twitter.com',
  'twitter.com',
  'x.com',
  't.co',
  'amazon-adsystem.com',
];

/** Registrable domains of Meta's apps that a page may link to ("Linked" evidence). */
export const LINK_DOMAINS: readonly string[] = ['m.me', 'messenger.com', 'facebook.com', 'fb.me', 'fb.com', 'instagram.com', 'instagr.am', 'wa.me', 'whatsapp.com'];

/** True when `host` is one of `domains` or a subdomain of one (dot boundary). */
export function hostIn(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const d of domains) {
    if (h === d || (h.length > d.length && h.endsWith(d) && h.charCodeAt(h.length - d.length - 1) === 46)) return true;
  }
  return false;
}
