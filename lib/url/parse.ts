/**
 * The tldts-free half of lib/url: http(s) parsing, hosts, origins, dot-boundary host comparison and query
 * names. Split from ./index.ts (which adds registrable domains through tldts and the Public Suffix List)
 * so that code bundled into content scripts can import these without the suffix list. Import `lib/url`
 * elsewhere; this file is its implementation detail.
 *
 * The idea: one parser, the WHATWG URL standard's (https://url.spec.whatwg.org/), the one the browser uses
 * to decide which host it connects to. It resolves userinfo (`https://chase.com@evil.example/` is
 * evil.example), backslashes, percent-encoded and Unicode hosts (IDNA to punycode), upper case, IPv4
 * shorthands and IPv6 the way the browser does; on top of it Linkwatch removes the one trailing dot of a
 * fully qualified name (`chase.com.` is chase.com) and refuses hosts with an empty label (`a..b`), which
 * no DNS name has. Pure: no browser API, no I/O; nothing here throws on any input.
 */

/** An http(s) URL as the WHATWG parser reads it, with the host in Linkwatch's one canonical form. */
export interface HttpUrl {
  /** The URL serialized by the WHATWG parser (`https://user@www.chase.com/`: userinfo kept, host as parsed). */
  href: string;
  protocol: 'http:' | 'https:';
  /** Lowercase host name (punycode for Unicode names), trailing dot removed, no port; IPv6 in brackets (`[::1]`). */
  host: string;
  /** The port when it is not the scheme's default (`'8080'`), else `''`. */
  port: string;
  /** `scheme://host[:port]` built from `host` above (so without the trailing dot). */
  origin: string;
  /** The path, at least `/` (dot segments resolved, unusual characters percent-encoded, as WHATWG gives). */
  pathname: string;
  /** `?` and the query, or `''`. */
  search: string;
  /** `#` and the fragment, or `''`. */
  hash: string;
}

/**
 * Parse an http(s) URL with the WHATWG parser.
 * @param url any value; tab and request URLs as the browser reports them, links as pages write them.
 * @returns the parts, or null (never throws) for a value that is not a string, an empty string, a string
 *   the parser refuses, a scheme other than `http:`/`https:` (`javascript:`, `chrome-extension:`, `wss:`,
 *   `file:`), and a host that is empty or has an empty label (`http://./`, `http://a..b/`).
 */
export function parseHttpUrl(url: string | null | undefined): HttpUrl | null {
  const parsed = parseWhatwg(url);
  if (parsed === null) return null;
  const { u, protocol, host } = parsed;
  const port = u.port;
  return {
    href: u.href,
    protocol,
    host,
    port,
    origin: `${protocol}//${host}${port ? ':' + port : ''}`,
    pathname: u.pathname || '/',
    search: u.search,
    hash: u.hash,
  };
}

/** The WHATWG parse of an http(s) URL with its canonical host; null as `parseHttpUrl` says. */
function parseWhatwg(url: unknown): { u: URL; protocol: 'http:' | 'https:'; host: string } | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const protocol = u.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  const host = canonicalHost(u.hostname);
  return host === null ? null : { u, protocol, host };
}

/**
 * WHATWG hostname -> Linkwatch's form: one trailing dot removed; null when empty or with an empty label.
 * Already lowercase: for http(s) the parser lowercases domains (IDNA) and serializes IP addresses itself.
 */
function canonicalHost(hostname: string): string | null {
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (host === '' || (host[0] !== '[' && (host.startsWith('.') || host.includes('..')))) return null;
  return host;
}

/** The canonical host of an http(s) URL (`parseHttpUrl(url)?.host`), or null. */
export function hostOf(url: string | null | undefined): string | null {
  // Not through parseHttpUrl: reading only the host skips serializing the other parts (hot in classifyUrl).
  return parseWhatwg(url)?.host ?? null;
}

/**
 * The origin `scheme://host[:port]` of an http(s) URL, the host in canonical form
 * (`HTTPS://User@WWW.Chase.com.:443/x` gives `https://www.chase.com`), or null. Other schemes give null:
 * an extension page's origin is not an http question (lib/router compares those itself).
 */
export function originOf(url: string | null | undefined): string | null {
  return parseHttpUrl(url)?.origin ?? null;
}

