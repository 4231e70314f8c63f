/**
 * Evidence from what a page does: which of its requests reach a platform's tracking endpoints
 * ("Observed", DESIGN.md evidence level 3) and which of its links lead to Meta's apps ("Linked", level 4).
 *
 * The idea: a request is an observation only when three things hold. Its host is an endpoint host of a
 * catalog platform; its path has the exact shape of that platform's pixel, SDK, analytics or ads endpoint;
 * and the page that made it is not the platform's own (not the same registrable domain, not a site of the
 * same catalog group: Instagram loading Meta's pixel is Meta talking to itself, not tracking).
 *
 * How a request URL is matched. The host is reduced to its registrable domain (lib/url's `siteOfHost`,
 * the Public Suffix List through tldts), and one Map
 * probe on that domain gives the few rules of that domain; almost every request stops there. Keying on the
 * registrable domain is what keeps lookalikes out: `facebook.com.evil.example` is `evil.example`,
 * `evilfacebook.com` and `connect-facebook.net` are domains of their own, none has rules. A rule then names
 * exact hosts (or "any subdomain of") and an anchored, case-insensitive pattern for the path.
 *
 * What leaves this module. The endpoint is the host plus the part of the path the rule's pattern accepts,
 * so it holds only characters the pattern allows and never anything from the query. From the query only two
 * values are read: the event name (`ev=PageView`) and the pixel or tag id, each kept only if it fits a
 * strict charset. Hashed user data (Meta advanced matching `ud[em]`, Google's `em=`) is a yes/no read from
 * parameter names; the values are never copied. Only the URL is seen, not POST bodies: `hashedUserData:
 * false` means "not in the address", not "not sent".
 *
 * Both URLs are read by lib/url's `parseHttpUrl` (the WHATWG parser), so the host matched is the host the
 * browser connects to, whatever the authority holds (`@`, `\`, `%`, spaces, non-ASCII, a trailing dot).
 * Pure: no browser APIs, no I/O.
 * Malformed input gives null through explicit checks; nothing is caught, so a programming error throws
 * and fails the tests (the fuzz test in test/unit/classifiers.fuzz.test.ts) instead of passing as "no match".
 */
import { bundledCatalog, groupRoot } from '../catalog';
import { classifyUrl } from '../sites';
import { decodeQueryName, hostAtOrUnder, parseHttpUrl, siteOfHost } from '../url';

/**
 * What kind of platform resource a request reached.
 * - `pixel-script`: the library or configuration of an advertising pixel (Meta's `fbevents.js` and
 *   `signals/config`, the X, TikTok, LinkedIn, Microsoft UET and Amazon tags).
 * - `pixel-event`: a hit sent by such a pixel to its collection endpoint (`facebook.com/tr`).
 * - `sdk`: a platform's general JavaScript SDK or social plugin (Facebook SDK, Messenger customer chat).
 * - `analytics`: analytics and tag-manager scripts and their hits (Google Analytics, Tag Manager, Clarity).
 * - `ad-conversion`: an ads conversion or remarketing hit (Google Ads, Floodlight).
 * - `ad-script`: an ads library that is not a pixel (Google Ads `conversion.js`, Amazon `apstag.js`).
 */
export type ObservationKind = 'pixel-script' | 'pixel-event' | 'sdk' | 'analytics' | 'ad-conversion' | 'ad-script';

/**
 * One request of a page that reached a platform's tracking endpoint. Holds no value from the request's
 * query string except `event` and `pixelId`, both restricted to safe characters.
 */
export interface Observation {
  /** Catalog institution id of the platform owning the endpoint: `meta`, `google`, `microsoft`, `linkedin`, `tiktok`, `x-corp`, `amazon`. */
  platform: string;
  kind: ObservationKind;
  /** Host and path of the endpoint without query or path parameters, e.g. `www.facebook.com/tr`. */
  endpoint: string;
  /** Event name carried in the URL (`PageView`, `page_view`), only when present; `[A-Za-z0-9_ .-]`, at most 64 characters. */
  event?: string;
  /**
   * True when the URL carries parameters that hold hashed user data (Meta advanced matching `ud[...]` and
   * `udff[...]`; Google's `em` and `user_data`). Their values are never stored. False says nothing about a
   * request body.
   */
  hashedUserData: boolean;
  /**
   * The pixel, tag or conversion id when the URL carries one (`1234567890`, `G-ABC123`, `AW-123456789`),
   * kept only if it matches `/^[A-Za-z0-9_-]{1,40}$/`. Kept on purpose: it identifies the site's advertising
   * or analytics account (it is public in the page's own code), not the visitor, and it lets an advocate
   * see which account a bank's page reports to.
   */
  pixelId?: string;
}

