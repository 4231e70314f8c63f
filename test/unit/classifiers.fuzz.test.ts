/**
 * Fuzzing the URL and request classifiers with fast-check (issue 7): `classifyUrl`, `parseSiteInput`
 * (lib/sites), `classifyRequest` and `classifyLink` (lib/evidence).
 *
 * Two contracts, checked on random strings, random web URLs and adversarial constructions:
 * 1. Nothing throws, whatever the input (control characters, lone surrogates, 100 000-character strings).
 * 2. A lookalike never matches. The oracle is the WHATWG URL parser, i.e. the host the browser actually
 *    connects to: a match is only allowed when that host is the matched rule's domain or a subdomain of
 *    it, at a dot boundary. Constructions whose real host lies under a reserved top-level domain
 *    (`.example`, `.invalid`, `.test`; RFC 2606, never in the catalog) and homoglyph (punycode) hosts must
 *    not match anything at all.
 *
 * Adversarial constructions start from every catalog domain and every tracking-endpoint domain: the domain
 * followed by `.evil.example`, glued to a prefix or a suffix label, dots turned to hyphens, one letter
 * swapped for a Cyrillic or Greek lookalike (as Unicode and as punycode), userinfo tricks
 * (`https://chase.com@evil.example/`), backslashes, whitespace and control characters spliced in,
 * percent-encoded dots, trailing dots, upper case, ports. Run counts are explicit and printed at the end.
 */
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { classifyLink, classifyRequest, endpointDomains } from '../../lib/evidence';
import { classifyUrl, parseSiteInput } from '../../lib/sites';

const catalog = bundledCatalog();
const CATALOG_DOMAINS = [...new Set(catalog.institutions.flatMap((i) => i.domains.map((d) => d.domain)))].sort();
const ENDPOINTS = endpointDomains();
const ENDPOINT_DOMAINS = [...new Set(ENDPOINTS.map((e) => e.domain))].sort();
const ALL_DOMAINS = [...new Set([...CATALOG_DOMAINS, ...ENDPOINT_DOMAINS])].sort();
const domainsOf = (institution: string) => catalog.institutions.find((i) => i.id === institution)?.domains.map((d) => d.domain) ?? [];

/** A few real endpoint URLs, so request fuzzing also hits the rules rather than only the prefilter. */
const PIXEL_PATHS = ['/en_US/fbevents.js', '/tr?id=123&ev=PageView', '/signals/config/123', '/gtag/js?id=G-ABC123', '/g/collect?v=2&tid=G-X', '/collect?v=1'];
const BANK_PAGE = 'https://www.chase.com/';

// ---------------------------------------------------------------------------------------------------------
// The oracle: the host the browser connects to.

/** Lowercase host of an http(s) URL per WHATWG, trailing dots removed; null when it is not one. */
function realHost(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/\.+$/, '');
  } catch {
    return null;
  }
}

/** `host` is `domain` or a subdomain of it, at a dot boundary. */
const covers = (domain: string, host: string) => host === domain || host.endsWith('.' + domain);
const RESERVED = /(?:^|\.)(?:example|invalid|test)$/;

// ---------------------------------------------------------------------------------------------------------
// Generators

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,12}[a-z0-9])?$/);
const reservedTld = fc.constantFrom('example', 'invalid', 'test');
const evilHost = fc.tuple(label, reservedTld).map(([l, tld]) => `${l}.${tld}`);

/** Letters and their lookalikes from other scripts (Cyrillic, Greek). */
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а', 'ɑ'],
  c: ['с', 'ϲ'],
  e: ['е'],
  i: ['і', 'ι'],
  o: ['о', 'ο'],
  p: ['р', 'ρ'],
  s: ['ѕ'],
  x: ['х'],
  y: ['у'],
};

