/**
 * Issue 7, restarts, in the real browser:
 * - the service worker is stopped in the middle of a session (CDP, as the browser does when it is idle):
 *   the badge, the popup and the observations of a bank page with the Meta Pixel are unchanged, and what
 *   the page does afterwards is added to what was observed before;
 * - the browser is restarted on the same profile: every preference (alert style, badge levels) and every
 *   per-site decision set through the options page is found again, and still applies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSiteDecision, badgeOf, launch, openOptions, openPopupForTab, openTab, preferencesOnScreen, stopServiceWorker, tabIdOf, waitForBadge, type Session } from './harness';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

type S = Awaited<ReturnType<typeof launch>>;

/** The tab's state as stored in storage.session, read from an extension page. */
async function storedState(page: Page, tabId: number): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab:${tabId}`);
}

async function popupTexts(session: S, tabId: number) {
  const popup = await openPopupForTab(session, tabId);
  const texts = {
    main: await popup.textContent('main'),
    observed: await popup.locator('section.observed').textContent(),
  };
  return { popup, texts };
}

describe('the service worker stopped in the middle of a session', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('keeps the badge, the popup and the observations of a page with the Meta Pixel', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page'));
    expect(badge.text).toBe('i'); // the one mark (issue 15)
    // Wait until the PageView event is in, so "before" is a settled state.
    await expect.poll(async () => (await popupTexts(session, tabId)).texts.observed, { timeout: 10_000 }).toContain('PageView');
    const before = await popupTexts(session, tabId);
    const stateBefore = await storedState(before.popup, tabId);
    expect(stateBefore?.observed).toEqual([expect.objectContaining({ platform: 'meta' })]);

    await stopServiceWorker(session);

    // The popup's request wakes a new worker, which answers from storage.session.
    const after = await popupTexts(session, tabId);
    expect(after.texts).toEqual(before.texts);
    expect(await storedState(after.popup, tabId)).toEqual(stateBefore);
    expect(await badgeOf(session, tabId)).toEqual(badge);

    // The session goes on: the page sends another event, the new worker adds it to what was there.
    await page.evaluate(() => (window as unknown as { fbq: (...a: unknown[]) => void }).fbq('track', 'Lead'));
    await expect.poll(async () => (await popupTexts(session, tabId)).texts.observed, { timeout: 10_000 }).toContain('Meta pixel event “Lead”');
    const later = await popupTexts(session, tabId);
    expect(later.texts.observed).toContain('Meta pixel event “PageView”');
    expect(later.texts.observed).toContain('fbevents.js (1 completed)');
    expect(await badgeOf(session, tabId)).toEqual(badge);
  });

  it('keeps each tab’s own state across a second stop', async () => {
    const pixel = await openTab(session, 'https://www.chase.com/meta-pixel');
    const plain = await openTab(session, 'https://online.citi.com/');
    const pixelId = await tabIdOf(session, pixel);
    const plainId = await tabIdOf(session, plain);
    await waitForBadge(session, pixelId, (b) => b.title.includes('Observed'));
    await waitForBadge(session, plainId, (b) => b.text !== '');
    await expect.poll(async () => (await popupTexts(session, pixelId)).texts.observed, { timeout: 10_000 }).toContain('PageView');
    const before = [await popupTexts(session, pixelId), await popupTexts(session, plainId)].map((p) => p.texts);
    const badges = [await badgeOf(session, pixelId), await badgeOf(session, plainId)];

    await stopServiceWorker(session);

    const after = [await popupTexts(session, pixelId), await popupTexts(session, plainId)].map((p) => p.texts);
    expect(after).toEqual(before);
    expect(after[1]!.observed).toContain('No request to a platform');
    expect([await badgeOf(session, pixelId), await badgeOf(session, plainId)]).toEqual(badges);
  });
});

describe('a browser restart on the same profile', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'linkwatch-restarts-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('finds every preference and per-site decision set in the options page', async () => {
    let session: S | undefined = await launch({ profileDir });
    try {
      const settings = await openOptions(session, 'settings');
      await settings.getByLabel('Toolbar badge only').check();
      await settings.getByRole('status').waitFor();
      await settings.getByLabel('The site belongs to a platform (for example Messenger is Meta)').uncheck();
      await expect.poll(() => settings.getByLabel('The site belongs to a platform (for example Messenger is Meta)').isChecked()).toBe(false);
      await settings.getByLabel('The page only links to Messenger or Facebook').check();
      await expect.poll(() => settings.getByLabel('The page only links to Messenger or Facebook').isChecked()).toBe(true);

      const sites = await openOptions(session, 'sites');
      await addSiteDecision(sites, 'https://www.chase.com/login');
      await sites.locator('tr[data-site="chase.com"]').waitFor();
      await addSiteDecision(sites, 'citi.com', '2099-12-31');
      await sites.locator('tr[data-site="citi.com"]').waitFor();

      const before = await preferencesOnScreen(session);
      expect(before).toEqual({
        alertStyle: 'badge-only',
        badgeLevels: { 'badge-reported': true, 'badge-owned': false, 'badge-observed': true, 'badge-linked': true },
        decisions: [
          ['chase.com', 'Muted'],
          ['citi.com', 'Snoozed until December 31, 2099'],
        ],
      });
      await session.close();
      session = undefined;

      session = await launch({ profileDir });
      expect(await preferencesOnScreen(session)).toEqual(before);
      // And they still apply: Chase is muted, Citi snoozed, Wells Fargo untouched.
      for (const [url, muted] of [
        ['https://www.chase.com/', true],
        ['https://online.citi.com/', true],
        ['https://www.wellsfargo.com/', false],
      ] as const) {
        const page = await openTab(session, url);
        const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.title !== '' && b.title !== 'Linkwatch');
        if (muted) expect(badge).toEqual({ text: '', title: expect.stringContaining('muted') });
        else expect(badge.text).toBe('i'); // the one mark (issue 15)
      }
      // Owned-by badges are off: Messenger shows no badge text.
      const messenger = await openTab(session, 'https://www.messenger.com/t/1');
      const badge = await waitForBadge(session, await tabIdOf(session, messenger), (b) => b.title.includes('Messenger'));
      expect(badge.text).toBe('');
    } finally {
      await session?.close();
    }
  });
});
