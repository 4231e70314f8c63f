/**
 * Issue 24, in real Chromium: the map page draws the whole catalog, its filters narrow the picture and the
 * table alike, the keyboard reaches a link and opens its entry, "See on the map" in the popup opens it
 * focused on the bank, and both exports are valid files (an SVG that parses, with its caption; a PNG with
 * its signature and the picture's size).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../lib/catalog';
import { buildMapGraph } from '../../lib/map';
import { launch, openOptions, openPopupForTab, openTab, tabIdOf } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
const graph = buildMapGraph(bundledCatalog());

describe('the map of reported arrangements (Chromium)', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('shows the whole catalog: every link drawn, every label in place without overlap, the table with the same rows', async () => {
    const page = await openOptions(session, 'map');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator('.map-links a').count()).toBe(graph.links.length);
    expect(await page.locator('.map-table tbody tr').count()).toBe(graph.links.length);
    expect(await page.locator('.map-legend li').count()).toBeGreaterThanOrEqual(4);
    // No two labels' boxes overlap (measured by the browser, as drawn).
    const boxes = await page.locator('.map-labels text').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox()).map((b) => [b.x, b.y, b.width, b.height]));
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!).map((b) => [a, b]));
    expect(overlaps).toEqual([]);
    // Every label inside the picture, and the picture inside the page's column: nothing cut, nothing to scroll.
    const width = await page.locator('.map-figure svg').evaluate((s) => (s as SVGSVGElement).width.baseVal.value);
    expect(boxes.filter((b) => b[0]! < 0 || b[0]! + b[2]! > width)).toEqual([]);
    expect(await page.locator('.map-figure').evaluate((f) => f.scrollWidth <= f.clientWidth)).toBe(true);
    expect(await page.locator('.map-figure svg desc').textContent()).toContain(`${graph.links.length} reported arrangements`);
    await page.close();
  }, 30_000);

  it('filters narrow the picture and the table alike; "Show everything" brings it all back', async () => {
    const page = await openOptions(session, 'map');
    await page.locator('select[name=status]').selectOption('denied');
    const denied = graph.links.filter((l) => l.status === 'denied').length;
    expect(denied).toBeGreaterThan(0);
    expect(await page.locator('.map-links a').count()).toBe(denied);
    expect(await page.locator('.map-table tbody tr').count()).toBe(denied);
    expect(await page.locator('.map-links a[data-status]:not([data-status=denied])').count()).toBe(0);
    await page.locator('select[name=status]').selectOption('');
    await page.locator('select[name=platform]').selectOption('facebook');
    expect(await page.locator('.map-links a').count()).toBe(graph.links.filter((l) => l.platform === 'facebook').length);
    expect(await page.locator('figcaption').textContent()).toContain('Filtered: Facebook');
    await page.locator('input[name=search]').fill('Wells Fargo');
    expect(await page.locator('.map-focus').textContent()).toContain('Wells Fargo');
    await page.getByRole('button', { name: 'Show everything' }).click();
    expect(await page.locator('.map-links a').count()).toBe(graph.links.length);
    await page.close();
  }, 30_000);

  it('by keyboard: Tab reaches the first link, its summary is shown, Enter opens its entry with its sources', async () => {
    const page = await openOptions(session, 'map');
    // The first link of the picture, reached by Tab from the control just before the picture.
    await page.getByRole('button', { name: 'Show everything' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-link'));
    expect(focused).toBe(graph.links[0]!.id);
    expect(await page.locator('.map-detail').textContent()).toContain(bundledCatalog().arrangements.find((a) => a.id === graph.links[0]!.arrangement)!.summary.en.slice(0, 40));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/arrangement/${graph.links[0]!.arrangement}$`));
    await page.locator(`article[data-arrangement="${graph.links[0]!.arrangement}"]`).waitFor();
    expect(await page.locator(`article[data-arrangement="${graph.links[0]!.arrangement}"] a[href^="https://"]`).count()).toBeGreaterThan(0);
    await page.close();
  }, 30_000);

  it('exports the view as an SVG that parses, with its caption, and as a PNG of the picture’s size', async () => {
    const page = await openOptions(session, 'map');
    await page.locator('select[name=platform]').selectOption('messenger');
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toBe(`linkwatch-map-${bundledCatalog().version}.svg`);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, links: doc.querySelectorAll('a[data-link]').length, text: doc.documentElement.textContent };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.links).toBe(graph.links.filter((l) => l.platform === 'messenger').length);
    expect(parsed.text).toContain("From Linkwatch's catalog, version");
    expect(parsed.text).toContain('sources in docs/catalog.md');
    expect(parsed.text).toContain('Filtered: Messenger');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as PNG' }).click()]);
    const png = readFileSync((await pngFile.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    expect(width).toBe(2 * (await page.locator('.map-figure svg').evaluate((s) => (s as SVGSVGElement).width.baseVal.value)));
    await page.close();
  }, 30_000);

  it('"See on the map" in the popup on a bank’s site opens the map focused on it', async () => {
    const tab = await openTab(session, 'https://www.chase.com/');
    const popup = await openPopupForTab(session, await tabIdOf(session, tab));
    const link = popup.locator('.see-on-map a');
    expect(await link.textContent()).toBe('See on the map');
    const href = await link.getAttribute("href");
    expect(href).toMatch(/options\.html#\/map\/focus\/chase$/);
    const page = await session.context.newPage();
    await page.goto(href!);
    await page.locator('.map-focus').waitFor();
    expect(await page.locator('.map-focus').textContent()).toContain('JPMorgan Chase');
    const chaseLinks = graph.links.filter((l) => l.institution === 'jpmorgan-chase').length;
    expect(chaseLinks).toBeGreaterThan(0);
    expect(await page.locator('.map-links a').count()).toBe(chaseLinks);
    await Promise.all([page.close(), popup.close(), tab.close()]);
  }, 30_000);
});
