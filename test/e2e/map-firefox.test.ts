/**
 * Issue 24 in Firefox (MV2 and MV3 builds): the map page draws every link of the catalog with the table
 * beside it, a filter narrows both, the keyboard reaches a link, and both exports complete (the PNG one only
 * says "Saved" once Firefox decoded the SVG into a canvas and encoded the PNG). The files' contents are
 * checked in Chromium (map.test.ts), where the harness can read downloads.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { buildMapGraph } from '../../lib/map';
import { FIREFOX_TARGETS, launchFirefox, openExtensionPage, type FirefoxSession } from './firefox-harness';

const graph = buildMapGraph(bundledCatalog());

describe.each(FIREFOX_TARGETS)('%s: the map of reported arrangements', (target) => {
  let session: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchFirefox(target);
    page = await openExtensionPage(session, '/options.html#/map', '.map-figure svg');
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });

  const count = (selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
  /** Poll `probe` in the page until it is true (waitForFunction would need eval, which the extension's CSP forbids). */
  async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
    for (const deadline = Date.now() + 10_000; !(await probe()); ) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('draws every link and tables every row; a status filter narrows both', async () => {
    expect(await count('.map-links a')).toBe(graph.links.length);
    expect(await count('.map-table tbody tr')).toBe(graph.links.length);
    await page.select('select[name=status]', 'denied');
    const denied = graph.links.filter((l) => l.status === 'denied').length;
    await until(async () => (await count('.map-links a')) === denied, `${denied} denied links`);
    expect(await count('.map-table tbody tr')).toBe(denied);
    await page.select('select[name=status]', '');
    await until(async () => (await count('.map-links a')) === graph.links.length, 'every link again');
  }, 30_000);

  it('the keyboard reaches the first link and shows its entry’s summary', async () => {
    await page.focus('.map-filters button');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-link'))).toBe(graph.links[0]!.id);
    expect(await page.evaluate(() => document.querySelector('.map-detail')?.textContent ?? '')).toContain(graph.links[0] && bundledCatalog().arrangements.find((a) => a.id === graph.links[0]!.arrangement)!.summary.en.slice(0, 40));
  }, 30_000);

  it('exports SVG and PNG (each says it saved the file)', async () => {
    for (const [button, ext] of [
      [1, 'svg'],
      [2, 'png'],
    ] as const) {
      await page.click(`.map-export button:nth-of-type(${button})`);
      await until(() => page.evaluate((e) => document.querySelector('.map-page [role=status]')?.textContent?.includes(`.${e} (with its caption)`) ?? false, ext), `the ${ext} export`);
    }
    expect(await count('.map-page [role=alert]')).toBe(0);
  }, 30_000);
});
