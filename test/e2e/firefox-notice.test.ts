/**
 * Issue 12 item 1 in Firefox (both packages): the notice is injected only where it shows, sits in a closed
 * shadow root the page cannot read, and a page script's synthetic clicks and keys do nothing; the user's
 * own keys do (Tab into the card, Enter on "Hide for this visit", then Enter on Close), and nothing in the
 * notice mutes the site (issue 22): the badge warns throughout. Everything is seen from
 * the page's side only: `document.activeElement` is the bare host while focus is inside the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { badgeOf, FIREFOX_TARGETS, launchFirefox, openWebPage, tabIdOf, waitForBadge, type FirefoxSession } from './firefox-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHost(page: Page): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate(() => !!document.querySelector('linkwatch-notice')))) {
    if (Date.now() > deadline) throw new Error('no notice host appeared');
    await sleep(100);
  }
  await sleep(500);
}

/** Press Tab (real key events) until focus is inside the notice; then `extra` more Tabs. */
async function tabIntoNotice(page: Page, extra: number): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement === document.querySelector('linkwatch-notice'))) {
      for (let k = 0; k < extra; k++) await page.keyboard.press('Tab');
      return;
    }
  }
  throw new Error('Tab never reached the notice');
}

describe.each(FIREFOX_TARGETS)('%s: the notice against the page', (target) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(target);
  }, 60_000);
  afterAll(async () => session?.close());

  it('closed and bare to the page; synthetic events do nothing; the user\'s keys hide it for this visit and close it, muting nothing', async () => {
    const page = await openWebPage(session, 'https://www.chase.com/');
    const tabId = await tabIdOf(session, page);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    await waitForHost(page);
    const view = await page.evaluate(() => {
      const host = document.querySelector('linkwatch-notice')!;
      return { shadowRoot: host.shadowRoot === null, attributes: host.getAttributeNames(), text: host.textContent, html: host.outerHTML };
    });
    expect(view).toEqual({ shadowRoot: true, attributes: [], text: '', html: '<linkwatch-notice></linkwatch-notice>' });

    await page.evaluate(() => {
      const host = document.querySelector('linkwatch-notice') as HTMLElement;
      host.click();
      for (let x = 5; x < innerWidth; x += 20)
        for (let y = 5; y < innerHeight; y += 15) {
          const el = document.elementFromPoint(x, y);
          if (el === host) el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      for (const key of ['Enter', ' ', 'Escape']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    });
    await sleep(500);
    expect(await badgeOf(session, tabId)).toEqual(badge);
    expect(await page.evaluate(() => !!document.querySelector('linkwatch-notice'))).toBe(true);

    // The user: Tab to "Hide for this visit" (Details first, then it), Enter.
    await tabIntoNotice(page, 1);
    await page.keyboard.press('Enter');
    await sleep(500);
    // Hidden, not muted: the badge warns as before, and the card (now its status line) is still there.
    expect(await badgeOf(session, tabId)).toEqual(badge);
    expect(await page.evaluate(() => !!document.querySelector('linkwatch-notice'))).toBe(true);
    // Focus moved to the status line; the next Tab is Close.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 5000;
    while (await page.evaluate(() => !!document.querySelector('linkwatch-notice'))) {
      if (Date.now() > deadline) throw new Error('the notice did not close');
      await sleep(100);
    }
    expect(await badgeOf(session, tabId)).toEqual(badge);
    await page.close();
  });
});
