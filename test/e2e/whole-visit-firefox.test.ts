/**
 * Issue 20 in real Firefox (ESR, Manifest V2 and V3 builds): what a bank page sent stays told over the whole
 * visit, and only a new document starts from nothing. Pages are served per tab through puppeteer's request
 * interception (WebDriver BiDi), the platform answering as Meta's endpoints do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, FIREFOX_TARGETS, launchFirefox, openPopupForTab, tabIdOf, waitForBadge, type FirefoxSession } from './firefox-harness';
import { pollUntil, ROOT } from './harness';
import { BYE_PAGE, GIF } from './observe-fixtures';

declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A tab serving the fixtures this file needs at the bank's addresses, then `url` loaded in it. */
async function open(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    const raw = req.url().split('#')[0]!;
    if (raw.startsWith('moz-extension://') || raw.startsWith('data:') || raw === 'about:blank') return void req.continue();
    const u = new URL(raw);
    if (u.hostname === 'connect.facebook.net') return void req.respond({ status: 200, contentType: 'application/javascript', body: readFileSync(join(ROOT, 'test/fixtures/pages/fbevents-standin.js')) });
    if (u.hostname === 'www.facebook.com') return void req.respond({ status: 200, contentType: 'image/gif', body: GIF });
    if (u.hostname !== 'www.chase.com') return void req.abort('blockedbyclient');
    if (u.pathname === '/meta-pixel') return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(ROOT, 'test/fixtures/pages/bank-meta-pixel.html')) });
    if (u.pathname === '/statement.pdf') return void req.respond({ status: 200, contentType: 'application/pdf', headers: { 'content-disposition': 'attachment; filename="statement.pdf"' }, body: '%PDF-1.4 test statement' });
    if (u.pathname === '/noop') return void req.respond({ status: 204, body: '' });
    if (u.pathname === '/bye') return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: BYE_PAGE });
    return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(ROOT, 'test/fixtures/pages/bank.html')) });
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function observedText(session: FirefoxSession, tabId: number): Promise<string> {
  const popup = await openPopupForTab(session, tabId);
  const text = (await popup.$eval('section.observed', (e) => e.textContent)) ?? '';
  await popup.close();
  return text;
}

describe.each(FIREFOX_TARGETS)('%s: a whole visit', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target);
  }, 90_000);
  afterAll(async () => session?.close());

  it('after a served Meta Pixel, pushState, replaceState, a fragment, a download link and a 204 link leave the popup and badge saying what the page sent', async () => {
    const page = await open(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page: requests to Meta.'));
    await pollUntil(() => observedText(session, tabId), (t) => /“PageView”.*\(1 completed\)/.test(t), 'PageView observed');
    const steps: [string, () => Promise<unknown>][] = [
      ['pushState', () => page.evaluate(() => history.pushState({}, '', '/accounts'))],
      ['replaceState', () => page.evaluate(() => history.replaceState({}, '', '/accounts?clean=1'))],
      ['fragment', () => page.evaluate(() => void (location.hash = 'statements'))],
      [
        'download link',
        () =>
          page.evaluate(() => {
            const a = document.createElement('a');
            a.href = '/statement.pdf';
            a.textContent = 'Download statement';
            document.body.append(a);
            a.click();
          }),
      ],
      ['204 link', () => page.evaluate(() => void (location.href = '/noop'))],
    ];
    for (const [name, step] of steps) {
      await step();
      await new Promise((r) => setTimeout(r, 600));
      const text = await observedText(session, tabId);
      expect(text, name).toMatch(/“PageView”.*\(1 completed\)/);
      expect(text, name).not.toContain('No request to a platform');
      expect((await badgeOf(session, tabId)).title, name).toContain('Observed on this page: requests to Meta.');
    }
    expect(page.url()).toBe('https://www.chase.com/accounts?clean=1#statements');
    await page.close();
  }, 90_000);

  it('a reload or a link to another page starts a new document', async () => {
    const page = await open(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed'));
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 800));
    expect(await pollUntil(() => observedText(session, tabId), (t) => /PageView/.test(t), 'observed after reload')).toMatch(/“PageView”.*\(1 completed\)/);
    await page.goto('https://www.chase.com/', { waitUntil: 'load' });
    await waitForBadge(session, tabId, (b) => !b.title.includes('Observed'));
    expect(await observedText(session, tabId)).toContain('No request to a platform');
    await page.close();
  }, 90_000);

  it('a closed tab leaves nothing in storage.session, not even for the beacon it sent as it closed', async () => {
    const page = await open(session, 'https://www.chase.com/bye');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed'));
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 1_500));
    const keys = await session.probe.evaluate(async (id: number) => Object.keys(await browser.storage.session.get(null)).filter((k) => k.endsWith(`:${id}`)), tabId);
    expect(keys).toEqual([]);
  }, 60_000);
});
