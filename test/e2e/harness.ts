/**
 * The one harness for real-browser tests: launches the built extension (.output/chrome-mv3) in Debian's
 * Chromium through playwright-core, serves every page from test/fixtures through routing (no request ever
 * reaches the network: anything not in the fixture map is aborted), and gives helpers to read the badge and
 * open the popup.
 *
 * Build first (`npm run test:e2e` does). CHROMIUM_PATH overrides the browser binary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The service worker's global, as seen from callbacks run inside it by `evaluate`.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// From import.meta.url, not __dirname, so scripts run with tsx (ES modules) can use the harness too.
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** The unpacked Chrome build: `.output/chrome-mv3`, or `$LINKWATCH_OUT_DIR/chrome-mv3` when set. */
export const EXTENSION_DIR = join(resolve(ROOT, process.env.LINKWATCH_OUT_DIR ?? '.output'), 'chrome-mv3');
const FIXTURES = join(ROOT, 'test/fixtures/pages');

/** Chromium binary: Debian's package, without the wrapper script's /dev/shm warning when possible. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (existsSync(p)) return p;
  throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
}

/** A fixture response: a file under test/fixtures/pages, or inline content. */
export type Fixture =
  | { file: string; contentType?: string }
  | { body: string | Buffer; contentType?: string; status?: number; headers?: Record<string, string> }
  /** Fail the request as a blocker would. */
  | { abort: true };

/**
 * URL (exact, without fragment) -> fixture; a key ending in `*` matches every URL that starts with the rest.
 * Pages the tests visit at real addresses.
 */
export const DEFAULT_ROUTES: Record<string, Fixture> = {
  'https://www.chase.com/': { file: 'bank.html' },
  'https://online.citi.com/': { file: 'bank.html' },
  'https://www.wellsfargo.com/': { file: 'bank.html' },
  'https://www.usbank.com/': { file: 'bank.html' },
  'https://www.messenger.com/t/1': { file: 'plain.html' },
  'https://example.org/': { file: 'plain.html' },
  'https://www.facebook.com/': { file: 'facebook-spa.html' },
  'https://www.chase.com/meta-pixel': { file: 'bank-meta-pixel.html' },
  // A bank of the directory that the catalog reports nothing about (the FDIC's BankFind list, issue 21).
  'https://www.addisonbank.com/meta-pixel': { file: 'bank-meta-pixel.html' },
  // A site Linkwatch knows nothing about, with the Meta Pixel ("Watch this site", issue 21).
  'https://www.hometowncu-example.org/meta-pixel': { file: 'bank-meta-pixel.html' },
  'https://www.usbank.com/contact': { file: 'bank-messenger-link.html' },
  'https://www.wellsfargo.com/app': { file: 'bank-spa-late-pixel.html' },
  'https://connect.facebook.net/en_US/fbevents.js': { file: 'fbevents-standin.js', contentType: 'application/javascript' },
  'https://www.googletagmanager.com/gtag/js*': { body: '/* gtag stand-in */', contentType: 'application/javascript' },
  // The pixel's event endpoint answers with a 1x1 GIF, as Meta's does.
  'https://www.facebook.com/tr*': {
    body: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
    contentType: 'image/gif',
  },
};

