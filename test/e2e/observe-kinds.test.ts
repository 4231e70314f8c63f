/**
 * Issue 11, in real Chromium: every way a bank page reaches a platform endpoint is observed through
 * webRequest, with its true outcome, what it carried (parameter names) and who made it, per document load.
 *
 * One fixture page per request kind (test/fixtures/pages/observe/), each opened twice in one browser:
 * on www.chase.com, where the platform answers ("completed"), and on online.citi.com, where the routing
 * aborts every platform request as a blocker would (net::ERR_BLOCKED_BY_CLIENT: "failed"). The platform's
 * requests are told apart by their Referer (the page's origin). What the routing cannot serve is said
 * where it applies: a WebSocket is never routed (no network here, so it fails to connect), nor is the
 * second leg of a redirect (Chromium follows a fulfilled 302 without asking the route again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, pollUntil, ROOT, tabIdOf } from './harness';
import { GIF, type Line } from './observe-fixtures';

// The service worker's global, as seen from callbacks run inside it by `evaluate`.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

type S = Awaited<ReturnType<typeof launch>>;
const BLOCKING_SITE = 'https://online.citi.com';

async function serve(session: S): Promise<void> {
  const ctx = session.context;
  // Registered after the harness's catch-all route, so these win for the URLs they match.
  await ctx.route(/^https:\/\/(www\.facebook\.com|connect\.facebook\.net)\//, (route) => {
    const req = route.request();
    const referer = req.headers()['referer'] ?? '';
    if (referer.startsWith(BLOCKING_SITE)) return route.abort('blockedbyclient');
    const url = req.url();
    if (url.endsWith('.js')) return route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* stand-in */' });
    if (url.includes('CssHit')) return route.fulfill({ status: 200, contentType: 'text/css', body: 'p { color: inherit }' });
    if (url.includes('/plugins/')) return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>plugin</p>' });
    return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
  });
  await ctx.route(/^https:\/\/(www\.chase\.com|online\.citi\.com|www\.unlisted-fintech-example\.com)\/observe\//, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/observe/go') return route.fulfill({ status: 302, headers: { location: 'https://www.facebook.com/tr?id=111&ev=Redirected' } });
    const file = join(ROOT, 'test/fixtures/pages', path);
    return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'application/javascript' : 'text/html; charset=utf-8', body: readFileSync(file) });
  });
}

