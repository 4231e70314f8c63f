/**
 * Site classification: URL -> which catalog institution owns the site, and by which rule.
 *
 * How a URL is matched: the host is reduced to its registrable domain (eTLD+1) with the public suffix
 * list (`tldts`), then looked up label by label from the full host down to the registrable domain, never
 * above it. So `online.citi.com` finds the `citi.com` rule, `chase.com.example` (registrable domain
 * `com.example`) finds nothing, and `hsbc.com` never covers `hsbc.co.uk`. The most specific host wins; at
 * one host, a rule with a path prefix (`facebook.com` + `/messages` = Messenger) beats the bare domain rule.
 *
 * Only `http:` and `https:` URLs are classified; every other input, malformed strings included, gives null.
 * Pure: no browser APIs, no I/O.
 */
import { parse } from 'tldts';
import { bundledCatalog, groupRoot, type Catalog, type Institution, type InstitutionKind } from '../catalog';

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
  institution: Institution;
  group: string;
  domain: string;
  path?: string;
}

/** A classifier over a given set of institutions (the bundled catalog, or one with custom lists added). */
export interface SiteClassifier {
  classify(url: string): SiteMatch | null;
}

const HTTP_SCHEME = /^\s*https?:\/\//i;

/**
 * Build a classifier. Cost: one map entry per domain rule; each lookup is one `tldts.parse` plus at most
 * one map probe per subdomain label, whatever the catalog's size.
 */
export function createSiteClassifier(catalog: Pick<Catalog, 'institutions'>): SiteClassifier {
  const byHost = new Map<string, IndexedRule[]>();
  for (const institution of catalog.institutions) {
    const group = groupRoot(catalog, institution.id);
    for (const rule of institution.domains) {
      const list = byHost.get(rule.domain) ?? [];
      list.push({ institution, group, domain: rule.domain, path: rule.path });
      // Path rules first, so the first rule whose path matches is the most specific.
      list.sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0));
      byHost.set(rule.domain, list);
    }
  }

  function classify(url: string): SiteMatch | null {
    if (typeof url !== 'string' || url.length > 8192 || !HTTP_SCHEME.test(url)) return null;
    const parsed = parse(url);
    const site = parsed.domain;
    let host = parsed.hostname;
    if (!site || !host || parsed.isIp) return null;
    if (host.endsWith('.')) host = host.slice(0, -1);
    host = host.toLowerCase();

    // Walk from the full host down to the registrable domain: a.b.citi.com, b.citi.com, citi.com.
    let candidate = host;
    for (;;) {
      const rules = byHost.get(candidate);
      if (rules) {
        const rule = pickRule(rules, url);
        if (rule) {
          return {
            host,
            site,
            institution: rule.institution.id,
            group: rule.group,
            role: rule.institution.kind,
            rule: rule.path === undefined ? { domain: rule.domain } : { domain: rule.domain, path: rule.path },
          };
        }
      }
      if (candidate.length <= site.length) return null;
      const dot = candidate.indexOf('.');
      if (dot < 0) return null;
      candidate = candidate.slice(dot + 1);
    }
  }

  return { classify };
}

/** The first rule that applies: a path rule only when the URL's path starts with it at a segment boundary. */
function pickRule(rules: readonly IndexedRule[], url: string): IndexedRule | undefined {
  let path: string | undefined;
  for (const rule of rules) {
    if (rule.path === undefined) return rule;
    path ??= pathOf(url);
    if (path === rule.path || path.startsWith(rule.path + '/')) return rule;
  }
  return undefined;
}

/** Lowercased path of a URL per the WHATWG parser (only reached for hosts that have path rules). */
function pathOf(url: string): string {
  try {
    return new URL(url.trim()).pathname.toLowerCase();
  } catch {
    return '';
  }
}

let bundled: SiteClassifier | undefined;

/**
 * Classify a URL against the bundled catalog. Never throws.
 * @param url any string; tab URLs as the browser reports them.
 * @returns the owning institution and the matched rule, or null for unknown sites, non-http(s) URLs,
 *   IP addresses, hosts without a registrable domain (localhost) and malformed input.
 */
export function classifyUrl(url: string): SiteMatch | null {
  bundled ??= createSiteClassifier(bundledCatalog());
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
  if (!HTTP_SCHEME.test(withScheme)) return null;
  const parsed = parse(withScheme);
  if (!parsed.domain || parsed.isIp || !parsed.isIcann) return null;
  return parsed.domain.toLowerCase();
}
