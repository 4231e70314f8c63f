// @vitest-environment node
/**
 * Issue 25, store packages as they are: `npm run zip`'s packages (`wxt zip`, `wxt zip -b firefox`, built here
 * into a temporary folder as test/unit/release.test.ts does) work in the browsers a store's reviewer uses. The
 * Chrome package is unzipped (Chromium loads an unpacked folder) and loaded into Chromium; the Firefox
 * package is installed from the zip file itself as a temporary add-on. In each, a bank page gets the badge and
 * the popup names the bank's owner and the page's Meta Pixel.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, wxt } from '../unit/build-helpers';
import { launchFirefox, openPopupForTab as openFirefoxPopup, openWebPage, tabIdOf as firefoxTabIdOf, waitForBadge as waitForFirefoxBadge } from './firefox-harness';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge } from './harness';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let outDir: string;
const zipOf = (kind: 'chrome' | 'firefox') => join(outDir, `linkwatch-${VERSION}-${kind}.zip`);

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'linkwatch-packages-'));
  await wxt(['zip'], outDir);
  await wxt(['zip', '-b', 'firefox'], outDir);
}, 240_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Unzip `file` into a new folder with JSZip; returns the folder. */
async function unzip(file: string): Promise<string> {
  const dir = mkdtempSync(join(outDir, 'unzipped-'));
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return dir;
}

describe('the Chrome package (npm run zip), unzipped into Chromium', () => {
  it('loads, and on a bank page shows the badge and the popup', async () => {
    const extensionDir = await unzip(zipOf('chrome'));
    const session = await launch({ extensionDir });
    try {
      const page = await openTab(session, 'https://www.chase.com/meta-pixel');
      const tabId = await tabIdOf(session, page);
      const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && /Observed/.test(b.title));
      expect(badge.text).toBe('i');
      const popup = await openPopupForTab(session, tabId);
      expect(await popup.textContent('.owner')).toBe('This site belongs to Chase (JPMorgan Chase).');
      expect(await popup.textContent('.glance')).toMatch(/Meta/);
    } finally {
      await session.close();
    }
  }, 90_000);
});

describe('the Firefox package (npm run zip), installed from the zip file', () => {
  it('installs as it is, and on a bank page shows the badge and the popup', async () => {
    const session = await launchFirefox('firefox-mv2', { extension: zipOf('firefox') });
    try {
      const manifest = await session.probe.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number; version: string } } } }).browser.runtime.getManifest());
      expect(manifest).toMatchObject({ manifest_version: 2, version: VERSION });
      const page = await openWebPage(session, 'https://www.chase.com/meta-pixel');
      const tabId = await firefoxTabIdOf(session, page);
      const badge = await waitForFirefoxBadge(session, tabId, (b) => b.text !== '' && /Observed/.test(b.title));
      expect(badge.text).toBe('i');
      const popup = await openFirefoxPopup(session, tabId);
      expect(await popup.$eval('.owner', (e) => e.textContent)).toBe('This site belongs to Chase (JPMorgan Chase).');
      expect(await popup.$eval('.glance', (e) => e.textContent)).toMatch(/Meta/);
    } finally {
      await session.close();
    }
  }, 90_000);
});
