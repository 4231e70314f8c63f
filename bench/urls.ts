/**
 * The benchmark's inputs, generated deterministically (a seeded PRNG, so every run and every machine gets
 * the same URLs): tab URLs for `classifyUrl`, synthetic catalogs for the scaling test, and a page-request
 * mix for `classifyRequest`. Hosts come from the bundled catalog's real domains, Messenger and Facebook
 * paths, popular sites outside the catalog, and lookalikes that must not match.
 */
import type { Catalog, Institution } from '../lib/catalog';

/** mulberry32: small, fast, good enough to shuffle benchmark inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

/**
 * Strings built by concatenation are ropes in V8 until something flattens them; the extension's inputs
 * (tab URLs from the browser, catalog domains from JSON) are flat. A JSON round trip makes ours flat too,
 * so the benchmark measures lookups, not rope flattening.
 */
const flat = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, max: number) => Math.floor(rand() * max);

/** Weighted choice among [weight, generator] pairs. */
function weighted<T>(rand: Rand, table: readonly (readonly [number, () => T])[]): T {
  const total = table.reduce((a, [w]) => a + w, 0);
  let x = rand() * total;
  for (const [w, gen] of table) if ((x -= w) < 0) return gen();
  return table[table.length - 1]![1]();
}

// Popular sites outside the catalog, with several public-suffix shapes (co.uk, com.au, github.io...).
const OTHER_SITES = [
  'wikipedia.org', 'en.wikipedia.org', 'fr.wikipedia.org', 'youtube.com', 'reddit.com', 'github.com', 'stackoverflow.com',
  'nytimes.com', 'theguardian.com', 'bbc.co.uk', 'lemonde.fr', 'lefigaro.fr', 'spiegel.de', 'cnn.com', 'wsj.com',
  'netflix.com', 'spotify.com', 'zoom.us', 'slack.com', 'notion.so', 'dropbox.com', 'yahoo.com', 'duckduckgo.com',
  'bing.net', 'office.com', 'live.com', 'outlook.com', 'icloud.com', 'wordpress.com', 'medium.com', 'substack.com',
  'imdb.com', 'ebay.co.uk', 'etsy.com', 'walmart.com', 'target.com', 'bestbuy.com', 'booking.com', 'airbnb.com',
  'abc.net.au', 'smh.com.au', 'rakuten.co.jp', 'yahoo.co.jp', 'naver.com', 'baidu.com', 'qq.com', 'vk.com',
  'mozilla.org', 'developer.mozilla.org', 'npmjs.com', 'docs.python.org', 'user.github.io', 'myblog.blogspot.com',
  'app.herokuapp.com', 'site.netlify.app', 'shop.myshopify.com', 'gov.uk', 'service-public.fr', 'irs.gov', 'weather.com',
];

const PATH_WORDS = ['account', 'login', 'signin', 'accounts', 'summary', 'cards', 'offers', 'help', 'contact', 'news', 'article', 'search', 'profile', 'settings', 'transfer', 'payments', 'statements', 'mortgage', 'invest', 'dashboard'];
const QUERY_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'ref', 'q', 'page', 'id', 'lang', 'session', 'fbclid', 'gclid', 'returnUrl'];

function path(rand: Rand): string {
  const depth = int(rand, 4);
  let p = '';
  for (let i = 0; i < depth; i++) p += '/' + (rand() < 0.7 ? pick(rand, PATH_WORDS) : (int(rand, 1e9)).toString(36));
  p ||= '/';
  if (rand() < 0.35) {
    const n = 1 + int(rand, 4);
    const params: string[] = [];
    for (let i = 0; i < n; i++) params.push(`${pick(rand, QUERY_KEYS)}=${int(rand, 1e12).toString(36)}`);
    p += '?' + params.join('&');
  }
  if (rand() < 0.08) p += '#' + pick(rand, PATH_WORDS);
  return p;
}

const SUBDOMAINS = ['www', 'www', 'www', 'secure', 'online', 'login', 'm', 'mobile', 'auth', 'app', 'static'];

function onDomain(rand: Rand, domain: string): string {
  const r = rand();
  const host = r < 0.25 ? domain : r < 0.9 ? `${pick(rand, SUBDOMAINS)}.${domain}` : `${pick(rand, SUBDOMAINS)}.${pick(rand, ['eu', 'us', 'a1', 'cdn'])}.${domain}`;
  const scheme = rand() < 0.97 ? 'https' : 'http';
  return `${scheme}://${rand() < 0.02 ? host.toUpperCase() : host}${path(rand)}`;
}

