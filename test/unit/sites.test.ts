import { describe, expect, it } from 'vitest';
import { classifyUrl, createSiteClassifier, parseSiteInput } from '../../lib/sites';

// [situation, url, expected institution id or null]
const rows: Array<[string, string, string | null]> = [
  // Banks from the 2018 reports
  ['Chase home page', 'https://www.chase.com/', 'chase'],
  ['Chase bare domain', 'https://chase.com', 'chase'],
  ['Chase secure login subdomain', 'https://secure05c.chase.com/web/auth/#/logon', 'chase'],
  ['Chase deep subdomain', 'https://a.b.c.d.chase.com/x?y=1#z', 'chase'],
  ['JPMorgan corporate site', 'https://www.jpmorgan.com/insights', 'jpmorgan-chase'],
  ['JPMorgan Chase group site', 'https://www.jpmorganchase.com/about', 'jpmorgan-chase'],
  ['Chase UK country-code domain', 'https://www.chase.co.uk/gb/en/', 'chase'],
  ['Citi online banking', 'https://online.citi.com/US/login.do', 'citigroup'],
  ['Citi home', 'https://www.citi.com/', 'citigroup'],
  ['Citibank online', 'https://www.citibankonline.com/', 'citigroup'],
  ['Citigroup corporate', 'https://www.citigroup.com/global', 'citigroup'],
  ['Citibank India', 'https://www.citibank.co.in/', 'citigroup'],
  ['Wells Fargo home', 'https://www.wellsfargo.com/', 'wells-fargo'],
  ['Wells Fargo connect', 'https://connect.secure.wellsfargo.com/auth/login/present', 'wells-fargo'],
  ['Wells Fargo Advisors', 'https://www.wellsfargoadvisors.com/', 'wells-fargo'],
  ['U.S. Bank home', 'https://www.usbank.com/index.html', 'us-bancorp'],
  ['U.S. Bank onlinebanking', 'https://onlinebanking.usbank.com/auth/login/', 'us-bancorp'],
  // Messenger at its several addresses
  ['Messenger web app', 'https://www.messenger.com/t/1', 'messenger'],
  ['Messenger bare domain', 'https://messenger.com/', 'messenger'],
  ['wrapped link on l.messenger.com', 'https://l.messenger.com/l.php?u=https%3A%2F%2Fexample.org', 'messenger'],
  ['m.me short link', 'https://m.me/chase', 'messenger'],
  ['facebook.com/messages', 'https://www.facebook.com/messages/t/1', 'messenger'],
  ['facebook.com/messages exactly', 'https://www.facebook.com/messages', 'messenger'],
  ['m.facebook.com/messages', 'https://m.facebook.com/messages/read/?tid=1', 'messenger'],
  ['facebook.com/messages uppercase path', 'https://www.facebook.com/Messages/t/1', 'messenger'],
  ['facebook.com/messagesfoo is not Messenger', 'https://www.facebook.com/messagesfoo', 'facebook'],
  ['facebook.com/pages/messages is not Messenger', 'https://www.facebook.com/pages/messages', 'facebook'],
  ['Facebook home', 'https://www.facebook.com/', 'facebook'],
  ['Facebook mobile', 'https://m.facebook.com/home.php', 'facebook'],
  ['fb.me short link', 'https://fb.me/abc', 'facebook'],
  ['Meta Pixel script host', 'https://connect.facebook.net/en_US/fbevents.js', 'meta'],
  ['Meta CDN', 'https://scontent.xx.fbcdn.net/v/t1.jpg', 'meta'],
  ['Meta corporate', 'https://about.meta.com/', 'meta'],
  ['Instagram', 'https://www.instagram.com/chase/', 'instagram'],
  ['WhatsApp short link', 'https://wa.me/15551234567', 'whatsapp'],
  ['WhatsApp web', 'https://web.whatsapp.com/', 'whatsapp'],
  // Normalisation
  ['uppercase host', 'https://WWW.CHASE.COM/', 'chase'],
  ['uppercase scheme', 'HTTPS://www.chase.com/', 'chase'],
  ['plain http', 'http://www.chase.com/', 'chase'],
  ['trailing dot', 'https://www.chase.com./', 'chase'],
  ['port', 'https://www.chase.com:8443/login', 'chase'],
  ['credentials before the host', 'https://user:pass@www.chase.com/', 'chase'],
  ['leading whitespace', '  https://www.chase.com/', 'chase'],
  // Lookalikes and suffix tricks
  ['suffix trick chase.com.example', 'https://chase.com.example/', null],
  ['suffix trick with subdomain', 'https://www.chase.com.evil.example/login', null],
  ['facebook.com.evil.example', 'https://facebook.com.evil.example/messages', null],
  ['prefix lookalike', 'https://mychase.com/', null],
  ['hyphen lookalike', 'https://chase-bank.com/', null],
  ['substring lookalike', 'https://notchase.com/', null],
  ['credentials trick: real host is evil.com', 'https://www.chase.com:443@evil.com/', null],
  ['punycode lookalike', 'https://xn--chse-7na.com/', null],
  ['unicode lookalike (Cyrillic a)', 'https://ch\u0430se.com/', null],
  ['other TLD of the same brand name', 'https://chase.net/', null],
  ['messenger.co lookalike', 'https://messenger.co/', null],
  ['Chase as a path on another site', 'https://example.org/chase.com', null],
  ['Chase in the query of another site', 'https://example.org/?u=https://www.chase.com/', null],
  // Not web pages, or no registrable domain
  ['unrelated site', 'https://example.org/', null],
  ['chrome:// page', 'chrome://extensions/', null],
  ['about:blank', 'about:blank', null],
  ['file URL', 'file:///home/user/chase.com.html', null],
  ['data URL', 'data:text/html,<a href="https://chase.com">x</a>', null],
  ['javascript URL', 'javascript:alert(1)//https://chase.com', null],
  ['extension page', 'chrome-extension://abcdef/popup.html', null],
  ['ftp URL', 'ftp://chase.com/', null],
  ['IPv4 address', 'http://192.168.1.1/chase', null],
  ['IPv6 address', 'http://[::1]:8080/', null],
  ['localhost', 'http://localhost:3000/', null],
  ['no scheme', 'www.chase.com', null],
  ['empty string', '', null],
  ['garbage', 'https://', null],
  ['spaces in host', 'https://ch ase.com/', null],
  ['very long string', 'https://' + 'a'.repeat(10_000) + '.chase.com/', null],
];

