/**
 * Issue 21, in real Firefox (Manifest V2 and V3 builds): a bank of the directory that the catalog reports
 * nothing about (a host of the FDIC's BankFind list) is watched like the seed banks: its Meta Pixel is
 * observed and named, and the popup says who lists the site and that no arrangement involving it is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TARGETS, launchFirefox, openPopupForTab, openWebPage, tabIdOf, waitForBadge, type FirefoxSession } from './firefox-harness';
import { pollUntil } from './harness';

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