export interface Session {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Also serve these URLs (merged over DEFAULT_ROUTES). */
  routes: Record<string, Fixture>;
  /** Every URL the routing saw that had no fixture (and was aborted). */
  unrouted: string[];
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Launch Chromium with the extension. Pass `profileDir` to reuse a profile (a browser restart); otherwise a
 * fresh temporary one is made and removed on close unless `keepProfile`.
 */
export async function launch(options: { profileDir?: string; keepProfile?: boolean; routes?: Record<string, Fixture>; locale?: string; extensionDir?: string } = {}): Promise<Session & { cdpPort: number }> {
  // `extensionDir`: another unpacked build (the upgrade test loads two builds from one folder).
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build at ${extensionDir}: run "npx wxt build" first`);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'linkwatch-e2e-'));
  const cdpPort = await freePort();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: options.locale,
    // The browser's own UI language follows LANGUAGE on Linux; --lang and `locale` cover the rest.
    ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--remote-debugging-port=${cdpPort}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const routes = { ...DEFAULT_ROUTES, ...options.routes };
  const unrouted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url().split('#')[0]!;
    // The extension's own pages load from the extension package, never the network.
    if (url.startsWith(`chrome-extension://`)) return route.continue();
    const fixture = routes[url] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && url.startsWith(k.slice(0, -1)))?.[1];
    if (fixture && 'abort' in fixture) return route.abort('blockedbyclient');
    if (!fixture) {
      unrouted.push(url);
      return route.abort('blockedbyclient');
    }
    if ('file' in fixture) {
      return route.fulfill({ status: 200, contentType: fixture.contentType ?? 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture.file)) });
    }
    return route.fulfill({ status: fixture.status ?? 200, contentType: fixture.contentType ?? 'text/html; charset=utf-8', body: fixture.body, ...(fixture.headers ? { headers: fixture.headers } : {}) });
  });

  // Workers that were stopped stay listed for a while; skip those that no longer answer.
  const closed = new WeakSet<Worker>();
  context.on('serviceworker', (w) => w.on('close', () => closed.add(w)));
  const serviceWorker = async (): Promise<Worker> => {
    for (const w of context.serviceWorkers().reverse()) {
      if (closed.has(w) || !w.url().startsWith('chrome-extension://')) continue;
      const alive = await Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 2_000))]);
      if (alive) return w;
      closed.add(w);
    }
    return context.waitForEvent('serviceworker', { timeout: 20_000 });
  };
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;

  return {
    context,
    extensionId,
    profileDir,
    routes,
    unrouted,
    cdpPort,
    serviceWorker,
    async close() {
      await context.close();
      if (!options.profileDir && !options.keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Open a URL in a new tab and wait until it has loaded. */
/** The first-run page the extension opened on install (waits up to 10 s for it). */
export async function welcomePage(session: Session): Promise<Page> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = session.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    if (Date.now() > deadline) throw new Error('no first-run page');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function openTab(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

let tabMarker = 0;

/**
 * The browser's id for the tab showing `page`. Several tabs may show the same URL, so the page's title is
 * set for a moment to a unique marker, looked up from the service worker (the `tabs` permission shows every
 * tab's title), and put back. A title is no navigation: the page's findings and its address stay as they
 * were (an earlier fragment marker added in-page navigations to every test's page).
 */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const marker = `lw-tab-${process.pid}-${++tabMarker}`;
  const original = await page.evaluate((m) => {
    const before = document.title;
    document.title = m;
    return before;
  }, marker);
  const sw = await session.serviceWorker();
  const deadline = Date.now() + 5_000;
  let id = -1;
  while (id < 0 && Date.now() < deadline) {
    id = await sw.evaluate(async (m) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t: { title?: string; id?: number }) => t.title === m)?.id ?? -1;
    }, marker);
    if (id < 0) await new Promise((r) => setTimeout(r, 50));
  }
  await page.evaluate((t) => (document.title = t), original);
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/** The badge text and title of a tab, read in the service worker. */
export async function badgeOf(session: Session, tabId: number): Promise<{ text: string; title: string }> {
  const sw = await session.serviceWorker();
  return sw.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}

/** Read `read()` every 100 ms until `ok` holds; fail after `timeoutMs` with the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what} never matched; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Wait until a tab's badge satisfies `predicate` (the background works asynchronously). */
export function waitForBadge(
  session: Session,
  tabId: number,
  predicate: (b: { text: string; title: string }) => boolean,
  timeoutMs = 10_000,
): Promise<{ text: string; title: string }> {
  return pollUntil(() => badgeOf(session, tabId), predicate, `badge of tab ${tabId}`, timeoutMs);
}

/** Open the popup page for a given tab in a new tab (`popup.html?tab=ID`). */
export async function openPopupForTab(session: Session, tabId: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await page.waitForSelector('main.popup section, main.popup [role=alert]');
  return page;
}

/**
 * Open the real action popup for the active tab (chrome.action.openPopup) and reach it through a second
 * CDP client, since the persistent context does not list the popup as a page.
 */
export async function openActionPopup(session: Session & { cdpPort: number }, page: Page): Promise<{ popup: Page; disconnect: () => Promise<void> }> {
  await page.bringToFront();
  const sw = await session.serviceWorker();
  await sw.evaluate(() => chrome.action.openPopup());
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${session.cdpPort}`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const popup = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().endsWith('/popup.html'));
    if (popup) {
      await popup.waitForSelector('main.popup section, main.popup [role=alert]');
      // Disconnecting a CDP client leaves the browser running.
      return { popup, disconnect: () => browser.close() };
    }
    if (Date.now() > deadline) {
      await browser.close();
      throw new Error('the action popup did not open');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Stop the extension's service worker as the browser does when it is idle (CDP Target.closeTarget on the
 * worker target), and wait until it is gone. The next event or message starts a new one.
 */
export async function stopServiceWorker(session: Session & { cdpPort: number }): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${session.cdpPort}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const isOurs = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(isOurs);
    if (!worker) throw new Error('no running service worker to stop');
    // On a loaded machine one close can be lost (the worker is mid-event); ask again every 2 s until the
    // worker's target is gone. A worker woken afterwards by an event is a new one, which is the point.
    const deadline = Date.now() + 20_000;
    let askedAt = 0;
    while ((await cdp.send('Target.getTargets')).targetInfos.some((t) => t.targetId === worker.targetId)) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      if (Date.now() - askedAt > 2_000) {
        askedAt = Date.now();
        await cdp.send('Target.closeTarget', { targetId: worker.targetId }).catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await browser.close();
  }
}

/** Open the options page at a route (`settings`, `sites`, `catalog`, `data`, `diagnostics`) once it shows. */
export async function openOptions(session: Session, route: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/${route}`);
  await page.locator('main h1').waitFor();
  return page;
}

/**
 * Every preference and per-site decision as the options page shows them, as plain data (the same markup
 * in every build, so an upgrade or a restart can be compared before and after).
 */
export async function preferencesOnScreen(session: Session) {
  const settings = await openOptions(session, 'settings');
  const alertStyle = await settings.locator('input[name=alertStyle]:checked').getAttribute('value');
  const badgeLevels = await settings.locator('input[type=checkbox][name^=badge-]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).checked])),
  );
  const sites = await openOptions(session, 'sites');
  const decisions = await sites.locator('table.decisions tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-site'), r.querySelectorAll('td')[1]?.textContent]),
  );
  await settings.close();
  await sites.close();
  return { alertStyle, badgeLevels, decisions };
}

/** Mute a site for good, or snooze it until `until` (YYYY-MM-DD), through the options page's Sites form. */
export async function addSiteDecision(sites: Page, site: string, until?: string): Promise<void> {
  await sites.getByLabel('Site', { exact: true }).fill(site);
  if (until) {
    await sites.getByLabel('Until (leave empty to mute for good)').fill(until);
    await sites.getByRole('button', { name: 'Snooze' }).click();
  } else {
    await sites.getByRole('button', { name: 'Mute', exact: true }).click();
  }
}