/** A link on a page to one of Meta's apps ("Linked" evidence: a link, never tracking). */
export interface LinkObservation {
  /** Catalog institution id of the app the link leads to. */
  platform: LinkPlatform;
  /** Host and path of the link without query or fragment, e.g. `m.me/chase`; at most four path segments. */
  target: string;
}

export type LinkPlatform = 'facebook' | 'messenger' | 'instagram' | 'whatsapp';

type PlatformId = 'meta' | 'google' | 'microsoft' | 'linkedin' | 'tiktok' | 'x-corp' | 'amazon';

interface Rule {
  platform: PlatformId;
  /** Exact host names, or `*.example.com` for any subdomain of example.com (not example.com itself). */
  hosts: readonly string[];
  /**
   * Anchored pattern for the path (without query). Named group `ep`, when present, is the endpoint's path
   * (to leave out a version prefix, an id or a trailing slash); named group `id` is an id carried in the path.
   */
  path: RegExp;
  kind: ObservationKind;
  /** Query parameters holding the pixel or tag id, first found wins. */
  idParams?: readonly string[];
  /** Prefix for an id read from the path: Google Ads conversion ids are shown as `AW-<number>`. */
  idPrefix?: string;
  /** Floodlight: the id is the `src=` path parameter, shown as `DC-<number>`. */
  idFromSrc?: boolean;
  /** Query parameters holding the event name, in order of preference. */
  eventParams?: readonly string[];
  /** Google Ads: the event is inside `data=event=<name>;...`. */
  eventInData?: boolean;
  /** Host to show instead of the request's, for hosts that carry an account number (Floodlight). */
  endpointHost?: string;
  /** Google tag: `AW-` and `DC-` ids load the ads tag (`ad-script`), other ids analytics. */
  kindFromId?: boolean;
}

