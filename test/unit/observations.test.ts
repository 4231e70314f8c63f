import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { contentScriptMatches } from '../../lib/catalog/matches';
import { bundledWorld, watchedSitePatterns } from '../../lib/directory';
import { endpointDomains, endpointHosts } from '../../lib/evidence';
import { linkDomains, requestDomains } from '../../lib/evidence/domain-lists';
import { hostIn, LINK_DOMAINS, REQUEST_DOMAINS } from '../../lib/evidence/prefilter';
import { isPageReport, isRequest, MAX_URL } from '../../lib/messages';
import { collectLinks, observePage, type PageReport } from '../../lib/page-observer';
import { DEFAULT_PREFERENCES } from '../../lib/prefs/schema';
import { classifyUrl } from '../../lib/sites';
import { BATCH_MS, bodyNames, PENDING_MS, requestFilterUrls, watched, watchRequests, type Outcome, type RequestDetails, type TabChange, type WatchedRequest } from '../../lib/request-watch';
import { addObservations, addWatchedRequests, badgeFor, computeTabState, MAX_ENDPOINTS_PER_PLATFORM, navKeyOf } from '../../lib/tab-state';
import { tEn } from './helpers';

const catalog = bundledCatalog();
const PAGE = 'https://www.chase.com/accounts';
const bankState = () => computeTabState({ tabId: 3, url: PAGE, match: classifyUrl(PAGE), catalog, silenced: false, now: 0 });
const report = (requests: PageReport['requests'], links: string[] = [], pageUrl = PAGE): PageReport => ({ pageUrl, requests, links });

describe('prefilter', () => {
  it('lists are generated from the catalog and the rules (npx tsx scripts/prefilter-domains.ts when this fails)', () => {
    expect([...REQUEST_DOMAINS]).toEqual(requestDomains());
    expect([...LINK_DOMAINS]).toEqual(linkDomains(catalog));
  });
  it('covers every registrable domain that has an endpoint rule, and every domain of the linked apps (fb.gg included)', () => {
    for (const { domain } of endpointDomains()) expect(hostIn(domain, REQUEST_DOMAINS), domain).toBe(true);
    for (const id of ['facebook', 'messenger', 'instagram', 'whatsapp']) {
      for (const rule of catalog.institutions.find((i) => i.id === id)!.domains) expect(hostIn(rule.domain, LINK_DOMAINS), rule.domain).toBe(true);
    }
    expect(LINK_DOMAINS).toContain('fb.gg');
  });
  it.each([
    ['subdomain', 'connect.facebook.net', REQUEST_DOMAINS, true],
    ['suffix trick', 'facebook.net.evil.example', REQUEST_DOMAINS, false],
    ['glued prefix', 'evilfacebook.net', REQUEST_DOMAINS, false],
    ['m.me link', 'm.me', LINK_DOMAINS, true],
    ['trailing dot', 'www.messenger.com.', LINK_DOMAINS, true],
  ] as const)('%s: %s', (_s, host, list, expected) => expect(hostIn(host, list)).toBe(expected));
});