/** A catalog domain with one letter of its first label swapped for a lookalike; Unicode or punycode. */
const homoglyphHost = fc
  .tuple(fc.constantFrom(...ALL_DOMAINS), fc.nat(), fc.nat(), fc.boolean())
  .map(([domain, at, pick, ascii]) => {
    const first = domain.split('.')[0]!;
    const spots = [...first].map((ch, i) => [ch, i] as const).filter(([ch]) => HOMOGLYPHS[ch]);
    if (spots.length === 0) return null;
    const [ch, i] = spots[at % spots.length]!;
    const glyphs = HOMOGLYPHS[ch]!;
    const host = domain.slice(0, i) + glyphs[pick % glyphs.length] + domain.slice(i + 1);
    return ascii ? domainToASCII(host) || host : host;
  })
  .filter((h): h is string => h !== null);

/** Hosts that contain a catalog domain's text but are not that domain nor a subdomain of it. */
const lookalikeHost = fc.oneof(
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), evilHost).map(([d, evil]) => `${d}.${evil}`),
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), label, reservedTld).map(([d, l, tld]) => `${d}-${l}.${tld}`),
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), reservedTld).map(([d, tld]) => `${d.replace(/\./g, '-')}.${tld}`),
  fc.tuple(label, fc.constantFrom(...ALL_DOMAINS), reservedTld).map(([l, d, tld]) => `${l}${d.replace(/\./g, '')}.${tld}`),
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), label, reservedTld).map(([d, l, tld]) => `${d.split('.')[0]}${l}.${d.split('.').slice(1).join('.')}.${tld}`),
);

const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'hTtP://');
const path = fc.oneof(fc.constant('/'), fc.constantFrom(...PIXEL_PATHS), fc.webPath(), fc.constant('/messages/t/1'));
const port = fc.oneof(fc.constant(''), fc.constant(':443'), fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`));

/** URLs whose real host is a lookalike (under a reserved TLD) or a homoglyph: must never match. */
const lookalikeUrl = fc.oneof(
  fc.tuple(scheme, fc.oneof(lookalikeHost, homoglyphHost), port, path).map(([s, h, p, pa]) => `${s}${h}${p}${pa}`),
  // Userinfo: the catalog domain is only the user name (and password); the host is the evil one.
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost, path).map(([s, d, evil, pa]) => `${s}${d}@${evil}${pa}`),
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost, path).map(([s, d, evil, pa]) => `${s}${d}:${d}@${evil}${pa}`),
  // A backslash is a path separator for http(s): `evil\@chase.com` is host `evil`, path `/@chase.com`.
  fc.tuple(scheme, evilHost, fc.constantFrom(...ALL_DOMAINS), path).map(([s, evil, d, pa]) => `${s}${evil}\\@${d}${pa}`),
  fc.tuple(scheme, evilHost, fc.constantFrom(...ALL_DOMAINS)).map(([s, evil, d]) => `${s}${evil}\\${d}/`),
  // Percent-encoded dots decode into the host: `chase.com%2Eevil.example` is host `chase.com.evil.example`.
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost).map(([s, d, evil]) => `${s}${d}%2E${evil}/`),
);

/** URLs that may or may not be legitimate: the oracle decides (mixed case, userinfo the other way round...). */
const trickyUrl = fc.oneof(
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), path).map(([s, d, pa]) => `${s}www.${d.toUpperCase()}.${pa}`),
  fc.tuple(scheme, evilHost, fc.constantFrom(...ALL_DOMAINS), path).map(([s, evil, d, pa]) => `${s}${evil}@${d}${pa}`),
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost).map(([s, d, evil]) => `${s}${d}\\@${evil}/`),
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost).map(([s, d, evil]) => `${s}${d}#@${evil}/`),
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), evilHost).map(([s, d, evil]) => `${s}${d}?@${evil}/`),
  fc.tuple(fc.constantFrom('https:', 'https:/', 'https:\\\\', '//', 'https:///', ' https://'), fc.constantFrom(...ALL_DOMAINS), path).map(([s, d, pa]) => `${s}${d}${pa}`),
  fc.tuple(scheme, fc.constantFrom(...ALL_DOMAINS), port, path).map(([s, d, p, pa]) => `${s}${d}...${p}${pa}`),
);