/** Messenger and Facebook as people reach them, including the /messages path rule and link shims. */
function meta(rand: Rand): string {
  const id = int(rand, 1e15);
  return pick(rand, [
    () => `https://www.messenger.com/t/${id}`,
    () => `https://www.messenger.com/`,
    () => `https://m.me/${pick(rand, ['chase', 'wellsfargo', 'examplebank', 'citi'])}`,
    () => `https://www.facebook.com/messages/t/${id}`,
    () => `https://www.facebook.com/messages`,
    () => `https://m.facebook.com/messages/read/?tid=${id}`,
    () => `https://www.facebook.com/`,
    () => `https://www.facebook.com/${pick(rand, ['chase', 'WellsFargo', 'citi', 'groups/123', 'watch'])}`,
    () => `https://web.facebook.com/messages/e2ee/t/${id}`,
    () => `https://l.messenger.com/l.php?u=https%3A%2F%2Fexample.com%2F&h=${id}`,
    () => `https://www.instagram.com/direct/inbox/`,
    () => `https://web.whatsapp.com/`,
  ])();
}

/** Names that look like a catalog site but are not one of its domains. */
function lookalike(rand: Rand, domain: string): string {
  const [label = domain, ...rest] = domain.split('.');
  const suffix = rest.join('.');
  return pick(rand, [
    () => `https://${domain}.example/${pick(rand, PATH_WORDS)}`,
    () => `https://www.${domain}.evil-login.com/${pick(rand, PATH_WORDS)}`,
    () => `https://${domain}.secure-verify.co.uk/`,
    () => `https://my${label}.${suffix}/`,
    () => `https://${label}-secure.${suffix}/${pick(rand, PATH_WORDS)}`,
    () => `https://${label}online.com/`,
    () => `https://www.${label}.co/${pick(rand, PATH_WORDS)}`,
    () => `https://${label}.${suffix === 'com' ? 'net' : 'com'}/`,
    () => `https://xn--${label.slice(0, 3)}-${int(rand, 9999).toString(36)}a.com/`,
    () => `https://xn--80ak6aa92e.com/${pick(rand, PATH_WORDS)}`,
    () => `https://${label}.${suffix}@phish.example/`,
    () => `https://login-${label}.web.app/`,
  ])();
}

function odd(rand: Rand): string {
  return pick(rand, [
    () => 'about:blank',
    () => 'chrome://newtab/',
    () => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html`,
    () => `file:///home/user/${pick(rand, PATH_WORDS)}.pdf`,
    () => `http://192.168.${int(rand, 255)}.${int(rand, 255)}/`,
    () => `http://localhost:${3000 + int(rand, 100)}/`,
    () => `https://[2001:db8::${int(rand, 999)}]/`,
    () => `data:text/html,hello`,
  ])();
}

export interface UrlMixEntry {
  kind: 'bank' | 'meta' | 'platform' | 'other' | 'lookalike' | 'odd';
  share: number;
}

/** What the tab-URL set is made of (shares of the whole). */
export const URL_MIX: readonly UrlMixEntry[] = [
  { kind: 'bank', share: 0.25 },
  { kind: 'meta', share: 0.15 },
  { kind: 'platform', share: 0.1 },
  { kind: 'other', share: 0.35 },
  { kind: 'lookalike', share: 0.1 },
  { kind: 'odd', share: 0.05 },
];

/**
 * `count` tab URLs: banks and other catalog non-platforms (25%), Messenger/Facebook/Instagram/WhatsApp
 * (15%), other catalog platforms (10%), popular sites outside the catalog (35%), lookalikes (10%), and
 * non-web or host-less URLs (5%).
 */
export function realisticUrls(catalog: Pick<Catalog, 'institutions'>, count: number, seed = 20180806): string[] {
  const rand = prng(seed);
  const plainDomains = (kinds: (k: Institution['kind']) => boolean) =>
    catalog.institutions.filter((i) => kinds(i.kind)).flatMap((i) => i.domains.filter((d) => d.path === undefined).map((d) => d.domain));
  const banks = plainDomains((k) => k !== 'platform');
  const platforms = plainDomains((k) => k === 'platform');
  const byKind: Record<UrlMixEntry['kind'], () => string> = {
    bank: () => onDomain(rand, pick(rand, banks)),
    meta: () => meta(rand),
    platform: () => onDomain(rand, pick(rand, platforms)),
    other: () => onDomain(rand, pick(rand, OTHER_SITES)),
    lookalike: () => lookalike(rand, pick(rand, banks.concat(['facebook.com', 'messenger.com']))),
    odd: () => odd(rand),
  };
  const table = URL_MIX.map((m) => [m.share, byKind[m.kind]] as const);
  return flat(Array.from({ length: count }, () => weighted(rand, table)));
}