// Where each shape comes from. "Omnibug" = MisterPhilip/omnibug, the tag debugger's provider patterns
// (src/providers/*.js) and its test URLs (test/providers/*.js). "DDG" = duckduckgo/tracker-radar resource
// rules (domains/US/*.json) and DuckDuckGo's click-to-load surrogate rules. "Public code" = the shape as
// it appears in many sites' own pages and tests (tag base codes, network captures), found by searching
// public repositories; the vendors' base codes are quoted there verbatim.
const RULES: readonly Rule[] = [
  // ---- Meta ----
  // Pixel library: Meta Pixel base code loads connect.facebook.net/en_US/fbevents.js (Meta "Get started"
  // docs, shared/research/domains.md); DDG rule `facebook\.net\/en_US\/fbevents\.js`; a
  // tracker database's regex in public code: `connect\.facebook\.net\/(.*)\/fbevents\.js`.
  { platform: 'meta', hosts: ['connect.facebook.net'], path: /^\/[a-z]{2,3}(?:_[a-z]{2})?\/fbevents\.js$/i, kind: 'pixel-script' },
  // Pixel configuration per pixel id: DDG rule `facebook\.net\/signals\/config\/<id>`; Omnibug test
  // `connect.facebook.net/signals/config/123456?v=2.8.18&r=stable`; the same tracker regex adds
  // `signals\/(config\/|plugins\/identity.js)`.
  { platform: 'meta', hosts: ['connect.facebook.net'], path: /^(?<ep>\/signals\/config)\/(?<id>\d{1,40})\/?$/i, kind: 'pixel-script' },
  { platform: 'meta', hosts: ['connect.facebook.net'], path: /^\/signals\/plugins\/[a-z0-9_.-]{1,60}\.js$/i, kind: 'pixel-script' },
  // Event endpoint: base code <noscript> image www.facebook.com/tr?id=<pixel>&ev=PageView&noscript=1, and
  // fbevents.js GET/POST to www.facebook.com/tr/ (Omnibug pattern `facebook\.com\/tr\/?\?`, test URLs with
  // and without the slash). Advanced matching adds ud[em], ud[ph]... (Meta "Advanced matching" docs example).
  { platform: 'meta', hosts: ['facebook.com', '*.facebook.com'], path: /^(?<ep>\/tr)\/?$/i, kind: 'pixel-event', idParams: ['id'], eventParams: ['ev'] },
  // JavaScript SDK: DDG rules `facebook\.net\/en_US\/sdk\.js`, `facebook\.net\/en\/sdk\.js`, surrogates
  // `facebook\.net\/[a-z_A-Z]+\/sdk.js` and `/all.js`; public code: `/en_US/sdk/debug.js`,
  // `/<locale>/sdk/xfbml.customerchat.js` (Messenger customer chat plugin).
  {
    platform: 'meta',
    hosts: ['connect.facebook.net'],
    path: /^\/[a-z]{2,3}(?:_[a-z]{2})?\/(?:sdk\.js|sdk\/debug\.js|sdk\/xfbml\.[a-z0-9_.]{1,40}\.js|all\.js|all\/debug\.js)$/i,
    kind: 'sdk',
  },
  // Social plugins in iframes (like, page, post, video, customer chat): Ghostery's click-to-play selectors
  // `facebook.com/plugins/like.php`, `/plugins/likebox.php`, `/plugins/post.php`, `/plugins/video.php`;
  // the SDK prefixes a version (`/v19.0/plugins/...`).
  { platform: 'meta', hosts: ['www.facebook.com', 'facebook.com'], path: /^(?:\/v\d{1,2}\.\d{1,2})?(?<ep>\/plugins\/[a-z_]{1,40}\.php)$/i, kind: 'sdk' },

  // ---- Google ----
  // Google tag and Tag Manager: www.googletagmanager.com/gtag/js?id=G-…|AW-…|DC-…, /gtag/destination?id=…,
  // /gtm.js?id=GTM-…, and the <noscript> iframe /ns.html?id=GTM-… (public code; captures in a tag tracer's tests).
  { platform: 'google', hosts: ['www.googletagmanager.com'], path: /^\/gtag\/(?:js|destination)$/i, kind: 'analytics', idParams: ['id'], kindFromId: true },
  { platform: 'google', hosts: ['www.googletagmanager.com'], path: /^\/(?:gtm\.js|ns\.html)$/i, kind: 'analytics', idParams: ['id'] },
  // Analytics libraries: google-analytics.com/analytics.js (Universal Analytics docs), ga.js (classic).
  { platform: 'google', hosts: ['www.google-analytics.com', 'ssl.google-analytics.com', 'google-analytics.com'], path: /^\/(?:analytics|analytics_debug|ga)\.js$/i, kind: 'analytics' },
  // Analytics hits: /collect, /j/collect, /r/collect (Universal Analytics, event in `t`) and /g/collect
  // (GA4, event in `en`), on www., region1. and other subdomains (Omnibug patterns
  // `\.google-analytics\.com\/([rg]\/)?collect` and GA4 tests; `region1.google-analytics.com/g/collect`
  // and `region1.analytics.google.com/g/collect` in public network captures). The Google Signals copy goes
  // to stats.g.doubleclick.net/g/collect and /j/collect (Omnibug GA4 negative test; public captures).
  // GA4 hashed user data: `em=tv.1~em.<sha256>` (public captures of enhanced conversions).
  { platform: 'google', hosts: ['google-analytics.com', '*.google-analytics.com'], path: /^(?<ep>\/(?:[jrg]\/)?collect)\/?$/i, kind: 'analytics', idParams: ['tid'], eventParams: ['en', 't'] },
  { platform: 'google', hosts: ['analytics.google.com', 'region1.analytics.google.com'], path: /^(?<ep>\/g\/collect)\/?$/i, kind: 'analytics', idParams: ['tid'], eventParams: ['en', 't'] },
  { platform: 'google', hosts: ['stats.g.doubleclick.net'], path: /^(?<ep>\/(?:[jrg]\/)?collect)\/?$/i, kind: 'analytics', idParams: ['tid'], eventParams: ['en', 't'] },
  // Google tag measurement ping www.google.com/ccm/collect?en=page_view (public captures).
  { platform: 'google', hosts: ['www.google.com'], path: /^(?<ep>\/ccm\/collect)\/?$/i, kind: 'analytics', idParams: ['tid'], eventParams: ['en'] },
  // Google Ads conversion: www.googleadservices.com/pagead/conversion/<id>/?label=… (Google Ads <noscript>
  // tag, public code), the library /pagead/conversion.js and /pagead/conversion_async.js; remarketing
  // googleads.g.doubleclick.net/pagead/viewthroughconversion/<id>/?…&data=event%3Dpurchase (Omnibug
  // GoogleAds pattern and tests); first-party copies www.google.com/pagead/1p-conversion/<id>/ and
  // /pagead/1p-user-list/<id>/ (public captures), www.google.com/rmkt/collect/<id>/ and
  // td.doubleclick.net/td/rul/<id> (public captures).
  { platform: 'google', hosts: ['www.googleadservices.com', 'googleadservices.com'], path: /^(?<ep>\/pagead\/conversion)\/(?<id>\d{1,20})\/?$/i, kind: 'ad-conversion', idPrefix: 'AW-', eventInData: true },
  { platform: 'google', hosts: ['www.googleadservices.com', 'googleadservices.com'], path: /^\/pagead\/conversion(?:_async)?\.js$/i, kind: 'ad-script' },
  { platform: 'google', hosts: ['googleads.g.doubleclick.net'], path: /^(?<ep>\/pagead\/viewthroughconversion)\/(?<id>\d{1,20})\/?$/i, kind: 'ad-conversion', idPrefix: 'AW-', eventInData: true },
  { platform: 'google', hosts: ['www.google.com'], path: /^(?<ep>\/pagead\/1p-(?:conversion|user-list))\/(?<id>\d{1,20})\/?$/i, kind: 'ad-conversion', idPrefix: 'AW-', eventInData: true },
  { platform: 'google', hosts: ['www.google.com'], path: /^(?<ep>\/rmkt\/collect)\/(?<id>\d{1,20})\/?$/i, kind: 'ad-conversion', idPrefix: 'AW-', eventInData: true },
  { platform: 'google', hosts: ['td.doubleclick.net'], path: /^(?<ep>\/td\/rul)\/(?<id>\d{1,20})\/?$/i, kind: 'ad-conversion', idPrefix: 'AW-', eventInData: true },
  // Floodlight (Campaign Manager): <advertiser>.fls.doubleclick.net/activityi;src=1234567;type=…;cat=…
  // (Omnibug GoogleDoubleClick tests) and ad.doubleclick.net/activity;src=… or /ddm/activity/src=…
  // (public code). Everything after `;` carries values (cost, order id): never part of the endpoint.
  { platform: 'google', hosts: ['*.fls.doubleclick.net'], path: /^(?<ep>\/activityi?)(?:;.*)?$/i, kind: 'ad-conversion', idFromSrc: true, endpointHost: 'fls.doubleclick.net' },
  { platform: 'google', hosts: ['ad.doubleclick.net'], path: /^(?<ep>\/(?:ddm\/)?activityi?)(?:[;/].*)?$/i, kind: 'ad-conversion', idFromSrc: true },

  // ---- Microsoft ----
  // Bing UET: the base code loads bat.bing.com/bat.js (public code; Omnibug keywords), which loads
  // bat.bing.com/p/action/<tag id>.js and sends bat.bing.com/action/0?ti=<tag id>&evt=pageLoad|custom…
  // (Omnibug BingAds pattern `bat\.bing\.com\/action` and tests); consent pings go to /actionp/0.
  { platform: 'microsoft', hosts: ['bat.bing.com'], path: /^\/bat\.js$/i, kind: 'pixel-script' },
  { platform: 'microsoft', hosts: ['bat.bing.com'], path: /^(?<ep>\/p\/action)\/(?<id>\d{1,20})\.js$/i, kind: 'pixel-script' },
  { platform: 'microsoft', hosts: ['bat.bing.com'], path: /^(?<ep>\/actionp?\/0)\/?$/i, kind: 'pixel-event', idParams: ['ti'], eventParams: ['evt'] },
  // Clarity: www.clarity.ms/tag/<project id> and /tag/uet/<UET tag id> (Omnibug MicrosoftClarity tests;
  // public captures), which loads scripts.clarity.ms/<version>/clarity.js and posts to
  // <x>.clarity.ms/collect or www.clarity.ms/<region>/collect (public captures).
  { platform: 'microsoft', hosts: ['www.clarity.ms'], path: /^(?<ep>\/tag(?:\/uet)?)\/(?<id>[a-z0-9]{1,40})\/?$/i, kind: 'analytics' },
  { platform: 'microsoft', hosts: ['scripts.clarity.ms'], path: /^\/\d{1,3}(?:\.\d{1,3}){1,3}\/clarity\.js$/i, kind: 'analytics' },
  { platform: 'microsoft', hosts: ['clarity.ms', '*.clarity.ms'], path: /^(?:\/[a-z0-9-]{1,20})?\/collect\/?$/i, kind: 'analytics' },

  // ---- LinkedIn (Microsoft group) ----
  // Insight Tag: base code loads snap.licdn.com/li.lms-analytics/insight.min.js and its <noscript> image is
  // px.ads.linkedin.com/collect/?pid=<partner id>&fmt=gif (dc.ads.linkedin.com in older copies); Omnibug
  // LinkedIn pattern and tests (`?pid=…&conversionId=…&fmt=gif`, `?v=2&fmt=js&pid=…`).
  { platform: 'linkedin', hosts: ['snap.licdn.com'], path: /^\/li\.lms-analytics\/insight(?:\.beta|\.old)?\.min\.js$/i, kind: 'pixel-script' },
  { platform: 'linkedin', hosts: ['px.ads.linkedin.com', 'dc.ads.linkedin.com'], path: /^(?<ep>\/collect)\/?$/i, kind: 'pixel-event', idParams: ['pid'] },

  // ---- TikTok ----
  // Pixel: base code loads analytics.tiktok.com/i18n/pixel/events.js?sdkid=<pixel code>&lib=ttq (public
  // code), which loads /i18n/pixel/config.js and sdk.js (Omnibug negative test `i18n/pixel/sdk.js?sdkid=`);
  // events are POSTed to /api/v2/pixel, /api/v2/pixel/act, /api/v2/pixel/track (public captures; Omnibug
  // `/api/v1/track`, `/api/v2/track`). The event name and user data travel in the JSON body, not the URL.
  { platform: 'tiktok', hosts: ['analytics.tiktok.com'], path: /^\/i18n\/pixel\/(?:events|sdk|config)\.js$/i, kind: 'pixel-script', idParams: ['sdkid'] },
  { platform: 'tiktok', hosts: ['analytics.tiktok.com'], path: /^(?<ep>\/api\/v2\/pixel(?:\/act|\/track)?|\/api\/v[12]\/track)\/?$/i, kind: 'pixel-event' },

  // ---- X (Twitter) ----
  // Pixel: base code loads static.ads-twitter.com/uwt.js (public code); hits go to
  // analytics.twitter.com/i/adsct?…&txn_id=<pixel id> (Omnibug Twitter pattern and tests) or /i/adsctp,
  // analytics.x.com/1/i/adsctp and t.co/i/adsct, t.co/1/i/adsct(p) (Omnibug negative test; public captures).
  // The older conversion tag platform.twitter.com/oct.js (same tracker
  // regex list: `platform\.twitter\.com\/oct\.js`).
  { platform: 'x-corp', hosts: ['static.ads-twitter.com'], path: /^\/uwt\.js$/i, kind: 'pixel-script' },
  { platform: 'x-corp', hosts: ['platform.twitter.com'], path: /^\/oct\.js$/i, kind: 'pixel-script' },
  { platform: 'x-corp', hosts: ['analytics.twitter.com', 'analytics.x.com', 't.co'], path: /^(?:\/1)?(?<ep>\/i\/adsctp?)\/?$/i, kind: 'pixel-event', idParams: ['txn_id'] },

  // ---- Amazon ----
  // Amazon Ad Tag: base code loads c.amazon-adsystem.com/aat/amzn.js (public code; Amazon Ads help quoted
  // there); events go to s.amazon-adsystem.com/iu3?pid=<tag id>&event=PageView (Omnibug AmazonAdTag
  // pattern `amazon-adsystem\.com\/iu3`; public captures incl. aax-eu.amazon-adsystem.com/s/iu3).
  // Publisher ads library c.amazon-adsystem.com/aax2/apstag.js (APS base code in public code).
  { platform: 'amazon', hosts: ['c.amazon-adsystem.com'], path: /^\/aat\/amzn\.js$/i, kind: 'pixel-script' },
  { platform: 'amazon', hosts: ['s.amazon-adsystem.com', 'aax-eu.amazon-adsystem.com'], path: /^(?:\/s)?(?<ep>\/iu3)\/?$/i, kind: 'pixel-event', idParams: ['pid'], eventParams: ['event'] },
  { platform: 'amazon', hosts: ['c.amazon-adsystem.com'], path: /^\/aax2\/apstag\.js$/i, kind: 'ad-script' },
];

