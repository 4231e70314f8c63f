import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { contentScriptMatches } from '../../lib/catalog/matches';
import { endpointDomains } from '../../lib/evidence';
import { hostIn, LINK_DOMAINS, REQUEST_DOMAINS } from '../../lib/evidence/prefilter';
import { isPageReport, isRequest } from '../../lib/messages';
import { observePage, type PageReport } from '../../lib/page-observer';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { classifyUrl } from '../../lib/sites';
import { addObservations, badgeFor, computeTabState, navKeyOf } from '../../lib/tab-state';
import { tEn } from './helpers';

const catalog = bundledCatalog();
const PAGE = 'https://www.chase.com/accounts';
const bankState = () => computeTabState({ tabId: 3, url: PAGE, match: classifyUrl(PAGE), catalog, silenced: false, now: 0 });
const report = (requests: PageReport['requests'], links: string[] = [], pageUrl = PAGE): PageReport => ({ pageUrl, requests, links });

describe('prefilter', () => {
  it('covers every registrable domain that has an endpoint rule', () => {
    for (const { domain } of endpointDomains()) expect(hostIn(domain, REQUEST_DOMAINS), domain).toBe(true);
  });
  it.each([
    ['subdomain', 'connect.facebook.net', REQUEST_DOMAINS, true],
    ['suffix trick', 'facebook.net.evil.example', REQUEST_DOMAINS, false],
    ['glued prefix', 'evilfacebook.net', REQUEST_DOMAINS, false],
    ['m.me link', 'm.me', LINK_DOMAINS, true],
    ['trailing dot', 'www.messenger.com.', LINK_DOMAINS, true],
  ] as const)('%s: %s', (_s, host, list, expected) => expect(hostIn(host, list)).toBe(expected));
});