describe('content-script matches from the directory', () => {
  const matches = watchedSitePatterns();
  it('cover the banks, one pattern per domain, and never everything', () => {
    expect(matches).toContain('*://*.chase.com/*');
    // `*.chase.com` covers chase.com itself in both browsers' match patterns: no second pattern.
    expect(matches).not.toContain('*://chase.com/*');
    expect(matches).toContain('*://*.mabanque.bnpparibas/*');
    // A bank the catalog reports nothing about, from the FDIC's BankFind list (lib/directory).
    expect(matches).toContain('*://*.addisonbank.com/*');
    expect(matches).toEqual(contentScriptMatches(bundledWorld()));
    expect(matches).not.toContain('<all_urls>');
    expect(matches.every((m) => /^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
  });
  it('leave out platforms (first party) and regulators', () => {
    expect(matches.some((m) => m.includes('facebook.com') || m.includes('messenger.com') || m.includes('google.com'))).toBe(false);
  });
});

const watchedReq = (url: string, outcome: Outcome, type = 'image', extra: Partial<RequestDetails> = {}): WatchedRequest => {
  const w = watched({ requestId: '1', url, type, tabId: 3, frameId: 0, initiator: 'https://www.chase.com', ...extra }, outcome);
  if (!w) throw new Error(`not an observation: ${url}`);
  return w;
};

describe('addWatchedRequests', () => {
  it('groups by platform, keeps the event, counts outcomes and what was carried, and keeps no query value', () => {
    const next = addWatchedRequests(bankState(), [
      watchedReq('https://connect.facebook.net/en_US/fbevents.js', 'completed', 'script'),
      watchedReq('https://www.facebook.com/tr/?id=123&ev=PageView&dl=https%3A%2F%2Fwww.chase.com%2Faccounts%3Fsecret%3D1&ud[em]=abcdef0123', 'requested'),
      watchedReq('https://www.facebook.com/tr/?id=123&ev=PageView&ts=2&ud[ph]=99', 'failed'),
    ]);
    expect(next.observed).toEqual([
      {
        platform: 'meta',
        requests: [
          { kind: 'pixel-script', endpoint: 'connect.facebook.net/en_US/fbevents.js', hashedUserData: false, carries: [], contexts: ['page'], completed: 1, failed: 0, requested: 0 },
          {
            kind: 'pixel-event',
            endpoint: 'www.facebook.com/tr',
            event: 'PageView',
            hashedUserData: true,
            carries: ['hashed-email', 'hashed-phone', 'page-url'],
            contexts: ['page'],
            completed: 0,
            failed: 1,
            requested: 1,
          },
        ],
      },
    ]);
    const json = JSON.stringify(next);
    for (const secret of ['secret', 'abcdef0123', 'dl=', '?id=', '99']) expect(json).not.toContain(secret);
  });

  it('caps distinct lines per platform and counts the rest ("and N more"), so 20,000 events stay bounded', () => {
    const many: WatchedRequest[] = [];
    for (let i = 0; i < 20_000; i++) many.push(watchedReq(`https://www.facebook.com/tr?id=1&ev=Event${i % 400}`, 'completed'));
    const s = addWatchedRequests(bankState(), many);
    expect(s.observed[0]!.requests).toHaveLength(MAX_ENDPOINTS_PER_PLATFORM);
    const listed = s.observed[0]!.requests.reduce((n, r) => n + r.completed, 0);
    expect(listed + s.observed[0]!.more!).toBe(20_000);
    expect(JSON.stringify(s).length).toBeLessThan(20_000);
  });

  it('records who made a request: a frame, the service worker', () => {
    const s = addWatchedRequests(bankState(), [
      watchedReq('https://www.facebook.com/tr?id=1&ev=A', 'completed', 'xmlhttprequest', { frameId: 7 }),
      watchedReq('https://www.facebook.com/tr?id=1&ev=A', 'completed', 'xmlhttprequest', { tabId: -1, frameId: -1 }),
    ]);
    expect(s.observed[0]!.requests[0]!.contexts).toEqual(['frame', 'service-worker']);
  });
});

describe('addObservations (content-script reports)', () => {
  it('ignores requests in a report: they come from webRequest, a page cannot add findings', () => {
    const s = bankState();
    expect(addObservations(s, report([{ url: 'https://connect.facebook.net/en_US/fbevents.js', type: 'script', outcome: 'completed' }]))).toBe(s);
  });

  it('records links to Meta apps as links', () => {
    const s = addObservations(bankState(), report([], ['https://m.me/chase', 'https://www.messenger.com/t/chase', 'https://example.org/']));
    expect(s.links).toEqual([
      { platform: 'messenger', target: 'm.me/chase', count: 1 },
      { platform: 'messenger', target: 'www.messenger.com/t/chase', count: 1 },
    ]);
    expect(s.observed).toEqual([]);
  });

  it('ignores the fragment when telling navigations apart', () => {
    expect(navKeyOf('https://www.chase.com/a#x')).toBe(navKeyOf('https://www.chase.com/a'));
    expect(navKeyOf('https://www.chase.com/a')).not.toBe(navKeyOf('https://www.chase.com/b'));
  });

  it('raises the badge for an observation even where nothing is reported, and names the platform', () => {
    const url = 'https://www.avanza.se/';
    const base = computeTabState({ tabId: 1, url, match: classifyUrl(url), catalog, silenced: false, now: 0 });
    const s = { ...addWatchedRequests(base, [watchedReq('https://connect.facebook.net/en_US/fbevents.js', 'completed', 'script', { initiator: 'https://www.avanza.se' })]), arrangementIds: [] };
    const badge = badgeFor(s, DEFAULT_PREFERENCES, tEn, (id) => (id === 'meta' ? 'Meta' : id));
    expect(badge.text).toBe('i'); // the one mark (issue 15)
    expect(badge.title).toBe('Linkwatch: Observed on this page: requests to Meta. Click the Linkwatch button for a summary, the sources and what you can do.');
    const off = { ...DEFAULT_PREFERENCES, badgeLevels: { ...DEFAULT_PREFERENCES.badgeLevels, observed: false } };
    expect(badgeFor(s, off, tEn).text).toBe('');
  });

  it('says whether the page is watched: the catalog’s sites yes, a custom-list site or any other no', () => {
    expect(bankState().watched).toBe(true);
    for (const url of ['https://www.unlisted-fintech-example.com/', 'https://example.org/', 'chrome://newtab/']) {
      expect(computeTabState({ tabId: 1, url, match: null, catalog, silenced: false, now: 0 }).watched, url).toBe(false);
    }
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

  it('reports no requests (webRequest sees them), only links', async () => {
    const batches: PageReport[] = [];
    const { stop } = observePage(window as Window & typeof globalThis, (r) => batches.push(r), 10);
    const pixel = document.createElement('img');
    pixel.setAttribute('src', 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1');
    document.body.append(pixel);
    pixel.dispatchEvent(new Event('error'));
    await new Promise((r) => setTimeout(r, 30));
    stop();
    expect(batches.flatMap((b) => b.requests)).toEqual([]);
  });

  it('finds links to Meta apps, including ones added later', async () => {
    const batches: PageReport[] = [];
    document.body.innerHTML = '<a href="https://m.me/bank">Chat</a><a href="https://example.org/">Other</a>';
    const { stop } = observePage(window as Window & typeof globalThis, (r) => batches.push(r), 10);
    const late = document.createElement('a');
    late.href = 'https://wa.me/15551234567';
    document.body.append(late);
    await new Promise((r) => setTimeout(r, 60));
    stop();
    expect(batches.flatMap((b) => b.links).sort()).toEqual(['https://m.me/bank', 'https://wa.me/15551234567']);
  });

  it('never builds a report the background would refuse: 600 junk links and one over-long link do not hide the real one', async () => {
    const batches: PageReport[] = [];
    const junk = Array.from({ length: 600 }, (_, i) => `<a href="https://m.me/junk${i}">x</a>`).join('');
    document.body.innerHTML = `${junk}<a href="https://m.me/${'x'.repeat(9000)}">long</a><a href="https://m.me/realbank">Chat</a>`;
    const { stop } = observePage(window as Window & typeof globalThis, (r) => batches.push(r), 10);
    await new Promise((r) => setTimeout(r, 60));
    stop();
    for (const b of batches) expect(isPageReport(b)).toBe(true);
    expect(batches.flatMap((b) => b.links)).toContain('https://m.me/realbank');
  });

  it('collectLinks (run in the page by the background): Meta links only, unique, lookalikes and over-long ones out, capped', () => {
    document.body.innerHTML = [
      '<a href="https://m.me/bank">Chat</a>',
      '<a href="https://m.me/bank">Chat again</a>',
      '<a href="HTTPS://WWW.FACEBOOK.COM/bank">FB</a>',
      '<a href="https://m.me.evil.example/x">lookalike</a>',
      '<a href="https://evil.example/?u=https://m.me/x">in a query</a>',
      '<a href="https://notm.me/x">suffix only</a>',
      `<a href="https://m.me/${'x'.repeat(9000)}">long</a>`,
      '<a href="mailto:x@m.me">mail</a>',
      '<a href="https://wa.me/15551234567">WhatsApp</a>',
    ].join('');
    const all = collectLinks(LINK_DOMAINS, MAX_URL, 500);
    expect(all).toEqual({ pageUrl: window.location.href.split('#')[0], links: ['https://m.me/bank', 'https://www.facebook.com/bank', 'https://wa.me/15551234567'] });
    expect(collectLinks(LINK_DOMAINS, MAX_URL, 2).links).toHaveLength(2);
    // Self-contained: it still works as text, the way scripting.executeScript sends it.
    const asText = new Function(`return (${collectLinks.toString()})`)() as typeof collectLinks;
    expect(asText(LINK_DOMAINS, MAX_URL, 500)).toEqual(all);
  });
});

describe('watchRequests (webRequest events -> tab changes), with a fake webRequest API', () => {
  type Listener = (d: RequestDetails) => void;
  function fakeApi() {
    const listeners: Record<string, { fn: Listener; filter: { urls: string[]; types?: string[] }; extra?: string[] }[]> = {};
    const event = (name: string) => ({ addListener: (fn: Listener, filter: { urls: string[]; types?: string[] }, extra?: string[]) => (listeners[name] ??= []).push({ fn, filter, extra }) });
    const api = { onBeforeRequest: event('onBeforeRequest'), onBeforeRedirect: event('onBeforeRedirect'), onCompleted: event('onCompleted'), onErrorOccurred: event('onErrorOccurred') };
    // Deliver as the browser would: to every listener whose filter types admit the request (URL filters are the browser's job).
    const fire = (name: string, d: RequestDetails) => {
      for (const l of listeners[name] ?? []) if (!l.filter.types || l.filter.types.includes(d.type)) l.fn(d);
    };
    return { api, listeners, fire };
  }
  function setup(tabs: { id: number; url: string }[] = []) {
    vi.useFakeTimers();
    const { api, listeners, fire } = fakeApi();
    const changes: [number, TabChange][] = [];
    const flush = watchRequests(api, { apply: async (tabId, change) => void changes.push([tabId, change]), tabs: async () => tabs });
    return { listeners, fire, changes, flush };
  }
  const base = { tabId: 5, frameId: 0, initiator: 'https://www.chase.com' };
  const settle = async () => {
    await vi.advanceTimersByTimeAsync(BATCH_MS + 1);
  };
  afterEach(() => vi.useRealTimers());

  it('listens with the platform hosts as URL filter (never <all_urls>), asks for request bodies, and main_frame only on the catalog sites', () => {
    const { listeners } = setup();
    const platform = listeners.onBeforeRequest![0]!;
    expect(platform.filter.urls).toEqual(requestFilterUrls());
    expect(platform.extra).toEqual(['requestBody']);
    expect(platform.filter.urls).toContain('*://www.facebook.com/*');
    expect(platform.filter.urls).toContain('wss://www.facebook.com/*');
    expect(platform.filter.urls.some((u) => u.includes('<all_urls>') || /^\*:\/\/\*\//.test(u))).toBe(false);
    const documents = listeners.onBeforeRequest![1]!;
    expect(documents.filter.types).toEqual(['main_frame']);
    expect(documents.filter.urls).toEqual(watchedSitePatterns());
  });

  it('"completed" on onCompleted, "failed" on onErrorOccurred, "requested" only when neither came', async () => {
    const { fire, changes } = setup();
    fire('onBeforeRequest', { ...base, requestId: 'a', url: 'https://www.facebook.com/tr?id=1&ev=A', type: 'image' });
    fire('onCompleted', { ...base, requestId: 'a', url: 'https://www.facebook.com/tr?id=1&ev=A', type: 'image', statusCode: 200 });
    fire('onBeforeRequest', { ...base, requestId: 'b', url: 'https://www.facebook.com/tr?id=1&ev=B', type: 'sub_frame', frameId: 3, parentFrameId: 0 });
    fire('onErrorOccurred', { ...base, requestId: 'b', url: 'https://www.facebook.com/tr?id=1&ev=B', type: 'sub_frame', frameId: 3, parentFrameId: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    fire('onBeforeRequest', { ...base, requestId: 'c', url: 'https://www.facebook.com/tr?id=1&ev=C', type: 'ping' });
    fire('onBeforeRequest', { ...base, requestId: 'd', url: 'https://example.org/x.js', type: 'script' });
    fire('onCompleted', { ...base, requestId: 'd', url: 'https://example.org/x.js', type: 'script' });
    await settle();
    const outcomes = () => changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => `${r.observation.event}:${r.outcome}:${r.context}`) : []));
    expect(outcomes()).toEqual(['A:completed:page', 'B:failed:page']);
    await vi.advanceTimersByTimeAsync(PENDING_MS);
    await settle();
    expect(outcomes()).toEqual(['A:completed:page', 'B:failed:page', 'C:requested:page']);
  });

  it('an outcome after the request was reported as "requested" replaces that report: one request, never two', async () => {
    const { fire, changes } = setup();
    const req = { ...base, requestId: 'slow', url: 'https://www.facebook.com/tr?id=1&ev=Slow', type: 'ping' };
    fire('onBeforeRequest', req);
    await vi.advanceTimersByTimeAsync(PENDING_MS);
    await settle();
    fire('onCompleted', req);
    await settle();
    const requests = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests : []));
    expect(requests.map((r) => [r.outcome, r.settlesRequested ?? false])).toEqual([
      ['requested', false],
      ['completed', true],
    ]);
    const state = addWatchedRequests(bankState(), requests);
    expect(state.observed[0]!.requests.map((r) => [r.completed, r.failed, r.requested])).toEqual([[1, 0, 0]]);
  });

  it('a cancelled request reported late as "requested" stays one "requested"', async () => {
    const { fire, changes } = setup();
    const req = { ...base, requestId: 'gone', url: 'https://www.facebook.com/tr?id=1&ev=Gone', type: 'xmlhttprequest' };
    fire('onBeforeRequest', req);
    await vi.advanceTimersByTimeAsync(PENDING_MS);
    fire('onErrorOccurred', { ...req, error: 'net::ERR_ABORTED' });
    await settle();
    const outcomes = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => r.outcome) : []));
    expect(outcomes).toEqual(['requested']);
  });

  it('a request the page cancelled may have been sent: "requested" (no visible outcome), never "failed: not sent"', async () => {
    const { fire, changes } = setup();
    for (const [id, error] of [['x', 'net::ERR_ABORTED'], ['y', 'NS_BINDING_ABORTED'], ['z', 'net::ERR_NAME_NOT_RESOLVED']] as const) {
      fire('onBeforeRequest', { ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'xmlhttprequest' });
      fire('onErrorOccurred', { ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'xmlhttprequest', error });
    }
    await settle();
    const outcomes = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => `${r.observation.event}:${r.outcome}`) : []));
    expect(outcomes).toEqual(['x:requested', 'y:requested', 'z:failed']);
  });

  it('a response the browser refused after it arrived (ORB, CORP, corrupted content) was sent and answered: "completed", never "failed: not sent"', async () => {
    const { fire, changes } = setup();
    const errors = [['o', 'net::ERR_BLOCKED_BY_ORB'], ['r', 'net::ERR_BLOCKED_BY_RESPONSE'], ['c', 'NS_ERROR_CORRUPTED_CONTENT'], ['b', 'net::ERR_BLOCKED_BY_CLIENT'], ['h', 'NS_ERROR_UNKNOWN_HOST']] as const;
    for (const [id, error] of errors) fire('onErrorOccurred', { ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'script', error });
    await settle();
    const outcomes = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => `${r.observation.event}:${r.outcome}`) : []));
    expect(outcomes).toEqual(['o:completed', 'r:completed', 'c:completed', 'b:failed', 'h:failed']);
  });

  it('a main_frame request is only a tentative navigation, sent after the old document’s requests', async () => {
    const { fire, changes } = setup();
    fire('onBeforeRequest', { ...base, requestId: 'a', url: 'https://www.facebook.com/tr?id=1&ev=Old', type: 'image' });
    fire('onCompleted', { ...base, requestId: 'a', url: 'https://www.facebook.com/tr?id=1&ev=Old', type: 'image' });
    fire('onBeforeRequest', { ...base, requestId: 'n', url: 'https://www.chase.com/', type: 'main_frame', initiator: undefined });
    await settle();
    expect(changes.map(([tab, c]) => [tab, c.type])).toEqual([
      [5, 'requests'],
      [5, 'navigation-started'],
    ]);
    expect(changes[1]![1]).toEqual({ type: 'navigation-started', url: 'https://www.chase.com/' });
  });

  it('names the document each request came from: Chromium’s document id, Firefox’s document address, a direct frame’s parent; a worker or a nested frame names none', async () => {
    const { fire, changes } = setup();
    const px = (id: string, extra: Record<string, unknown>) => {
      fire('onBeforeRequest', { ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'image', ...extra });
      fire('onCompleted', { ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'image', ...extra });
    };
    px('chromium', { documentId: 'D1', documentLifecycle: 'active' });
    px('prerender', { documentId: 'P1', documentLifecycle: 'prerender' });
    px('firefox', { documentUrl: 'https://www.chase.com/a#top' });
    px('frame', { frameId: 4, parentFrameId: 0, documentId: 'F1', parentDocumentId: 'D1' });
    px('unloading', { documentLifecycle: 'pending_deletion' });
    // Measured in Chromium 150: a head resource fetched before the new document's commit reached the browser
    // comes with another frame id than 0, frame type "outermost_frame" and lifecycle "": still the top frame.
    px('precommit', { frameId: 4, frameType: 'outermost_frame', documentLifecycle: '', documentId: 'D2' });
    px('prerendered', { frameId: 5, frameType: 'outermost_frame', documentLifecycle: 'prerender', documentId: 'P2' });
    px('fenced', { frameId: 6, parentFrameId: 0, frameType: 'fenced_frame', documentLifecycle: 'active', documentId: 'F2' });
    await settle();
    const docs = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => `${r.observation.event}:${r.document ?? '-'}:${r.context}`) : []));
    expect(docs).toEqual([
      'chromium:D1:page',
      'prerender:P1:page',
      `firefox:url:${navKeyOf('https://www.chase.com/a')}:page`,
      'frame:-:frame',
      'precommit:D2:page',
      'prerendered:P2:page',
      'fenced:-:frame',
    ]);
  });

  it('reads parameter names of POSTed bodies (form fields, JSON keys), never values', async () => {
    const { fire, changes } = setup();
    const json = new TextEncoder().encode(JSON.stringify({ event: 'Purchase', context: { user: { email: 'secret@example.org' } }, value: 5 })).buffer;
    fire('onBeforeRequest', { ...base, requestId: 'f', url: 'https://www.facebook.com/tr/', type: 'ping', requestBody: { formData: { id: ['1'], 'ud[em]': ['x'], 'cd[formFeatures]': ['y'] } } });
    fire('onCompleted', { ...base, requestId: 'f', url: 'https://www.facebook.com/tr/', type: 'ping' });
    fire('onBeforeRequest', { ...base, requestId: 'j', url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=page_view', type: 'ping', requestBody: { raw: [{ bytes: new TextEncoder().encode('en=purchase&ep.plan=gold&dt=Title').buffer }] } });
    fire('onCompleted', { ...base, requestId: 'j', url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=page_view', type: 'ping' });
    await settle();
    const carried = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((r) => r.carries) : []));
    expect(carried).toEqual([
      ['hashed-email', 'form-fields'],
      ['form-fields', 'page-title'],
    ]);
    expect(bodyNames({ raw: [{ bytes: json }] })).toEqual(expect.arrayContaining(['event', 'context.user.email', 'email', 'value']));
    expect(JSON.stringify(changes)).not.toContain('secret@example.org');
    expect(JSON.stringify(changes)).not.toContain('gold');
  });

  it('gives a service worker’s requests (tabId -1) to the tabs whose page is on the worker’s site', async () => {
    const { fire, changes } = setup([
      { id: 1, url: 'https://www.chase.com/a' },
      { id: 2, url: 'https://secure.chase.com/b' },
      { id: 3, url: 'https://online.citi.com/' },
    ]);
    const sw = { requestId: 's', url: 'https://www.facebook.com/tr?id=1&ev=Sw', type: 'xmlhttprequest', tabId: -1, frameId: -1, initiator: 'https://www.chase.com' };
    fire('onBeforeRequest', sw);
    fire('onCompleted', sw);
    await settle();
    await settle();
    expect(changes.map(([tab, c]) => [tab, c.type === 'requests' ? c.requests[0]!.context : c.type])).toEqual([
      [1, 'service-worker'],
      [2, 'service-worker'],
    ]);
  });

  it('redirects: a platform’s answer is "completed"; a blocker’s redirect to a stand-in is "failed"; an HSTS upgrade waits for the next leg', async () => {
    const { fire, changes } = setup();
    const r = (id: string, extra: Partial<RequestDetails>) => ({ ...base, requestId: id, url: `https://www.facebook.com/tr?id=1&ev=${id}`, type: 'image', ...extra });
    fire('onBeforeRequest', r('Server', {}));
    fire('onBeforeRedirect', r('Server', { statusCode: 302, statusLine: 'HTTP/1.1 302 Found', redirectUrl: 'https://www.facebook.com/x' }));
    fire('onBeforeRequest', r('Blocker', {}));
    fire('onBeforeRedirect', r('Blocker', { statusCode: 307, statusLine: 'HTTP/1.1 307 Internal Redirect', redirectUrl: 'chrome-extension://abc/noop.gif' }));
    fire('onBeforeRequest', r('Hsts', { url: 'http://www.facebook.com/tr?id=1&ev=Hsts' }));
    fire('onBeforeRedirect', r('Hsts', { url: 'http://www.facebook.com/tr?id=1&ev=Hsts', statusCode: 307, statusLine: 'HTTP/1.1 307 Internal Redirect', redirectUrl: 'https://www.facebook.com/tr?id=1&ev=Hsts' }));
    fire('onBeforeRequest', r('Hsts', {}));
    fire('onCompleted', r('Hsts', {}));
    await settle();
    const outcomes = changes.flatMap(([, c]) => (c.type === 'requests' ? c.requests.map((x) => `${x.observation.event}:${x.outcome}`) : []));
    expect(outcomes).toEqual(['Server:completed', 'Blocker:failed', 'Hsts:completed']);
  });

  it('ignores requests of documents that are not the tab’s current one (prerender, back/forward cache, unloading)', async () => {
    const { fire, changes } = setup();
    for (const documentLifecycle of ['prerender', 'cached', 'pending_deletion']) {
      const d = { ...base, requestId: documentLifecycle, url: 'https://www.facebook.com/tr?id=1&ev=X', type: 'ping', documentLifecycle };
      fire('onBeforeRequest', d);
      fire('onCompleted', d);
    }
    await settle();
    expect(changes).toEqual([]);
  });

  it('classifies a WebSocket to an endpoint like its https twin', () => {
    expect(watched({ ...base, requestId: 'w', url: 'wss://www.facebook.com/tr?id=1&ev=Socket', type: 'websocket' }, 'failed')?.observation.event).toBe('Socket');
  });

  it('the platform hosts it watches are exactly the hosts of the endpoint rules, each also as wss://', () => {
    const urls = requestFilterUrls();
    const hosts = endpointHosts();
    expect(urls).toHaveLength(hosts.length * 2);
    for (const h of hosts) {
      expect(urls).toContain(`*://${h}/*`);
      expect(urls).toContain(`wss://${h}/*`);
    }
  });
});
