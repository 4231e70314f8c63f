/**
 * Real Firefox for the real-browser tests: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core
 * (no geckodriver, no downloaded browser), with a Linkwatch build installed as a temporary add-on.
 *
 * - Pages are served from the same fixtures as in Chromium (DEFAULT_ROUTES of ./harness) through request
 *   interception; anything else is aborted, so nothing reaches the network.
 * - Extension pages: WebDriver BiDi refuses to navigate to moz-extension:// URLs unless Firefox runs with
 *   `--remote-allow-system-access`, so it does; the add-on's internal UUID is fixed through the
 *   `extensions.webextensions.uuids` preference so its pages have a known address.
 * - The badge is read from an extension page with `browser.browserAction` (MV2) or `browser.action` (MV3).
 *
 * Builds: `$LINKWATCH_OUT_DIR/firefox-mv2` and `firefox-mv3` (`npm run build:firefox`). FIREFOX_PATH
 * overrides the browser binary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ErrorCode, type HTTPRequest, type Page, type ResponseForRequest } from 'puppeteer-core';
import { DEFAULT_ROUTES, pollUntil, ROOT, type Fixture } from './harness';

// The extension pages' global, as seen from callbacks run inside them by `evaluate`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

export const FIREFOX_TARGETS = ['firefox-mv2', 'firefox-mv3'] as const;
export type FirefoxTarget = (typeof FIREFOX_TARGETS)[number];
export const GECKO_ID = 'linkwatch@linkwatch.invalid';
/** The add-on's internal UUID, fixed so that its pages have a known moz-extension:// address. */
export const ADDON_UUID = '3f0c9a6e-5b7d-4e21-9c4a-6b8d2e1f7a10';
const FIXTURES = join(ROOT, 'test/fixtures/pages');

export function buildDir(target: FirefoxTarget): string {
  return join(resolve(ROOT, process.env.LINKWATCH_OUT_DIR ?? '.output'), target);
}

/** Firefox binary: Debian's firefox-esr. */
export function firefoxPath(): string {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const p of ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  throw new Error('Firefox not found: apt-get install firefox-esr, or set FIREFOX_PATH');
}

export interface FirefoxSession {
  browser: Browser;
  /** The extension page that reads badges and tabs (kept open). */
  probe: Page;
  origin: string;
  /** Every URL a web page asked for that had no fixture (and was aborted). */
  unrouted: string[];
  /** Answers to intercepted requests that are still on their way to the browser (see `interceptRequests`). */
  pending: Set<Promise<void>>;
  /** Intercepted requests Firefox settled before our answer arrived (served from its cache, or cancelled). */
  answeredTooLate: string[];
  /** Answers that failed for any other reason: `close()` throws when there is one. */
  interceptionErrors: string[];
  /** Waits for every pending answer, closes the browser, then throws if any answer failed unexpectedly. */
  close(): Promise<void>;
}

function fixtureFor(url: string): Fixture | undefined {
  return DEFAULT_ROUTES[url] ?? Object.entries(DEFAULT_ROUTES).find(([k]) => k.endsWith('*') && url.startsWith(k.slice(0, -1)))?.[1];
}

/** Launch Firefox, install the build as a temporary add-on, and open the probe page. */
/**
 * `prefs`: extra Firefox preferences for this session (e.g. answering optional-permission prompts, issue 21).
 * `extension`: another package to install than the build of `target`: a folder, or a zip file itself (Firefox
 * installs either as a temporary add-on; the store-package test installs `npm run zip`'s file, issue 25).
 */