const SYLLABLES = ['ban', 'cred', 'fin', 'pay', 'trust', 'sav', 'nor', 'west', 'cap', 'mut', 'uni', 'fed', 'first', 'lan', 'ver', 'sol', 'ara', 'kas', 'mon', 'zen'];
const SUFFIXES = ['com', 'com', 'com', 'net', 'org', 'co.uk', 'fr', 'de', 'com.au', 'ca', 'bank', 'it', 'es', 'co.jp', 'com.br'];

/**
 * A catalog of `domains` plain domains: the bundled catalog's institutions, then synthetic banks of ten
 * domains each (unique names such as `bancredfin4821.co.uk`) until the count is reached.
 */
export function syntheticCatalog(base: Pick<Catalog, 'institutions'>, domains: number, seed = 1000): { catalog: Pick<Catalog, 'institutions'>; synthetic: string[] } {
  const rand = prng(seed + domains);
  const institutions: Institution[] = [...base.institutions];
  let total = institutions.reduce((n, i) => n + i.domains.length, 0);
  const synthetic: string[] = [];
  const used = new Set(institutions.flatMap((i) => i.domains.map((d) => d.domain)));
  for (let n = 0; total < domains; n++) {
    const list: Institution['domains'] = [];
    while (list.length < 10 && total < domains) {
      const name = `${pick(rand, SYLLABLES)}${pick(rand, SYLLABLES)}${pick(rand, SYLLABLES)}${int(rand, 100000)}.${pick(rand, SUFFIXES)}`;
      if (used.has(name)) continue;
      used.add(name);
      synthetic.push(name);
      list.push({ domain: name, verified: 'A' } as Institution['domains'][number]);
      total++;
    }
    institutions.push({ id: `synthetic-${n}`, name: `Synthetic ${n}`, country: 'US', kind: 'bank', domains: list } as Institution);
  }
  if (!synthetic.length) throw new Error(`syntheticCatalog: the base catalog already has ${domains} domains or more; ask for a larger size`);
  return flat({ catalog: { institutions }, synthetic });
}

/**
 * The scaling test's URLs for one synthetic catalog: the realistic set (70%) plus URLs on the catalog's
 * synthetic domains (30%, every shape `onDomain` makes). Same shapes and shares whatever the catalog size.
 */
export function scalingUrls(realistic: readonly string[], synthetic: readonly string[], count: number, seed = 77): string[] {
  const rand = prng(seed);
  return flat(Array.from({ length: count }, (_, i) => (rand() < 0.7 ? realistic[i % realistic.length]! : onDomain(rand, pick(rand, synthetic)))));
}

const TRACKER_REQUESTS = [
  'https://connect.facebook.net/en_US/fbevents.js',
  'https://connect.facebook.net/signals/config/123456789012345?v=2.9.160&r=stable',
  'https://www.facebook.com/tr/?id=123456789012345&ev=PageView&dl=https%3A%2F%2Fwww.chase.com%2F&rl=&if=false&ts=1700000000000&v=2.9.160',
  'https://www.facebook.com/tr?id=123456789012345&ev=Purchase&ud[em]=5f4dcc3b5aa765d61d8327deb882cf99&cd[value]=10',
  'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ',
  'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123',
  'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ&gtm=45je&_p=123&cid=1.2&en=page_view&dl=https%3A%2F%2Fwww.chase.com%2F',
  'https://www.google-analytics.com/collect?v=1&t=pageview&tid=UA-1234-1&cid=1.2',
  'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/987654321/?random=1&cv=11&fst=1&data=event%3Dpurchase',
  'https://www.googleadservices.com/pagead/conversion/987654321/?label=abc&guid=ON&script=0',
  'https://ad.doubleclick.net/ddm/activity/src=1234567;type=landing;cat=home;ord=1',
  'https://td.doubleclick.net/td/rul/987654321?random=1&cv=11',
  'https://bat.bing.com/bat.js',
  'https://bat.bing.com/action/0?ti=12345678&evt=pageLoad&tm=gtm002',
  'https://www.clarity.ms/tag/abcdef1234',
  'https://snap.licdn.com/li.lms-analytics/insight.min.js',
  'https://px.ads.linkedin.com/collect/?pid=1234567&fmt=gif',
  'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C123ABC&lib=ttq',
  'https://static.ads-twitter.com/uwt.js',
  'https://analytics.twitter.com/i/adsct?txn_id=o1abc&p_id=Twitter',
  'https://s.amazon-adsystem.com/iu3?pid=abc-123&event=PageView',
];

