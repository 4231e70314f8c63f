/**
 * Helpers for the in-page notice in real-browser tests. Playwright's CSS selectors pierce open shadow roots,
 * so `linkwatch-notice .lw-notice` reaches the card inside the notice's shadow root.
 */
import type { Locator, Page } from 'playwright-core';
import type { Session } from './harness';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const NOTICE = 'linkwatch-notice .lw-notice';

/** Wait until the notice is placed and its entrance animation is over; returns the card. */
export async function waitForNotice(page: Page, timeout = 10_000): Promise<Locator> {
  await page.waitForSelector(`${NOTICE}:not([data-measuring])`, { timeout });
  await page.waitForFunction(() => document.querySelector('linkwatch-notice')?.shadowRoot?.querySelector('.lw-notice')?.getAnimations().length === 0);
  return page.locator(NOTICE);
}

/**
 * True when no notice appeared within `ms` after the page loaded. The content script asks the background
 * once the document is idle and gets its answer in milliseconds; a second is a wide margin.
 */
export async function noNoticeWithin(page: Page, ms = 1_500): Promise<boolean> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
  return (await page.locator('linkwatch-notice').count()) === 0;
}

/** The sites in the notice's "seen" list, read in the service worker. */
export async function noticeSeen(session: Session): Promise<unknown> {
  const sw = await session.serviceWorker();
  return sw.evaluate(async () => (await chrome.storage.local.get('noticeSeen')).noticeSeen);
}

/** Choose the alert style on the options page, as a person would. */
export async function chooseAlertStyle(session: Session, label: string | RegExp): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
  const radio = options.getByRole('radio', { name: label });
  // The page may still be reading the stored choice when the click lands: wait for the saved state.
  await radio.click();
  await options.getByRole('status').waitFor();
  const deadline = Date.now() + 5_000;
  while (!(await radio.isChecked())) {
    if (Date.now() > deadline) throw new Error(`alert style ${label} was not saved`);
    await options.waitForTimeout(50);
  }
  await options.close();
}
