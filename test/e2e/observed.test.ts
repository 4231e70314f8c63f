/**
 * Issue 4, in the real browser: what a bank page requests from platforms, worded by what was observed.
 * Pages are fixtures at the banks' real addresses; fbevents.js is a stand-in that fires /tr like the real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

async function observedText(session: S, tabId: number, wait?: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const popup = await openPopupForTab(session, tabId);
    const text = (await popup.locator('section.observed').textContent()) ?? '';
    await popup.close();
    if (!wait || wait(text)) return text;
    if (Date.now() > deadline) throw new Error(`observed section never matched; last: ${text}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('observed on a bank page', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('shows the Meta Pixel: the script completed and the PageView event', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const text = await observedText(session, tabId, (t) => t.includes('PageView'));
    expect(text).toContain('Meta');
    expect(text).toMatch(/Meta pixel script — connect\.facebook\.net\/en_US\/fbevents\.js \(1 completed\)/);
    // The stand-in sends the page's address (`dl`, `rl`), as fbevents.js does: named, its value not kept.
    expect(text).toMatch(/Meta pixel event “PageView” — page address — www\.facebook\.com\/tr \(1 completed\)/);
    expect(text).not.toContain('123456789012345&'); // no query string kept
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page'));
    expect(badge.title).toContain('Observed on this page: requests to Meta.');
    // The platform's other reports (not about Chase) are one line, a link to the catalog filtered on Meta (issue 22).
    const popup = await openPopupForTab(session, tabId);
    const line = popup.locator('[data-platform="meta"] .platform-reports a');
    expect(await line.textContent()).toMatch(/^Meta figures in \d+ other reports in the catalog$/);
    expect(await line.getAttribute('href')).toBe(`chrome-extension://${session.extensionId}/options.html#/catalog/institution/meta`);
    const catalog = await session.context.newPage();
    await catalog.goto((await line.getAttribute('href'))!);
    await catalog.locator('.entries li').first().waitFor();
    const shown = Number((await line.textContent())!.match(/\d+/)![0]);
    // The catalog lists Meta's reports: the other ones plus those about Chase.
    expect(await catalog.locator('.entries li').count()).toBeGreaterThanOrEqual(shown);
  });

  it('a page with only an m.me link: "links to Messenger", no tracking claim', async () => {
    const page = await openTab(session, 'https://www.usbank.com/contact');
    const tabId = await tabIdOf(session, page);
    const text = await observedText(session, tabId, (t) => t.includes('Links to'));
    expect(text).toContain('Links to Messenger: m.me/examplebank');
    expect(text).toContain('No request to a platform');
    expect(text).toContain('A link is not tracking');
  });

  it('reads the page’s links when the popup opens (one added by a script after load too), and watches them as the page loads where the links badge level is on', async () => {
    const page = await openTab(session, 'https://www.usbank.com/contact');
    const tabId = await tabIdOf(session, page);
    // Nobody looked yet, the links level is off: the page's links are not read (a watching content script
    // would have sent them within about 200 ms of document_idle).
    await waitForBadge(session, tabId, (b) => b.title !== '');
    await page.waitForTimeout(1_000);
    const sw = await session.serviceWorker();
    const storedLinks = () => sw.evaluate(async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { links: unknown[] }).links, tabId);
    expect(await storedLinks()).toEqual([]);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://wa.me/15551234567';
      a.textContent = 'WhatsApp us';
      document.body.append(a);
    });
    const text = await observedText(session, tabId, (t) => t.includes('WhatsApp'));
    expect(text).toContain('m.me/examplebank');
    expect(text).toContain('wa.me');
    // The links badge level on: the content script watches, and the badge says so without anyone opening the popup.
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await settings.getByLabel('The page only links to Messenger or Facebook').check();
    await expect.poll(() => settings.getByLabel('The page only links to Messenger or Facebook').isChecked()).toBe(true);
    await settings.close();
    const again = await openTab(session, 'https://www.usbank.com/contact');
    const againId = await tabIdOf(session, again);
    expect((await waitForBadge(session, againId, (b) => b.title.includes("links to Meta's apps"))).title).toContain("This page links to Meta's apps.");
    await again.close();
    await page.close();
  });

  it('catches a pixel added late after an in-page navigation, and keeps what the page sent before it (same document)', async () => {
    const page = await openTab(session, 'https://www.wellsfargo.com/app');
    const tabId = await tabIdOf(session, page);
    expect(await observedText(session, tabId, (t) => t.includes('Google'))).toContain('Google analytics');
    await page.click('#go-offers');
    expect(page.url()).toBe('https://www.wellsfargo.com/offers');
    const after = await observedText(session, tabId, (t) => t.includes('ViewContent'));
    expect(after).toMatch(/Meta pixel event “ViewContent” — www\.facebook\.com\/tr \(1 completed\)/);
    // pushState changed the address, not the document: what it sent on its first view is still its own.
    expect(after).toContain('Google analytics');
  });

  it('never shows another tab’s or another page’s findings', async () => {
    const pixel = await openTab(session, 'https://www.chase.com/meta-pixel');
    const pixelId = await tabIdOf(session, pixel);
    await observedText(session, pixelId, (t) => t.includes('PageView'));
    const plain = await openTab(session, 'https://online.citi.com/');
    const plainId = await tabIdOf(session, plain);
    await waitForBadge(session, plainId, (b) => b.text !== '');
    expect(await observedText(session, plainId)).toContain('No request to a platform');
    // The pixel tab navigates to a page without a pixel: its findings go.
    await pixel.goto('https://www.chase.com/');
    await waitForBadge(session, pixelId, (b) => !b.title.includes('Observed'));
    expect(await observedText(session, pixelId)).toContain('No request to a platform');
  });
});

describe('observed when another blocker stopped the pixel', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({ routes: { 'https://connect.facebook.net/en_US/fbevents.js': { abort: true } } });
  });
  afterAll(async () => session?.close());

  it('shows the pixel script as failed, not as sent, and no event', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const text = await observedText(session, tabId, (t) => t.includes('failed'));
    expect(text).toMatch(/Meta pixel script — connect\.facebook\.net\/en_US\/fbevents\.js \(1 failed: blocked or unreachable, not sent\)/);
    expect(text).not.toContain('completed');
    expect(text).not.toContain('PageView');
  });
});