export async function launchFirefox(target: FirefoxTarget, options: { prefs?: Record<string, string | number | boolean>; extension?: string } = {}): Promise<FirefoxSession> {
  const dir = options.extension ?? buildDir(target);
  if (!options.extension && !existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run "npm run build:firefox" first`);
  // Files a test saves (the map's exports) go to a directory of this session, silently, never opened
  // afterwards: a download Firefox opens in a tab or announces in its panel can hold up its shutdown.
  const downloads = mkdtempSync(join(tmpdir(), 'linkwatch-ff-downloads-'));
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // No update checks, telemetry or remote settings from the browser itself during the tests.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.open_pdf_attachments_inline': false,
      ...options.prefs,
    },
  });
  const unrouted: string[] = [];
  try {
    const id = await ff.installExtension(dir);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    const origin = `moz-extension://${ADDON_UUID}`;
    const probe = await openExtensionPage({ browser: ff } as FirefoxSession, '/popup.html?tab=-1');
    const pending = new Set<Promise<void>>();
    const interceptionErrors: string[] = [];
    return {
      browser: ff,
      probe,
      origin,
      unrouted,
      pending,
      answeredTooLate: [],
      interceptionErrors,
      async close() {
        // Every answer settles (and is checked) before the browser goes: none can reject after the session.
        await Promise.all(pending);
        await closeFirefox(ff);
        rmSync(downloads, { recursive: true, force: true });
        if (interceptionErrors.length > 0) throw new Error(`Request interception failed in Firefox:\n${interceptionErrors.join('\n')}`);
      },
    };
  } catch (error) {
    await closeFirefox(ff);
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Close Firefox, and kill its process when the polite close has not returned after 20 s. WebDriver BiDi's
 * `browser.close` has hung on a loaded machine (CI, 5 Dec 2026: map-firefox.test.ts's afterAll ran past its
 * 60 s after every test had passed); the browser's shutdown is not what the tests are about, so a stuck one
 * is killed and said so on stderr rather than failing the suite after the fact.
 */
async function closeFirefox(ff: Browser): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), 20_000)));
  const closing = ff.close();
  const outcome = await Promise.race([closing.then(() => 'closed' as const), stuck]);
  clearTimeout(timer);
  if (outcome === 'stuck') {
    console.warn('Firefox did not close within 20 s; killing its process');
    // The abandoned close rejects once its connection drops with the process: expected, not a test failure.
    closing.catch(() => undefined);
    ff.process()?.kill('SIGKILL');
  }
}

/** What to do with an intercepted request. */
export type Answer = { respond: Partial<ResponseForRequest> } | { abort: ErrorCode } | 'continue';

/**
 * WebDriver BiDi's answer when the request is no longer blocked in Firefox. Firefox reports some requests as
 * blocked that it settles on its own at once: an image it already holds (the Meta pixel of a page's first
 * load, requested a second time) comes as `beforeRequestSent` with `isBlocked: true` immediately followed by
 * `responseCompleted` from its cache, and `network.provideResponse` then fails with "no such request:
 * Blocked request with id N not found". Requests of a tab that navigates away or closes are cancelled too.
 */
const NO_SUCH_REQUEST = /no such request/;

/** Whether Firefox settled `req` itself (a response or a failure seen), or its page is gone; polled briefly. */
async function settledWithoutUs(req: HTTPRequest, page: Page): Promise<string | undefined> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    if (req.response()) return `completed by the browser (status ${req.response()!.status()}${req.response()!.fromCache() ? ', from cache' : ''})`;
    const failure = req.failure();
    if (failure) return `failed in the browser (${failure.errorText})`;
    if (page.isClosed()) return 'its page was closed';
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Intercept every request of `page` and answer each with `decide(req)`. Each answer is awaited and checked:
 * a rejection is accepted only when it says the request is no longer blocked AND the request was indeed
 * settled by Firefox (a response or failure observed) or its page closed; it is then listed in
 * `session.answeredTooLate`. Any other failure goes to `session.interceptionErrors`, and the session's
 * `close()` throws with it. `close()` also waits for every answer still under way.
 */