/** Parameter names that carry hashed user data, per platform (names only; values are never read). */
const HASHED_PARAMS: Partial<Record<PlatformId, (key: string) => boolean>> = {
  // Meta advanced matching: ud[em], ud[ph], ud[fn]..., and udff[...] (automatic matching), as in Meta's
  // advanced matching docs (`&ud[em]=<sha256>`) and public captures.
  meta: (key) => key.startsWith('ud[') || key.startsWith('udff['),
  // Google enhanced conversions: em=tv.1~em.<sha256>~pn.<sha256> (public captures), user_data.* fields.
  google: (key) => key === 'em' || key === 'user_data' || key.startsWith('user_data.') || key.startsWith('user_data['),
};

interface IndexedRule extends Rule {
  exact: ReadonlySet<string>;
  /** Domains of `*.` hosts: any host strictly under one matches. */
  under: readonly string[];
}

/** Rules by the registrable domain of their hosts: one Map probe per request. */
let index: Map<string, IndexedRule[]> | undefined;

function ruleIndex(): Map<string, IndexedRule[]> {
  if (index) return index;
  const built = new Map<string, IndexedRule[]>();
  for (const rule of RULES) {
    const byDomain = new Map<string, { exact: string[]; under: string[] }>();
    for (const host of rule.hosts) {
      const wildcard = host.startsWith('*.');
      const name = wildcard ? host.slice(2) : host;
      const domain = siteOfHost(name);
      if (!domain) throw new Error(`evidence rule without a host: ${host}`);
      const entry = byDomain.get(domain) ?? { exact: [], under: [] };
      if (wildcard) entry.under.push(name);
      else entry.exact.push(name);
      byDomain.set(domain, entry);
    }
    for (const [domain, hosts] of byDomain) {
      const list = built.get(domain) ?? [];
      list.push({ ...rule, exact: new Set(hosts.exact), under: hosts.under });
      built.set(domain, list);
    }
  }
  index = built;
  return built;
}

