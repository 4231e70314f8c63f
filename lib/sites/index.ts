/**
 * Site classification: URL -> which catalog institution owns the site, and by which rule.
 *
 * How a URL is matched: the host (lib/url, the WHATWG parser's: userinfo, case, ports and a trailing dot
 * read as the browser reads them) is reduced to its registrable domain (eTLD+1) with the public suffix
 * list (lib/url's `siteOfHost`, tldts), and one map probe on that registrable domain gives the few rules
 * at or under it (most URLs, on sites the catalog does not know, stop there); the host must then equal a
 * rule's domain or end with `.` + it (`hostAtOrUnder`), so a rule never reaches above the registrable
 * domain. So `online.citi.com` finds the `citi.com` rule, `chase.com.example` (registrable domain
 * `com.example`) finds nothing, and `hsbc.com` never covers `hsbc.co.uk`. The most specific host wins;
 * at one host, a rule with a path prefix (`facebook.com` + `/messages` = Messenger) beats the bare rule.
 *
 * Only `http:` and `https:` URLs are classified; every other input, malformed strings included, gives null.
 * Pure: no browser APIs, no I/O.
 */
import { parse } from 'tldts';
import { hostAtOrUnder, hostOf, parseHttpUrl, siteOfHost } from '../url';
import { groupRoot, type Catalog, type InstitutionKind } from '../catalog';
import { bundledWorld, compiledSiteOf } from '../directory';

/** The answer for a URL on a site the catalog knows. */
export interface SiteMatch {
  /** Lowercase host name of the URL, without port or trailing dot, e.g. `online.citi.com`. */
  host: string;
  /** Registrable domain (eTLD+1) of the host, e.g. `citi.com`; the unit of per-site decisions. */
  site: string;
  /** Id of the institution owning the site, e.g. `citigroup`. */
  institution: string;
  /** Id of the top of its group (`chase` -> `jpmorgan-chase`); equal to `institution` when it has none. */
  group: string;
  /** The institution's kind: `platform` sites are first party to the platform, never "tracked". */
  role: InstitutionKind;
  /** The catalog rule that matched: a domain, and a path prefix when the rule has one. */
  rule: { domain: string; path?: string };
}

interface IndexedRule {
  institution: string;
  role: InstitutionKind;
  group: string;
  domain: string;
  /** The domain is the registrable domain itself: every host of that registrable domain is under it. */
  atSite: boolean;
  path?: string;
}

/** A classifier over a given set of institutions (the bundled catalog, or one with custom lists added). */
export interface SiteClassifier {
  classify(url: string): SiteMatch | null;
}

/**
 * Longest part of a URL read: a longer one (a sign-in redirect with a SAML or OAuth payload can pass 8 kB)
 * is read up to here, which holds its scheme, host and the start of its path, as long as its authority
 * ends within it; otherwise it has no site worth a lookup.
 */
const MAX_URL_LENGTH = 8192;

/** The URL, or its first `MAX_URL_LENGTH` characters when its authority (scheme://host) ends within them; else null. */
function readable(url: string): string | null {
  if (url.length <= MAX_URL_LENGTH) return url;
  const head = url.slice(0, MAX_URL_LENGTH);
  const start = head.indexOf('//');
  return start >= 0 && /[/?#]/.test(head.slice(start + 2)) ? head : null;
}

/**
 * Build a classifier. `knownSiteOf` gives the registrable domain of rules whose answer is known already (the
 * compiled directory's, lib/directory `compiledSiteOf`); the others ask the Public Suffix List. Cost: one map entry per registrable domain with rules; each lookup is one WHATWG
 * parse, one `tldts.getDomain` of the host and one map probe, whatever the catalog's size. Rules' domains
 * are registrable domains or hosts below one (the catalog check and list validation refuse IPs and bare
 * public suffixes), so no key of the map is an IP or `localhost`, and such URLs find nothing.
 */
export function createSiteClassifier(catalog: Pick<Catalog, 'institutions'>, knownSiteOf: (domain: string) => string | undefined = () => undefined): SiteClassifier {
  const bySite = new Map<string, IndexedRule[]>();
  for (const institution of catalog.institutions) {
    const group = groupRoot(catalog, institution.id);
    for (const rule of institution.domains) {
      const site = knownSiteOf(rule.domain) ?? siteOfHost(rule.domain);
      if (!site) continue;
      const list = bySite.get(site) ?? [];
      list.push({ institution: institution.id, role: institution.kind, group, domain: rule.domain, atSite: rule.domain === site, path: rule.path });
      bySite.set(site, list);
    }
  }
  // Most specific first: longer domains first; at one domain, path rules (longest first) before the bare rule.
  for (const list of bySite.values()) list.sort((a, b) => b.domain.length - a.domain.length || (b.path?.length ?? 0) - (a.path?.length ?? 0));

  function classify(url: string): SiteMatch | null {
    if (typeof url !== 'string') return null;
    const text = readable(url);
    if (text === null) return null;
    url = text;
    const host = hostOf(url);
    if (host === null) return null;
    const site = siteOfHost(host);
    const rules = site === null ? undefined : bySite.get(site);
    if (rules === undefined) return null;

    let path: string | undefined;
    for (const rule of rules) {
      if (!rule.atSite && !hostAtOrUnder(host, rule.domain)) continue;
      if (rule.path !== undefined) {
        path ??= (parseHttpUrl(url)?.pathname ?? '').toLowerCase();
        if (path !== rule.path && !path.startsWith(rule.path + '/')) continue;
      }
      return {
        host,
        site: site!,
        institution: rule.institution,
        group: rule.group,
        role: rule.role,
        rule: rule.path === undefined ? { domain: rule.domain } : { domain: rule.domain, path: rule.path },
      };
    }
    return null;
  }

  return { classify };
}

let bundled: SiteClassifier | undefined;

/**
 * Classify a URL against the bundled directory (the catalog's institutions and the directory's, lib/directory). Never throws.
 * @param url any string; tab URLs as the browser reports them.
 * @returns the owning institution and the matched rule, or null for unknown sites, non-http(s) URLs,
 *   IP addresses, hosts without a registrable domain (localhost) and malformed input.
 */
export function classifyUrl(url: string): SiteMatch | null {
  bundled ??= createSiteClassifier(bundledWorld(), compiledSiteOf);
  return bundled.classify(url);
}

/**
 * What a person typed as a site ("chase.com", "WWW.Chase.com", "https://secure.chase.com/x") reduced to
 * its registrable domain (`chase.com`), the key of per-site decisions. Null when it has none: an IP
 * address, localhost, a bare public suffix ("co.uk"), or text that is not a host name.
 */
export function parseSiteInput(input: string): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (!text || text.length > 2048) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  // The host as the browser reads it (lib/url, WHATWG: IDNA-mapped to punycode, percent-decoded, ignorable
  // characters dropped, userinfo and backslash tricks resolved), so a decision keys on the same text as
  // the tab URLs it must match. Found by fuzzing: `a\ufeffds-twitter.com` used to give a key no tab has.
  const host = hostOf(withScheme);
  if (host === null) return null;
  // tldts for what lib/url does not answer: whether the host is an IP and its suffix an ICANN one.
  const parsed = parse(host);
  if (!parsed.domain || parsed.isIp || !parsed.isIcann) return null;
  const domain = parsed.domain.toLowerCase();
  // Browsers accept `_` in host names, but no registry lets one into a registrable domain: "_.ac" is no
  // site (found by fuzzing). Letters, digits and hyphens in dot-separated labels only.
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}
