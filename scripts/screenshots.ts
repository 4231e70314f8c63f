/**
 * Screenshots of the real build for the README, taken through the real-browser harness (Debian's Chromium,
 * fixture pages at real addresses, no network): the popup on a bank page (its first screen, and with "What
 * you can do" open), on Messenger, and in French and dark on a bank whose pixel was blocked; the in-page
 * notice (English, French, and collapsed beside a sign-in form), the options page and the first-run page.
 *
 * Build first, then: `npx wxt build && npx tsx scripts/screenshots.ts` (LINKWATCH_OUT_DIR picks another
 * build folder). Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openActionPopup, openTab, ROOT, tabIdOf, waitForBadge, type Fixture } from '../test/e2e/harness';
import { waitForNotice } from '../test/e2e/notice-helpers';

const OUT = join(ROOT, 'docs/screenshots');
const STYLED_BANK: Fixture = { file: 'bank-styled.html' };
const routes: Record<string, Fixture> = {
  'https://www.chase.com/': STYLED_BANK,
  'https://online.citi.com/': STYLED_BANK,
  'https://www.usbank.com/': STYLED_BANK,
};

async function shot(page: Page, name: string, options: Parameters<Page['screenshot']>[0] = {}) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, ...options });
  console.log(`wrote ${path}`);
}

async function noticePage(session: Awaited<ReturnType<typeof launch>>, url: string, viewport = { width: 1100, height: 620 }) {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url);
  await waitForNotice(page);
  return page;
}

async function main() {
  mkdirSync(OUT, { recursive: true });

  const session = await launch({ routes });
  try {
    // Default settings (notice on the first visit to each site): these first visits show it.
    await shot(await noticePage(session, 'https://www.chase.com/'), 'notice');
    await shot(await noticePage(session, 'https://online.citi.com/', { width: 640, height: 420 }), 'notice-collapsed');

    // The real action popup, on a bank page with the Meta Pixel and on Messenger.
    for (const [url, name] of [
      ['https://www.chase.com/meta-pixel', 'popup-bank'],
      ['https://www.messenger.com/t/1', 'popup-messenger'],
    ] as const) {
      const page = await openTab(session, url);
      const tabId = await tabIdOf(session, page);
      await waitForBadge(session, tabId, (b) => b.text !== '');
      if (name === 'popup-bank') await page.waitForTimeout(1_000); // let the observed requests arrive
      const { popup, disconnect } = await openActionPopup(session, page);
      // The first screen (issue 15): the summary, with "What you can do" and the details collapsed below.
      await popup.waitForSelector('.glance .headline');
      if (name === 'popup-bank') await popup.waitForSelector('.glance [data-summary="observed"] li');
      await shot(popup, name);
      // The same popup with "What you can do" opened.
      if (name === 'popup-bank') {
        await popup.locator('details.what-you-can-do > summary').click();
        await popup.locator('details.what-you-can-do').evaluate((el) => el.scrollIntoView());
        await shot(popup, 'popup-what-you-can-do');
      }
      await disconnect();
    }

    // The settings list the sites the notice was shown on (chase.com, citi.com, messenger.com).
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 760 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await options.waitForSelector('main h1');
    await shot(options, 'options');
    await options.goto(`chrome-extension://${session.extensionId}/options.html#/catalog`);
    await options.waitForSelector('.entries li');
    await shot(options, 'options-catalog');

    const welcome = await session.context.newPage();
    await welcome.setViewportSize({ width: 1000, height: 900 });
    await welcome.goto(`chrome-extension://${session.extensionId}/welcome.html`);
    await welcome.waitForSelector('h1');
    await shot(welcome, 'welcome', { fullPage: true });
  } finally {
    await session.close();
  }

  // The notice in a French browser, in dark mode; the Meta Pixel's script blocked, as a blocker would.
  const fr = await launch({ routes: { ...routes, 'https://connect.facebook.net/en_US/fbevents.js': { abort: true } }, locale: 'fr' });
  try {
    const page = await fr.context.newPage();
    await page.setViewportSize({ width: 1100, height: 620 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('https://www.usbank.com/');
    await waitForNotice(page);
    await shot(page, 'notice-fr-dark');

    // The popup in French, dark, on a bank page whose Meta Pixel a blocker stopped: "échec (bloqué ou injoignable) : rien n'est parti".
    const blocked = await openTab(fr, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(fr, blocked);
    const popup = await fr.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.emulateMedia({ colorScheme: 'dark' });
    for (let i = 0; i < 50; i++) {
      await popup.goto(`chrome-extension://${fr.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('.glance .headline');
      if (await popup.locator('.glance [data-summary="observed"] li').count()) break;
      await popup.waitForTimeout(200);
    }
    await shot(popup, 'popup-fr-dark-blocked');
  } finally {
    await fr.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