describe('classifyUrl', () => {
  it('has at least 60 rows', () => expect(rows.length).toBeGreaterThanOrEqual(60));

  it.each(rows)('%s: %s', (_situation, url, expected) => {
    expect(classifyUrl(url)?.institution ?? null).toBe(expected);
  });

  it('reports host, site, group, role and the rule that matched', () => {
    expect(classifyUrl('https://secure.chase.com:443/x')).toEqual({
      host: 'secure.chase.com',
      site: 'chase.com',
      institution: 'chase',
      group: 'jpmorgan-chase',
      role: 'bank',
      rule: { domain: 'chase.com' },
    });
    expect(classifyUrl('https://m.facebook.com/messages/t/1')).toEqual({
      host: 'm.facebook.com',
      site: 'facebook.com',
      institution: 'messenger',
      group: 'meta',
      role: 'platform',
      rule: { domain: 'facebook.com', path: '/messages' },
    });
  });

  it('never throws on non-string input', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol.iterator]) {
      expect(classifyUrl(bad as unknown as string)).toBeNull();
    }
  });
});

describe('createSiteClassifier', () => {
  const classifier = createSiteClassifier({
    institutions: [
      { id: 'hsbc', name: 'HSBC', country: 'GB', kind: 'bank', domains: [{ domain: 'hsbc.co.uk', verified: 'C' }] },
      { id: 'bnp', name: 'BNP Paribas', country: 'FR', kind: 'bank', domains: [{ domain: 'mabanque.bnpparibas', verified: 'C' }] },
      { id: 'sub', name: 'Sub', country: 'US', kind: 'bank', domains: [{ domain: 'online.example.com', verified: 'C' }] },
    ],
  });
  it.each([
    ['country-code domain', 'https://www.hsbc.co.uk/', 'hsbc'],
    ['hsbc.com is not hsbc.co.uk', 'https://www.hsbc.com/', null],
    ['brand TLD is itself a registrable domain', 'https://mabanque.bnpparibas/fr/connexion', 'bnp'],
    ['other host under a brand TLD', 'https://other.bnpparibas/', null],
    ['a rule on a subdomain covers that host', 'https://online.example.com/', 'sub'],
    ['and its subdomains', 'https://x.online.example.com/', 'sub'],
    ['but not its parent', 'https://example.com/', null],
    ['nor a sibling', 'https://offline.example.com/', null],
  ])('%s: %s', (_s, url, expected) => {
    expect(classifier.classify(url)?.institution ?? null).toBe(expected);
  });
});

describe('parseSiteInput', () => {
  it.each([
    ['bare registrable domain', 'chase.com', 'chase.com'],
    ['host with www and capitals', 'WWW.Chase.com', 'chase.com'],
    ['full URL', 'https://secure.chase.com/login?x=1', 'chase.com'],
    ['country-code domain', 'www.barclays.co.uk', 'barclays.co.uk'],
    ['brand TLD', 'mabanque.bnpparibas', 'mabanque.bnpparibas'],
    ['surrounding spaces', '  citi.com ', 'citi.com'],
    ['public suffix alone', 'co.uk', null],
    ['IP address', '192.168.1.1', null],
    ['localhost', 'localhost', null],
    ['not a host', 'not a site', null],
    ['empty', '', null],
    ['other scheme', 'javascript:alert(1)', null],
    ['ftp URL', 'ftp://chase.com/', null],
    ['an underscore in the registrable domain (found by fuzzing)', '_.AC', null],
    ['an underscore in a subdomain only', '_dmarc.chase.com', 'chase.com'],
  ])('%s: %j', (_s, input, expected) => {
    expect(parseSiteInput(input)).toBe(expected);
  });
});
