/**
 * Issue 16, items 1 and 2, in real Chromium: "Record this site" on a bank site across three pages with the
 * Meta Pixel (stand-in), then both report forms saved from the options page (the downloads captured), the
 * JSON validated against docs/evidence-report.schema.json, the HTML checked for script and resources, and
 * the popup's report of one page load.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openOptions, openPopupForTab, openTab, pollUntil, ROOT, tabIdOf } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
interface Rec {
  site: string;
  on: boolean;
  loads: { path: string; observations: { event?: string }[] }[];
}

const PAGES = ['https://www.chase.com/meta-pixel', 'https://www.chase.com/accounts/overview?session=SECRET-TOKEN', 'https://www.chase.com/offers#card=SECRET-FRAGMENT'];

async function recordings(page: Page): Promise<Rec[]> {
  return page.evaluate(async () => ((await (globalThis as any).chrome.runtime.sendMessage({ type: 'recording-list' })) as { recordings: Rec[] }).recordings); // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function saved(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

describe('record a bank site and export the evidence report', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({
      routes: {
        'https://www.chase.com/accounts/overview?session=SECRET-TOKEN': { file: 'bank-meta-pixel.html' },
        'https://www.chase.com/offers': { file: 'bank-meta-pixel.html' },
      },
    });
  });
  afterAll(async () => session?.close());

  it('records three page loads, saves both forms, and the JSON validates against the published schema', async () => {
    const tab = await openTab(session, PAGES[0]!);
    const tabId = await tabIdOf(session, tab);
    // Off by default: the popup offers to record.
    const popup = await openPopupForTab(session, tabId);
    await popup.getByRole('button', { name: 'Record this site' }).click();
    await expect.poll(() => popup.locator('.recording-on').textContent()).toMatch(/^Recording this site: \d+ page loads so far$/);
    expect(await popup.getByRole('button', { name: 'Stop recording' }).count()).toBe(1);

    // Each page's pixel fires after load; the next page is opened once its PageView is recorded.
    const paths = ['/meta-pixel', '/accounts/overview', '/offers'];
    for (const [i, url] of PAGES.entries()) {
      if (i > 0) await tab.goto(url, { waitUntil: 'load' });
      await pollUntil(
        () => recordings(popup),
        (rs) => rs[0]?.loads.length === i + 1 && rs[0].loads[i]!.path === paths[i] && rs[0].loads[i]!.observations.some((o) => o.event === 'PageView'),
        `load ${i + 1} recorded with its PageView`,
        15_000,
      );
    }
    const recs = await pollUntil(
      () => recordings(popup),
      (rs) => rs[0]?.loads.length === 3 && rs[0].loads.every((l) => l.observations.some((o) => o.event === 'PageView')),
      'three recorded loads with the PageView event',
      15_000,
    );
    expect(recs.map((r) => [r.site, r.on])).toEqual([['chase.com', true]]);
    expect(recs[0]!.loads.map((l) => l.path)).toEqual(['/meta-pixel', '/accounts/overview', '/offers']);
    expect(JSON.stringify(recs)).not.toContain('SECRET');

    // The options page lists it; both forms are saved as downloads.
    const options = await openOptions(session, 'recordings');
    await expect.poll(() => options.locator('section.recording[data-site="chase.com"] li').count()).toBe(3);
    const json = await saved(options, 'Save report (JSON)');
    const report = JSON.parse(json);
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/evidence-report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.subject).toMatchObject({ kind: 'recording', site: 'chase.com', institution: 'chase' });
    expect(report.extension.build).toMatch(/^\d+\.\d+\.\d+\+([0-9a-f]{4,40}|unknown)$/);
    expect(report.browser).toContain('Chrome');
    expect(report.loads.map((l: { path: string }) => l.path)).toEqual(['/meta-pixel', '/accounts/overview', '/offers']);
    expect(report.loads[1].observations.find((o: { event?: string }) => o.event === 'PageView')).toMatchObject({ platform: 'meta', endpoint: 'www.facebook.com/tr', categories: ['page-url'] });
    expect(report.catalogEntries.length).toBeGreaterThan(0);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('123456789012345&');

    const page = await saved(options, 'Save report (printable page)');
    // LINKWATCH_WRITE_EXAMPLES=1 keeps both files as docs/examples/ (see the README there).
    if (process.env.LINKWATCH_WRITE_EXAMPLES === '1') {
      mkdirSync(join(ROOT, 'docs/examples'), { recursive: true });
      writeFileSync(join(ROOT, 'docs/examples/evidence-report.json'), json);
      writeFileSync(join(ROOT, 'docs/examples/evidence-report.html'), page);
    }
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    for (const tag of page.match(/<[a-zA-Z][^>]*>/g)!) expect(tag).not.toMatch(/\s(on[a-z]+|src|srcset|action|poster|style)=/i);
    expect(page).toContain('Parameter names, never values');
    expect(page).toContain('Page loads (3)');
    expect(page).toContain('PageView');
    expect(page).not.toContain('SECRET');
    // Opened from a file, the page shows without script and loads nothing.
    const viewer = await session.context.newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.setContent(page);
    expect(await viewer.locator('h1').textContent()).toBe('Linkwatch evidence report: chase.com (Chase)');
    expect(requests.filter((u) => /^https?:/.test(u))).toEqual([]);

    // Stop: the state says so, and a further load is not recorded.
    await options.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(async () => (await recordings(options))[0]?.on).toBe(false);
    await tab.goto(PAGES[0]!, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await recordings(options))[0]!.loads).toHaveLength(3);

    // Delete one load, then everything.
    await options.reload();
    await options.getByRole('button', { name: 'Delete this page load: /offers' }).click();
    await expect.poll(async () => (await recordings(options))[0]?.loads.map((l) => l.path)).toEqual(['/meta-pixel', '/accounts/overview']);
    await options.getByRole('button', { name: 'Delete all recordings' }).click();
    await expect.poll(() => recordings(options)).toEqual([]);
  });

  it("the popup saves a report of the tab's current page load", async () => {
    const tab = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, tab);
    await pollUntil(
      async () => {
        const p = await openPopupForTab(session, tabId);
        const text = (await p.locator('section.observed').textContent()) ?? '';
        await p.close();
        return text;
      },
      (t) => t.includes('PageView'),
      'PageView observed',
    );
    const popup = await openPopupForTab(session, tabId);
    const report = JSON.parse(await saved(popup, 'Save report (JSON)'));
    expect(report.subject).toMatchObject({ kind: 'tab', site: 'chase.com' });
    expect(report.loads).toHaveLength(1);
    expect(report.loads[0].path).toBe('/meta-pixel');
    expect(report.loads[0].observations.some((o: { event?: string }) => o.event === 'PageView')).toBe(true);
    expect(report.recording).toBeUndefined();
  });
});