/**
 * The registrable domains that have endpoint rules and the platform each belongs to; for the test that
 * checks every rule against the catalog (each domain must be claimed by its platform's group).
 */
export function endpointDomains(): Array<{ domain: string; platform: string }> {
  const out: Array<{ domain: string; platform: string }> = [];
  for (const [domain, rules] of ruleIndex()) {
    for (const platform of new Set(rules.map((r) => r.platform))) out.push({ domain, platform });
  }
  return out;
}

const MAX_URL_LENGTH = 32_768;
/** Hosts a rule or a page can be compared on: plain DNS names (no IPv6, no `_`), as before lib/url. */
const PLAIN_HOST = /^[a-z0-9.-]{1,253}$/;
/**
 * An event name Linkwatch shows in quotes (`ev=PageView`, `Lead Submitted`): at most 40 characters of
 * letters, digits, `_`, `.`, `-` in at most four words; a page's own text is not repeated in Linkwatch's
 * voice ("No data was sent. Linkwatch verified this page" is not an event name, nor anything naming Linkwatch).
 * GA4 names are letters, digits and `_` up to 40 characters; Meta's standard events are single words.
 */
const EVENT_SAFE = /^(?=.{1,40}$)[A-Za-z0-9_.-]+(?: [A-Za-z0-9_.-]+){0,3}$/;
const EVENT_UNSAFE = /linkwatch|[a-z]\. [A-Z]/i;
const ID_SAFE = /^[A-Za-z0-9_-]{1,40}$/;
const ENDPOINT_SAFE = /^[a-z0-9.-]+\/[A-Za-z0-9._~/-]*$/;

