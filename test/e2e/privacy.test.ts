/**
 * Issue 7, "zero network": the extension itself makes no network request. Every request made by the
 * extension's own contexts (its service worker, popup, options pages) is recorded across the main
 * scenarios, and the only ones allowed are loads of the extension's own package (chrome-extension://ID/...).
 *
 * How requests are attributed. Playwright reports every request of the browser context, service workers
 * included (it enables the Network domain on each worker target before the worker runs): a request is the
 * extension's when it comes from the extension's service worker or from a frame showing one of its pages.
 * A first test proves the recorder sees such requests (a deliberate fetch from the worker and from a page).
 * The web pages' requests are checked too: apart from the fixture page's own resources, nothing may leave
 * them (a content script fetching something would show up there).
 *
 * The recorder starts once the browser is up, after the extension was installed; the worker's start-up
 * code is covered by the scenario that stops the worker and wakes it again (Playwright attaches to a new
 * worker before it runs, so it is recorded from its first instruction).
 *
 * Scenarios are rows: adding one is one more entry in SCENARIOS.
 */
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopupForTab, openTab, ROOT, stopServiceWorker, tabIdOf, waitForBadge } from './harness';

type S = Awaited<ReturnType<typeof launch>>;

interface Recorded {
  url: string;
  /** The extension context that made it: the worker's script URL or the page's URL. */
  from: string;
  scenario: string;
}

/** Records every request made by an extension context of `extensionId`, tagged with the current scenario. */
function recordExtensionRequests(context: BrowserContext, extensionId: string) {
  const origin = `chrome-extension://${extensionId}/`;
  const requests: Recorded[] = [];
  const web: Recorded[] = [];
  let scenario = 'setup';
  const onRequest = (r: Request) => {
    const worker = r.serviceWorker();
    let from: string | undefined = worker?.url();
    if (from === undefined) {
      try {
        from = r.frame().url();
      } catch {
        from = 'unknown';
      }
    }
    if (from.startsWith(origin) || from === 'unknown') requests.push({ url: r.url(), from, scenario });
    else web.push({ url: r.url(), from, scenario });
  };
  context.on('request', onRequest);
  return {
    requests,
    web,
    set scenario(name: string) {
      scenario = name;
    },
    /** Requests of extension contexts to anything but the extension's own package. */
    offending: () => requests.filter((r) => !r.url.startsWith(origin)),
    stop: () => context.off('request', onRequest),
  };
}

async function options(session: S, route: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/${route}`);
  await page.locator('main h1').waitFor();
  return page;
}

const fixture = (name: string) => join(ROOT, 'test/fixtures/config', name);

/** The main scenarios, each a row: what a person does, in the real browser. */
const SCENARIOS: Array<[name: string, run: (session: S) => Promise<void>]> = [
  [
    'bank page',
    async (s) => {
      const page = await openTab(s, 'https://www.chase.com/');
      await waitForBadge(s, await tabIdOf(s, page), (b) => b.text !== '');
    },
  ],
  [
    'bank page with the Meta pixel',
    async (s) => {
      const page = await openTab(s, 'https://www.chase.com/meta-pixel');
      await waitForBadge(s, await tabIdOf(s, page), (b) => b.title.includes('Observed on this page'));
    },
  ],
  [
    'bank page linking to Messenger',
    async (s) => {
      const page = await openTab(s, 'https://www.usbank.com/contact');
      await waitForBadge(s, await tabIdOf(s, page), (b) => b.text !== '');
    },
  ],
  [
    'Messenger',
    async (s) => {
      const page = await openTab(s, 'https://www.messenger.com/t/1');
      await waitForBadge(s, await tabIdOf(s, page), (b) => b.title.includes("this is Meta's own site"));
    },
  ],
  [
    'facebook.com, then an in-page navigation to Messenger',
    async (s) => {
      const page = await openTab(s, 'https://www.facebook.com/');
      await waitForBadge(s, await tabIdOf(s, page), (b) => b.text !== '');
      await page.click('#open-messages');
    },
  ],
  [
    'popup: read, mute, undo',
    async (s) => {
      const page = await openTab(s, 'https://online.citi.com/');
      const tabId = await tabIdOf(s, page);
      await waitForBadge(s, tabId, (b) => b.text !== '');
      const popup = await openPopupForTab(s, tabId);
      await popup.getByRole('button', { name: 'Mute Linkwatch on citi.com' }).click();
      await waitForBadge(s, tabId, (b) => b.title.includes('muted'));
      await popup.getByRole('button', { name: 'Undo' }).click();
      await waitForBadge(s, tabId, (b) => b.text !== '');
    },
  ],
  [
    'first-run page',
    async (s) => {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/welcome.html`);
      await page.locator('main h1').waitFor();
    },
  ],
  [
    'options: settings',
    async (s) => {
      const page = await options(s, 'settings');
      await page.getByLabel('Toolbar badge only').check();
      await page.getByRole('status').waitFor();
      await page.getByLabel('The page only links to Messenger or Facebook').check();
      await expect.poll(() => page.getByLabel('The page only links to Messenger or Facebook').isChecked()).toBe(true);
    },
  ],
  [
    'options: per-site choices',
    async (s) => {
      const page = await options(s, 'sites');
      await page.getByLabel('Site', { exact: true }).fill('wellsfargo.com');
      await page.getByRole('button', { name: 'Mute', exact: true }).click();
      await page.locator('tr[data-site="wellsfargo.com"]').waitFor();
      await page.getByRole('button', { name: 'Unmute wellsfargo.com' }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.locator('tr[data-site="wellsfargo.com"]').waitFor();
    },
  ],
  [
    'options: catalog',
    async (s) => {
      const page = await options(s, 'catalog');
      await page.getByRole('searchbox').fill('Messenger');
      await page.locator('[data-arrangement="fb-us-banks-messenger-2018"] a').click();
      await page.locator('[data-arrangement="fb-us-banks-messenger-2018"] .sources').waitFor();
    },
  ],
  [
    'options: diagnostics',
    async (s) => {
      const page = await options(s, 'diagnostics');
      await page.getByTestId('diagnostics').waitFor();
    },
  ],
  [
    'options: import and export',
    async (s) => {
      const page = await options(s, 'data');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a file' }).click()]);
      await download.path();
      await page.locator('input[type=file]').setInputFiles(fixture('v1-config.json'));
      await page.locator('.preview').waitFor();
      await page.getByRole('button', { name: 'Apply these changes' }).click();
      await page.getByText('Imported: the changes are applied.').waitFor();
    },
  ],
  [
    'service worker stopped and woken by the popup',
    async (s) => {
      const page = await openTab(s, 'https://www.wellsfargo.com/');
      const tabId = await tabIdOf(s, page);
      await waitForBadge(s, tabId, (b) => b.title !== '');
      await stopServiceWorker(s);
      await openPopupForTab(s, tabId);
    },
  ],
];