/** Characters that parsers treat specially: whitespace, controls, separators, lookalike dots. */
const nasty = fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u00a0', '\u200b', '\ufeff', '\u3002', '\uff0e', '%', '%2e', '%00', '@', '\\', '/', '#', '?', ':', '.', '..', '[', ']', '\ud800');

/** Splice a few nasty characters into a string at random places. */
function spliced(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), nasty), { minLength: 1, maxLength: 4 })).map(([s, cuts]) => {
    let out = s;
    for (const [at, ch] of cuts) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + ch + out.slice(i);
    }
    return out;
  });
}

const anyUrlish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.webUrl({ withFragments: true, withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true } }),
  lookalikeUrl,
  trickyUrl,
  spliced(fc.oneof(lookalikeUrl, trickyUrl, fc.webUrl())),
);

/** Huge inputs: long hosts, many labels, long paths and queries, long garbage. */
const hugeInput = fc.oneof(
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), fc.integer({ min: 100, max: 2_000 })).map(([d, n]) => `https://${'a.'.repeat(n)}${d}/`),
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), fc.integer({ min: 1_000, max: 100_000 })).map(([d, n]) => `https://www.${d}/${'x'.repeat(n)}`),
  fc.tuple(fc.constantFrom(...ALL_DOMAINS), fc.integer({ min: 1_000, max: 100_000 })).map(([d, n]) => `https://www.${d}/tr?${'ev=PageView&'.repeat(n / 12)}`),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => 'https://'.repeat(n / 8)),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => '\\@%.'.repeat(n / 4)),
);

// ---------------------------------------------------------------------------------------------------------
// Properties

const runs: Array<{ name: string; numRuns: number; ms: number }> = [];
/** LINKWATCH_FUZZ_SCALE=10 for a deeper run by hand; CI runs the default counts (about 5 s). */
const SCALE = Math.max(1, Number(process.env.LINKWATCH_FUZZ_SCALE) || 1);

/** Run a property with an explicit run count, record the count and time, fail with fast-check's report. */
function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  const started = performance.now();
  const details = fc.check(
    fc.property(arb, (value) => {
      predicate(value);
    }),
    { numRuns: numRuns * SCALE },
  );
  runs.push({ name, numRuns: details.numRuns, ms: Math.round(performance.now() - started) });
  expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
  expect(details.numRuns).toBe(numRuns * SCALE);
}

/** A SiteMatch must be for the real host: the matched rule's domain covers it. */
function assertSiteMatchSound(url: string): void {
  const match = classifyUrl(url);
  if (match === null) return;
  const host = realHost(url);
  // Not a URL the browser would load or report as a tab's address (e.g. a port that is not a number):
  // only "never throws" applies. Every URL the browser can load has a WHATWG host, checked below.
  if (host === null) return;
  if (!covers(match.rule.domain, host)) throw new Error(`${JSON.stringify(url)}: real host ${host} matched ${match.institution} by rule ${match.rule.domain}`);
  if (RESERVED.test(host)) throw new Error(`${JSON.stringify(url)}: a reserved-TLD host matched ${match.institution}`);
}

/** An observation must be for a real endpoint host of its platform. */
function assertRequestSound(pageUrl: string, requestUrl: string): void {
  const obs = classifyRequest(pageUrl, requestUrl, 'script');
  if (obs === null) return;
  const host = realHost(requestUrl);
  if (host === null) throw new Error(`observation for an unparseable request URL ${JSON.stringify(requestUrl)}`);
  const ok = ENDPOINTS.some((e) => e.platform === obs.platform && covers(e.domain, host));
  if (!ok) throw new Error(`${JSON.stringify(requestUrl)}: real host ${host} gave a ${obs.platform} observation`);
  if (!obs.endpoint.startsWith(host.replace(/^www\./, '')) && !obs.endpoint.includes('/')) throw new Error(`odd endpoint ${obs.endpoint}`);
}