interface SplitUrl {
  host: string;
  path: string;
  query: string;
}

/** One endpoint rule as data: its platform, kind, hosts (`*.d` for any host under d) and anchored path pattern. */
export interface EndpointRule {
  platform: string;
  kind: ObservationKind;
  hosts: readonly string[];
  /** Anchored (`^...$`), case-insensitive pattern for the path without query. */
  path: RegExp;
}

/** The endpoint rules, in order (lib/protection turns them into declarativeNetRequest rules). */
export function endpointRules(): readonly EndpointRule[] {
  return RULES;
}

/** Every host named by an endpoint rule (`*.example.com` for "any subdomain of"), sorted, unique. */
export function endpointHosts(): string[] {
  return [...new Set(RULES.flatMap((r) => r.hosts))].sort();
}

/** An http(s) URL's canonical host (lib/url), path and raw query; null otherwise or for a host that is not a plain name. */
function splitUrl(url: unknown): SplitUrl | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  const parsed = parseHttpUrl(url);
  if (parsed === null || !PLAIN_HOST.test(parsed.host)) return null;
  return { host: parsed.host, path: parsed.pathname, query: parsed.search.slice(1) };
}

function hostMatches(rule: IndexedRule, host: string): boolean {
  if (rule.exact.has(host)) return true;
  for (const domain of rule.under) if (host !== domain && hostAtOrUnder(host, domain)) return true;
  return false;
}