/**
 * True for a link Linkwatch may store or render (DESIGN.md, privacy and security promises): an `https:` URL
 * (as `parseHttpUrl` reads it) without credentials (`https://user:pass@host/` is refused: a link whose
 * text can hide where it goes). False for anything else, `http:` included.
 */
export function isHttpsLink(url: string | null | undefined): url is string {
  const parsed = parseWhatwg(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.u.username === '' && parsed.u.password === '';
}

/**
 * True when `host` is `domain` or a subdomain of it, at a dot boundary: `online.citi.com` is under
 * `citi.com`; `notciti.com` and `citi.com.evil.example` are not. Both sides are compared
 * lowercased with one trailing dot removed; an empty side is never matched. Plain string comparison: pass
 * hosts as `hostOf` gives them (the function does not parse URLs), domains as the catalog writes them.
 */
export function hostAtOrUnder(host: string, domain: string): boolean {
  if (typeof host !== 'string' || typeof domain !== 'string') return false;
  const h = trimDot(host).toLowerCase();
  const d = trimDot(domain).toLowerCase();
  if (h === '' || d === '') return false;
  return h === d || (h.length > d.length && h.charCodeAt(h.length - d.length - 1) === 46 /* . */ && h.endsWith(d));
}

const trimDot = (name: string): string => (name.endsWith('.') ? name.slice(0, -1) : name);

/**
 * Decode one name (or value) of an `application/x-www-form-urlencoded` query: `+` is a space, `%XX` a
 * UTF-8 byte (the URL standard's form-urlencoded parser). Text that is not valid percent-encoding
 * (`%zz`, a lone `%E9`) is returned as it is rather than refused.
 */
export function decodeQueryName(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Most names read from one query or body by default. */
const MAX_QUERY_NAMES = 500;

/**
 * The names of `a=1&b=2&c` (`['a', 'b', 'c']`), decoded (`decodeQueryName`), in order, empty names skipped,
 * at most `max`; values are never read. Pass the query without its leading `?`.
 */
export function queryNames(query: string, max: number = MAX_QUERY_NAMES): string[] {
  const names: string[] = [];
  if (typeof query !== 'string' || query === '') return names;
  for (const part of query.split('&')) {
    if (names.length >= max) break;
    const eq = part.indexOf('=');
    const name = decodeQueryName(eq < 0 ? part : part.slice(0, eq));
    if (name) names.push(name);
  }
  return names;
}

/**
 * The names of a URL's query as the WHATWG parser splits it (the fragment excluded), for any scheme the
 * parser accepts (`wss:` too: webRequest reports WebSocket addresses); `[]` for no query or a string the
 * parser refuses.
 */
export function urlQueryNames(url: string): string[] {
  if (typeof url !== 'string' || !url.includes('?')) return [];
  let search: string;
  try {
    search = new URL(url).search;
  } catch {
    return [];
  }
  return queryNames(search.slice(1));
}

/**
 * The match pattern that covers a site and every host under it, `*://*.example.com/*` (in both browsers'
 * match patterns `*.example.com` covers example.com itself). The one form in which Linkwatch asks for a
 * site's host permission (the popup's "Watch this site", issue 21) and reads grants back (`siteOfPattern`).
 */
export function sitePattern(site: string): string {
  return `*://*.${site}/*`;
}

/** The site of a pattern of `sitePattern`'s form (`*://*.example.com/*` -> `example.com`), else null. */
export function siteOfPattern(pattern: string): string | null {
  const m = typeof pattern === 'string' ? /^\*:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern) : null;
  return m ? m[1]! : null;
}

/**
 * The sites granted at the person's request: the `sitePattern`s among `granted` (permissions.getAll's
 * origins) that the manifest does not declare (`declared`: its host permissions, or MV2 permissions),
 * sorted. What the options page lists under "Sites you asked Linkwatch to watch".
 */
export function userGrantedSites(granted: readonly string[], declared: readonly string[]): string[] {
  const fixed = new Set(declared);
  return [...new Set(granted.filter((p) => !fixed.has(p)).flatMap((p) => siteOfPattern(p) ?? []))].sort();
}

/**
 * True when `host` or one of its parent domains (at dot boundaries) is in `domains`: one set probe per label,
 * whatever the set's size. How a `*://*.d/*` grant or match pattern is read for a host (issue 21).
 */
export function hostUnderAny(host: string, domains: ReadonlySet<string>): boolean {
  for (let h = host; ; ) {
    if (domains.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
}
