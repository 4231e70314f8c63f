/**
 * Issue 2, end to end: the built extension in Chromium, fixture pages at the banks' and Messenger's real
 * addresses; badges per tab, the real action popup, the mute control, and the mute surviving a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launch, openActionPopup, openPopupForTab, openTab, stopServiceWorker, tabIdOf, waitForBadge, type Session } from './harness';

const BANKS = [
  ['https://www.chase.com/', 'JPMorgan Chase'],
  ['https://online.citi.com/', 'Citi'],
  ['https://www.wellsfargo.com/', 'Wells Fargo'],
  ['https://www.usbank.com/', 'U.S. Bank'],
] as const;

describe('badges per tab', () => {
  let session: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it.each(BANKS)('%s shows a count of reported arrangements involving %s', async (url, owner) => {
    const page = await openTab(session, url);
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(badge.text).toBe('i'); // the one mark (issue 15)
    expect(badge.title).toMatch(new RegExp(`reported data arrangements? involving ${owner.replace('.', '\\.')}`));
  });

  it('Messenger shows that the site is Meta', async () => {
    const page = await openTab(session, 'https://www.messenger.com/t/1');
    const badge = await waitForBadge(session, await tabIdOf(session, page), (b) => b.text !== '');
    expect(badge.title).toContain("this is Meta's own site");
  });

  it('an unrelated site shows no badge', async () => {
    const page = await openTab(session, 'https://example.org/');
    const tabId = await tabIdOf(session, page);
    // Wait for the background to have handled this tab (its title is set per tab), then check the text.
    const badge = await waitForBadge(session, tabId, (b) => b.title.includes('no information'));
    expect(badge.text).toBe('');
  });

  it('facebook.com then an in-page navigation to /messages switches the tab to Messenger', async () => {
    const page = await openTab(session, 'https://www.facebook.com/');
    const tabId = await tabIdOf(session, page);
    const before = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(before.title).toContain("this is Meta's own site");
    await page.click('#open-messages');
    expect(page.url()).toBe('https://www.facebook.com/messages/t/1');
    const popup = await openPopupForTab(session, tabId);
    await popup.waitForFunction(() => document.querySelector('.owner')?.textContent?.includes('Messenger'));
    expect(await popup.textContent('.owner')).toBe('This site is Messenger itself, part of Meta.');
  });

  it('each tab keeps its own badge', async () => {
    const chase = await openTab(session, 'https://www.chase.com/');
    const plain = await openTab(session, 'https://example.org/');
    const chaseId = await tabIdOf(session, chase);
    await waitForBadge(session, await tabIdOf(session, plain), (b) => b.title.includes('no information'));
    expect((await badgeOf(session, chaseId)).text).not.toBe('');
  });
});

describe('the action popup', () => {
  let session: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('on a bank tab explains the 2018 report with dates, status and sources', async () => {
    const page = await openTab(session, 'https://www.chase.com/');
    await waitForBadge(session, await tabIdOf(session, page), (b) => b.text !== '');
    const { popup, disconnect } = await openActionPopup(session, page);
    try {
      expect(await popup.textContent('h1')).toBe('www.chase.com');
      expect(await popup.textContent('.owner')).toBe('This site belongs to Chase (JPMorgan Chase).');
      const card = popup.locator('[data-arrangement="fb-us-banks-messenger-2018"]');
      await expect(card.textContent()).resolves.toContain('Citi, Wells Fargo, U.S. Bank');
      const steps = await card.locator('.timeline li').allTextContents();
      expect(steps.join('\n')).toMatch(/2018: Reported by The Wall Street Journal/);
      expect(steps.join('\n')).toMatch(/Ended by JPMorgan Chase, according to AFP/);
      expect(steps.join('\n')).toMatch(/Confirmed by Facebook, according to AFP \(confirmed working with banks/);
      const hrefs = await card.locator('.sources a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThanOrEqual(3);
      expect(hrefs.every((h) => h.startsWith('https://'))).toBe(true);
    } finally {
      await disconnect();
    }
  });

  it('on the Messenger tab explains the same report from Meta’s side', async () => {
    const page = await openTab(session, 'https://www.messenger.com/t/1');
    await waitForBadge(session, await tabIdOf(session, page), (b) => b.text !== '');
    const { popup, disconnect } = await openActionPopup(session, page);
    try {
      expect(await popup.textContent('.owner')).toBe('This site is Messenger itself, part of Meta.');
      expect(await popup.locator('[data-arrangement="fb-us-banks-messenger-2018"]').count()).toBe(1);
      expect(await popup.textContent('main')).toContain('makes no tracking claim');
    } finally {
      await disconnect();
    }
  });

  it('shows the same after the service worker was stopped and restarted', async () => {
    const page = await openTab(session, 'https://online.citi.com/');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    const storedAt = (p: import('playwright-core').Page) =>
      p.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as { updatedAt: number } | undefined)?.updatedAt, `tab:${tabId}`);
    const popupBefore = await openPopupForTab(session, tabId);
    const before = await popupBefore.textContent('main');
    const updatedAt = await storedAt(popupBefore);
    expect(updatedAt).toBeGreaterThan(0);
    await stopServiceWorker(session);
    // The popup's request wakes a new worker, which must answer from storage.session, not "nothing known".
    const popupAfter = await openPopupForTab(session, tabId);
    const after = await popupAfter.textContent('main');
    expect(after).toBe(before);
    // Served from the session, not recomputed: the stored state is the very same one.
    expect(await storedAt(popupAfter)).toBe(updatedAt);
    expect(after).toContain('This site belongs to Citi.');
    expect(await badgeOf(session, tabId)).toEqual(badge);
  });

  it('on an unrelated site says nothing is known', async () => {
    const page = await openTab(session, 'https://example.org/');
    const popup = await openPopupForTab(session, await tabIdOf(session, page));
    expect(await popup.textContent('.empty')).toBe('Linkwatch has no information about this site.');
  });
});

describe('mute: set in the popup, undone, and kept across a browser restart', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'linkwatch-restart-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('mutes Wells Fargo, survives undo and a restart', async () => {
    let session: Session | undefined = await launch({ profileDir });
    try {
      const page = await openTab(session, 'https://www.wellsfargo.com/');
      const tabId = await tabIdOf(session, page);
      await waitForBadge(session, tabId, (b) => b.text !== '');
      const popup = await openPopupForTab(session, tabId);
      await popup.getByRole('button', { name: 'Mute Linkwatch on wellsfargo.com' }).click();
      await popup.getByRole('status').waitFor();
      expect(await popup.getByRole('status').textContent()).toContain('Muted on wellsfargo.com: no badge warning, no notice.');
      await waitForBadge(session, tabId, (b) => b.text === '' && b.title === 'Linkwatch: muted on wellsfargo.com');

      // Undo brings the badge back; muting again is what we keep.
      await popup.getByRole('button', { name: 'Undo' }).click();
      await waitForBadge(session, tabId, (b) => b.text !== '');
      await popup.getByRole('button', { name: 'Mute Linkwatch on wellsfargo.com' }).click();
      await waitForBadge(session, tabId, (b) => b.text === '');
      await session.close();
      session = undefined;

      session = await launch({ profileDir });
      const again = await openTab(session, 'https://www.wellsfargo.com/');
      const againId = await tabIdOf(session, again);
      const badge = await waitForBadge(session, againId, (b) => b.title.includes('muted'));
      expect(badge).toEqual({ text: '', title: 'Linkwatch: muted on wellsfargo.com' });
      const popupAgain = await openPopupForTab(session, againId);
      expect(await popupAgain.getByRole('status').textContent()).toContain('Linkwatch is muted on wellsfargo.com:');
      // Other sites are not affected.
      const chase = await openTab(session, 'https://www.chase.com/');
      await waitForBadge(session, await tabIdOf(session, chase), (b) => b.text !== '');
    } finally {
      await session?.close();
    }
  });
});