interface QueryFacts {
  event?: string;
  id?: string;
  hashed: boolean;
}

/** One pass over the query: the first event and id parameters, and whether a hashed-data name occurs. */
function readQuery(query: string, rule: Rule): QueryFacts {
  const facts: QueryFacts = { hashed: false };
  if (!query) return facts;
  const isHashed = HASHED_PARAMS[rule.platform];
  const eventParams = rule.eventParams ?? [];
  let eventRank = Infinity;
  let start = 0;
  while (start < query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    const eq = query.indexOf('=', start);
    const keyEnd = eq >= 0 && eq < end ? eq : end;
    const key = decodeQueryName(query.slice(start, keyEnd));
    const value = () => decodeQueryName(keyEnd < end ? query.slice(keyEnd + 1, end) : '');
    if (isHashed && !facts.hashed && isHashed(key)) facts.hashed = true;
    if (facts.id === undefined && rule.idParams?.includes(key)) facts.id = value();
    const rank = eventParams.indexOf(key);
    if (rank >= 0 && rank < eventRank) {
      facts.event = value();
      eventRank = rank;
    } else if (rule.eventInData && key === 'data' && facts.event === undefined) {
      // Google Ads: data=event=purchase;ecomm_pagetype=home
      const inData = /(?:^|;)event=([^;]*)/.exec(value());
      if (inData) facts.event = inData[1];
    }
    start = end + 1;
  }
  return facts;
}

/** The Floodlight advertiser id from `src=<digits>` in the path parameters. */
function floodlightSrc(path: string): string | undefined {
  const m = /[;/]src=(\d{1,20})(?:[;/?]|$)/i.exec(path);
  return m ? `DC-${m[1]}` : undefined;
}

function findRule(req: SplitUrl): { rule: IndexedRule; match: RegExpExecArray; domain: string } | null {
  const domain = siteOfHost(req.host);
  if (!domain) return null;
  const rules = ruleIndex().get(domain);
  if (!rules) return null;
  for (const rule of rules) {
    if (!hostMatches(rule, req.host)) continue;
    const match = rule.path.exec(req.path);
    if (match) return { rule, match, domain };
  }
  return null;
}

const groupOfPlatform = new Map<string, string>();

function platformGroup(platform: string): string {
  let group = groupOfPlatform.get(platform);
  if (group === undefined) {
    group = groupRoot(bundledCatalog(), platform);
    groupOfPlatform.set(platform, group);
  }
  return group;
}

/**
 * Classify one request made by a page. Returns null (never throws) for any string input; throwing would be
 * a bug, and is left visible to the tests.
 * @param pageUrl the URL of the page (tab) that made the request.
 * @param requestUrl the requested URL, as the browser reports it.
 * @param type the resource type as the browser names it (`script`, `image`, `xmlhttprequest`, `ping`,
 *   `sub_frame`, ...). Only `main_frame` changes the answer: a navigation is the user's, not the page's
 *   request, and gives null.
 * @returns an observation, or null when the request is not to a known tracking endpoint, is first party
 *   (same registrable domain as the page), comes from a site of the platform's own group (Instagram
 *   loading Meta's pixel), or when either URL is not a well-formed http(s) URL.
 */