/** A link observation must be for a real host of the app it names. */
function assertLinkSound(pageUrl: string, href: string): void {
  const link = classifyLink(pageUrl, href);
  if (link === null) return;
  const absolute = href.trim().startsWith('//') ? 'https:' + href.trim() : href;
  const host = realHost(absolute);
  if (host === null) throw new Error(`link observation for an unparseable href ${JSON.stringify(href)}`);
  if (!domainsOf(link.platform).some((d) => covers(d, host))) throw new Error(`${JSON.stringify(href)}: real host ${host} gave a ${link.platform} link`);
}

/** parseSiteInput gives a lowercase ASCII registrable domain that the real host (when there is one) lies under. */
function assertSiteInputSound(input: string): void {
  const site = parseSiteInput(input);
  if (site === null) return;
  if (!/^[a-z0-9.-]+$/.test(site) || site.startsWith('.') || site.endsWith('.') || !site.includes('.')) {
    throw new Error(`${JSON.stringify(input)} gave ${JSON.stringify(site)}, not an ASCII registrable domain`);
  }
  const text = input.trim();
  const host = realHost(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (host !== null && !covers(site, host)) throw new Error(`${JSON.stringify(input)}: real host ${host}, but the site given is ${site}`);
}

describe('classifiers never throw', () => {
  it('on random strings, random web URLs, adversarial URLs and spliced control characters', () => {
    check(
      'never throws: any input (4 classifiers)',
      fc.tuple(anyUrlish, anyUrlish),
      ([a, b]) => {
        classifyUrl(a);
        parseSiteInput(a);
        classifyRequest(a, b, 'script');
        classifyRequest(BANK_PAGE, a, 'image');
        classifyLink(a, b);
        classifyLink(BANK_PAGE, a);
      },
      15_000,
    );
  }, 120_000); // fast-check runs thousands of inputs: a busy 2-core machine needs more than the 5 s default

  it('on huge inputs', () => {
    check(
      'never throws: huge inputs',
      hugeInput,
      (s) => {
        classifyUrl(s);
        parseSiteInput(s);
        classifyRequest(BANK_PAGE, s, 'script');
        classifyRequest(s, 'https://www.facebook.com/tr?id=1&ev=PageView', 'image');
        classifyLink(BANK_PAGE, s);
      },
      300,
    );
  });

  it('on values that are not strings (a caller in plain JavaScript)', () => {
    check(
      'never throws: non-string values',
      fc.anything().filter((v) => typeof v !== 'string'),
      (v) => {
        const x = v as string;
        if (classifyUrl(x) !== null || parseSiteInput(x) !== null) throw new Error('a non-string matched');
        if (classifyRequest(x, x, x) !== null || classifyLink(x, x) !== null) throw new Error('a non-string was observed');
      },
      2_000,
    );
  });
});

describe('lookalikes never match', () => {
  it('classifyUrl: lookalike and homoglyph hosts match no institution', () => {
    check(
      'classifyUrl: lookalikes give null',
      lookalikeUrl,
      (url) => {
        const match = classifyUrl(url);
        if (match !== null) throw new Error(`${JSON.stringify(url)} matched ${match.institution} (${match.host})`);
      },
      20_000,
    );
  });

  it('classifyUrl: every match is for the host the browser connects to', () => {
    check('classifyUrl: sound on any input', anyUrlish, assertSiteMatchSound, 15_000);
  });

  it('classifyRequest: a request to a lookalike of an endpoint host is not an observation', () => {
    const lookalikeRequest = fc.tuple(scheme, fc.oneof(lookalikeHost, homoglyphHost), path).map(([s, h, pa]) => `${s}${h}${pa}`);
    check(
      'classifyRequest: lookalike endpoints give null',
      fc.oneof(lookalikeRequest, lookalikeUrl),
      (url) => {
        const obs = classifyRequest(BANK_PAGE, url, 'script');
        if (obs !== null) throw new Error(`${JSON.stringify(url)} observed as ${obs.platform} ${obs.endpoint}`);
      },
      15_000,
    );
    check('classifyRequest: sound on any input', fc.tuple(anyUrlish, anyUrlish), ([page, req]) => assertRequestSound(page, req), 10_000);
  });

  it('classifyRequest: a page on a lookalike of Meta is not Meta talking to itself', () => {
    const metaDomains = ['facebook.com', 'messenger.com', 'instagram.com', 'meta.com'];
    const fakeMetaPage = fc.oneof(
      fc.tuple(fc.constantFrom(...metaDomains), evilHost).map(([d, evil]) => `https://www.${d}.${evil}/`),
      fc.tuple(fc.constantFrom(...metaDomains), evilHost).map(([d, evil]) => `https://${d}@${evil}/`),
      fc.tuple(fc.constantFrom(...metaDomains), reservedTld).map(([d, tld]) => `https://${d.replace('.', '-')}.${tld}/`),
    );
    check(
      'classifyRequest: lookalike Meta pages still observed',
      fakeMetaPage,
      (page) => {
        // A host the URL standard rejects (invalid punycode such as `xn--a.example`, found by fuzzing) is no
        // page a browser loads: nothing to observe there.
        try {
          new URL(page);
        } catch {
          return;
        }
        const obs = classifyRequest(page, 'https://connect.facebook.net/en_US/fbevents.js', 'script');
        if (obs?.platform !== 'meta') throw new Error(`${page} loading the Meta pixel was not observed`);
      },
      3_000,
    );
  });

  it('classifyLink: links to lookalikes of Messenger, Facebook, Instagram and WhatsApp are not links to them', () => {
    check(
      'classifyLink: lookalikes give null',
      lookalikeUrl,
      (href) => {
        const link = classifyLink(BANK_PAGE, href);
        if (link !== null) throw new Error(`${JSON.stringify(href)} read as a ${link.platform} link`);
      },
      15_000,
    );
    check('classifyLink: sound on any input', fc.tuple(anyUrlish, anyUrlish), ([page, href]) => assertLinkSound(page, href), 10_000);
  });

  it('parseSiteInput: what a person types gives the site the browser would visit, never a lookalike’s target', () => {
    const typed = fc.oneof(
      anyUrlish,
      lookalikeHost,
      homoglyphHost,
      fc.tuple(fc.constantFrom(...ALL_DOMAINS), evilHost).map(([d, evil]) => `${d}@${evil}`),
      spliced(fc.constantFrom(...ALL_DOMAINS)),
    );
    check('parseSiteInput: sound on any input', typed, assertSiteInputSound, 15_000);
    check(
      'parseSiteInput: lookalikes never give a catalog site',
      fc.oneof(lookalikeUrl, lookalikeHost),
      (input) => {
        const site = parseSiteInput(input);
        if (site !== null && CATALOG_DOMAINS.includes(site)) throw new Error(`${JSON.stringify(input)} gave the catalog site ${site}`);
      },
      10_000,
    );
  });
});

// What fuzzing found, kept as plain rows: a typed site is keyed the way the browser writes hosts.
describe('parseSiteInput regressions found by fuzzing', () => {
  it.each([
    ['zero-width no-break space inside the name', 'a\ufeffds-twitter.com', 'ads-twitter.com'],
    ['full-width letters', '\uff43\uff48\uff41\uff53\uff45.com', 'chase.com'],
    ['internationalised name typed in Unicode', 'b\u00fccher.de', 'xn--bcher-kva.de'],
    ['ideographic full stop as the dot', 'chase\u3002com', 'chase.com'],
    ['userinfo: the host is after the @', 'https://chase.com@citi.com/', 'citi.com'],
    ['userinfo towards a reserved name', 'chase.com@evil.example', null],
    ['backslash ends the host', 'https://citi.com\\@chase.com/', 'citi.com'],
  ])('%s: %j', (_situation, input, expected) => {
    expect(parseSiteInput(input)).toBe(expected);
  });
});

afterAll(() => {
  const total = runs.reduce((n, r) => n + r.numRuns, 0);
  const ms = runs.reduce((n, r) => n + r.ms, 0);
  console.log(
    [`classifier fuzzing: ${total} runs in ${ms} ms`, ...runs.map((r) => `  ${String(r.numRuns).padStart(5)} runs  ${String(r.ms).padStart(5)} ms  ${r.name}`)].join('\n'),
  );
});
