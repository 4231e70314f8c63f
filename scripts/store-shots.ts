/**
 * Store screenshots (issue 25): 1280x800 PNGs, the size both the Chrome Web Store and addons.mozilla.org take,
 * in each UI language, taken from the real build in Debian's Chromium with fixture pages at the banks' real
 * addresses (the real-browser harness: no network):
 *   1. a bank page with its Meta Pixel and the toolbar popup open over it (the popup is an extension page
 *      shown at its own size, 380x600, then placed where the browser shows it: top right);
 *   2. the in-page notice on a first visit;
 *   3. the map (options page);
 *   4. the catalog (options page), on the 2018 Messenger entry.
 *
 * `npx wxt build && npx tsx scripts/store-shots.ts`: writes docs/store/screenshots/<lang>-<n>-<name>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../lib/i18n';
import { launch, openTab, ROOT, tabIdOf, waitForBadge } from '../test/e2e/harness';
import { waitForNotice } from '../test/e2e/notice-helpers';

const OUT = join(ROOT, 'docs/store/screenshots');
const SIZE = { width: 1280, height: 800 };

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const lang of LANGS) {
    const session = await launch(lang === 'en' ? {} : { locale: lang });
    const shot = (n: number, name: string) => join(OUT, `${lang}-${n}-${name}.png`);
    try {
      // 2 first: the notice shows on the first visit to the site.
      const page = await openTab(session, 'https://www.chase.com/meta-pixel');
      await page.setViewportSize(SIZE);
      const tabId = await tabIdOf(session, page);
      await waitForNotice(page);
      await waitForBadge(session, tabId, (b) => b.text !== '');
      await page.waitForTimeout(1_500); // the observed requests, and the notice's entrance
      await page.screenshot({ path: shot(2, 'notice') });

      // 1: the popup over the page (the notice set aside for this picture: the popup is its subject).
      await page.evaluate(() => document.querySelector<HTMLElement>('linkwatch-notice')?.style.setProperty('display', 'none'));
      const pageImage = (await page.screenshot()).toString('base64');
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('.glance .headline');
      const popupImage = (await popup.screenshot()).toString('base64');
      await popup.close();
      const frame = await session.context.newPage();
      await frame.setViewportSize(SIZE);
      await frame.setContent(
        `<body style="margin:0;width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden;position:relative">` +
          `<img src="data:image/png;base64,${pageImage}" style="position:absolute;inset:0;width:100%;height:100%">` +
          `<img src="data:image/png;base64,${popupImage}" style="position:absolute;right:16px;top:8px;width:380px;height:600px;border:1px solid #bbb;border-radius:8px;box-shadow:0 6px 28px rgba(0,0,0,.35)">` +
          `</body>`,
      );
      await frame.screenshot({ path: shot(1, 'popup') });
      await frame.close();

      // 3 and 4: the options page.
      const options = await session.context.newPage();
      await options.setViewportSize(SIZE);
      await options.goto(`chrome-extension://${session.extensionId}/options.html#/map`);
      await options.waitForSelector('svg');
      await options.waitForTimeout(500);
      await options.screenshot({ path: shot(3, 'map') });
      await options.goto(`chrome-extension://${session.extensionId}/options.html#/arrangement/fb-us-banks-messenger-2018`);
      await options.waitForSelector('[data-arrangement="fb-us-banks-messenger-2018"]');
      await options.screenshot({ path: shot(4, 'catalog') });
      for (const n of [1, 2, 3, 4]) console.log(`wrote ${shot(n, ['popup', 'notice', 'map', 'catalog'][n - 1]!)}`);
    } finally {
      await session.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
