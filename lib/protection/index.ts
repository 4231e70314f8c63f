/**
 * Protection (issue 23): stop a bank's pages from reaching platforms' tracking endpoints, and nothing else.
 *
 * What is stopped. Exactly the endpoints lib/evidence knows (`endpointRules`), of the tracking kinds only
 * (`PROTECTED_KINDS`: pixels, their events, analytics, ads conversion and ads scripts). A platform's general
 * SDK and social plugins (`sdk`: the Facebook SDK, the like button, Messenger's chat plugin) are left alone,
 * so a bank's "chat with us" button keeps working; so are navigations (a link to m.me is the person's).
 *
 * From where. Requests whose initiator (the document or worker that made them) is on a protected site:
 * declarativeNetRequest's `initiatorDomains` (which also covers every host under a domain), with the sites
 * switched off per site in `excludedInitiatorDomains`. The choice:
 * - "every bank" (`all`) protects each domain of the directory's watched sites (lib/directory
 *   `watchedDomainSet`: banks, credit unions, card and payment firms; never a platform or regulator);
 * - a per-site choice (`sites`, by registrable domain) overrides it either way: on for a site the global
 *   switch leaves out (a site the person watches), off for a bank they want left alone.
 * A platform's own site is never protected (its pages calling its own endpoints are first party: blocking
 * them would break the platform, and Linkwatch never observes them either).
 *
 * How it is said. `protects` answers the same question as the rules, for lib/request-watch: a request the
 * browser reports as failed that Linkwatch's own rule covers reads "blocked by Linkwatch".
 *
 * Pure: no browser APIs (lib/background/protection applies the rules).
 */
import { endpointRules, type EndpointRule, type ObservationKind } from '../evidence';
import { classifyUrl } from '../sites';
import { hostAtOrUnder, hostUnderAny, siteOfHost } from '../url';
import { isWatchedKind } from '../catalog/schema';
import { PROTECTED_KINDS } from '../tab-state/count';

/** The kinds of endpoint protection stops (lib/evidence `ObservationKind`); `sdk` stays working. */
export { PROTECTED_KINDS };

/** One per-site choice: `protect` true to stop requests from that site, false to leave it alone. */
export interface SiteProtection {
  /** Registrable domain (eTLD+1), e.g. `chase.com`. */
  site: string;
  protect: boolean;
  /** ISO 8601 instant the choice was made. */
  createdAt: string;
}

/** The person's choices: the global switch (off by default) and per-site overrides. */
export interface ProtectionChoices {
  all: boolean;
  sites: readonly Pick<SiteProtection, 'site' | 'protect'>[];
}

/** Where the rules apply: initiator domains (each covers its subdomains) and those left out. Both sorted, unique. */
export interface ProtectionPlan {
  initiators: string[];
  excluded: string[];
}

/** A declarativeNetRequest rule as Linkwatch writes it (the subset of `chrome.declarativeNetRequest.Rule`). */
export interface BlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: false;
    requestDomains: string[];
    initiatorDomains: string[];
    excludedInitiatorDomains?: string[];
    excludedResourceTypes: ['main_frame'];
  };
}

/** True when `site` is a platform's own site (or an endpoint host's domain): never protected. */
export function isPlatformSite(site: string): boolean {
  let answer = platformSites.get(site);
  if (answer === undefined) {
    const match = classifyUrl(`https://${site}/`);
    endpointSites ??= new Set(endpointRules().flatMap((r) => r.hosts.flatMap((h) => siteOfHost(h.replace(/^\*\./, '')) ?? [])));
    answer = (match !== null && !isWatchedKind(match.role)) || endpointSites.has(site);
    // The bundled directory does not change while the extension runs: each domain is asked once.
    if (platformSites.size < 10_000) platformSites.set(site, answer);
  }
  return answer;
}
let endpointSites: ReadonlySet<string> | undefined;
const platformSites = new Map<string, boolean>();

/**
 * The domain a per-site choice is kept under for a page on `host`: the most specific watched domain the host
 * is at or under, from the directory (`bankDomains`: `chase.com`, or `mybank.my.site.com` for a bank whose
 * pages live on a shared host) or from the sites the person watches (`userSites`, their grants). Not the
 * registrable domain: on shared hosting (`my.site.com`, `myebanking.net`, `us.com`) that would switch
 * protection on for every other tenant too.
 * @param host lowercase host, e.g. `secure.chase.com` (a trailing dot is ignored).
 * @returns null when the host is not watched (nothing there can be protected).
 */
