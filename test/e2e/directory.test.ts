/**
 * Issue 21, in real Chromium: a bank of the directory that the catalog reports nothing about (a host of the
 * FDIC's BankFind list) is recognised and watched like the seed banks: what its page sends to Meta is
 * observed and named, and the popup says who lists the site and that no arrangement involving it is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge } from './harness';

describe('a directory bank outside the catalog', () => {
  let session: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('its Meta Pixel is observed and named; the popup says the FDIC lists the site and nothing is reported about it', async () => {
    const page = await openTab(session, 'https://www.addisonbank.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page'));
    expect(badge.text).toBe('i');
    expect(badge.title).toContain('requests to Meta');
    const popup = await openPopupForTab(session, tabId);
    await popup.locator('[data-summary="observed"]').getByText(/Meta/).waitFor();
    const glance = (await popup.locator('section.glance').textContent()) ?? '';
    expect(glance).toContain('The FDIC lists addisonbank.com as the website of an insured bank');
    expect(glance).toContain('No data arrangement involving addisonbank.com has been reported in the catalog.');
    expect(glance).toMatch(/Meta: \d+ requests? went through/);
    expect(glance).not.toContain('Nothing is reported about this site');
    await popup.close();
  });
});