export function classifyRequest(pageUrl: string, requestUrl: string, type?: string): Observation | null {
  if (typeof type === 'string' && type.toLowerCase() === 'main_frame') return null;
  const req = splitUrl(requestUrl);
  if (!req) return null;
  const found = findRule(req);
  if (!found) return null;
  const page = splitUrl(pageUrl);
  if (!page) return null;
  if (siteOfHost(page.host) === found.domain) return null;
  const { rule, match } = found;
  const pageMatch = classifyUrl(pageUrl);
  if (pageMatch && pageMatch.group === platformGroup(rule.platform)) return null;

  const endpoint = (rule.endpointHost ?? req.host) + (match.groups?.ep ?? req.path);
  if (!ENDPOINT_SAFE.test(endpoint) || endpoint.length > 200) return null;
  const facts = readQuery(req.query, rule);

  let id: string | undefined;
  const pathId = match.groups?.id;
  if (pathId !== undefined) id = (rule.idPrefix ?? '') + pathId;
  else if (rule.idFromSrc) id = floodlightSrc(req.path);
  else id = facts.id;

  let kind = rule.kind;
  if (rule.kindFromId && id && /^(?:AW|DC)-/i.test(id)) kind = 'ad-script';

  const observation: Observation = { platform: rule.platform, kind, endpoint, hashedUserData: facts.hashed };
  if (facts.event !== undefined && EVENT_SAFE.test(facts.event) && !EVENT_UNSAFE.test(facts.event)) observation.event = facts.event;
  if (id !== undefined && ID_SAFE.test(id)) observation.pixelId = id;
  return observation;
}

/** Catalog ids of the apps a link can lead to ("Linked" evidence). */
export const LINK_PLATFORM_IDS: readonly string[] = ['facebook', 'messenger', 'instagram', 'whatsapp'] satisfies LinkPlatform[];
const LINK_PLATFORMS: ReadonlySet<string> = new Set(LINK_PLATFORM_IDS);
/** Link shims: their links lead away from the platform (`l.facebook.com/l.php?u=<elsewhere>`). */
const LINK_SHIMS: ReadonlySet<string> = new Set(['l.facebook.com', 'lm.facebook.com', 'l.messenger.com', 'l.instagram.com']);
const SEGMENT_SAFE = /^[A-Za-z0-9._~@+-]{1,80}$/;
const MAX_TARGET_SEGMENTS = 4;

/**
 * Classify one link (`<a href>`) on a page: does it lead to Facebook, Messenger, Instagram or WhatsApp?
 * This is "Linked" evidence (DESIGN.md level 4): the page offers a way to reach the app; it says nothing
 * about tracking. Returns null (never throws) for malformed input; nothing is caught.
 * @param pageUrl the URL of the page holding the link.
 * @param href the link's absolute URL (`a.href`); `//host/path` is read as https.
 * @returns the app and the link's host and path (no query, no fragment, at most four plain path
 *   segments), or null for other links, non-http(s) links, link shims, and links on a site of Meta's own
 *   group (a Facebook page linking to Messenger is first party).
 */
export function classifyLink(pageUrl: string, href: string): LinkObservation | null {
  if (typeof href !== 'string' || typeof pageUrl !== 'string') return null;
  const absolute = href.trim().startsWith('//') ? 'https:' + href.trim() : href;
  const link = splitUrl(absolute);
  if (!link || LINK_SHIMS.has(link.host)) return null;
  const target = classifyUrl(absolute);
  if (!target || !LINK_PLATFORMS.has(target.institution)) return null;
  if (!splitUrl(pageUrl)) return null;
  const pageMatch = classifyUrl(pageUrl);
  if (pageMatch && pageMatch.group === target.group) return null;

  const segments: string[] = [];
  for (const segment of link.path.split('/')) {
    if (segment === '') continue;
    if (!SEGMENT_SAFE.test(segment) || segments.length === MAX_TARGET_SEGMENTS) break;
    segments.push(segment);
  }
  const path = segments.length ? '/' + segments.join('/') : '';
  return { platform: target.institution as LinkPlatform, target: link.host + path };
}