/** The tab's stored findings, flattened to one line per endpoint and event. */
async function lines(session: S, tabId: number): Promise<{ watched: boolean | undefined; lines: Line[] }> {
  const sw = await session.serviceWorker();
  return sw.evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`];
    const out = (state?.observed ?? []).flatMap((p: { requests: Line[] }) =>
      p.requests.map((r) => ({ endpoint: r.endpoint, event: r.event, carries: r.carries, contexts: r.contexts, completed: r.completed, failed: r.failed, requested: r.requested })),
    );
    return { watched: state?.watched, lines: out };
  }, tabId);
}

/** Open a fixture page, wait until `count` requests have an outcome, and return the tab's findings. */
async function visit(session: S, site: string, kind: string, count: number): Promise<Line[]> {
  const page = await openTab(session, `${site}/observe/${kind}.html`);
  const tabId = await tabIdOf(session, page);
  const total = (ls: Line[]) => ls.reduce((n, l) => n + l.completed + l.failed + l.requested, 0);
  const found = await pollUntil(() => lines(session, tabId), (s) => total(s.lines) >= count, `${kind} on ${site}`, 15_000);
  // A moment more: nothing else may arrive (exact findings, not "at least").
  await new Promise((r) => setTimeout(r, 400));
  const settled = await lines(session, tabId);
  await page.close();
  expect(found.watched).toBe(true);
  return settled.lines.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as unknown as Line);
}

const tr = (event: string | undefined, outcome: 'completed' | 'failed', extra: Partial<Line> = {}): Line => ({
  endpoint: 'www.facebook.com/tr',
  ...(event ? { event } : {}),
  carries: [],
  contexts: ['page'],
  completed: outcome === 'completed' ? 1 : 0,
  failed: outcome === 'failed' ? 1 : 0,
  requested: 0,
  ...extra,
});

/** kind -> [requests on the page, expected findings for an outcome]. */
const KINDS: Record<string, [number, (o: 'completed' | 'failed') => Line[]]> = {
  image: [1, (o) => [tr('PageView', o, { carries: ['hashed-email', 'hashed-phone'] })]],
  script: [1, (o) => [{ ...tr(undefined, o), endpoint: 'connect.facebook.net/en_US/sdk.js' }]],
  css: [1, (o) => [tr('CssHit', o)]],
  media: [1, (o) => [tr('MediaHit', o)]],
  fetch: [3, (o) => [tr('FetchHit', o, { carries: ['value-currency'] }), tr('XhrHit', o, { carries: ['page-url'] }), tr(undefined, o, { carries: ['name', 'button-text'] })]],
  iframe: [1, (o) => [{ ...tr(undefined, o), endpoint: 'www.facebook.com/plugins/like.php' }]],
  'same-site-iframe': [1, (o) => [tr('FrameHit', o, { contexts: ['frame'] })]],
  'nested-iframe': [1, (o) => [tr('NestedFrameHit', o, { contexts: ['frame'] })]],
  worker: [1, (o) => [tr('WorkerHit', o)]],
  'service-worker': [1, (o) => [tr('ServiceWorkerHit', o, { contexts: ['service-worker'] })]],
  // The routing cannot serve the redirected leg (see above): unreachable, so "failed" either way.
  redirect: [1, () => [tr('Redirected', 'failed')]],
  // Never routed, no network: the connection fails either way.
  websocket: [1, () => [tr('SocketHit', 'failed')]],
};

describe('every request kind, with its true outcome (Chromium)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
    await serve(session);
  }, 60_000);
  afterAll(async () => session?.close());

  for (const [kind, [count, expected]] of Object.entries(KINDS)) {
    it(`${kind}: completed where the platform answered`, async () => {
      const found = await visit(session, 'https://www.chase.com', kind, count);
      expect(sortLines(found)).toEqual(sortLines(expected('completed')));
    }, 40_000);
    it(`${kind}: failed where it was blocked, never completed`, async () => {
      const found = await visit(session, BLOCKING_SITE, kind, count);
      expect(sortLines(found)).toEqual(sortLines(expected('failed')));
    }, 40_000);
  }

  it('a reload starts empty: 4 loads of a 2-request page show 2 requests, not 8', async () => {
    const page = await openTab(session, 'https://www.chase.com/observe/two-requests.html');
    const tabId = await tabIdOf(session, page);
    for (let i = 0; i < 3; i++) await page.reload({ waitUntil: 'load' });
    const total = (ls: Line[]) => ls.reduce((n, l) => n + l.completed + l.failed + l.requested, 0);
    await pollUntil(() => lines(session, tabId), (s) => total(s.lines) >= 2, 'reloaded page');
    await new Promise((r) => setTimeout(r, 600));
    const found = (await lines(session, tabId)).lines;
    expect(found.map((l) => [l.endpoint, l.event ?? '', l.completed, l.failed])).toEqual([
      ['connect.facebook.net/en_US/sdk.js', '', 1, 0],
      ['www.facebook.com/tr', 'PageView', 1, 0],
    ]);
    // And the popup says what the pixel carried, per event.
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.locator('section.observed').textContent()).toContain('Meta · 2 requests');
    await popup.close();
    await page.close();
  }, 60_000);

  it('the popup shows what each event carried: “PageView — hashed email, hashed phone”', async () => {
    const page = await openTab(session, 'https://www.chase.com/observe/image.html');
    const tabId = await tabIdOf(session, page);
    await pollUntil(() => lines(session, tabId), (s) => s.lines.length > 0, 'image pixel');
    const popup = await openPopupForTab(session, tabId);
    const text = (await popup.locator('section.observed').textContent()) ?? '';
    expect(text).toMatch(/Meta pixel event “PageView” — hashed email, hashed phone — www\.facebook\.com\/tr \(1 completed\)/);
    expect(text).not.toContain('ud[em]');
    await popup.close();
    await page.close();
  }, 40_000);

  it('a site outside the catalog (a custom-list bank) with the pixel: honestly “cannot watch”, never “none seen”', async () => {
    const page = await openTab(session, 'https://www.unlisted-fintech-example.com/observe/image.html');
    const tabId = await tabIdOf(session, page);
    await new Promise((r) => setTimeout(r, 1_000));
    const state = await lines(session, tabId);
    expect(state.watched).toBe(false);
    expect(state.lines).toEqual([]);
    const popup = await openPopupForTab(session, tabId);
    const text = (await popup.locator('main.popup').textContent()) ?? '';
    if (await popup.locator('section.observed').count()) {
      const observed = (await popup.locator('section.observed').textContent()) ?? '';
      expect(observed).toContain('Linkwatch cannot watch this page’s requests'.replace('’', "'"));
      expect(observed).not.toContain('No request to a platform');
    }
    expect(text).not.toContain('No request to a platform');
    await popup.close();
    await page.close();
  }, 40_000);
});

function sortLines(ls: Line[]): Line[] {
  return [...ls].sort((a, b) => `${a.endpoint} ${a.event ?? ''}`.localeCompare(`${b.endpoint} ${b.event ?? ''}`));
}
