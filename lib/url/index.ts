/**
 * The one place for URL and host questions (issue 20): is this an http(s) URL, what is its host, its
 * origin, its site (registrable domain), is a host at or under a domain, what names does a query carry.
 * Every other module asks here instead of writing its own regular expression or `endsWith`, so that
 * `https://user@www.chase.com/`, `WWW.CHASE.COM.` and `https://www.chase.com:443/` get one answer everywhere.
 *
 * Sources of the rules: the WHATWG URL standard (the browser's own parser, `new URL`) for parsing and
 * query splitting; the Public Suffix List, through `tldts.getDomain`, for registrable domains. The
 * tldts-free functions live in ./parse.ts, which code bundled into content scripts and extension pages (the
 * popup, the catalog schema it reaches) imports alone: tldts carries the list, about 100 kB gzip, and the
 * popup's budget is 30 kB (test/unit/architecture.test.ts checks the popup never reaches this file).
 * Pure: no browser API, no I/O; nothing here throws on any input.
 */
import { getDomain } from 'tldts';
import { hostOf } from './parse';

export { decodeQueryName, hostAtOrUnder, hostOf, isHttpsLink, originOf, parseHttpUrl, queryNames, sitePattern, siteOfPattern, hostUnderAny, urlQueryNames, userGrantedSites, type HttpUrl } from './parse';

/**
 * The host is a name the WHATWG parser already extracted and checked (or a catalog domain, checked by the
 * catalog's own validation): tldts need neither look for a host in a URL nor validate it again.
 */
const HOST_ONLY = { extractHostname: false, validateHostname: false } as const;

/**
 * The site of a host: its registrable domain (eTLD+1 by the Public Suffix List's ICANN section, via
 * `tldts.getDomain`): `online.citi.com` -> `citi.com`, `www.bbc.co.uk` -> `bbc.co.uk`. A host with no
 * registrable domain gives itself: IP addresses (`192.168.0.1`, `[::1]`), `localhost`, single labels and
 * bare public suffixes (`co.uk`). `''` gives null. Pass a canonical host (`hostOf`); a trailing dot and
 * upper case are forgiven.
 */
export function siteOfHost(host: string): string | null {
  if (typeof host !== 'string') return null;
  const h = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
  if (h === '') return null;
  if (h.startsWith('[')) return h;
  return getDomain(h, HOST_ONLY) ?? h;
}

/** The site (`siteOfHost`) of an http(s) URL's host, or null when it is not an http(s) URL. */
export function siteOfUrl(url: string | null | undefined): string | null {
  const host = hostOf(url);
  return host === null ? null : siteOfHost(host);
}