const PLATFORM_NON_ENDPOINTS = [
  'https://www.google.com/recaptcha/api.js?render=explicit',
  'https://www.gstatic.com/recaptcha/releases/abc/recaptcha__en.js',
  'https://maps.googleapis.com/maps/api/js?key=abc&libraries=places',
  'https://www.facebook.com/',
  'https://static.xx.fbcdn.net/rsrc.php/v3/y4/r/abc.png',
  'https://www.youtube.com/embed/abc123',
  'https://fonts.googleapis.com/css2?family=Open+Sans',
  'https://fonts.gstatic.com/s/opensans/v40/abc.woff2',
  'https://apis.google.com/js/platform.js',
  'https://www.linkedin.com/company/examplebank',
];

const OTHER_TRACKERS = [
  'https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
  'https://cdn.optimizely.com/js/1234567890.js',
  'https://assets.adobedtm.com/launch-EN0123.min.js',
  'https://dpm.demdex.net/id?d_visid_ver=5.5.0&d_fieldgroup=MC&d_rtbd=json&d_ver=2',
  'https://smetrics.chase.com/b/ss/jpmc/1/JS-2.22.0/s123',
  'https://bam.nr-data.net/1/NRJS-abc?a=123&v=1.2.3',
  'https://js-agent.newrelic.com/nr-spa-1234.min.js',
  'https://ib.adnxs.com/getuid?https://example.invalid/',
  'https://match.adsrvr.org/track/cmf/generic?ttd_pid=abc',
  'https://sslwidget.criteo.com/event?a=1234&v=5.0.0',
  'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
  'https://api.segment.io/v1/p',
];

const CDNS = ['cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'd1abc23.cloudfront.net', 'images.ctfassets.net', 'assets.website-files.com', 'akamaihd.net', 'unpkg.com'];
const TYPES_FIRST_PARTY = ['script', 'stylesheet', 'image', 'image', 'image', 'xmlhttprequest', 'xmlhttprequest', 'font', 'other'];

/**
 * `count` (page URL, request URL, resource type) triples as a browser sees them on bank pages (60%), other
 * sites (30%) and Meta's own pages (10%): first-party files and API calls (55%), CDNs (20%), platform
 * tracking endpoints (12%), platform hosts that are not endpoints (5%), trackers outside the catalog (8%).
 * Navigations (`main_frame`) are 1% of the mix.
 */
export function requestMix(catalog: Pick<Catalog, 'institutions'>, count: number, seed = 4242): [string, string, string][] {
  const rand = prng(seed);
  const banks = catalog.institutions.filter((i) => i.kind !== 'platform').flatMap((i) => i.domains.filter((d) => d.path === undefined).map((d) => d.domain));
  const out: [string, string, string][] = [];
  for (let i = 0; i < count; i++) {
    const pageDomain = weighted(rand, [
      [0.6, () => pick(rand, banks)],
      [0.3, () => pick(rand, OTHER_SITES)],
      [0.1, () => pick(rand, ['facebook.com', 'messenger.com', 'instagram.com'])],
    ] as const);
    const page = `https://www.${pageDomain}${path(rand)}`;
    const [request, type] = weighted<[string, string]>(rand, [
      [0.55, () => [`https://${rand() < 0.6 ? 'www' : pick(rand, ['static', 'api', 'secure'])}.${pageDomain}${path(rand)}`, pick(rand, TYPES_FIRST_PARTY)]],
      [0.2, () => [`https://${pick(rand, CDNS)}/${int(rand, 1e9).toString(36)}/${pick(rand, ['app.js', 'main.css', 'hero.jpg', 'font.woff2', 'vendor.js'])}`, pick(rand, ['script', 'stylesheet', 'image', 'font'])]],
      [0.12, () => [pick(rand, TRACKER_REQUESTS), pick(rand, ['script', 'image', 'ping', 'xmlhttprequest'])]],
      [0.05, () => [pick(rand, PLATFORM_NON_ENDPOINTS), pick(rand, ['script', 'sub_frame', 'image', 'stylesheet', 'font'])]],
      [0.08, () => [pick(rand, OTHER_TRACKERS), pick(rand, ['script', 'image', 'xmlhttprequest'])]],
    ] as const);
    out.push([page, request, rand() < 0.01 ? 'main_frame' : type]);
  }
  return flat(out);
}