/** What the fixture pages themselves ask for beyond their routes: the browser's favicon requests. */
const BROWSER_OWN = /^https:\/\/[a-z.]+\/favicon\.ico$/;

describe('zero network: the extension’s own contexts make no request outside the extension', () => {
  let session: S;
  let recorder: ReturnType<typeof recordExtensionRequests>;
  beforeAll(async () => {
    session = await launch();
    recorder = recordExtensionRequests(session.context, session.extensionId);
  });
  afterAll(async () => {
    recorder?.stop();
    if (recorder) {
      const own = recorder.requests.length - recorder.offending().length;
      console.log(
        `zero network: ${recorder.requests.length} requests from extension contexts, ${own} of them to the extension's own package, ` +
          `${recorder.offending().length - CANARIES} elsewhere (besides the ${CANARIES} canaries); ` +
          `${recorder.web.length} requests from the fixture pages.`,
      );
    }
    await session?.close();
  });

  const CANARIES = 2;
  it('the recorder sees requests from the service worker and from extension pages (canaries)', async () => {
    recorder.scenario = 'canary';
    const sw = await session.serviceWorker();
    await sw.evaluate(() => fetch('https://canary.linkwatch.invalid/from-worker').catch(() => undefined));
    const page = await options(session, 'diagnostics');
    await page.evaluate(() => fetch('https://canary.linkwatch.invalid/from-page').catch(() => undefined));
    await expect.poll(() => recorder.offending().filter((r) => r.scenario === 'canary').length).toBe(CANARIES);
    const canaries = recorder.offending().filter((r) => r.scenario === 'canary');
    expect(canaries.find((r) => r.url.endsWith('/from-worker'))?.from).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    expect(canaries.find((r) => r.url.endsWith('/from-page'))?.from).toMatch(/^chrome-extension:\/\/[a-p]{32}\/options\.html/);
    // The routing aborted both: nothing reached the network.
    expect(session.unrouted.filter((u) => u.startsWith('https://canary.linkwatch.invalid/'))).toHaveLength(CANARIES);
  });

  it.each(SCENARIOS)('%s', async (name, run) => {
    recorder.scenario = name;
    const unroutedBefore = session.unrouted.length;
    await run(session);
    // Let late work (observations, badge updates, storage) finish inside the scenario's window.
    await new Promise((r) => setTimeout(r, 500));
    expect(recorder.offending().filter((r) => r.scenario === name)).toEqual([]);
    // Web pages asked for nothing beyond their fixtures, except the browser's own favicon requests.
    expect(session.unrouted.slice(unroutedBefore).filter((u) => !BROWSER_OWN.test(u))).toEqual([]);
  });

  it('in total: no request from an extension context left the extension (the canaries aside)', () => {
    const offending = recorder.offending().filter((r) => r.scenario !== 'canary');
    expect(offending).toEqual([]);
    // The recorder did see the extension at work: its pages loading their own scripts and styles.
    expect(recorder.requests.filter((r) => r.scenario !== 'canary').length).toBeGreaterThan(10);
  });
});
