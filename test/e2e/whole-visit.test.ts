/**
 * Issue 20 in real Chromium: what a bank page sent stays told over the whole visit (the document the person
 * sees), and only a new document starts from nothing. Fixture pages at the banks' addresses; the pixel's
 * stand-in fires /tr like fbevents.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launch, openPopupForTab, openTab, pollUntil, tabIdOf, waitForBadge } from './harness';
import { BYE_PAGE } from './observe-fixtures';

type S = Awaited<ReturnType<typeof launch>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

async function observedText(session: S, tabId: number): Promise<string> {
  const popup = await openPopupForTab(session, tabId);
  const text = (await popup.locator('section.observed').textContent()) ?? '';
  await popup.close();
  return text;
}

describe('a whole visit in real Chromium', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({
      routes: {
        'https://www.chase.com/statement.pdf': { body: '%PDF-1.4 test statement', contentType: 'application/pdf', headers: { 'content-disposition': 'attachment; filename="statement.pdf"' } },
        'https://www.chase.com/noop': { body: '', status: 204 },
        'https://www.chase.com/bye': { body: BYE_PAGE },
      },
    });
  });
  afterAll(async () => session?.close());

  it('after a served Meta Pixel, pushState, replaceState, a fragment, a download link and a 204 link leave the popup and badge saying what the page sent', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed on this page: requests to Meta.'));
    const steps: [string, () => Promise<unknown>][] = [
      ['pushState', () => page.evaluate(() => history.pushState({}, '', '/accounts'))],
      ['replaceState', () => page.evaluate(() => history.replaceState({}, '', '/accounts?clean=1'))],
      ['fragment', () => page.evaluate(() => (location.hash = 'statements'))],
      [
        'download link',
        async () => {
          const download = page.waitForEvent('download');
          await page.evaluate(() => {
            const a = document.createElement('a');
            a.href = '/statement.pdf';
            a.textContent = 'Download statement';
            document.body.append(a);
            a.click();
          });
          await download;
        },
      ],
      ['204 link', () => page.evaluate(() => (location.href = '/noop'))],
    ];
    for (const [name, step] of steps) {
      await step();
      await page.waitForTimeout(400);
      const text = await observedText(session, tabId);
      expect(text, name).toMatch(/Meta pixel event “PageView”.*\(1 completed\)/);
      expect(text, name).not.toContain('No request to a platform');
      expect((await badgeOf(session, tabId)).title, name).toContain('Observed on this page: requests to Meta.');
    }
    expect(page.url()).toBe('https://www.chase.com/accounts?clean=1#statements');
    expect(await observedText(session, tabId)).toContain('without loading a new page');
    await page.close();
  });

  it('a reload or a link to another page starts a new document', async () => {
    const page = await openTab(session, 'https://www.chase.com/meta-pixel');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed'));
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(500);
    // The reloaded page fired its PageView once: 1, never the two loads added up.
    expect(await pollUntil(() => observedText(session, tabId), (t) => /PageView/.test(t), 'observed after reload')).toMatch(/Meta pixel event “PageView”.*\(1 completed\)/);
    await page.goto('https://www.chase.com/', { waitUntil: 'load' });
    await waitForBadge(session, tabId, (b) => !b.title.includes('Observed'));
    expect(await observedText(session, tabId)).toContain('No request to a platform');
    await page.close();
  });

  it('a closed tab leaves nothing in storage.session, not even for the beacon it sent as it closed', async () => {
    const page = await openTab(session, 'https://www.chase.com/bye');
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.title.includes('Observed'));
    await page.close({ runBeforeUnload: true });
    const sw = await session.serviceWorker();
    const keysOfTab = () => sw.evaluate(async (id) => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.endsWith(`:${id}`)), tabId);
    // The beacon's outcome arrives after the tab is gone (and after the request batch): wait past both.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await keysOfTab()).toEqual([]);
  });
});