export async function interceptRequests(session: Pick<FirefoxSession, 'pending' | 'answeredTooLate' | 'interceptionErrors'>, page: Page, decide: (req: HTTPRequest) => Answer): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    let how: Answer;
    try {
      how = decide(req);
    } catch (error) {
      session.interceptionErrors.push(`${req.url()}: deciding the answer threw ${String(error)}`);
      how = { abort: 'failed' };
    }
    const sent = how === 'continue' ? req.continue() : 'abort' in how ? req.abort(how.abort) : req.respond(how.respond);
    const checked: Promise<void> = sent
      .then(
        () => undefined,
        async (error: unknown) => {
          const message = String((error as Error)?.message ?? error);
          const why = NO_SUCH_REQUEST.test(message) ? await settledWithoutUs(req, page) : undefined;
          if (why) session.answeredTooLate.push(`${req.url()}: ${why}`);
          else session.interceptionErrors.push(`${req.url()}: ${message.split('\n')[0]}`);
        },
      )
      .finally(() => session.pending.delete(checked));
    session.pending.add(checked);
  });
}

/** Serve fixtures to a page; abort (and record) everything else. Extension resources load as usual. */
async function route(session: FirefoxSession, page: Page): Promise<void> {
  await interceptRequests(session, page, (req): Answer => {
    const url = req.url().split('#')[0]!;
    if (url.startsWith('moz-extension://') || url.startsWith('data:') || url === 'about:blank') return 'continue';
    const fixture = fixtureFor(url);
    if (!fixture || 'abort' in fixture) {
      if (!fixture) session.unrouted.push(url);
      return { abort: 'blockedbyclient' };
    }
    if ('file' in fixture) {
      return { respond: { status: 200, contentType: fixture.contentType ?? 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture.file)) } };
    }
    return { respond: { status: fixture.status ?? 200, contentType: fixture.contentType ?? 'text/html; charset=utf-8', body: fixture.body } };
  });
}

/** Open a web page (served from fixtures) in a new tab. */
export async function openWebPage(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await route(session, page);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Open one of the add-on's pages in a new tab. The navigation itself is not awaited (BiDi does not report
 * the load of a moz-extension:// document to puppeteer); the page is ready when its document is.
 */
export async function openExtensionPage(session: Pick<FirefoxSession, 'browser'>, path: string, ready?: string): Promise<Page> {
  const page = await session.browser.newPage();
  const url = `moz-extension://${ADDON_UUID}${path}`;
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  // Polled by hand: an evaluation that meets the document switch fails inside Firefox's BiDi code, which
  // puppeteer's waitForFunction does not retry.
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (ready) await page.waitForSelector(ready, { timeout: 15_000 });
  return page;
}

let marker = 0;

/** The add-on's id for the tab showing `page`, found through a unique title set for a moment (no navigation; see harness.ts). */
export async function tabIdOf(session: FirefoxSession, page: Page): Promise<number> {
  const mark = `lw-ff-${process.pid}-${++marker}`;
  const original = await page.evaluate((m) => {
    const before = document.title;
    document.title = m;
    return before;
  }, mark);
  const deadline = Date.now() + 5_000;
  let id = -1;
  while (id < 0 && Date.now() < deadline) {
    id = await session.probe.evaluate(async (m) => {
      const tabs = await browser.tabs.query({});
      return tabs.find((t: { title?: string; id?: number }) => t.title === m)?.id ?? -1;
    }, mark);
    if (id < 0) await new Promise((r) => setTimeout(r, 50));
  }
  await page.evaluate((t) => (document.title = t), original);
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

export async function badgeOf(session: FirefoxSession, tabId: number): Promise<{ text: string; title: string }> {
  return session.probe.evaluate(async (id) => {
    const action = browser.action ?? browser.browserAction;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

export function waitForBadge(
  session: FirefoxSession,
  tabId: number,
  predicate: (b: { text: string; title: string }) => boolean,
  timeoutMs = 10_000,
): Promise<{ text: string; title: string }> {
  return pollUntil(() => badgeOf(session, tabId), predicate, `badge of tab ${tabId}`, timeoutMs);
}

/** The popup page for a tab, opened in a tab of its own. */
export async function openPopupForTab(session: FirefoxSession, tabId: number): Promise<Page> {
  return openExtensionPage(session, `/popup.html?tab=${tabId}`, 'main.popup section, main.popup [role=alert]');
}
