/**
 * Screenshots of the map page (issue 24) for the README and docs/screenshots: the whole map at 1280x800 in
 * light, and the French page in dark focused on one bank. Taken through the real-browser harness (Debian's
 * Chromium, no network). Build first: `npx wxt build && npx tsx scripts/map-shots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../test/e2e/harness';

const OUT = join(ROOT, 'docs/screenshots');

async function take(locale: 'en' | 'fr', scheme: 'light' | 'dark', hash: string, name: string): Promise<void> {
  const session = await launch({ locale });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
    await page.locator('.map-figure svg').waitFor();
    const path = join(OUT, `${name}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  } finally {
    await session.close();
  }
}

mkdirSync(OUT, { recursive: true });
await take('en', 'light', '#/map', 'options-map');
await take('fr', 'dark', '#/map/focus/chase', 'options-map-fr-dark');