export function protectionSiteOf(host: string, bankDomains: ReadonlySet<string>, userSites: ReadonlySet<string>): string | null {
  for (let h = host.toLowerCase().replace(/\.$/, ''); h; ) {
    if (bankDomains.has(h) || userSites.has(h)) return h;
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
  return null;
}

/**
 * Where protection applies for `choices`. A per-site choice to protect counts only for a watched site (under
 * a directory domain or a site the person watches): an imported choice for any other site, or one whose
 * grant was given back, is kept but does nothing until the site is watched again (Linkwatch stops nothing
 * where it cannot also show what it stopped).
 * @param bankDomains the domains "every bank" covers (lib/directory `watchedDomainSet`).
 * @param userSites the sites the person watches (their granted host permissions, as domains).
 * @returns empty `initiators` when nothing is protected (no rule is then installed).
 */
export function protectionPlan(choices: ProtectionChoices, bankDomains: ReadonlySet<string>, userSites: ReadonlySet<string> = NONE): ProtectionPlan {
  const on = new Set<string>();
  const off = new Set<string>();
  for (const c of choices.sites) (c.protect ? on : off).add(c.site);
  const initiators = new Set<string>();
  if (choices.all) for (const d of bankDomains) initiators.add(d);
  for (const site of on) if (hostUnderAny(site, bankDomains) || hostUnderAny(site, userSites)) initiators.add(site);
  for (const d of [...initiators]) if (off.has(d) || isPlatformSite(siteOfHost(d) ?? d)) initiators.delete(d);
  // Off sites matter only where something they sit under or over is protected.
  const excluded = initiators.size ? [...off].filter((s) => [...initiators].some((d) => hostAtOrUnder(d, s) || hostAtOrUnder(s, d))) : [];
  return { initiators: [...initiators].sort(), excluded: excluded.sort() };
}
const NONE: ReadonlySet<string> = new Set();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * An endpoint rule as an RE2 pattern over the request URL: scheme (http, https and their WebSocket twins),
 * one of the rule's hosts (no port: these endpoints are never addressed with one; a trailing dot allowed), the rule's path pattern,
 * then the end of the path (a query, a fragment or nothing). Named groups become plain groups (RE2 and Firefox read both, but nothing needs the names).
 */
export function endpointRegex(rule: Pick<EndpointRule, 'hosts' | 'path'>): string {
  const hosts = [...rule.hosts.filter((h) => h.startsWith('*.')).map((h) => `[a-z0-9.-]+\\.${escape(h.slice(2))}`), ...exactHosts(rule.hosts.filter((h) => !h.startsWith('*.')))];
  // Long bounded repeats (`{1,40}`) are unbounded here: Chromium compiles each regexFilter under a 2 KB memory
  // limit (measured: `\d{1,40}` case-insensitive exceeds it), and an unbounded repeat costs RE2 nothing. The
  // host and the path's shape stay exact; only an id longer than lib/evidence accepts would also be blocked.
  const source = rule.path.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\(\?<[a-z]+>/gi, '(?:')
    .replace(/\{(\d+),(\d+)\}/g, (all, min: string, max: string) => (Number(max) > 8 ? `{${min},}` : all));
  // `\.?`: a fully qualified host (`www.facebook.com.`) is the same server, and the browser keeps the dot.
  return `^(?:https?|wss?)://(?:${hosts.join('|')})\\.?(?:${source})(?:[?#]|$)`;
}

/**
 * Exact hosts as few alternatives as possible: those sharing a parent domain become `(?:www\.|ssl\.)?parent`
 * (case-insensitive literal alternatives are what costs RE2 memory).
 */
function exactHosts(hosts: readonly string[]): string[] {
  const byParent = new Map<string, string[]>();
  for (const h of hosts) {
    const parent = siteOfHost(h) ?? h;
    byParent.set(parent, [...(byParent.get(parent) ?? []), h]);
  }
  return [...byParent].map(([parent, list]) => {
    if (list.length === 1) return escape(list[0]!);
    const labels = list.filter((h) => h !== parent).map((h) => escape(h.slice(0, -parent.length - 1)));
    return `(?:(?:${labels.join('|')})\\.)${list.includes(parent) ? '?' : ''}${escape(parent)}`;
  });
}

/** The endpoint rules protection uses (tracking kinds only), in lib/evidence's order. */
export function protectedEndpointRules(): readonly EndpointRule[] {
  return endpointRules().filter((r) => PROTECTED_KINDS.includes(r.kind));
}

/**
 * The declarativeNetRequest rules for `plan`: one block rule per protected endpoint rule, ids 1..n, each
 * scoped to the plan's initiators; none when nothing is protected.
 */
export function blockRules(plan: ProtectionPlan): BlockRule[] {
  if (plan.initiators.length === 0) return [];
  return protectedEndpointRules().map((rule, i) => ({
    id: i + 1,
    priority: 1,
    action: { type: 'block' },
    condition: {
      regexFilter: endpointRegex(rule),
      isUrlFilterCaseSensitive: false,
      requestDomains: [...new Set(rule.hosts.map((h) => h.replace(/^\*\./, '')))],
      initiatorDomains: plan.initiators,
      ...(plan.excluded.length ? { excludedInitiatorDomains: plan.excluded } : {}),
      excludedResourceTypes: ['main_frame'],
    },
  }));
}

/**
 * Whether `url` is one the block rules' URL patterns match (any protected endpoint rule's `endpointRegex`,
 * read case-insensitively as the rules are): with `protects`, what makes a failed request "blocked by
 * Linkwatch" rather than failed for another reason.
 */
export function blocksUrl(url: string): boolean {
  patterns ??= protectedEndpointRules().map((r) => new RegExp(endpointRegex(r), 'i'));
  return patterns.some((re) => re.test(url));
}
let patterns: RegExp[] | undefined;

/**
 * Whether the rules of `plan` cover a request of `kind` made by a document or worker on `initiatorHost`:
 * the same question the browser answers with `initiatorDomains` / `excludedInitiatorDomains`.
 */
export function protects(plan: ProtectionPlan, initiatorHost: string | null, kind: ObservationKind): boolean {
  if (!initiatorHost || !PROTECTED_KINDS.includes(kind)) return false;
  let sets = planSets.get(plan);
  if (!sets) planSets.set(plan, (sets = { initiators: new Set(plan.initiators), excluded: new Set(plan.excluded) }));
  const host = initiatorHost.toLowerCase().replace(/\.$/, '');
  return !hostUnderAny(host, sets.excluded) && hostUnderAny(host, sets.initiators);
}
const planSets = new WeakMap<ProtectionPlan, { initiators: ReadonlySet<string>; excluded: ReadonlySet<string> }>();
/** Per-site choices by site, built once per choices array (the background asks for every request). */
const choicesBySite = new WeakMap<ProtectionChoices['sites'], ReadonlyMap<string, boolean>>();

/**
 * Whether a page on `host` is protected under `choices` (what the popup's switch and the badge title say):
 * the same answer as `protects(protectionPlan(choices, bankDomains, userSites), host, kind)` for a tracking
 * kind, found by walking the host up instead of building the plan: no site at or above it switched off, and
 * one at or above it protected (its own watched choice, or "every bank" for a directory domain). A
 * platform's or regulator's site never is.
 */
export function isHostProtected(choices: ProtectionChoices, host: string, bankDomains: ReadonlySet<string>, userSites: ReadonlySet<string> = NONE): boolean {
  let own = choicesBySite.get(choices.sites);
  if (!own) choicesBySite.set(choices.sites, (own = new Map(choices.sites.map((c) => [c.site, c.protect] as const))));
  let covered = false;
  for (let h = host.toLowerCase().replace(/\.$/, ''); h; ) {
    const choice = own.get(h);
    if (choice === false) return false;
    if (!covered && !isPlatformSite(siteOfHost(h) ?? h)) {
      if (choice === true) covered = hostUnderAny(h, bankDomains) || hostUnderAny(h, userSites);
      else covered = choices.all && bankDomains.has(h);
    }
    const dot = h.indexOf('.');
    if (dot < 0) break;
    h = h.slice(dot + 1);
  }
  return covered;
}
