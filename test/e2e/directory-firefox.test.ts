/**
 * Issue 21, in real Firefox (Manifest V2 and V3 builds): a bank of the directory that the catalog reports
 * nothing about (a host of the FDIC's BankFind list) is watched like the seed banks: its Meta Pixel is
 * observed and named, and the popup says who lists the site and that no arrangement involving it is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TARGETS, launchFirefox, openExtensionPage, openPopupForTab, openWebPage, tabIdOf, waitForBadge, type FirefoxSession } from './firefox-harness';
import { pollUntil } from './harness';

// The extension page's global, as seen from callbacks run inside it by `evaluate`.
declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(FIREFOX_TARGETS)('%s: a directory bank outside the catalog', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target);
  }, 90_000);
  afterAll(async () => session?.close());

  it('its Meta Pixel is observed and named; the popup says the FDIC lists the site and nothing is reported about it', async () => {
    const page = await openWebPage(session, 'https://www.addisonbank.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page'));
    expect(badge.title).toContain('requests to Meta');
    const glance = await pollUntil(
      async () => {
        const popup = await openPopupForTab(session, tabId);
        const text = await popup.$eval('section.glance', (e) => e.textContent ?? '');
        await popup.close();
        return text;
      },
      (t) => /Meta: \d+ requests? went through/.test(t),
      'the popup names what the page sent',
    );
    expect(glance).toContain('The FDIC lists addisonbank.com as the website of an insured bank');
    expect(glance).toContain('No data arrangement involving addisonbank.com has been reported in the catalog.');
    await page.close();
  });
});

/**
 * "Watch this site" on a site Linkwatch knows nothing about. Firefox's preference
 * `extensions.webextOptionalPermissionPrompts: false` answers the browser's own prompt with yes, as a person
 * clicking Allow would; the click that asks is a real click in the popup.
 */
describe.each(FIREFOX_TARGETS)('%s: watching a site Linkwatch knows nothing about', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  }, 90_000);
  afterAll(async () => session?.close());

  const glanceOf = async (tabId: number, selector: string) => {
    const popup = await openPopupForTab(session, tabId);
    const text = await popup.$eval(selector, (e) => e.textContent ?? '');
    return { popup, text };
  };

  it('offers to watch it; once allowed, a reload shows what the page sent; "Stop watching" gives the permission back', async () => {
    const page = await openWebPage(session, 'https://www.hometowncu-example.org/meta-pixel');
    const tabId = await tabIdOf(session, page);
    // Nothing known, nothing watched: no all-clear, and the offer.
    let { popup, text } = await glanceOf(tabId, 'section.site');
    expect(text).toContain('Linkwatch has no information about this site.');
    expect(text).toContain('Linkwatch does not watch requests on this site either');
    await popup.click('xpath/.//button[normalize-space()="Watch hometowncu-example.org"]');
    await pollUntil(() => popup.evaluate(() => document.querySelector('section.site')?.getAttribute('data-state')), (s) => s === 'user-watched', 'the popup says the site is watched');
    await popup.close();
    const granted = await session.probe.evaluate(async () => (await browser.permissions.getAll()).origins.includes('*://*.hometowncu-example.org/*'));
    expect(granted).toBe(true);

    await page.reload({ waitUntil: 'load' });
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page: requests to Meta.'));
    ({ popup, text } = await glanceOf(tabId, 'main.popup'));
    expect(text).toContain('Linkwatch watches this site because you asked it to.');
    expect(text).toMatch(/“PageView”/);
    // The options page lists it, with the way back.
    const options = await openExtensionPage(session, '/options.html#/sites', '.watched-sites li');
    expect(await options.$eval('.watched-sites', (e) => e.textContent ?? '')).toContain('hometowncu-example.org');
    await options.close();
    await popup.click('xpath/.//button[normalize-space()="Stop watching hometowncu-example.org"]');
    await pollUntil(() => popup.evaluate(() => document.querySelector('section.site')?.getAttribute('data-state')), (s) => s === 'unknown', 'back to unknown');
    await popup.close();
    expect(await session.probe.evaluate(async () => (await browser.permissions.getAll()).origins.includes('*://*.hometowncu-example.org/*'))).toBe(false);
    await page.close();
  });
});
