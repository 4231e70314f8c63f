/**
 * A frame from a site Linkwatch does not watch (an outside test, issue 25): Chromium shows an extension a
 * request only with access to the frame that makes it, so a pixel such a frame sends is not seen, nor stopped
 * by protection. The popup must not let "what this page sent" read as the whole story: it names the frame's
 * site and says what it cannot see. A frame of the bank's own site is watched and gets no such line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;
const FRAME = 'https://tags.thirdparty-example.net/frame.html';

describe('frames from other sites', () => {
  let session: S;
  beforeAll(async () => {
    session = await launch({
      routes: {
        'https://www.chase.com/xframe': { body: `<!doctype html><title>Accounts</title><h1>Accounts</h1><iframe src="${FRAME}"></iframe>` },
        [FRAME]: { body: '<!doctype html><img src="https://www.facebook.com/tr?id=1&ev=FromThirdPartyFrame">' },
        'https://www.chase.com/own-frame': { body: '<!doctype html><title>Accounts</title><h1>Accounts</h1><iframe src="https://www.chase.com/frame-inner"></iframe>' },
        'https://www.chase.com/frame-inner': { body: '<!doctype html><p>inner</p>' },
      },
    });
  });
  afterAll(async () => session?.close());

  it('a frame of an unwatched site: the popup names it and says its requests are not seen', async () => {
    const page = await openTab(session, 'https://www.chase.com/xframe');
    await page.frameLocator('iframe').locator('img').waitFor({ state: 'attached' });
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    const line = popup.locator('.glance .frames-line');
    await line.waitFor();
    expect(await line.textContent()).toBe('This page also holds frames from other sites (thirdparty-example.net): Linkwatch cannot see what they send, and protection does not reach them.');
  });

  it('a frame of the bank’s own site is watched: no such line', async () => {
    const page = await openTab(session, 'https://www.chase.com/own-frame');
    await page.frameLocator('iframe').locator('p').waitFor();
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text !== '');
    const popup = await openPopupForTab(session, tabId);
    await popup.waitForSelector('.glance [data-summary="observed"]');
    expect(await popup.locator('.frames-line').count()).toBe(0);
  });
});
