/**
 * The popup's first screen on the four seed banks and on Messenger, in every UI language (English, French,
 * German, Spanish: issue 22's "before/after screenshots", issue 25's screenshots per language), taken
 * through the real-browser harness (Debian's Chromium, fixture pages at real addresses, no network) at the
 * popup's size (380x600). Each bank page carries the Meta Pixel fixture,
 * so the screen shows what the page sent.
 *
 * `npx wxt build && npx tsx scripts/first-screen-shots.ts [label]`: writes
 * docs/screenshots/first-screen/<label>-<site>-<lang>.png (label defaults to "after"). LINKWATCH_OUT_DIR
 * points the harness at another build (an older commit's, for "before").
 */
import { mkdirSync } from 'node:fs';
import { LANGS } from '../lib/i18n';
import { join } from 'node:path';
import { launch, openTab, ROOT, tabIdOf, waitForBadge } from '../test/e2e/harness';

const OUT = join(ROOT, 'docs/screenshots/first-screen');
const PAGES = [
  ['chase', 'https://www.chase.com/meta-pixel'],
  ['citi', 'https://online.citi.com/meta-pixel'],
  ['wellsfargo', 'https://www.wellsfargo.com/meta-pixel'],
  ['usbank', 'https://www.usbank.com/meta-pixel'],
  ['messenger', 'https://www.messenger.com/t/1'],
] as const;

async function main() {
  const label = process.argv[2] ?? 'after';
  mkdirSync(OUT, { recursive: true });
  for (const lang of LANGS) {
    const routes = Object.fromEntries(PAGES.filter(([, u]) => u.endsWith('/meta-pixel')).map(([, u]) => [u, { file: 'bank-meta-pixel.html' }]));
    const session = await launch({ routes, ...(lang === 'en' ? {} : { locale: lang }) });
    try {
      for (const [name, url] of PAGES) {
        const page = await openTab(session, url);
        const tabId = await tabIdOf(session, page);
        await waitForBadge(session, tabId, (b) => b.text !== '');
        await page.waitForTimeout(1_000); // let the observed requests arrive
        const popup = await session.context.newPage();
        await popup.setViewportSize({ width: 380, height: 600 });
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
        await popup.waitForSelector('.glance .headline');
        const path = join(OUT, `${label}-${name}-${lang}.png`);
        await popup.screenshot({ path });
        console.log(`wrote ${path}`);
        await popup.close();
        await page.close();
      }
    } finally {
      await session.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
