/**
 * Issue 7, the main scenario in a real Firefox (Debian's firefox-esr over WebDriver BiDi, see
 * ./firefox-harness.ts), for both Firefox packages: the MV2 one (the default Firefox build, with
 * `browser_action` and a background page) and the MV3 one (`action`, background script). Installed as a
 * temporary add-on; pages served from the fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_TARGETS,
  launchFirefox,
  openExtensionPage,
  openPopupForTab,
  openWebPage,
  tabIdOf,
  waitForBadge,
  type FirefoxSession,
} from './firefox-harness';

describe.each(FIREFOX_TARGETS)('%s in Firefox', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target);
  }, 60_000);
  afterAll(async () => session?.close());

  it('runs the build it was given', async () => {
    const manifest = await session.probe.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number } } } }).browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(target === 'firefox-mv2' ? 2 : 3);
  });

  it.each([
    ['https://www.chase.com/', 'JPMorgan Chase'],
    ['https://online.citi.com/', 'Citi'],
    ['https://www.wellsfargo.com/', 'Wells Fargo'],
    ['https://www.usbank.com/', 'U.S. Bank'],
  ])('%s shows a count of reported arrangements involving %s', async (url, owner) => {
    const page = await openWebPage(session, url);
    const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.text !== '');
    expect(badge.text).toBe('i'); // the one mark (issue 15)
    expect(badge.title).toMatch(new RegExp(`reported data arrangements? involving ${owner.replace(/\./g, '\\.')}`));
    await page.close();
  });

  it('Messenger shows that the site is Meta', async () => {
    const page = await openWebPage(session, 'https://www.messenger.com/t/1');
    const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.text !== '');
    expect(badge.title).toContain("this is Meta's own site");
    await page.close();
  });

  it('an unrelated site shows no badge', async () => {
    const page = await openWebPage(session, 'https://example.org/');
    const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.title.includes('no information'));
    expect(badge.text).toBe('');
    await page.close();
  });

  it('the popup on a bank tab explains the 2018 report with dates, status and sources', async () => {
    const page = await openWebPage(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    expect(await popup.$eval('h1', (e) => e.textContent)).toBe('www.chase.com');
    expect(await popup.$eval('.owner', (e) => e.textContent)).toBe('This site belongs to Chase (JPMorgan Chase).');
    const card = await popup.$eval('[data-arrangement="fb-us-banks-messenger-2018"]', (e) => ({
      text: e.textContent ?? '',
      steps: [...e.querySelectorAll('.timeline li')].map((li) => li.textContent).join('\n'),
      hrefs: [...e.querySelectorAll('.sources a')].map((a) => (a as HTMLAnchorElement).href),
    }));
    expect(card.text).toContain('Citi, Wells Fargo, U.S. Bank');
    expect(card.steps).toMatch(/2018: Reported by The Wall Street Journal/);
    expect(card.hrefs.length).toBeGreaterThanOrEqual(3);
    expect(card.hrefs.every((h) => h.startsWith('https://'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('a bank page with the Meta Pixel: observed, worded by what was seen', async () => {
    const page = await openWebPage(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page'));
    expect(badge.title).toContain('Observed on this page: requests to Meta.');
    let observed = '';
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const popup = await openPopupForTab(session, tabId);
      observed = (await popup.$eval('section.observed', (e) => e.textContent).catch(() => '')) ?? '';
      await popup.close();
      if (observed.includes('PageView')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(observed).toMatch(/Meta pixel script — connect\.facebook\.net\/en_US\/fbevents\.js \(1 completed\)/);
    expect(observed).toMatch(/Meta pixel event “PageView” — page address — www\.facebook\.com\/tr/);
    expect(observed).not.toContain('123456789012345&');
    await page.close();
  });

  it('mute from the popup: the badge goes quiet on that site only', async () => {
    const page = await openWebPage(session, 'https://www.wellsfargo.com/');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    const [button] = await popup.$$('xpath/.//button[normalize-space()="Mute Linkwatch on wellsfargo.com"]');
    expect(button).toBeDefined();
    await button!.click();
    await waitForBadge(session, tabId, (b) => b.text === '' && b.title === 'Linkwatch: muted on wellsfargo.com');
    const chase = await openWebPage(session, 'https://www.chase.com/');
    await waitForBadge(session, await tabIdOf(session, chase), (b) => b.text !== '');
    await popup.close();
  });

  it('the options page lists the mute and the catalog', async () => {
    const sites = await openExtensionPage(session, '/options.html#/sites', 'tr[data-site="wellsfargo.com"]');
    expect(await sites.$eval('tr[data-site="wellsfargo.com"]', (e) => e.textContent)).toContain('Muted');
    const catalog = await openExtensionPage(session, '/options.html#/catalog', '[data-arrangement="fb-us-banks-messenger-2018"]');
    expect(await catalog.$$eval('ul.entries li', (els) => els.length)).toBeGreaterThan(10);
  });

  it('no page asked for anything beyond its fixtures (the browser’s favicon requests aside)', () => {
    expect(session.unrouted.filter((u) => !/^https:\/\/[a-z.]+\/favicon\.ico$/.test(u))).toEqual([]);
  });
});