describe('content-script matches from the catalog', () => {
  const matches = contentScriptMatches(catalog);
  it('cover the banks and never everything', () => {
    expect(matches).toContain('*://*.chase.com/*');
    expect(matches).toContain('*://chase.com/*');
    expect(matches).toContain('*://*.mabanque.bnpparibas/*');
    expect(matches).not.toContain('<all_urls>');
    expect(matches.every((m) => /^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
  });
  it('leave out platforms (first party) and regulators', () => {
    expect(matches.some((m) => m.includes('facebook.com') || m.includes('messenger.com') || m.includes('google.com'))).toBe(false);
  });
});

describe('addObservations', () => {
  it('groups by platform, keeps the event, counts outcomes, and keeps no query value', () => {
    const next = addObservations(
      bankState(),
      report([
        { url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' },
        { url: 'https://www.facebook.com/tr/?id=123&ev=PageView&dl=https%3A%2F%2Fwww.chase.com%2Faccounts%3Fsecret%3D1&ud[em]=abcdef0123', type: 'img', outcome: 'requested' },
        { url: 'https://www.facebook.com/tr/?id=123&ev=PageView&ts=2', type: 'img', outcome: 'failed' },
        { url: 'https://example.org/not-a-tracker.js', type: 'script', outcome: 'completed' },
      ]),
    );
    expect(next.observed).toEqual([
      {
        platform: 'meta',
        requests: [
          { kind: 'pixel-script', endpoint: 'connect.facebook.net/en_US/fbevents.js', hashedUserData: false, completed: 1, failed: 0, requested: 0 },
          { kind: 'pixel-event', endpoint: 'www.facebook.com/tr', event: 'PageView', hashedUserData: true, completed: 0, failed: 1, requested: 1 },
        ],
      },
    ]);
    const json = JSON.stringify(next);
    for (const secret of ['secret', 'abcdef0123', 'dl=', '?id=']) expect(json).not.toContain(secret);
  });

  it('moves a request from "requested" to its known outcome', () => {
    const url = 'https://connect.facebook.net/en_US/fbevents.js';
    let s = addObservations(bankState(), report([{ url, type: 'script', outcome: 'requested' }]));
    s = addObservations(s, report([{ url, type: 'script', outcome: 'completed', replaces: 'requested' }]));
    expect(s.observed[0]!.requests[0]).toMatchObject({ completed: 1, requested: 0 });
  });

  it('records links to Meta apps as links', () => {
    const s = addObservations(bankState(), report([], ['https://m.me/chase', 'https://www.messenger.com/t/chase', 'https://example.org/']));
    expect(s.links).toEqual([
      { platform: 'messenger', target: 'm.me/chase', count: 1 },
      { platform: 'messenger', target: 'www.messenger.com/t/chase', count: 1 },
    ]);
    expect(s.observed).toEqual([]);
  });

  it('ignores a report from another navigation', () => {
    const s = bankState();
    expect(addObservations(s, report([{ url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' }], [], 'https://www.chase.com/other'))).toBe(s);
  });

  it('ignores the fragment when telling navigations apart', () => {
    expect(navKeyOf('https://www.chase.com/a#x')).toBe(navKeyOf('https://www.chase.com/a'));
    expect(navKeyOf('https://www.chase.com/a')).not.toBe(navKeyOf('https://www.chase.com/b'));
  });

  it('raises the badge for an observation even where nothing is reported, and names the platform', () => {
    const url = 'https://www.avanza.se/';
    const base = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    const s = { ...addObservations(base, report([{ url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' }], [], url)), arrangementIds: [] };
    const badge = badgeFor(s, DEFAULT_PREFERENCES, tEn, (id) => (id === 'meta' ? 'Meta' : id));
    expect(badge.text).toBe('i'); // the one mark (issue 15)
    expect(badge.title).toBe('Linkwatch: Observed on this page: requests to Meta. Click the Linkwatch button for a summary, the sources and what you can do.');
    const off = { ...DEFAULT_PREFERENCES, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, observed: false } };
    expect(badgeFor(s, off, tEn).text).toBe('');
  });
});

describe('content-script reports are checked like outside input', () => {
  it.each([
    ['a good report', { pageUrl: PAGE, requests: [{ url: 'https://x/', type: 'img', outcome: 'completed' }], links: [] }, true],
    ['unknown outcome', { pageUrl: PAGE, requests: [{ url: 'https://x/', type: 'img', outcome: 'sent' }], links: [] }, false],
    ['too many requests', { pageUrl: PAGE, requests: Array(501).fill({ url: 'https://x/', type: 'img', outcome: 'completed' }), links: [] }, false],
    ['huge URL', { pageUrl: 'https://x/' + 'a'.repeat(9000), requests: [], links: [] }, false],
    ['links not strings', { pageUrl: PAGE, requests: [], links: [1] }, false],
    ['missing fields', { pageUrl: PAGE }, false],
    ['null', null, false],
  ])('%s', (_s, value, expected) => {
    expect(isPageReport(value)).toBe(expected);
    expect(isRequest({ type: 'page-observations', report: value })).toBe(expected);
  });
});

describe('observePage (in happy-dom)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('reports the real outcome of elements, only for platform hosts, once per URL', async () => {
    const batches: PageReport[] = [];
    const stop = observePage(window as Window & typeof globalThis, (r) => batches.push(r), 10);
    // Elements whose loading is simulated by dispatching the events the browser would fire.
    const pixel = document.createElement('img');
    pixel.setAttribute('src', 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1');
    const other = document.createElement('img');
    other.setAttribute('src', 'https://cdn.example.org/logo.png');
    document.body.append(pixel, other);
    pixel.dispatchEvent(new Event('error'));
    other.dispatchEvent(new Event('load'));
    pixel.dispatchEvent(new Event('error'));
    await new Promise((r) => setTimeout(r, 30));
    stop();
    const requests = batches.flatMap((b) => b.requests);
    expect(requests).toEqual([{ url: 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', type: 'image', outcome: 'failed' }]);
  });

  it('finds links to Meta apps, including ones added later', async () => {
    const batches: PageReport[] = [];
    document.body.innerHTML = '<a href="https://m.me/bank">Chat</a><a href="https://example.org/">Other</a>';
    const stop = observePage(window as Window & typeof globalThis, (r) => batches.push(r), 10);
    const late = document.createElement('a');
    late.href = 'https://wa.me/15551234567';
    document.body.append(late);
    await new Promise((r) => setTimeout(r, 60));
    stop();
    expect(batches.flatMap((b) => b.links).sort()).toEqual(['https://m.me/bank', 'https://wa.me/15551234567']);
  });
});
