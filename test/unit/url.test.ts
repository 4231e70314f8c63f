/**
 * lib/url, the one place for URL and host questions (issue 20), as tables named by situation; then the
 * places that must agree with it: `isWatchedUrl` with `classifyUrl`, and page-observer's self-contained
 * copy in `collectLinks` with `parseHttpUrl` + `hostAtOrUnder`.
 */
import { describe, expect, it } from 'vitest';
import { LINK_DOMAINS } from '../../lib/evidence/prefilter';
import { collectLinks } from '../../lib/page-observer';
import { isWatchedUrl } from '../../lib/request-watch';
import { classifyUrl } from '../../lib/sites';
import {
  decodeQueryName,
  hostAtOrUnder,
  hostOf,
  isHttpsLink,
  originOf,
  parseHttpUrl,
  queryNames,
  siteOfHost,
  siteOfUrl,
  urlQueryNames,
} from '../../lib/url';

describe('parseHttpUrl, hostOf, originOf, siteOfUrl', () => {
  // [situation, url, host, origin, site]
  it.each([
    ['plain https', 'https://www.chase.com/x?y=1#z', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['plain http', 'http://chase.com', 'chase.com', 'http://chase.com', 'chase.com'],
    ['userinfo', 'https://user@www.chase.com/', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['userinfo with password', 'https://u:p@www.chase.com/', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['userinfo naming another host', 'https://www.chase.com@evil.example/', 'evil.example', 'https://evil.example', 'evil.example'],
    ['trailing dot', 'https://www.chase.com./', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['uppercase scheme and host', 'HTTPS://WWW.Chase.COM/Path', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['default port', 'https://www.chase.com:443/', 'www.chase.com', 'https://www.chase.com', 'chase.com'],
    ['other port', 'http://www.chase.com:8080/', 'www.chase.com', 'http://www.chase.com:8080', 'chase.com'],
    ['country-code suffix', 'https://www.hsbc.co.uk/', 'www.hsbc.co.uk', 'https://www.hsbc.co.uk', 'hsbc.co.uk'],
    ['IPv4', 'http://192.168.1.1/chase', '192.168.1.1', 'http://192.168.1.1', '192.168.1.1'],
    ['IPv4 shorthand, as the browser reads it', 'http://0x7f.1/', '127.0.0.1', 'http://127.0.0.1', '127.0.0.1'],
    ['IPv6', 'http://[::1]:8080/', '[::1]', 'http://[::1]:8080', '[::1]'],
    ['localhost', 'http://localhost:3000/', 'localhost', 'http://localhost:3000', 'localhost'],
    ['punycode', 'https://xn--chse-7na.com/', 'xn--chse-7na.com', 'https://xn--chse-7na.com', 'xn--chse-7na.com'],
    ['Unicode host becomes punycode (Cyrillic a)', 'https://ch\u0430se.com/', 'xn--chse-63d.com', 'https://xn--chse-63d.com', 'xn--chse-63d.com'],
    ['lookalike suffix', 'https://facebook.com.evil.example/tr', 'facebook.com.evil.example', 'https://facebook.com.evil.example', 'evil.example'],
    ['backslash as the browser reads it', 'https://evil.example\\@www.chase.com/', 'evil.example', 'https://evil.example', 'evil.example'],
    ['surrounding spaces', '  https://chase.com/  ', 'chase.com', 'https://chase.com', 'chase.com'],
  ])('%s: %s', (_s, url, host, origin, site) => {
    expect(hostOf(url)).toBe(host);
    expect(originOf(url)).toBe(origin);
    expect(siteOfUrl(url)).toBe(site);
    expect(parseHttpUrl(url)).toMatchObject({ host, origin });
  });

  it.each([
    ['javascript:', 'javascript:alert(1)//https://chase.com'],
    ['chrome-extension:', 'chrome-extension://abcdef/popup.html'],
    ['chrome:', 'chrome://extensions/'],
    ['data:', 'data:text/html,<a href="https://chase.com">x</a>'],
    ['file:', 'file:///home/user/chase.com.html'],
    ['ftp:', 'ftp://chase.com/'],
    ['wss:', 'wss://www.facebook.com/chat'],
    ['about:blank', 'about:blank'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
    ['garbage', 'not a url'],
    ['no host', 'https://'],
    ['space in host', 'https://ch ase.com/'],
    ['no scheme', 'www.chase.com'],
    ['only a dot', 'http://./'],
    ['empty label', 'http://www..chase.com/'],
    ['a value that is not a string', 42 as unknown as string],
  ])('not an http(s) URL: %s', (_s, url) => {
    expect(parseHttpUrl(url)).toBeNull();
    expect(hostOf(url)).toBeNull();
    expect(originOf(url)).toBeNull();
    expect(siteOfUrl(url)).toBeNull();
  });

  it('gives the parts as the WHATWG parser does', () => {
    expect(parseHttpUrl('HTTPS://User@WWW.Chase.com.:8443/a/../b%20c?x=1&y#frag')).toEqual({
      href: 'https://User@www.chase.com.:8443/b%20c?x=1&y#frag',
      protocol: 'https:',
      host: 'www.chase.com',
      port: '8443',
      origin: 'https://www.chase.com:8443',
      pathname: '/b%20c',
      search: '?x=1&y',
      hash: '#frag',
    });
  });
});

describe('siteOfHost', () => {
  it.each([
    ['subdomain', 'online.citi.com', 'citi.com'],
    ['country-code suffix', 'www.bbc.co.uk', 'bbc.co.uk'],
    ['brand TLD', 'mabanque.bnpparibas', 'mabanque.bnpparibas'],
    ['uppercase and trailing dot', 'WWW.Chase.COM.', 'chase.com'],
    ['IPv4: itself', '10.0.0.1', '10.0.0.1'],
    ['IPv6: itself', '[::1]', '[::1]'],
    ['localhost: itself', 'localhost', 'localhost'],
    ['bare public suffix: itself', 'co.uk', 'co.uk'],
    ['lookalike suffix', 'facebook.com.evil.example', 'evil.example'],
    ['empty', '', null],
  ])('%s: %s', (_s, host, site) => expect(siteOfHost(host)).toBe(site));
});

describe('hostAtOrUnder', () => {
  it.each([
    ['the domain itself', 'facebook.com', 'facebook.com', true],
    ['a subdomain', 'www.facebook.com', 'facebook.com', true],
    ['a deep subdomain', 'a.b.online.citi.com', 'citi.com', true],
    ['uppercase on either side', 'WWW.Facebook.COM', 'FACEBOOK.com', true],
    ['trailing dot on either side', 'www.facebook.com.', 'facebook.com.', true],
    ['lookalike suffix', 'facebook.com.evil.example', 'facebook.com', false],
    ['glued prefix', 'notfacebook.com', 'facebook.com', false],
    ['parent is not under the child', 'facebook.com', 'www.facebook.com', false],
    ['other TLD', 'hsbc.com', 'hsbc.co.uk', false],
    ['a top-level domain', 'www.lemonde.fr', 'fr', true],
    ['IPv4 equal', '127.0.0.1', '127.0.0.1', true],
    ['empty host', '', 'facebook.com', false],
    ['empty domain', 'facebook.com', '', false],
  ])('%s: %s under %s', (_s, host, domain, expected) => expect(hostAtOrUnder(host, domain)).toBe(expected));
});

describe('query names', () => {
  it.each([
    ['plain', 'a', 'a'],
    ['plus is a space', 'a+b', 'a b'],
    ['percent-encoding', 'ud%5Bem%5D', 'ud[em]'],
    ['UTF-8', '%C3%A9', 'é'],
    ['invalid percent-encoding kept raw', '%zz', '%zz'],
    ['lone byte kept raw', '%E9', '%E9'],
  ])('decodeQueryName, %s: %s', (_s, raw, expected) => expect(decodeQueryName(raw)).toBe(expected));

  it.each([
    ['names only, values skipped', 'a=1&b=2', ['a', 'b']],
    ['a name without value', 'a&b=', ['a', 'b']],
    ['empty names skipped', '&=1&&c=3', ['c']],
    ['decoded', 'ud%5Bem%5D=x&first+name=y', ['ud[em]', 'first name']],
    ['empty', '', []],
  ])('queryNames, %s: %s', (_s, query, expected) => expect(queryNames(query)).toEqual(expected));

  it('queryNames stops at max', () => expect(queryNames('a&b&c&d', 2)).toEqual(['a', 'b']));

  it.each([
    ['query', 'https://www.facebook.com/tr?id=1&ev=PageView', ['id', 'ev']],
    ['fragment excluded', 'https://x.example/p?a=1#b=2', ['a']],
    ['a ? in the fragment is no query', 'https://x.example/p#x?b=2', []],
    ['no query', 'https://x.example/p', []],
    ['WebSocket address', 'wss://x.example/s?token=1', ['token']],
    ['garbage', 'not a url?a=1', []],
  ])('urlQueryNames, %s: %s', (_s, url, expected) => expect(urlQueryNames(url)).toEqual(expected));
});

describe('isHttpsLink', () => {
  it.each([
    ['https', 'https://www.wsj.com/articles/x', true],
    ['uppercase scheme', 'HTTPS://www.wsj.com/', true],
    ['http', 'http://www.wsj.com/', false],
    ['credentials', 'https://user:pass@www.wsj.com/', false],
    ['user only', 'https://user@www.wsj.com/', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['data:', 'data:text/html,x', false],
    ['malformed', 'https://', false],
    ['empty', '', false],
    ['undefined', undefined, false],
  ])('%s: %s', (_s, url, expected) => expect(isHttpsLink(url)).toBe(expected));
});

describe('isWatchedUrl agrees with classifyUrl', () => {
  it('reads userinfo the way the browser does (issue 20)', () => {
    expect(isWatchedUrl('https://user@www.chase.com/')).toBe(true);
    expect(classifyUrl('https://user@www.chase.com/')?.institution).toBe('chase');
  });

  // A page is watched where classifyUrl finds a site that is neither a platform nor a regulator.
  it.each([
    ['bank home', 'https://www.chase.com/'],
    ['userinfo', 'https://user@www.chase.com/'],
    ['userinfo naming the bank', 'https://www.chase.com@evil.example/'],
    ['trailing dot', 'https://secure.chase.com./login'],
    ['uppercase', 'HTTPS://WWW.CHASE.COM/'],
    ['port', 'https://www.chase.com:8443/'],
    ['bare domain', 'https://chase.com/'],
    ['country-code bank', 'https://www.hsbc.co.uk/'],
    ['other TLD of a bank', 'https://www.hsbc.com.evil.example/'],
    ['glued prefix', 'https://notchase.com/'],
    ['lookalike suffix', 'https://chase.com.evil.example/'],
    ['punycode lookalike', 'https://xn--chse-7na.com/'],
    ['platform (first party, not watched)', 'https://www.facebook.com/'],
    ['Messenger', 'https://www.messenger.com/'],
    ['unknown site', 'https://example.org/'],
    ['IPv4', 'http://192.168.1.1/'],
    ['javascript:', 'javascript:alert(1)//https://www.chase.com/'],
    ['chrome-extension:', 'chrome-extension://abcdef/popup.html'],
    ['empty', ''],
    ['garbage', 'https://ch ase.com/'],
  ])('%s: %s', (_s, url) => {
    const match = classifyUrl(url);
    const expected = match !== null && match.role !== 'platform' && match.role !== 'regulator';
    expect(isWatchedUrl(url)).toBe(expected);
  });
});

describe("page-observer's own copy (collectLinks is self-contained) agrees with lib/url", () => {
  // Each href is put in a page as <a href>; collectLinks must take it exactly when lib/url puts its host at or under a link domain.
  const hrefs = [
    'https://m.me/bank',
    'https://user@m.me/bank',
    'https://m.me.evil.example/x',
    'https://notm.me/x',
    'HTTPS://WWW.FACEBOOK.COM/bank',
    'https://www.messenger.com./t/1',
    'https://www.facebook.com:8443/x',
    'https://evil.example\\@m.me/x',
    'https://m.me@evil.example/x',
    'http://l.instagram.com/?u=x',
    'https://wa.me/15551234567',
    'https://xn--m-0tb.me/x',
    'https://[::1]/m.me',
    'http://127.0.0.1/m.me',
    'ftp://m.me/x',
    'mailto:x@m.me',
    'javascript:location="https://m.me/"',
    'https://example.org/?u=https://m.me/x',
  ];
  it.each(hrefs.map((href) => [href]))('%s', (href) => {
    document.body.innerHTML = '';
    const a = document.createElement('a');
    a.setAttribute('href', href);
    document.body.append(a);
    const resolved = a.href;
    const host = hostOf(resolved);
    const expected = host !== null && LINK_DOMAINS.some((d) => hostAtOrUnder(host, d));
    expect(collectLinks(LINK_DOMAINS, 8192, 500).links).toEqual(expected ? [resolved] : []);
  });
});
