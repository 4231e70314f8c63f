/**
 * Issue 11, in real Firefox (ESR, Manifest V2 and V3 builds): every request kind of a bank page that
 * reaches a platform endpoint is observed through webRequest with its true outcome, and a reload starts
 * empty. Pages are served per tab through puppeteer's request interception (WebDriver BiDi): on
 * www.chase.com the platform answers, on online.citi.com every platform request is aborted as a blocker
 * would. Interception covers the page and its frames and workers, but not a service worker's own
 * requests (its script cannot be served, so it never registers here) nor WebSockets (never routed, no
 * network: they fail to connect): both are stated, not hidden.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TARGETS, interceptRequests, launchFirefox, openPopupForTab, tabIdOf, type Answer, type FirefoxSession } from './firefox-harness';
import { pollUntil, ROOT } from './harness';
import { GIF, type Line } from './observe-fixtures';

// The extension page's global, as seen from callbacks run inside it by `evaluate`.
declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function open(session: FirefoxSession, url: string, block: boolean): Promise<Page> {
  const page = await session.browser.newPage();
  await interceptRequests(session, page, (req: HTTPRequest): Answer => {
    const raw = req.url();
    if (raw.startsWith('moz-extension://') || raw.startsWith('data:') || raw === 'about:blank') return 'continue';
    const u = new URL(raw);
    if (/^(www\.facebook\.com|connect\.facebook\.net)$/.test(u.hostname)) {
      if (block) return { abort: 'blockedbyclient' };
      const js = u.pathname.endsWith('.js');
      const plugin = u.pathname.includes('/plugins/');
      if (raw.includes('CssHit')) return { respond: { status: 200, contentType: 'text/css', body: 'p { color: inherit }' } };
      return { respond: { status: 200, contentType: js ? 'application/javascript' : plugin ? 'text/html' : 'image/gif', body: js ? '/* stand-in */' : plugin ? '<p>plugin</p>' : GIF } };
    }
    if (u.pathname === '/observe/go') return { respond: { status: 302, headers: { location: 'https://www.facebook.com/tr?id=111&ev=Redirected' }, body: '' } };
    if (u.pathname.startsWith('/observe/')) {
      const file = join(ROOT, 'test/fixtures/pages', u.pathname);
      return { respond: { status: 200, contentType: file.endsWith('.js') ? 'application/javascript' : 'text/html; charset=utf-8', body: readFileSync(file) } };
    }
    return { abort: 'blockedbyclient' };
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function lines(session: FirefoxSession, tabId: number): Promise<{ watched?: boolean; lines: Line[] }> {
  return session.probe.evaluate(async (id: number) => {
    const state = (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`];
    const out = (state?.observed ?? []).flatMap((p: { requests: Line[] }) =>
      p.requests.map((r) => JSON.parse(JSON.stringify({ endpoint: r.endpoint, event: r.event, carries: r.carries, contexts: r.contexts, completed: r.completed, failed: r.failed, requested: r.requested }))),
    );
    return { watched: state?.watched, lines: out };
  }, tabId);
}

const total = (ls: Line[]) => ls.reduce((n, l) => n + l.completed + l.failed + l.requested, 0);

async function visit(session: FirefoxSession, kind: string, block: boolean, count: number): Promise<Line[]> {
  const page = await open(session, `${block ? 'https://online.citi.com' : 'https://www.chase.com'}/observe/${kind}.html`, block);
  const tabId = await tabIdOf(session, page);
  await pollUntil(() => lines(session, tabId), (s) => total(s.lines) >= count, `${kind} (${block ? 'blocked' : 'served'})`, 15_000);
  await new Promise((r) => setTimeout(r, 400));
  const found = await lines(session, tabId);
  await page.close();
  expect(found.watched).toBe(true);
  return found.lines.sort((a, b) => `${a.endpoint} ${a.event ?? ''}`.localeCompare(`${b.endpoint} ${b.event ?? ''}`));
}

const tr = (event: string | undefined, n: [number, number], extra: Partial<Line> = {}): Line => ({
  endpoint: 'www.facebook.com/tr',
  ...(event ? { event } : {}),
  carries: [],
  contexts: ['page'],
  completed: n[0],
  failed: n[1],
  requested: 0,
  ...extra,
});
const one = (o: 'completed' | 'failed'): [number, number] => (o === 'completed' ? [1, 0] : [0, 1]);

/** kind -> [requests to wait for, expected findings]. The stylesheet is checked apart (its request count varies). */
const KINDS: Record<string, [number, (o: 'completed' | 'failed') => Line[]]> = {
  image: [1, (o) => [tr('PageView', one(o), { carries: ['hashed-email', 'hashed-phone'] })]],
  script: [1, (o) => [{ ...tr(undefined, one(o)), endpoint: 'connect.facebook.net/en_US/sdk.js' }]],
  media: [1, (o) => [tr('MediaHit', one(o))]],
  fetch: [3, (o) => [tr('FetchHit', one(o), { carries: ['value-currency'] }), tr('XhrHit', one(o), { carries: ['page-url'] }), tr(undefined, one(o), { carries: ['name', 'button-text'] })].sort((a, b) => (a.event ?? '').localeCompare(b.event ?? ''))],
  iframe: [1, (o) => [{ ...tr(undefined, one(o)), endpoint: 'www.facebook.com/plugins/like.php' }]],
  'same-site-iframe': [1, (o) => [tr('FrameHit', one(o), { contexts: ['frame'] })]],
  'nested-iframe': [1, (o) => [tr('NestedFrameHit', one(o), { contexts: ['frame'] })]],
  worker: [1, (o) => [tr('WorkerHit', one(o))]],
  redirect: [1, (o) => [tr('Redirected', one(o))]],
  websocket: [1, () => [tr('SocketHit', [0, 1])]],
};

describe.each(FIREFOX_TARGETS)('%s: every request kind, with its true outcome', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target);
  }, 90_000);
  afterAll(async () => session?.close());

  for (const [kind, [count, expected]] of Object.entries(KINDS)) {
    it(`${kind}: completed where served, failed where blocked`, async () => {
      expect(await visit(session, kind, false, count)).toEqual(expected('completed'));
      const blocked = await visit(session, kind, true, count);
      // Firefox may try a blocked resource again (CI, 5 Dec 2026: the image kind showed 2 failed attempts in one
      // fresh tab): each attempt is counted, so the lines are the expected ones with at least their failures.
      const want = expected('failed');
      expect(blocked.map(({ failed: _f, ...rest }) => rest)).toEqual(want.map(({ failed: _f, ...rest }) => rest));
      blocked.forEach((l, i) => expect(l.failed, l.endpoint).toBeGreaterThanOrEqual(want[i]!.failed));
      expect(blocked.every((l) => l.completed === 0)).toBe(true);
    }, 60_000);
  }

  it('css: completed where served, failed where blocked (Firefox may fetch a stylesheet twice: each is counted)', async () => {
    const served = await visit(session, 'css', false, 1);
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({ endpoint: 'www.facebook.com/tr', event: 'CssHit', failed: 0, requested: 0 });
    expect(served[0]!.completed).toBeGreaterThanOrEqual(1);
    const blocked = await visit(session, 'css', true, 1);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ event: 'CssHit', completed: 0, requested: 0 });
    expect(blocked[0]!.failed).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('a reload starts empty (4 loads show 2 requests), and the popup says what the event carried', async () => {
    const page = await open(session, 'https://www.chase.com/observe/two-requests.html', false);
    const tabId = await tabIdOf(session, page);
    for (let i = 0; i < 3; i++) await page.reload({ waitUntil: 'load' });
    await pollUntil(() => lines(session, tabId), (s) => total(s.lines) >= 2, 'reloaded page');
    await new Promise((r) => setTimeout(r, 800));
    expect((await lines(session, tabId)).lines.map((l) => [l.endpoint, l.event ?? '', l.completed, l.failed])).toEqual([
      ['connect.facebook.net/en_US/sdk.js', '', 1, 0],
      ['www.facebook.com/tr', 'PageView', 1, 0],
    ]);
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.$eval('section.observed', (e) => e.textContent)).toContain('Meta · 2 requests');
    await popup.close();
    await page.close();
  }, 90_000);

  it('a site outside the catalog with the pixel: "cannot watch", never "none seen"', async () => {
    const page = await open(session, 'https://www.unlisted-fintech-example.com/observe/image.html', false);
    const tabId = await tabIdOf(session, page);
    await new Promise((r) => setTimeout(r, 1_000));
    const found = await lines(session, tabId);
    expect(found.watched).toBe(false);
    expect(found.lines).toEqual([]);
    await page.close();
  }, 60_000);
});
